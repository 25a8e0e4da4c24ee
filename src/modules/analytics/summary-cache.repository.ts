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
 * The kept company-wide summary of a run, if nothing it reads of the customers has changed since its snapshot: no
 * customer's lifecycle stage, composition attributes or deletion changed by a transaction that started at or after
 * the snapshot (migration 015), and none of the transactions then in flight committed.
 */
export async function currentSummary(db: Db, runId: number): Promise<unknown> {
  const { rows } = await sql<{ summary: unknown }>`
    SELECT s.summary FROM run_summaries s
    WHERE s.run_id = ${runId}
      AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.figures_changed_at >= s.computed_at)
      AND NOT EXISTS (SELECT 1 FROM unnest(s.in_flight) x
                      WHERE pg_xact_status(x::text::xid8) IS DISTINCT FROM 'in progress'
                        AND pg_xact_status(x::text::xid8) IS DISTINCT FROM 'aborted')`.execute(db);
  return rows[0]?.summary;
}

export async function keepSummary(
  db: Db,
  runId: number,
  mark: SnapshotMark,
  summary: unknown,
): Promise<void> {
  await db
    .insertInto('run_summaries')
    .values({ run_id: runId, ...mark, summary: JSON.stringify(summary) })
    .onConflict((oc) =>
      oc.column('run_id').doUpdateSet((eb) => ({
        computed_at: eb.ref('excluded.computed_at'),
        in_flight: eb.ref('excluded.in_flight'),
        summary: eb.ref('excluded.summary'),
      })),
    )
    .execute();
}
