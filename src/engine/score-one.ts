import type { CustomerMetrics } from './columns.js';
import { scoreFactors } from './composite/factors.js';
import type { RunParams } from './grade.js';
import { methodGradeOf } from './graders/index.js';
import type { Model } from './model/schema.js';
import { inPopulation } from './population.js';
import { activeOverrides, GRADE_STATUS, stabilise, type Override, type Stabilised } from './stability.js';

export interface PreviousState {
  readonly grade: number;
  readonly pending: number;
}

export interface SingleGrade extends Stabilised {
  readonly inPopulation: boolean;
  readonly computedGrade: number;
  readonly score: number;
  readonly factorScores: Readonly<Record<string, number>>;
  readonly units: ReadonlyMap<string, number>;
  readonly rfmCode?: number | undefined;
}

/**
 * Re-grades one customer against a run's stored parameters (normaliser breakpoints, quota and tile
 * boundaries, …), for instant re-grades between runs. For a member of the run's population with unchanged
 * metrics the result equals the batch result exactly.
 */
export function scoreOne(
  model: Model,
  params: RunParams,
  customerId: number,
  metrics: CustomerMetrics,
  previous?: PreviousState,
  overrides: readonly Override[] = [],
): SingleGrade {
  const fitted = params.factors.length ? scoreFactors(params.factors, metrics) : undefined;
  const score = fitted?.composite ?? Number.NaN;
  const { grade: computedGrade, rfmCode } = methodGradeOf(
    model,
    params.method,
    metrics,
    customerId,
    score,
    params.asOfDay,
  );
  const previousGrade = previous?.grade ?? -1;
  const stabilised = stabilise(
    model.stability,
    computedGrade,
    previousGrade,
    previous?.pending ?? 0,
    score,
    previousGrade >= 0 ? (params.scoreBoundaries?.[previousGrade] ?? Number.NaN) : Number.NaN,
  );
  const override = activeOverrides(
    overrides,
    model.ladder.map((g) => g.code),
    params.asOfDay,
  ).get(customerId);
  const factorScores: Record<string, number> = {};
  params.factors.forEach((f, i) => (factorScores[f.id] = fitted!.factorScores[i]!));
  return {
    inPopulation: inPopulation(model, metrics),
    computedGrade,
    ...stabilised,
    ...(override === undefined ? {} : { grade: override, status: GRADE_STATUS.override }),
    score,
    factorScores,
    units: fitted?.units ?? new Map(),
    rfmCode,
  };
}
