// Multi-start maximum likelihood on log-parameters, shared by the three models.
import { hessianFromGradient, invertSpd, minimize } from './optimise.js';
import type { Objective } from './optimise.js';

export interface StartOutcome {
  start: Float64Array;
  parameters: Float64Array;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
}

export interface FitResult<P> {
  params: P;
  /** Parameters in the model's order (see `names`). */
  parameters: Float64Array;
  names: readonly string[];
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  evaluations: number;
  /** From the inverse numerical Hessian of the negative log-likelihood; NaN when it is not positive definite. */
  standardErrors: Float64Array;
  hessianPositiveDefinite: boolean;
  /** Every start's outcome, best first, so agreement between starts can be inspected. */
  starts: StartOutcome[];
}

export interface FitOptions {
  /** Starting points on the natural scale; each model has defaults spread over orders of magnitude. */
  starts?: readonly (readonly number[])[];
  /** Box on the natural scale, applied to the log-parameters. */
  lowerBound?: number;
  upperBound?: number;
  /** Per-parameter upper bounds on the natural scale, in the model's order; they take precedence over `upperBound`. */
  upperBounds?: readonly number[];
  maxIterations?: number;
}

export interface LikelihoodProblem<P> {
  names: readonly string[];
  defaultStarts: readonly (readonly number[])[];
  /** Log-likelihood at natural parameters; fills the gradient with respect to them when asked. */
  logLikelihood: (theta: Float64Array, gradient?: Float64Array) => number;
  toParams: (theta: Float64Array) => P;
}

const DEFAULT_LOWER = 1e-6;
const DEFAULT_UPPER = 1e6;

export function fitMaximumLikelihood<P>(
  problem: LikelihoodProblem<P>,
  options: FitOptions = {},
): FitResult<P> {
  const n = problem.names.length;
  const lower = new Float64Array(n).fill(Math.log(options.lowerBound ?? DEFAULT_LOWER));
  const upper = Float64Array.from({ length: n }, (_, i) =>
    Math.log(options.upperBounds?.[i] ?? options.upperBound ?? DEFAULT_UPPER),
  );
  const objective = negativeLogLikelihoodInLogs(problem, n);
  const starts = options.starts ?? problem.defaultStarts;
  let evaluations = 0;
  const outcomes: (StartOutcome & { eta: Float64Array })[] = starts.map((start) => {
    const result = minimize(
      objective,
      start.map((v) => Math.log(v)),
      { lower, upper, maxIterations: options.maxIterations ?? 500 },
    );
    evaluations += result.evaluations;
    return {
      start: Float64Array.from(start),
      eta: result.point,
      parameters: result.point.map(Math.exp),
      logLikelihood: -result.value,
      converged: result.converged,
      iterations: result.iterations,
    };
  });
  outcomes.sort((a, b) => rank(b) - rank(a));
  const best = outcomes[0];
  if (!best) throw new RangeError('fitMaximumLikelihood: no starting point');

  // At a stationary point the Hessian in log coordinates is D·H·D (D = diag θ), so the standard
  // error of θᵢ is θᵢ times that of log θᵢ.
  const covariance = invertSpd(hessianFromGradient(objective, best.eta));
  const standardErrors = best.parameters.map((theta, i) =>
    covariance ? theta * Math.sqrt(covariance[i]![i]!) : Number.NaN,
  );
  return {
    params: problem.toParams(best.parameters),
    parameters: best.parameters,
    names: problem.names,
    logLikelihood: best.logLikelihood,
    converged: best.converged,
    iterations: best.iterations,
    evaluations,
    standardErrors,
    hessianPositiveDefinite: covariance !== null,
    starts: outcomes.map(({ eta: _eta, ...outcome }) => outcome),
  };
}

function rank(outcome: StartOutcome): number {
  return Number.isFinite(outcome.logLikelihood) ? outcome.logLikelihood : Number.NEGATIVE_INFINITY;
}

function negativeLogLikelihoodInLogs<P>(problem: LikelihoodProblem<P>, n: number): Objective {
  const theta = new Float64Array(n);
  const gradTheta = new Float64Array(n);
  return (eta, gradient) => {
    for (let i = 0; i < n; i++) theta[i] = Math.exp(eta[i]!);
    const ll = problem.logLikelihood(theta, gradient ? gradTheta : undefined);
    if (gradient) for (let i = 0; i < n; i++) gradient[i] = -gradTheta[i]! * theta[i]!;
    return Number.isFinite(ll) ? -ll : Number.POSITIVE_INFINITY;
  };
}
