// Bounded L-BFGS on unconstrained-looking (log) coordinates, plus the numerical derivatives the
// fits need. No suitable optimisation package is installed, and the models have at most four
// parameters, so a compact projected L-BFGS with a backtracking Armijo search is enough.

/** Value of the function to minimise; when `gradient` is given it is filled in as well. */
export type Objective = (point: Float64Array, gradient?: Float64Array) => number;

export interface MinimizeOptions {
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
  maxIterations?: number;
  /** Stop when every projected gradient component is below this times max(1, |f|). */
  relativeGradientTolerance?: number;
  /**
   * Once progress has stalled at the rounding level of f (ill-conditioned optima such as the
   * Gamma-Gamma ridge in p, q, γ), the point still counts as converged if the gradient is below
   * this times max(1, |f|).
   */
  stalledGradientTolerance?: number;
  memory?: number;
}

export interface MinimizeResult {
  point: Float64Array;
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** Largest projected gradient component at the returned point. */
  gradientNorm: number;
}

const ARMIJO = 1e-4;
const MAX_BACKTRACKS = 60;
const STALL_RELATIVE_DECREASE = 1e-14;
const STALL_ITERATIONS = 3;

export function minimize(f: Objective, start: ArrayLike<number>, options: MinimizeOptions): MinimizeResult {
  const n = start.length;
  const { lower, upper } = options;
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.relativeGradientTolerance ?? 1e-9;
  const stalledTolerance = options.stalledGradientTolerance ?? 1e-6;
  const memory = options.memory ?? 8;

  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = clamp(start[i] as number, lower[i] as number, upper[i] as number);
  const g = new Float64Array(n);
  let fx = f(x, g);
  let evaluations = 1;
  const history: { s: Float64Array; y: Float64Array; rho: number }[] = [];
  const pg = new Float64Array(n);
  const candidate = new Float64Array(n);
  const gCandidate = new Float64Array(n);
  let iterations = 0;

  const projectedNorm = (): number => {
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const gi = g[i] as number;
      const blocked = (x[i]! <= lower[i]! && gi > 0) || (x[i]! >= upper[i]! && gi < 0);
      pg[i] = blocked ? 0 : gi;
      norm = Math.max(norm, Math.abs(pg[i]!));
    }
    return norm;
  };

  let gradientNorm = Number.isFinite(fx) ? projectedNorm() : Number.POSITIVE_INFINITY;
  let stalledFor = 0;
  const scale = (): number => Math.max(1, Math.abs(fx));
  const done = (): boolean =>
    gradientNorm <= tolerance * scale() ||
    (stalledFor >= STALL_ITERATIONS && gradientNorm <= stalledTolerance * scale());
  while (Number.isFinite(fx) && !done() && iterations < maxIterations && stalledFor < STALL_ITERATIONS) {
    iterations++;
    const direction = twoLoopDirection(pg, history);
    let slope = dot(direction, pg);
    if (!(slope < 0)) {
      history.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -pg[i]!;
      slope = -dot(pg, pg);
    }
    let step = history.length === 0 ? Math.min(1, 1 / gradientNorm) : 1;
    let accepted = false;
    const previous = fx;
    for (let k = 0; k < MAX_BACKTRACKS; k++) {
      let realisedSlope = 0;
      for (let i = 0; i < n; i++) {
        candidate[i] = clamp(x[i]! + step * direction[i]!, lower[i]!, upper[i]!);
        realisedSlope += g[i]! * (candidate[i]! - x[i]!);
      }
      const fc = f(candidate, gCandidate);
      evaluations++;
      if (Number.isFinite(fc) && fc <= fx + ARMIJO * realisedSlope) {
        accepted = true;
        const s = new Float64Array(n);
        const y = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          s[i] = candidate[i]! - x[i]!;
          y[i] = gCandidate[i]! - g[i]!;
        }
        const sy = dot(s, y);
        if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
          history.push({ s, y, rho: 1 / sy });
          if (history.length > memory) history.shift();
        }
        x.set(candidate);
        g.set(gCandidate);
        fx = fc;
        break;
      }
      // Quadratic interpolation of the backtrack, kept within [0.1, 0.5] of the step.
      const predicted = Number.isFinite(fc) ? (-realisedSlope * step) / (2 * (fc - fx - realisedSlope)) : 0;
      step = Number.isFinite(predicted) ? clamp(predicted, 0.1 * step, 0.5 * step) : 0.1 * step;
    }
    gradientNorm = projectedNorm();
    stalledFor = previous - fx <= STALL_RELATIVE_DECREASE * scale() ? stalledFor + 1 : 0;
    if (!accepted) history.length = 0;
  }
  return { point: x, value: fx, iterations, evaluations, converged: done(), gradientNorm };
}

