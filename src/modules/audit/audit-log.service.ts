import type { Actor } from '../auth/actor.js';
import { decodeCursor, toPage } from '../shared/pagination.js';
import { requireAdmin } from '../users/user.service.js';
import { auditLogFacets, listAuditLog, type Db } from './audit.repository.js';
import type { AuditLogFacetsView, AuditLogPageView, AuditLogQueryInput } from './audit-log.schema.js';
import { toHistoryEntry } from './history.service.js';

/** One page of everything everyone did, newest first (admins). No total: counting the whole log is a full scan. */
export async function auditLogPage(
  db: Db,
  actor: Actor,
  query: AuditLogQueryInput,
): Promise<AuditLogPageView> {
  requireAdmin(actor);
  const cursor = decodeCursor(query.cursor);
  const rows = await listAuditLog(db, query, query.limit + 1, cursor?.id);
  const { items, nextCursor } = toPage(rows.map(toHistoryEntry), query.limit, 0, () => null);
  return { items, nextCursor };
}

const byName = new Intl.Collator('zh-CN');

/** The values the log's filters can take (admins): entities and actions in code order, users by name. */
export async function auditLogFilterValues(db: Db, actor: Actor): Promise<AuditLogFacetsView> {
  requireAdmin(actor);
  const { entities, actions, users } = await auditLogFacets(db);
  return {
    entities: entities.sort(),
    actions: actions.sort(),
    users: users.sort((a, b) => byName.compare(a.name, b.name) || a.id - b.id),
  };
}
