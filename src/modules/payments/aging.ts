/**
 * Receivables aging (账龄): how many days past its due date an unpaid payment is on the as-of day, in the brackets
 * a finance department reports. A payment due on the as-of day itself is not yet overdue, as everywhere else.
 */
export const AGING_BUCKETS = [
  { code: 'not_due', maxDays: 0 },
  { code: 'd1_30', maxDays: 30 },
  { code: 'd31_60', maxDays: 60 },
  { code: 'd61_90', maxDays: 90 },
  { code: 'd91_180', maxDays: 180 },
  { code: 'over_180', maxDays: null },
] as const;

export type AgingBucket = (typeof AGING_BUCKETS)[number]['code'];

export const agingBucketCodes = AGING_BUCKETS.map((bucket) => bucket.code) as [AgingBucket, ...AgingBucket[]];

/** The days overdue a bucket holds, both ends inclusive; null where it is open. */
export function agingDays(code: AgingBucket): { readonly min: number | null; readonly max: number | null } {
  const at = AGING_BUCKETS.findIndex((bucket) => bucket.code === code);
  const previous = AGING_BUCKETS[at - 1];
  return { min: previous ? previous.maxDays! + 1 : null, max: AGING_BUCKETS[at]!.maxDays };
}
