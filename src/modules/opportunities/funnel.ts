import { sumMoney } from '../orders/decimal.js';
import type { StageFigures } from './funnel.repository.js';
import type { FunnelView, StageView } from './opportunity.schema.js';

export interface FunnelInputs {
  /** All stages in funnel order. */
  readonly stages: readonly StageView[];
  readonly figures: readonly StageFigures[];
  /** Sort position of the furthest progression stage reached → number of opportunities. */
  readonly furthestReached: ReadonlyMap<number, number>;
  readonly daysInStage: ReadonlyMap<string, number>;
}

const EMPTY: Omit<StageFigures, 'stage'> = { count: 0, amount: '0.00', weightedAmount: '0.00' };

/**
 * The funnel from its aggregates. An opportunity that skipped a stage still counts as having reached it, so the
 * reached counts never grow down the funnel and a conversion is the share of the opportunities at stage k that got
 * to stage k+1 or beyond.
 */
export function buildFunnel(inputs: FunnelInputs): FunnelView {
  const figuresOf = new Map(inputs.figures.map((row) => [row.stage, row]));
  const reachedAtLeast = (sort: number) =>
    [...inputs.furthestReached].reduce((sum, [furthest, count]) => sum + (furthest >= sort ? count : 0), 0);
  const progression = inputs.stages.filter((stage) => stage.outcome !== 'lost');

  const stages = inputs.stages.map((stage) => {
    const figures = figuresOf.get(stage.code) ?? EMPTY;
    const position = progression.indexOf(stage);
    const next = position >= 0 ? progression[position + 1] : undefined;
    const reached = stage.outcome === 'lost' ? figures.count : reachedAtLeast(stage.sort);
    return {
      ...stage,
      count: figures.count,
      amount: figures.amount,
      weightedAmount: figures.weightedAmount,
      reached,
      conversionToNext: next && reached > 0 ? reachedAtLeast(next.sort) / reached : null,
      averageDaysInStage: inputs.daysInStage.get(stage.code) ?? null,
    };
  });

  const open = stages.filter((stage) => stage.outcome === 'open');
  const total = (rows: typeof stages, pick: (row: (typeof stages)[number]) => string) =>
    sumMoney(rows.map(pick));
  return {
    stages,
    totals: {
      count: stages.reduce((sum, stage) => sum + stage.count, 0),
      amount: total(stages, (row) => row.amount),
      weightedAmount: total(stages, (row) => row.weightedAmount),
      openCount: open.reduce((sum, stage) => sum + stage.count, 0),
      openAmount: total(open, (row) => row.amount),
      openWeightedAmount: total(open, (row) => row.weightedAmount),
    },
  };
}
