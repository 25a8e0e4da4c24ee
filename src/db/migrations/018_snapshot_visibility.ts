import { sql, type Kysely } from 'kysely';
import { touchFunctionStatement } from './015_figures_changed_at.js';
import { SCOPED_FIGURE_COLUMNS } from './017_scoped_summaries.js';

/**
 * A kept summary (migrations 014, 015, 017) went stale when any transaction in flight at its snapshot committed,
 * whatever it wrote: in a working day something is always writing (sessions, audit, worklists, other databases of
 * the same cluster), so the kept summary was dropped more often than used. A customer row now carries the id of the
 * transaction that last changed what a summary reads, and a summary keeps its whole snapshot: it is stale exactly
 * when some customer's last such change is not visible in that snapshot (id at or above its xmax, or among its
 * in-flight ids). Rows changed before this migration carry no id: every snapshot taken from now on sees them.
 */
const statements = [
  `DELETE FROM run_summaries`,
  `ALTER TABLE run_summaries DROP COLUMN computed_at, DROP COLUMN in_flight, ADD COLUMN snapshot pg_snapshot NOT NULL`,
  `ALTER TABLE customers ADD COLUMN figures_changed_by xid8`,
  `ALTER TABLE customers ALTER COLUMN figures_changed_by SET DEFAULT pg_current_xact_id()`,
  `CREATE INDEX customers_figures_changed_by_idx ON customers (figures_changed_by)
     WHERE figures_changed_by IS NOT NULL`,
  touchFunctionStatement(SCOPED_FIGURE_COLUMNS, 'NEW.figures_changed_by := pg_current_xact_id()'),
  `DROP INDEX customers_figures_changed_idx`,
  `ALTER TABLE customers DROP COLUMN figures_changed_at`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
