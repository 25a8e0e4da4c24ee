/**
 * Test oracle for rankings: row order by a plain comparison sort — value order (-0 equal to 0), NULLs (NaN)
 * together first or last, ties in input order.
 */
export const comparisonOrder = (values: readonly number[], descending: boolean, nullsFirst: boolean) =>
  values
    .map((v, i) => ({ v: Object.is(v, -0) ? 0 : v, i }))
    .sort((a, b) => {
      const an = Number.isNaN(a.v);
      const bn = Number.isNaN(b.v);
      if (an || bn) return an && bn ? a.i - b.i : an === nullsFirst ? -1 : 1;
      return (descending ? b.v - a.v : a.v - b.v) || a.i - b.i;
    })
    .map((x) => x.i);
