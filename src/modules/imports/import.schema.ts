import { z } from '@hono/zod-openapi';
import { exportFormats } from '../exports/table-output.js';
import { importEntities } from './fields.js';
import { textEncodings } from './formats/encoding.js';
import { delimiters } from './formats/text-reader.js';

const fieldMapping = z
  .object({
    column: z.string().max(200).optional(),
    constant: z.string().max(500).optional(),
    template: z.string().max(500).optional(),
    values: z.record(z.string(), z.string()).optional(),
    part: z.enum(['date', 'time']).optional(),
    multiply: z.number().finite().positive().optional(),
  })
  .strict();

export const MappingSchema = z.record(z.string(), fieldMapping).openapi('ImportMapping');

export const ReadOptions = z.object({
  encoding: z.enum(textEncodings).optional(),
  delimiter: z.enum(delimiters).optional(),
  sheet: z.string().max(31).optional(),
});

export const EntityOptionsSchema = z.object({
  createCustomers: z.boolean().optional(),
  cancelledPrefix: z.string().max(10).optional(),
  assumedMargin: z.number().min(0).max(1).optional(),
  skipOrderPrefix: z.string().max(10).optional(),
});

export const UploadQuery = z.object({ filename: z.string().trim().min(1).max(255) });
export const UploadParams = z.object({ id: z.string().uuid() });

export const PreviewBody = ReadOptions.extend({ entity: z.enum(importEntities) }).openapi(
  'ImportPreviewRequest',
);

export const JobBody = ReadOptions.merge(EntityOptionsSchema)
  .extend({
    entity: z.enum(importEntities),
    uploadIds: z.array(z.string().uuid()).min(1).max(500),
    mapping: MappingSchema.optional(),
    template: z.string().max(100).optional(),
    dryRun: z.boolean().optional(),
    skipBadRows: z.boolean().optional(),
  })
  .openapi('ImportJobRequest');

export const ProblemsQuery = z.object({ format: z.enum(exportFormats).default('xlsx') });

export const TemplateBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    entity: z.enum(importEntities),
    mapping: MappingSchema,
    options: ReadOptions.merge(EntityOptionsSchema).default({}),
  })
  .openapi('ImportTemplateRequest');

export const EntityParams = z.object({ entity: z.enum(importEntities) });
export const TemplateIdParams = z.object({ id: z.coerce.number().int().positive() });
