// Churn-risk flags over columns: a model signal (P(alive)) and a model-free one (overdue purchase).
import { clvError } from './labels.js';

export const CHURN_LOW_P_ALIVE = 1;
export const CHURN_OVERDUE = 2;

export interface ChurnRiskColumns {
  pAlive: ArrayLike<number>;
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
}

export interface ChurnRiskOptions {
  /** Flag when P(alive) is below this. */
  pAliveThreshold: number;
  /** Flag when the time since the last purchase exceeds this many purchase cycles. */
  cycleMultiple: number;
  /**
   * Purchase cycle assumed for customers without a repeat purchase, whose own cycle is unknown
   * (e.g. the population's median t_x / x). Without it they are judged by P(alive) alone — which
   * under BG/NBD is always 1 for them.
   */
  oneTimeBuyerCycle?: number;
}

/**
 * Bit flags per customer (0 = no risk): CHURN_LOW_P_ALIVE, CHURN_OVERDUE. A repeat buyer's cycle is
 * their mean inter-purchase time t_x / x; recency is T − t_x.
 */
export function churnRiskFlags(columns: ChurnRiskColumns, options: ChurnRiskOptions): Uint8Array {
  const { pAlive, x, tx, T } = columns;
  const n = pAlive.length;
  if (x.length !== n || tx.length !== n || T.length !== n) throw clvError('columnLengths');
  const { pAliveThreshold, cycleMultiple, oneTimeBuyerCycle } = options;
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const cycle = xi > 0 ? tx[i]! / xi : oneTimeBuyerCycle;
    const overdue = cycle !== undefined && T[i]! - tx[i]! > cycleMultiple * cycle;
    flags[i] = (pAlive[i]! < pAliveThreshold ? CHURN_LOW_P_ALIVE : 0) | (overdue ? CHURN_OVERDUE : 0);
  }
  return flags;
}
