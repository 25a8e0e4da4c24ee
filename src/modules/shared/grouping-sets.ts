/**
 * The rows of a statement grouped by `GROUPING SETS ((…), ())`, its grand total (the row whose `is_total`, selected
 * as `grouping(…)`, is 1) apart from the groups. A grand total exists even over no rows at all.
 */
export function splitGrandTotal<R extends { readonly is_total: number }>(
  rows: readonly R[],
): { total: R; groups: R[] } {
  const total = rows.find((row) => row.is_total === 1);
  if (!total) throw new Error('a grouping-sets statement returned no grand total');
  return { total, groups: rows.filter((row) => row !== total) };
}
