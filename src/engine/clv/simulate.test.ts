import { describe, expect, it } from 'vitest';

import { fitBgNbd } from './bgnbd.js';
import { fitGammaGamma } from './gammagamma.js';
import { seededUniform, simulateTransactions } from './simulate.js';
import { calibrationSummary } from './summary.js';

// Rates 100 times slower per day than CDNOW's per week, over a window 100 times longer: whole-day
// timestamps then hardly ever merge two purchases, so the data follow the model closely.
const options = {
  customers: 20_000,
  seed: 11,
  purchases: { r: 0.243, alpha: 441.4, a: 0.793, b: 2.426 },
  spend: { p: 6.25, q: 3.74, gamma: 15.44 },
  unit: 'days',
  acquisitionDays: 8400,
  endDay: 27_200,
} as const;

describe('simulation of BG/NBD purchases with Gamma-Gamma spend', () => {
  it('is reproducible from its seed and ordered by customer then day', () => {
    const a = simulateTransactions({ ...options, customers: 500 });
    const b = simulateTransactions({ ...options, customers: 500 });
    expect(a.day).toEqual(b.day);
    expect(a.amount).toEqual(b.amount);
    for (let i = 1; i < a.customer.length; i++) {
      const ordered =
        a.customer[i]! > a.customer[i - 1]! ||
        (a.customer[i] === a.customer[i - 1] && a.day[i]! >= a.day[i - 1]!);
      expect(ordered).toBe(true);
    }
  });

  it('uniform draws lie in [0, 1) with mean 1/2', () => {
    const uniform = seededUniform(3);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = uniform();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
    }
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005);
  });

  it('fitting the simulated data recovers the generating parameters within 4 standard errors', () => {
    const summary = calibrationSummary(simulateTransactions(options), {
      calibrationEndDay: options.endDay,
      unit: 'days',
    });
    const bg = fitBgNbd(summary);
    const gg = fitGammaGamma(summary);
    const truth = [...Object.values(options.purchases), ...Object.values(options.spend)];
    const fitted = [...bg.parameters, ...gg.parameters];
    const errors = [...bg.standardErrors, ...gg.standardErrors];
    fitted.forEach((value, i) => expect(Math.abs(value - truth[i]!)).toBeLessThan(4 * errors[i]!));
  });
});
