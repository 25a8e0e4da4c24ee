// Seeded simulation of the BG/NBD purchase process with Gamma-Gamma spend, producing transaction
// columns. Used to check that the fits recover known parameters and to benchmark at scale.
import type { BgNbdParams } from './bgnbd.js';
import type { GammaGammaParams } from './gammagamma.js';
import { DAYS_PER_UNIT } from './summary.js';
import type { TimeUnit, Transactions } from './summary.js';

/** sfc32 (Chris Doty-Humphrey's small fast counter), doubles from 53 random bits. */
export function seededUniform(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next();
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), with the shape < 1 boost. */
export function sampleGamma(uniform: () => number, shape: number): number {
  if (shape < 1) return sampleGamma(uniform, shape + 1) * Math.pow(uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let normal: number;
    let v: number;
    do {
      normal = standardNormal(uniform);
      v = 1 + c * normal;
    } while (v <= 0);
    v = v * v * v;
    const u = uniform();
    if (Math.log(u) < 0.5 * normal * normal + d - d * v + d * Math.log(v)) return d * v;
  }
}

function standardNormal(uniform: () => number): number {
  // Box-Muller; 1 − u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

export interface SimulationOptions {
  customers: number;
  seed: number;
  purchases: BgNbdParams;
  spend: GammaGammaParams;
  /** Unit of the rate parameters (α and the purchase rates are per unit). */
  unit: TimeUnit;
  /** First purchases fall uniformly in [0, acquisitionDays) (CDNOW: one quarter). */
  acquisitionDays: number;
  /** Purchases are simulated through this day. */
  endDay: number;
}

/**
 * Each customer: λ ~ Gamma(r, α), p ~ Beta(a, b), ν ~ Gamma(q, γ); first purchase at a uniform
 * time in the acquisition window; then purchases at rate λ, dropping out with probability p after
 * each repeat purchase; every purchase's value ~ Gamma(p_spend, ν). Times are truncated to whole
 * days, as a transaction log records them. Output is ordered by customer then day.
 */
export function simulateTransactions(options: SimulationOptions): Transactions {
  const { purchases, spend, acquisitionDays, endDay } = options;
  const uniform = seededUniform(options.seed);
  const daysPerUnit = DAYS_PER_UNIT[options.unit];
  let capacity = options.customers * 4;
  let customer = new Uint32Array(capacity);
  let day = new Int32Array(capacity);
  let amount = new Float64Array(capacity);
  let n = 0;
  const push = (c: number, time: number, value: number): void => {
    if (n === capacity) {
      capacity *= 2;
      customer = grow(customer, capacity);
      day = grow(day, capacity);
      amount = grow(amount, capacity);
    }
    customer[n] = c;
    day[n] = Math.floor(time);
    amount[n] = value;
    n++;
  };
  for (let c = 0; c < options.customers; c++) {
    const ratePerDay = sampleGamma(uniform, purchases.r) / purchases.alpha / daysPerUnit;
    const x1 = sampleGamma(uniform, purchases.a);
    const dropout = x1 / (x1 + sampleGamma(uniform, purchases.b));
    const spendRate = sampleGamma(uniform, spend.q) / spend.gamma;
    const value = (): number => sampleGamma(uniform, spend.p) / spendRate;
    let time = uniform() * acquisitionDays;
    push(c, time, value());
    for (;;) {
      time -= Math.log(1 - uniform()) / ratePerDay;
      if (time >= endDay + 1) break;
      push(c, time, value());
      if (uniform() < dropout) break;
    }
  }
  return { customer: customer.slice(0, n), day: day.slice(0, n), amount: amount.slice(0, n) };
}

function grow<A extends Uint32Array | Int32Array | Float64Array>(array: A, capacity: number): A {
  const bigger = new (array.constructor as new (length: number) => A)(capacity);
  bigger.set(array);
  return bigger;
}
