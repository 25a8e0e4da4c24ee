import type { Updateable } from 'kysely';
import type { Db } from '../audit/audit.repository.js';
import type { WorklistPoolTables, WorklistSettingsTable } from './worklist.tables.js';

export const tables = (db: Db) => db.withTables<WorklistPoolTables>();

export function readSettings(db: Db) {
  return tables(db).selectFrom('worklist_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

export type SettingsRow = Awaited<ReturnType<typeof readSettings>>;

export function lockSettings(db: Db) {
  return tables(db)
    .selectFrom('worklist_settings')
    .selectAll()
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export function updateSettings(db: Db, values: Updateable<WorklistSettingsTable>) {
  return tables(db)
    .updateTable('worklist_settings')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', 1)
    .returningAll()
    .executeTakeFirstOrThrow();
}
