import { sql } from 'kysely';
import type { Db } from '../audit/audit.repository.js';

/** The moment a snapshot was taken and the transactions it cannot see because they were still in flight. */
export interface SnapshotMark {
  computed_at: Date;
  in_flight: string[];
}

/** Marks the current snapshot; run first in a repeatable-read transaction, it marks the transaction's own. */
export async function markSnapshot(db: Db): Promise<SnapshotMark> {
  const { rows } = await sql<SnapshotMark>`
    SELECT now() AS computed_at,
           coalesce((SELECT array_agg(x::text) FROM pg_snapshot_xip(pg_current_snapshot()) x), '{}') AS in_flight`.execute(
    db,
  );
  return rows[0]!;
}

/**
 * The kept summary of a run for one scope (`scopeKey`), if nothing it reads of the customers has changed since its
 * snapshot: no customer's lifecycle stage, composition attributes, owner, team or deletion changed by a transaction
 * that started at or after the snapshot (migrations 015 and 017), and none of the transactions then in flight
 * committed.
 */
export async function currentSummary(db: Db, runId: number, scope: string): Promise<unknown> {
  const { rows } = await sql<{ summary: unknown }>`
    SELECT s.summary FROM run_summaries s
    WHERE s.run_id = ${runId} AND s.scope = ${scope}
      AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.figures_changed_at >= s.computed_at)
      AND NOT EXISTS (SELECT 1 FROM unnest(s.in_flight) x
                      WHERE pg_xact_status(x::text::xid8) IS DISTINCT FROM 'in progress'
                        AND pg_xact_status(x::text::xid8) IS DISTINCT FROM 'aborted')`.execute(db);
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
        computed_at: eb.ref('excluded.computed_at'),
        in_flight: eb.ref('excluded.in_flight'),
        summary: eb.ref('excluded.summary'),
      })),
    )
    .execute();
}
