import { AppError } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { isCustomerVisible } from '../shared/scope.js';
import { listCustomerHistory, type Db, type HistoryEntryRow } from './audit.repository.js';
import { isoTimestamp } from './owned-records.js';
import type { HistoryEntryView } from './history.schema.js';

export const toHistoryEntry = (row: HistoryEntryRow): HistoryEntryView => ({
  id: Number(row.id),
  at: isoTimestamp(row.at),
  userId: row.user_id,
  userName: row.user_name,
  entity: row.entity,
  entityId: row.entity_id,
  action: row.action,
  before: row.before,
  after: row.after,
});

export async function customerHistory(
  db: Db,
  actor: Actor,
  customerId: number,
  limit: number,
): Promise<{ items: HistoryEntryView[] }> {
  if (!(await isCustomerVisible(db, actor, customerId))) throw AppError.notFound();
  const rows = await listCustomerHistory(db, customerId, limit);
  return { items: rows.map(toHistoryEntry) };
}
