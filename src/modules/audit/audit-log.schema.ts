import { z } from '@hono/zod-openapi';
import { isoDate, optionalText } from '../../server/schema-common.js';
import { HistoryEntry } from './history.schema.js';

/** The filters of the company-wide audit log, shared by its page and its export; an empty text is no filter. */
export const AuditLogFilter = z.object({
  entity: optionalText(100).openapi({ description: 'e.g. customer, user, import, grading_model' }),
  action: optionalText(100).openapi({ description: 'e.g. create, update, delete, login, import' }),
  userId: z.coerce.number().int().positive().optional().openapi({ description: 'The user who acted' }),
  entityId: optionalText(100),
  from: isoDate.optional().openapi({ description: 'First day, inclusive, in Asia/Shanghai' }),
  to: isoDate.optional().openapi({ description: 'Last day, inclusive, in Asia/Shanghai' }),
  q: optionalText(200).openapi({
    description: 'Text found, case-insensitively, in the entity id or in the before/after JSON',
  }),
});

export type AuditLogFilterInput = z.output<typeof AuditLogFilter>;

export const AuditLogQuery = AuditLogFilter.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional().openapi({ description: 'nextCursor of the previous page' }),
});
export type AuditLogQueryInput = z.output<typeof AuditLogQuery>;

export const AuditLogPage = z
  .object({ items: z.array(HistoryEntry), nextCursor: z.string().nullable() })
  .openapi('AuditLogPage');
export type AuditLogPageView = z.infer<typeof AuditLogPage>;

export const AuditLogFacets = z
  .object({
    entities: z.array(z.string()),
    actions: z.array(z.string()),
    users: z.array(z.object({ id: z.number().int(), name: z.string() })),
  })
  .openapi('AuditLogFacets');
export type AuditLogFacetsView = z.infer<typeof AuditLogFacets>;
