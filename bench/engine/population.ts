import type { PopulationColumns } from '../../src/engine/columns.js';
import { seededRandom } from '../../src/engine/stats.js';

/**
 * A synthetic population of `n` customers with the eight metrics the benchmark model uses: skewed money
 * in whole cents (with ties), negative profit, NULL growth, integer days late, recency and frequency.
 */
export function syntheticPopulation(n: number, seed: number): PopulationColumns {
  const random = seededRandom(seed);
  const column = (f: () => number) => Float64Array.from({ length: n }, f);
  const lognormal = (mu: number, sigma: number) => {
    const u = random() || 1e-12;
    return Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random()));
  };
  const sales = column(() => Math.round(lognormal(11, 1.5) * 100) / 100);
  const profit = sales.map((s) => Math.round(s * (random() * 0.5 - 0.1) * 100) / 100);
  return {
    ids: Int32Array.from({ length: n }, (_, i) => i + 1),
    metrics: {
      sales_window: sales,
      profit_window: profit,
      margin: sales.map((s, i) => (s > 0 ? profit[i]! / s : Number.NaN)),
      sales_growth: column(() => (random() < 0.1 ? Number.NaN : Math.round((random() * 3 - 1) * 1e4) / 1e4)),
      avg_days_late: column(() => (random() < 0.5 ? 0 : Math.floor(random() * 90))),
      recency_days: column(() => Math.floor(random() * 1000)),
      frequency: column(() => 1 + Math.floor(lognormal(1.5, 1))),
      monetary: column(() => Math.round(lognormal(12, 1.5) * 100) / 100),
    },
  };
}
