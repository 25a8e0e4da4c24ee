import { z } from '@hono/zod-openapi';
import { text } from '../../server/schema-common.js';
import { extensibleKinds } from './dictionary.builtin.js';

export const DictionaryParams = z.object({
  kind: z.enum(extensibleKinds).openapi({ param: { name: 'kind', in: 'path' } }),
  code: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[A-Za-z0-9_\-.]+$/)
    .openapi({ param: { name: 'code', in: 'path' } }),
});

export const DictionaryPut = z
  .object({
    nameZh: text(100),
    nameEn: text(100),
    sort: z.number().int().min(0).max(1_000_000).optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .openapi('DictionaryEntryInput');
export type DictionaryPutInput = z.output<typeof DictionaryPut>;

export const DictionaryEntryResponse = z
  .object({
    kind: z.enum(extensibleKinds),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    sort: z.number().int(),
    builtin: z.boolean(),
    active: z.boolean(),
  })
  .openapi('DictionaryEntry');
export type DictionaryEntryView = z.infer<typeof DictionaryEntryResponse>;

export const DictionaryList = z.object({ items: z.array(DictionaryEntryResponse) }).openapi('DictionaryList');
