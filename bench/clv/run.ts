// Fit BG/NBD and Gamma-Gamma on one million simulated customers.
// Run: npx tsx bench/clv/run.ts [customers]
import {
  calibrationSummary,
  fitBgNbd,
  fitGammaGamma,
  groupRecencyFrequency,
  prepareSpend,
  simulateTransactions,
} from '../../src/engine/clv/index.js';
import type { BgNbdParams, GammaGammaParams } from '../../src/engine/clv/index.js';

const customers = Number(process.argv[2] ?? 1_000_000);
// The published CDNOW estimates, so the simulated population looks like a real one.
const truth: { purchases: BgNbdParams; spend: GammaGammaParams } = {
  purchases: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  spend: { p: 6.25, q: 3.74, gamma: 15.44 },
};
const calibrationEndDay = 272;

function timed<T>(label: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  console.log(`${label.padEnd(34)} ${((performance.now() - start) / 1000).toFixed(3)} s`);
  return result;
}

const transactions = timed('simulate transactions (not timed)', () =>
  simulateTransactions({
    customers,
    seed: 20250101,
    ...truth,
    unit: 'weeks',
    acquisitionDays: 84,
    endDay: calibrationEndDay,
  }),
);
console.log(`customers ${customers}, transactions ${transactions.customer.length}`);

const total = performance.now();
const summary = timed('calibration summary', () =>
  calibrationSummary(transactions, { calibrationEndDay, unit: 'weeks', customerCount: customers }),
);
const grouped = timed('group identical (x, t_x, T)', () => groupRecencyFrequency(summary));
console.log(`distinct (x, t_x, T) rows ${grouped.count.length}`);
const bg = timed('fit BG/NBD (3 starts + Hessian)', () => fitBgNbd(grouped));
const spend = timed('prepare spend sample', () => prepareSpend(summary));
const gg = timed('fit Gamma-Gamma (3 starts + Hessian)', () => fitGammaGamma(spend));
const elapsed = (performance.now() - total) / 1000;

const show = (names: readonly string[], values: Float64Array, errors: Float64Array): string =>
  names.map((n, i) => `${n}=${values[i]!.toFixed(4)}±${errors[i]!.toFixed(4)}`).join(' ');
console.log(`BG/NBD  ${show(bg.names, bg.parameters, bg.standardErrors)} LL=${bg.logLikelihood.toFixed(2)}`);
console.log(
  `        converged=${bg.converged} starts agree: ${bg.starts.map((s) => s.logLikelihood.toFixed(4)).join(', ')}`,
);
console.log(`GG      ${show(gg.names, gg.parameters, gg.standardErrors)} LL=${gg.logLikelihood.toFixed(2)}`);
console.log(
  `        converged=${gg.converged} repeaters=${gg.customersUsed} corr(x, zbar)=${gg.independence.correlation.toFixed(4)}`,
);
console.log(`truth   BG/NBD ${JSON.stringify(truth.purchases)} GG ${JSON.stringify(truth.spend)}`);
console.log(`total (summary + grouping + both fits): ${elapsed.toFixed(3)} s`);
