// Fits every model on the CDNOW sample and prints the parameters and the holdout table recorded in
// docs/clv.md. Run: npx tsx bench/clv/cdnow-report.ts
import { CALIBRATION_END, HOLDOUT_END, loadCdnowSample } from '../../src/engine/clv/cdnow.fixture.js';
import {
  bgnbdConditionalExpected,
  bgnbdExpectedPurchases,
  calibrationSummary,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  formatHoldoutTable,
  holdoutComparison,
  paretoNbdConditionalExpected,
  paretoNbdExpectedPurchases,
  purchaseDaysBetween,
} from '../../src/engine/clv/index.js';
import type { FitResult } from '../../src/engine/clv/index.js';

const transactions = loadCdnowSample();
const summary = calibrationSummary(transactions, { calibrationEndDay: CALIBRATION_END, unit: 'weeks' });
const holdout = purchaseDaysBetween(transactions, CALIBRATION_END, HOLDOUT_END);
const actual = Float64Array.from(summary.customer, (c) => holdout[c]!);
const weeks = (HOLDOUT_END - CALIBRATION_END) / 7;

const bg = fitBgNbd(summary);
const pn = fitParetoNbd(summary);
const gg = fitGammaGamma(summary);

const describe = <P>(label: string, fit: FitResult<P>): void => {
  const values = fit.names.map(
    (n, i) => `${n} = ${fit.parameters[i]!.toFixed(4)} (${fit.standardErrors[i]!.toFixed(4)})`,
  );
  console.log(
    `${label}: ${values.join(', ')}; LL = ${fit.logLikelihood.toFixed(4)}; converged = ${fit.converged}`,
  );
};
describe('BG/NBD', bg);
describe('Pareto/NBD', pn);
describe('Gamma-Gamma', gg);
console.log(
  `corr(x, zbar) among ${gg.independence.customers} repeat buyers = ${gg.independence.correlation.toFixed(4)}`,
);

const table = holdoutComparison({
  x: summary.x,
  actual,
  predicted: {
    'BG/NBD': bgnbdConditionalExpected(bg.params, summary, weeks),
    'Pareto/NBD': paretoNbdConditionalExpected(pn.params, summary, weeks),
  },
});
console.log(
  `\nHoldout ${weeks} weeks, mean repeat purchases per calibration frequency:\n${formatHoldoutTable(table)}`,
);

let bgTotal = 0;
let pnTotal = 0;
for (const T of summary.T) {
  bgTotal += bgnbdExpectedPurchases(bg.params, T + weeks) - bgnbdExpectedPurchases(bg.params, T);
  pnTotal += paretoNbdExpectedPurchases(pn.params, T + weeks) - paretoNbdExpectedPurchases(pn.params, T);
}
const actualTotal = actual.reduce((sum, a) => sum + a, 0);
console.log(
  `\nHoldout total repeat purchases: actual ${actualTotal}, BG/NBD E[X] ${bgTotal.toFixed(1)}, Pareto/NBD E[X] ${pnTotal.toFixed(1)}`,
);
