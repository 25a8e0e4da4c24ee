import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { hyp2f1ExcessOverB, logHyp2f1UnitShift } from './hypergeometric.js';
import { digamma, lgamma, logAddExp, logSubExp, oneMinusExpOver, sigmoid, softplus } from './special.js';

const EULER_GAMMA = 0.5772156649015329;

describe('lgamma', () => {
  it('hits known values: Γ(1/2) = √π, Γ(1) = Γ(2) = 1, Γ(10) = 9!, Γ(100)', () => {
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(lgamma(1)).toBeCloseTo(0, 14);
    expect(lgamma(2)).toBeCloseTo(0, 14);
    expect(lgamma(10)).toBeCloseTo(Math.log(362880), 13);
    expect(lgamma(100)).toBeCloseTo(359.1342053695754, 10);
  });

  it('satisfies lgamma(x+1) − lgamma(x) = ln x on both sides of the Lanczos/Stirling switch', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e7, noNaN: true }), (x) => {
        // Absolute accuracy is limited by the size of lgamma itself (a few ulps of it).
        const tolerance = 1e-12 + 8 * Number.EPSILON * Math.abs(lgamma(x));
        expect(Math.abs(lgamma(x + 1) - lgamma(x) - Math.log(x))).toBeLessThan(tolerance);
      }),
    );
  });

  it('is finite for enormous arguments and NaN outside its domain', () => {
    expect(lgamma(1e300)).toBeCloseTo(1e300 * (Math.log(1e300) - 1), -290);
    expect(lgamma(0)).toBeNaN();
    expect(lgamma(-1)).toBeNaN();
  });
});

describe('digamma', () => {
  it('hits ψ(1) = −γ and ψ(1/2) = −γ − 2 ln 2', () => {
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 14);
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.LN2, 13);
  });

  it('is the derivative of lgamma and satisfies ψ(x+1) = ψ(x) + 1/x', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 1e5, noNaN: true }), (x) => {
        expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 9);
        const h = 1e-5 * x;
        expect(digamma(x)).toBeCloseTo((lgamma(x + h) - lgamma(x - h)) / (2 * h), 4);
      }),
    );
  });
});

describe('log-space helpers', () => {
  it('softplus and sigmoid do not overflow at ±1000', () => {
    expect(softplus(1000)).toBe(1000);
    expect(softplus(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(softplus(0)).toBeCloseTo(Math.LN2, 15);
  });

  it('logAddExp and logSubExp invert each other and handle −∞', () => {
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 15);
    expect(logSubExp(Math.log(5), Math.log(3))).toBeCloseTo(Math.log(2), 15);
    expect(logSubExp(0, -1e-12)).toBeCloseTo(Math.log(1e-12), 6);
    expect(logSubExp(7, 7)).toBe(Number.NEGATIVE_INFINITY);
    expect(logAddExp(Number.NEGATIVE_INFINITY, 2)).toBe(2);
  });

  it('(1 − e^(εL))/ε is −L at ε = 0 and continuous near it', () => {
    expect(oneMinusExpOver(0, -0.7)).toBe(0.7);
    expect(oneMinusExpOver(1e-9, -0.7)).toBeCloseTo(0.7, 9);
    expect(oneMinusExpOver(1, -0.7)).toBeCloseTo(1 - Math.exp(-0.7), 15);
  });
});

describe('hypergeometric functions', () => {
  it('₂F₁(1, 1; 2; z) = −ln(1−z)/z, by series below 1/2 and continued fraction above', () => {
    for (const z of [0.1, 0.49, 0.5, 0.51, 0.9, 0.999]) {
      expect(logHyp2f1UnitShift(1, 1, z)).toBeCloseTo(Math.log(-Math.log1p(-z) / z), 12);
    }
    expect(logHyp2f1UnitShift(1, 1, 1 - 1e-6)).toBeCloseTo(Math.log(-Math.log(1e-6) / (1 - 1e-6)), 10);
  });

  it('₂F₁(1/2, 1; 3/2; z²) = artanh(z)/z', () => {
    for (const z of [0.3, 0.8, 0.99]) {
      expect(logHyp2f1UnitShift(0.5, 1, z * z)).toBeCloseTo(Math.log(Math.atanh(z) / z), 12);
    }
  });

  it('agrees with the plain power series for the Pareto/NBD parameter shapes', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 40, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (a, share, z) => {
          const b = share * (a + 1);
          let term = 1;
          let sum = 1;
          for (let j = 0; j < 3000; j++) {
            term *= (((a + j) * (b + j)) / ((a + 1 + j) * (j + 1))) * z;
            sum += term;
          }
          expect(logHyp2f1UnitShift(a, b, z)).toBeCloseTo(Math.log(sum), 9);
        },
      ),
    );
  });

  it('(₂F₁(1, b; 2; z) − 1)/b at b → 0 equals Σ zʲ/(j(j+1)) = 1 − ln(1−z) + ln(1−z)/z', () => {
    for (const z of [0.2, 0.7]) {
      const closed = 1 - Math.log1p(-z) + Math.log1p(-z) / z;
      expect(hyp2f1ExcessOverB(1, 0, 2, z)).toBeCloseTo(closed, 12);
      expect(hyp2f1ExcessOverB(1, 1, 2, z)).toBeCloseTo(-Math.log1p(-z) / z - 1, 12);
    }
  });
});
