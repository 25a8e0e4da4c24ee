import type { ModelDefinition, NormaliserKind, NormaliserSpec } from '../../api/grading.api';

/** Each weight's share of its siblings in percent (all zero: equal shares), as the engine normalises them. */
export function normalisedShares(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + Math.max(0, w), 0);
  if (total === 0) return weights.map(() => (weights.length ? 100 / weights.length : 0));
  return weights.map((w) => (Math.max(0, w) / total) * 100);
}

/** Weights rescaled to sum to exactly 100 with one decimal; the rounding remainder goes to the largest. */
export function scaleTo100(weights: readonly number[]): number[] {
  const shares = normalisedShares(weights).map((share) => Math.round(share * 10) / 10);
  const remainder = Math.round((100 - shares.reduce((a, b) => a + b, 0)) * 10) / 10;
  if (remainder !== 0 && shares.length) {
    const largest = shares.indexOf(Math.max(...shares));
    shares[largest] = Math.round(((shares[largest] ?? 0) + remainder) * 10) / 10;
  }
  return shares;
}

export function defaultNormaliser(kind: NormaliserKind): NormaliserSpec {
  switch (kind) {
    case 'percentile':
      return { kind, nulls: 'first' };
    case 'zscore':
      return { kind, clip: 3 };
    case 'bins':
      return { kind, edges: [0], scores: [0, 100] };
    case 'category':
      return { kind, map: {}, otherwise: 0 };
    default:
      return { kind };
  }
}

/** Score methods keep one quota or one threshold per grade; adding or removing a grade keeps them in step. */
export function resizeLadder(definition: ModelDefinition, size: number): ModelDefinition {
  const ladder = definition.ladder.slice(0, size);
  while (ladder.length < size) {
    const n = ladder.length + 1;
    ladder.push({ code: `G${n}`, name: { 'zh-CN': `等级${n}`, 'en-US': `Grade ${n}` }, color: '#8c8c8c' });
  }
  const method = { ...definition.method };
  if (method.kind === 'quotas') {
    const quotas = (method.quotas ?? []).slice(0, size);
    while (quotas.length < size) quotas.push(10);
    method.quotas = quotas;
  }
  if (method.kind === 'thresholds') {
    const thresholds = (method.thresholds ?? []).slice(0, size - 1);
    while (thresholds.length < size - 1) thresholds.push(Math.max(0, (thresholds.at(-1) ?? 100) - 10));
    method.thresholds = thresholds;
  }
  return { ...definition, ladder, method };
}
