import { sql } from 'kysely';
import type { Db } from '../audit/audit.repository.js';

/** The snapshot a summary was computed in, as `pg_snapshot` text (xmin:xmax:in-flight ids). */
export interface SnapshotMark {
  snapshot: string;
}

/** Marks the current snapshot; run first in a repeatable-read transaction, it marks the transaction's own. */
export async function markSnapshot(db: Db): Promise<SnapshotMark> {
  const { rows } = await sql<SnapshotMark>`SELECT pg_current_snapshot()::text AS snapshot`.execute(db);
  return rows[0]!;
}

/**
 * The kept summary of a run for one scope (`scopeKey`), if its snapshot sees every change to what it reads of the
 * customers: no customer's lifecycle stage, composition attributes, owner, team or deletion was last changed by a
 * transaction that snapshot cannot see (migration 018). Transactions that wrote anything else do not matter.
 */
export async function currentSummary(db: Db, runId: number, scope: string): Promise<unknown> {
  const { rows } = await sql<{ summary: unknown }>`
    SELECT s.summary FROM run_summaries s
    WHERE s.run_id = ${runId} AND s.scope = ${scope}
      AND NOT EXISTS (SELECT 1 FROM customers c
                      WHERE c.figures_changed_by IS NOT NULL
                        AND c.figures_changed_by >= pg_snapshot_xmax(s.snapshot))
      AND NOT EXISTS (SELECT 1 FROM customers c
                      WHERE c.figures_changed_by IS NOT NULL
                        AND c.figures_changed_by = ANY (ARRAY(SELECT pg_snapshot_xip(s.snapshot))))`.execute(
    db,
  );
  return rows[0]?.summary;
}

export async function keepSummary(
  db: Db,
  runId: number,
  scope: string,
  mark: SnapshotMark,
  summary: unknown,
): Promise<void> {
  await db
    .insertInto('run_summaries')
    .values({ run_id: runId, scope, ...mark, summary: JSON.stringify(summary) })
    .onConflict((oc) =>
      oc.columns(['run_id', 'scope']).doUpdateSet((eb) => ({
        snapshot: eb.ref('excluded.snapshot'),
        summary: eb.ref('excluded.summary'),
      })),
    )
    .execute();
}
