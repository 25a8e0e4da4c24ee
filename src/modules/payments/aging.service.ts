import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { splitGrandTotal } from '../shared/grouping-sets.js';
import { AGING_BUCKETS } from './aging.js';
import { agingRows, type AgingRow } from './aging.repository.js';
import type { AgingFilter, AgingReportView } from './aging.schema.js';

function figuresOf(row: AgingRow) {
  return {
    buckets: AGING_BUCKETS.map((bucket, at) => ({
      bucket: bucket.code,
      count: row.bucket_counts[at]!,
      amount: row.bucket_amounts[at]!,
    })),
    outstanding: { count: row.outstanding_count, amount: row.outstanding_amount },
    overdue: { count: row.overdue_count, amount: row.overdue_amount },
  };
}

/** What the user's customers owe on a day, by how long past due, in total and per account manager. */
export async function agingReport(db: Db, actor: Actor, filter: AgingFilter): Promise<AgingReportView> {
  const { total, groups: owners } = splitGrandTotal(await agingRows(db, actor, filter));
  return {
    asOf: total.as_of,
    total: figuresOf(total),
    owners: owners.map((row) => ({ ownerId: row.owner_id, ownerName: row.owner_name, ...figuresOf(row) })),
  };
}
