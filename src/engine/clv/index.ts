// Probabilistic customer-base analysis: purchase forecasts (BG/NBD, Pareto/NBD), spend forecasts
// (Gamma-Gamma), P(alive), CLV and churn flags. Pure functions over typed columns.
export { calibrationSummary, purchaseDaysBetween, DAYS_PER_UNIT } from './summary.js';
export type { CalibrationOptions, CalibrationSummary, TimeUnit, Transactions } from './summary.js';
export { groupRecencyFrequency } from './grouping.js';
export type { GroupedRecencyFrequency, RecencyFrequency } from './grouping.js';
export {
  bgnbdConditionalExpected,
  bgnbdExpectedPurchases,
  bgnbdLogLikelihood,
  bgnbdPAlive,
  fitBgNbd,
} from './bgnbd.js';
export type { BgNbdParams } from './bgnbd.js';
export {
  fitParetoNbd,
  paretoNbdConditionalExpected,
  paretoNbdExpectedPurchases,
  paretoNbdGradient,
  paretoNbdLogLikelihood,
  paretoNbdPAlive,
} from './paretonbd.js';
export type { ParetoNbdParams } from './paretonbd.js';
export {
  fitGammaGamma,
  frequencySpendCorrelation,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
  prepareSpend,
} from './gammagamma.js';
export type { FrequencySpendCheck, GammaGammaFit, GammaGammaParams, SpendColumns } from './gammagamma.js';
export type { FitOptions, FitResult, StartOutcome } from './fit.js';
export { customerLifetimeValue, DAYS_PER_MONTH } from './clv.js';
export type { ClvOptions } from './clv.js';
export { churnRiskFlags, CHURN_LOW_P_ALIVE, CHURN_OVERDUE } from './churn.js';
export type { ChurnRiskColumns, ChurnRiskOptions } from './churn.js';
export { formatHoldoutTable, holdoutComparison } from './holdout.js';
export type { HoldoutInput, HoldoutRow, HoldoutTable } from './holdout.js';
export { simulateTransactions } from './simulate.js';
export type { SimulationOptions } from './simulate.js';
export { CHURN_REASON_LABELS, CLV_METRIC_LABELS, ClvInputError } from './labels.js';
export type { Bilingual, Locale } from './labels.js';
