import { describe, expect, it } from 'vitest';

import { hessianFromGradient, invertSpd, minimize, withRichardsonGradient } from './optimise.js';
import type { Objective } from './optimise.js';

const rosenbrock: Objective = (p, g) => {
  const [x, y] = [p[0]!, p[1]!];
  if (g) {
    g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
    g[1] = 200 * (y - x * x);
  }
  return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
};
const box = { lower: [-5, -5], upper: [5, 5] };

describe('bounded L-BFGS', () => {
  it('finds the Rosenbrock minimum (1, 1) from a distant start', () => {
    const result = minimize(rosenbrock, [-3, 4], box);
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(1, 6);
    expect(result.point[1]).toBeCloseTo(1, 6);
  });

  it('stops on a bound when the minimum lies outside the box, and calls that converged', () => {
    const result = minimize(rosenbrock, [0, 0], { lower: [-5, -5], upper: [0.5, 5] });
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBe(0.5);
    expect(result.point[1]).toBeCloseTo(0.25, 6);
  });

  it('backs off from regions where the objective is not finite', () => {
    const logBarrier: Objective = (p, g) => {
      const x = p[0]!;
      if (g) g[0] = x <= 0 ? Number.NaN : 1 - 1 / x;
      return x <= 0 ? Number.NaN : x - Math.log(x);
    };
    const result = minimize(logBarrier, [30], { lower: [-100], upper: [100] });
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(1, 6);
  });

  it('reports no convergence when the iteration budget runs out', () => {
    const result = minimize(rosenbrock, [-3, 4], { ...box, maxIterations: 2 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(2);
  });
});

describe('numerical derivatives', () => {
  const cubic = (p: Float64Array): number => p[0]! ** 3 + 2 * p[0]! * p[1]! + Math.exp(p[1]!);

  it('Richardson gradient of x³ + 2xy + eʸ is (3x² + 2y, 2x + eʸ)', () => {
    const g = new Float64Array(2);
    withRichardsonGradient(cubic)(Float64Array.of(1.5, -0.5), g);
    expect(g[0]).toBeCloseTo(3 * 2.25 - 1, 9);
    expect(g[1]).toBeCloseTo(3 + Math.exp(-0.5), 9);
  });

  it('Hessian from the gradient of x³ + 2xy + eʸ is [[6x, 2], [2, eʸ]]', () => {
    const h = hessianFromGradient(withRichardsonGradient(cubic), Float64Array.of(1.5, -0.5));
    expect(h[0]![0]).toBeCloseTo(9, 5);
    expect(h[0]![1]).toBeCloseTo(2, 5);
    expect(h[1]![0]).toBeCloseTo(2, 5);
    expect(h[1]![1]).toBeCloseTo(Math.exp(-0.5), 5);
  });

  it('inverts [[4, 2], [2, 3]] to [[3, −2], [−2, 4]]/8 and refuses an indefinite matrix', () => {
    const inverse = invertSpd([Float64Array.of(4, 2), Float64Array.of(2, 3)])!;
    expect(inverse[0]![0]).toBeCloseTo(3 / 8, 14);
    expect(inverse[0]![1]).toBeCloseTo(-2 / 8, 14);
    expect(inverse[1]![1]).toBeCloseTo(4 / 8, 14);
    expect(invertSpd([Float64Array.of(1, 2), Float64Array.of(2, 1)])).toBeNull();
  });
});
