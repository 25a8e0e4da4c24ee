import { z } from '@hono/zod-openapi';

export const HistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const HistoryEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    userId: z.number().int().nullable(),
    userName: z.string().nullable(),
    entity: z.string(),
    entityId: z.string().nullable(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('HistoryEntry');
export type HistoryEntryView = z.infer<typeof HistoryEntry>;

export const HistoryList = z.object({ items: z.array(HistoryEntry) }).openapi('HistoryList');
