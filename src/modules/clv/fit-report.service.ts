import {
  bgnbdConditionalExpected,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  formatHoldoutTable,
  holdoutComparison,
  paretoNbdConditionalExpected,
  type FitResult,
  type HoldoutTable,
} from '../../engine/clv/index.js';
import { toDayNumber, toIsoDate } from '../../engine/index.js';
import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import { readCalibrationSummary, readPurchaseDaysBetween } from './calibration.repository.js';

export type PurchaseModel = 'bgnbd' | 'pareto';

export interface FitReportRequest {
  /** Calibration end (inclusive), as in Fader & Hardie's CDNOW summary. */
  readonly asOf: string;
  readonly holdoutWeeks?: number | undefined;
  readonly model: PurchaseModel;
}

export interface FittedModel {
  readonly label: string;
  readonly names: readonly string[];
  readonly parameters: number[];
  readonly standardErrors: number[];
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly iterations: number;
}

export interface FitReport {
  readonly asOf: string;
  readonly customers: number;
  readonly repeatBuyers: number;
  readonly purchases: FittedModel;
  readonly spend: (FittedModel & { readonly frequencySpendCorrelation: number }) | null;
  readonly holdout: { readonly weeks: number; readonly through: string; readonly table: HoldoutTable } | null;
}

const fitted = <P>(label: string, fit: FitResult<P>): FittedModel => ({
  label,
  names: fit.names,
  parameters: Array.from(fit.parameters),
  standardErrors: Array.from(fit.standardErrors),
  logLikelihood: fit.logLikelihood,
  converged: fit.converged,
  iterations: fit.iterations,
});

/**
 * Fits a purchase model (and Gamma-Gamma) on every customer's calibration summary from the database's orders as
 * of a date and, with a holdout period, compares actual and predicted repeat purchases per calibration frequency.
 * Nothing is stored: this is the analyst's check of how well the models describe the data.
 */
export async function clvFitReport(db: Db, request: FitReportRequest): Promise<FitReport> {
  const throughDay = toDayNumber(request.asOf);
  const summary = await readCalibrationSummary(db, { throughDay });
  if (summary.customerIds.length === 0) throw AppError.invalid('asOf', 'no_purchases');
  const purchaseFit =
    request.model === 'pareto'
      ? fitted('Pareto/NBD', fitParetoNbd(summary))
      : fitted('BG/NBD', fitBgNbd(summary));
  let spend: FitReport['spend'] = null;
  const repeatBuyers = summary.x.filter((x) => x > 0).length;
  if (summary.zbar.some((z, i) => z > 0 && summary.x[i]! > 0)) {
    const gg = fitGammaGamma(summary);
    spend = { ...fitted('Gamma-Gamma', gg), frequencySpendCorrelation: gg.independence.correlation };
  }
  let holdout: FitReport['holdout'] = null;
  if (request.holdoutWeeks) {
    const weeks = request.holdoutWeeks;
    const end = throughDay + weeks * 7;
    const days = await readPurchaseDaysBetween(db, throughDay, end);
    const actual = Float64Array.from(summary.customerIds, (id) => days.get(id) ?? 0);
    const parameters = purchaseFit.parameters;
    const predicted =
      request.model === 'pareto'
        ? paretoNbdConditionalExpected(
            { r: parameters[0]!, alpha: parameters[1]!, s: parameters[2]!, beta: parameters[3]! },
            summary,
            weeks,
          )
        : bgnbdConditionalExpected(
            { r: parameters[0]!, alpha: parameters[1]!, a: parameters[2]!, b: parameters[3]! },
            summary,
            weeks,
          );
    holdout = {
      weeks,
      through: toIsoDate(end),
      table: holdoutComparison({ x: summary.x, actual, predicted: { [purchaseFit.label]: predicted } }),
    };
  }
  return {
    asOf: request.asOf,
    customers: summary.customerIds.length,
    repeatBuyers,
    purchases: purchaseFit,
    spend,
    holdout,
  };
}

const number = (value: number) => (Number.isFinite(value) ? value.toPrecision(6) : 'n/a');

function describeFit(fit: FittedModel): string[] {
  const rows = fit.names.map(
    (name, i) =>
      `  ${name.padEnd(6)} ${number(fit.parameters[i]!).padStart(12)}   s.e. ${number(fit.standardErrors[i]!)}`,
  );
  return [
    `${fit.label}: log-likelihood ${fit.logLikelihood.toFixed(4)}, ` +
      `${fit.converged ? 'converged' : 'NOT converged'} after ${fit.iterations} iterations`,
    ...rows,
  ];
}

/** The text the CLI prints (and docs/clv.md records). */
export function formatFitReport(report: FitReport): string {
  const lines = [
    `Calibration through ${report.asOf} (weeks): ${report.customers} customers, ${report.repeatBuyers} with repeat purchases`,
    ...describeFit(report.purchases),
  ];
  if (report.spend) {
    lines.push(...describeFit(report.spend));
    lines.push(
      `  corr(x, mean spend) among repeat buyers: ${report.spend.frequencySpendCorrelation.toFixed(4)}`,
    );
  }
  if (report.holdout) {
    lines.push(
      '',
      `Holdout ${report.holdout.weeks} weeks (through ${report.holdout.through}): mean repeat purchases per calibration frequency`,
      formatHoldoutTable(report.holdout.table),
    );
  }
  return lines.join('\n');
}
