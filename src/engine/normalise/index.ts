import { asCategoryColumn, type MetricColumn } from '../columns.js';
import { EngineError, text } from '../i18n.js';
import type { NormaliserSpec } from '../model/schema.js';
import { scorePercentile, type PercentileParams } from './percentile.js';
import { fitPercentile } from './percentile-fit.js';
import { fitRange, fitZScore, scoreRange, scoreZ, type RangeParams, type ZScoreParams } from './scale.js';
import { scoreBins, scoreCategory, type BinsParams, type CategoryParams } from './lookup.js';

export type NormaliserParams = PercentileParams | RangeParams | ZScoreParams | BinsParams | CategoryParams;

export interface FittedNormaliser {
  readonly params: NormaliserParams;
  /** Unit score (0–1) per row; NaN where the normaliser leaves the value NULL. */
  readonly unit: Float64Array;
}

/** Fits a normaliser to a population column and scores every row; unit scores are in [0, 1]. */
export function fitNormaliser(
  spec: NormaliserSpec,
  column: MetricColumn,
  descending: boolean,
): FittedNormaliser {
  if (spec.kind === 'category') {
    const params: CategoryParams = { kind: 'category', map: spec.map, otherwise: spec.otherwise };
    const { codes, dictionary } = asCategoryColumn(column);
    const byCode = dictionary.map((value) => scoreCategory(params, value));
    const unit = new Float64Array(codes.length);
    for (let i = 0; i < codes.length; i++) unit[i] = codes[i]! < 0 ? Number.NaN : byCode[codes[i]!]!;
    return { params, unit };
  }
  const values = numeric(column);
  if (spec.kind === 'percentile') return fitPercentile(values, descending, spec.nulls);
  const params: NormaliserParams =
    spec.kind === 'bins'
      ? { kind: 'bins', edges: spec.edges, scores: spec.scores }
      : spec.kind === 'zscore'
        ? fitZScore(values, descending, spec.clip)
        : fitRange(spec.kind, values, descending);
  const unit = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) unit[i] = applyNormaliser(params, values[i]!);
  return { params, unit };
}

/** Scores one raw value against fitted parameters; for population members equal to the batch score. */
export function applyNormaliser(params: NormaliserParams, value: number | string | null): number {
  if (params.kind === 'category') return scoreCategory(params, typeof value === 'string' ? value : null);
  const x = typeof value === 'number' ? value : Number.NaN;
  switch (params.kind) {
    case 'percentile':
      return scorePercentile(params, x);
    case 'minmax':
    case 'log-minmax':
      return scoreRange(params, x);
    case 'zscore':
      return scoreZ(params, x);
    case 'bins':
      return scoreBins(params, x);
  }
}

export function numeric(column: MetricColumn): Float64Array {
  if (column instanceof Float64Array) return column;
  throw new EngineError(text('数值型指标收到了分类数据', 'a numeric metric received categorical data'));
}
