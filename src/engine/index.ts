/**
 * Stratum grading engine: a pure library (no database, clock, environment or I/O) that grades a population of
 * customers, given as columns, with a model, and explains every grade.
 */
export {
  METRICS,
  METRIC_IDS,
  type MetricDefinition,
  type MetricId,
  type MetricUnit,
} from './metrics/catalogue.js';
export { addMonths, monthsUntil, toDayNumber, toIsoDate, windowBounds, type AsOf } from './metrics/dates.js';
export {
  BASE_AGGREGATES,
  deriveMetrics,
  type BaseAggregate,
  type BaseColumns,
  type DeriveOptions,
} from './metrics/derive.js';
export type { CategoryColumn, CustomerMetrics, MetricColumn, PopulationColumns } from './columns.js';
export { categoryCoder, takeNumbers, withColumns } from './columns.js';
export { EngineError, type Localised, type Locale } from './i18n.js';
export {
  modelSchema,
  parseModel,
  type FactorSpec,
  type GradeSpec,
  type MethodSpec,
  type Model,
  type ModelInput,
  type NormaliserSpec,
} from './model/schema.js';
export * from './model/presets.js';
export { readsAnyMetric, readsReferralMetrics, REFERRAL_METRIC_IDS } from './model/reads.js';
export { argsort, orderById } from './sort/radix.js';
export { fitNormaliser, applyNormaliser, type NormaliserParams } from './normalise/index.js';
export {
  gradePopulation,
  type GradeOptions,
  type GradeShare,
  type GradingResult,
  type RunParams,
} from './grade.js';
export { scoreOne, type PreviousState, type SingleGrade } from './score-one.js';
export { GRADE_STATUS, type Override, type PreviousGrades } from './stability.js';
export {
  explainColumns,
  explainCustomer,
  type Explanation,
  type ExplanationColumns,
} from './explain/index.js';
export { whatIf, type Mover, type WhatIf } from './what-if.js';
export { LIFECYCLE_STAGES, MATRIX_QUADRANTS } from './graders/rules.js';