function twoLoopDirection(
  gradient: Float64Array,
  history: readonly { s: Float64Array; y: Float64Array; rho: number }[],
): Float64Array {
  const q = Float64Array.from(gradient);
  const alphas = new Float64Array(history.length);
  for (let k = history.length - 1; k >= 0; k--) {
    const { s, y, rho } = history[k]!;
    const alpha = rho * dot(s, q);
    alphas[k] = alpha;
    for (let i = 0; i < q.length; i++) q[i] = q[i]! - alpha * y[i]!;
  }
  const newest = history[history.length - 1];
  const gamma = newest ? dot(newest.s, newest.y) / dot(newest.y, newest.y) : 1;
  for (let i = 0; i < q.length; i++) q[i] = q[i]! * gamma;
  for (let k = 0; k < history.length; k++) {
    const { s, y, rho } = history[k]!;
    const beta = rho * dot(y, q);
    for (let i = 0; i < q.length; i++) q[i] = q[i]! + s[i]! * (alphas[k]! - beta);
  }
  for (let i = 0; i < q.length; i++) q[i] = gradient[i] === 0 ? 0 : -q[i]!;
  return q;
}

/**
 * Adds a central-difference gradient with one Richardson extrapolation step (error O(h⁴)) to a
 * value-only objective. With h = 1e-3 in log-parameter space the truncation error is about 1e-12
 * relative and the rounding error about 1e-13·|f|/h, far below the optimiser's tolerance.
 */
export function withRichardsonGradient(value: (point: Float64Array) => number, h = 1e-3): Objective {
  return (point, gradient) => {
    const fx = value(point);
    if (gradient) {
      const probe = Float64Array.from(point);
      const central = (i: number, step: number): number => {
        probe[i] = point[i]! + step;
        const up = value(probe);
        probe[i] = point[i]! - step;
        const down = value(probe);
        probe[i] = point[i]!;
        return (up - down) / (2 * step);
      };
      for (let i = 0; i < point.length; i++) {
        gradient[i] = (4 * central(i, h / 2) - central(i, h)) / 3;
      }
    }
    return fx;
  };
}

/** Hessian by central differences of the gradient, symmetrised. */
export function hessianFromGradient(f: Objective, point: Float64Array, h = 1e-4): Float64Array[] {
  const n = point.length;
  const probe = Float64Array.from(point);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  const rows = Array.from({ length: n }, () => new Float64Array(n));
  for (let j = 0; j < n; j++) {
    probe[j] = point[j]! + h;
    f(probe, up);
    probe[j] = point[j]! - h;
    f(probe, down);
    probe[j] = point[j]!;
    for (let i = 0; i < n; i++) rows[i]![j] = (up[i]! - down[i]!) / (2 * h);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const mean = (rows[i]![j]! + rows[j]![i]!) / 2;
      rows[i]![j] = mean;
      rows[j]![i] = mean;
    }
  }
  return rows;
}

/** Inverse of a symmetric positive-definite matrix by Cholesky; null when it is not positive definite. */
export function invertSpd(matrix: readonly Float64Array[]): Float64Array[] | null {
  const n = matrix.length;
  const l = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i]![i] = Math.sqrt(sum);
      } else {
        l[i]![j] = sum / l[j]![j]!;
      }
    }
  }
  const inverse = Array.from({ length: n }, () => new Float64Array(n));
  const column = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    // Solve L Lᵀ v = e_c by forward then backward substitution.
    for (let i = 0; i < n; i++) {
      let sum = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) sum -= l[i]![k]! * column[k]!;
      column[i] = sum / l[i]![i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = column[i]!;
      for (let k = i + 1; k < n; k++) sum -= l[k]![i]! * column[k]!;
      column[i] = sum / l[i]![i]!;
    }
    for (let i = 0; i < n; i++) inverse[i]![c] = column[i]!;
  }
  return inverse;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}
