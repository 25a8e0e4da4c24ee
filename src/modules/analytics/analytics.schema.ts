import { z } from '@hono/zod-openapi';

const list = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value.split(',').filter(Boolean) : undefined))
  .openapi({ type: 'string', description: 'comma-separated list' });
const ids = z
  .string()
  .trim()
  .regex(/^\d+(,\d+)*$/)
  .optional()
  .transform((value) => (value ? value.split(',').map(Number) : undefined))
  .openapi({ type: 'string', description: 'comma-separated ids' });

/** The dashboard's filters; each narrows the customers the caller may see, never widens them. */
export const AnalyticsFilter = z.object({
  teamId: ids,
  ownerId: ids,
  province: list,
  industry: list,
});
export type AnalyticsFilterInput = z.infer<typeof AnalyticsFilter>;

export const RunSummaryQuery = AnalyticsFilter;

export const TrendQuery = AnalyticsFilter.extend({
  modelId: z.coerce.number().int().positive(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
});

export const MigrationQuery = AnalyticsFilter.extend({
  fromRunId: z.coerce.number().int().positive(),
  toRunId: z.coerce.number().int().positive(),
});

const cell = z.union([z.string().max(2000), z.number(), z.null()]);

export const XlsxBody = z
  .object({
    filename: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[^\\/:*?"<>|]+$/),
    sheets: z
      .array(
        z.object({
          name: z.string().trim().min(1).max(31),
          rows: z.array(z.array(cell).max(200)).max(100_000),
        }),
      )
      .min(1)
      .max(20),
  })
  .strict()
  .openapi('AnalyticsXlsx');

export const AnyJson = z.unknown().openapi({ type: 'object' });
