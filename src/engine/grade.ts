import type { ClvRunParams } from './clv/forecast.js';
import { lazyRecord, type PopulationColumns } from './columns.js';
import { fitComposite, type FittedFactor } from './composite/factors.js';
import { runMethod, type GraderParams } from './graders/index.js';
import type { RfmTiles } from './graders/rfm.js';
import type { Localised } from './i18n.js';
import { toDayNumber, type AsOf } from './metrics/dates.js';
import type { Model } from './model/schema.js';
import { populationRows, restrict } from './population.js';
import { identity, orderById } from './sort/radix.js';
import { activeOverrides, GRADE_STATUS, stabilise, type Override, type PreviousGrades } from './stability.js';

export interface GradeOptions {
  readonly asOf: AsOf;
  /** Previous grades and stability counters, aligned with the input rows. */
  readonly previous?: PreviousGrades | undefined;
  readonly overrides?: readonly Override[] | undefined;
  /** Called when each stage finishes ('population', 'factors', 'method', 'stability'), e.g. to time them. */
  readonly onStage?: ((stage: string) => void) | undefined;
}

/** Everything needed to grade one more customer exactly as this run did (see `scoreOne`). */
export interface RunParams {
  readonly modelId?: string | undefined;
  readonly modelVersion?: number | undefined;
  readonly asOfDay: number;
  readonly populationSize: number;
  readonly factors: readonly FittedFactor[];
  readonly method: GraderParams;
  /** Lowest score of each grade for score methods (threshold, or the score of the grade's last member). */
  readonly scoreBoundaries?: readonly number[] | undefined;
  /** Fitted CLV models, when the model uses CLV metrics (added by the run, see src/modules/clv). */
  readonly clv?: ClvRunParams | undefined;
}

export interface GradeShare {
  readonly code: string;
  readonly name: Localised;
  readonly count: number;
  readonly share: number;
}

export interface GradingResult {
  /** Input row of each population member; all grading arrays below are indexed by population member. */
  readonly rows: Int32Array;
  readonly ids: Int32Array | Float64Array;
  readonly grades: Int32Array;
  /** Grades before stability and overrides. */
  readonly computedGrades: Int32Array;
  readonly status: Uint8Array;
  readonly pending: Int32Array;
  /** Composite score 0–100 (NaN for methods without factors). */
  readonly scores: Float64Array;
  /** 0–100 score of each top-level factor, by factor id; each column is made when first read. */
  readonly factorScores: Readonly<Record<string, Float64Array>>;
  /** Unit score (0–1) of every factor and sub-factor, by dotted path. */
  readonly units: ReadonlyMap<string, Float64Array>;
  readonly params: RunParams;
  readonly distribution: readonly GradeShare[];
  readonly rfm?: RfmTiles | undefined;
  /** The population's columns (restricted to its rows), for explanations and what-if. */
  readonly columns: PopulationColumns;
}

export function scoreBoundariesOf(method: GraderParams): number[] | undefined {
  if (method.kind === 'thresholds') return [...method.thresholds, Number.NEGATIVE_INFINITY];
  if (method.kind === 'quotas') return method.boundaries.map((b) => b?.value ?? Number.NaN);
  return undefined;
}

/**
 * Grades a population with a model: population filter → factor normalisation and composite → the method's
 * grades → stability rule → overrides. Pure: the same model, columns and options give the same result.
 */
export function gradePopulation(
  model: Model,
  input: PopulationColumns,
  options: GradeOptions,
): GradingResult {
  const asOfDay = toDayNumber(options.asOf);
  const selected = populationRows(model, input);
  const columns = selected ? restrict(input, selected) : input;
  const rows = selected ?? identity(input.ids.length);
  const n = columns.ids.length;
  const byId = orderById(columns.ids);
  options.onStage?.('population');

  const composite = model.factors.length > 0 ? fitComposite(model.factors, columns) : undefined;
  const scores = composite?.composite ?? new Float64Array(n).fill(Number.NaN);
  options.onStage?.('factors');
  const method = runMethod({ model, columns, scores, byId, asOfDay });
  options.onStage?.('method');
  const scoreBoundaries = scoreBoundariesOf(method.params);

  const status = new Uint8Array(n);
  const pending = new Int32Array(n);
  const overrides = activeOverrides(
    options.overrides ?? [],
    model.ladder.map((g) => g.code),
    asOfDay,
  );
  // A first run without overrides has nothing to hold or override: every grade is the computed one.
  const firstRun = !options.previous && overrides.size === 0;
  const grades = firstRun ? method.grades.slice() : new Int32Array(n);
  for (let i = 0; !firstRun && i < n; i++) {
    const previousGrade = options.previous ? options.previous.grades[rows[i]!]! : -1;
    const s = stabilise(
      model.stability,
      method.grades[i]!,
      previousGrade,
      options.previous ? options.previous.pending[rows[i]!]! : 0,
      scores[i]!,
      previousGrade >= 0 ? (scoreBoundaries?.[previousGrade] ?? Number.NaN) : Number.NaN,
    );
    const override = overrides.get(columns.ids[i]!);
    grades[i] = override ?? s.grade;
    status[i] = override === undefined ? s.status : GRADE_STATUS.override;
    pending[i] = s.pending;
  }

  options.onStage?.('stability');
  const factorScores = lazyRecord(
    Object.fromEntries(composite?.factors.map((f, i) => [f.id, composite.factorScores[i]!]) ?? []),
  ) as Record<string, Float64Array>;
  return {
    rows,
    ids: columns.ids,
    grades,
    computedGrades: method.grades,
    status,
    pending,
    scores,
    factorScores,
    units: composite?.units ?? new Map(),
    params: {
      modelId: model.id,
      modelVersion: model.version,
      asOfDay,
      populationSize: n,
      factors: composite?.factors ?? [],
      method: method.params,
      scoreBoundaries,
    },
    distribution: distributionOf(model, grades),
    rfm: method.rfm,
    columns,
  };
}

export function distributionOf(model: Model, grades: Int32Array): GradeShare[] {
  const counts = new Array<number>(model.ladder.length).fill(0);
  for (let i = 0; i < grades.length; i++) counts[grades[i]!]!++;
  return model.ladder.map((g, i) => ({
    code: g.code,
    name: g.name,
    count: counts[i]!,
    share: grades.length ? counts[i]! / grades.length : 0,
  }));
}
