/** Normalisers that look the score up in the model itself: piecewise bins and category maps. */
export interface BinsParams {
  readonly kind: 'bins';
  readonly edges: readonly number[];
  readonly scores: readonly number[];
}

export interface CategoryParams {
  readonly kind: 'category';
  readonly map: Readonly<Record<string, number>>;
  readonly otherwise?: number | undefined;
}

export function scoreBins(p: BinsParams, value: number): number {
  if (Number.isNaN(value)) return Number.NaN;
  let i = 0;
  while (i < p.edges.length && value > p.edges[i]!) i++;
  return p.scores[i]! / 100;
}

export function scoreCategory(p: CategoryParams, value: string | null): number {
  if (value === null) return Number.NaN;
  const score = Object.hasOwn(p.map, value) ? p.map[value] : p.otherwise;
  return score === undefined ? Number.NaN : score / 100;
}
