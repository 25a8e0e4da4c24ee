import { sql, type Kysely } from 'kysely';

/**
 * A run's grade changes are read back by their run: the run's alerts and webhook events, the changed count of its
 * run.completed event, and the release of a deleted run. Without an index each of these read every grade change
 * ever recorded — at a million customers a monthly run adds 150,000–700,000, so a year of runs made every run's
 * alert step scan millions of rows (3.1 M rows, 0.3 s after seven runs, and growing with each one). Every change
 * of a run carries the same run id, so the index stays small (deduplicated) and cheap to append to; instant
 * changes and overrides have no run and are left out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX grade_changes_run_idx ON grade_changes (run_id) WHERE run_id IS NOT NULL`.execute(
    db,
  );
}
