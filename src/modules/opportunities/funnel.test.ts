import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFunnel } from './funnel.js';
import type { StageView } from './opportunity.schema.js';

const stage = (code: string, sort: number, probability: number, outcome: StageView['outcome'] = 'open') => ({
  code,
  nameZh: code,
  nameEn: code,
  probability,
  sort,
  outcome,
});
const stages: StageView[] = [
  stage('lead', 10, 5),
  stage('visit', 20, 10),
  stage('won', 30, 100, 'won'),
  stage('lost', 40, 0, 'lost'),
];

describe('funnel arithmetic', () => {
  it('an empty population gives zero figures and no conversions or times', () => {
    const funnel = buildFunnel({ stages, figures: [], furthestReached: new Map(), daysInStage: new Map() });
    expect(funnel.totals).toEqual({
      count: 0,
      amount: '0.00',
      weightedAmount: '0.00',
      openCount: 0,
      openAmount: '0.00',
      openWeightedAmount: '0.00',
    });
    expect(funnel.stages.map((row) => [row.reached, row.conversionToNext, row.averageDaysInStage])).toEqual([
      [0, null, null],
      [0, null, null],
      [0, null, null],
      [0, null, null],
    ]);
  });

  it('one opportunity that won after skipping a stage converts 100 % at every step', () => {
    const funnel = buildFunnel({
      stages,
      figures: [{ stage: 'won', count: 1, amount: '0.10', weightedAmount: '0.10' }],
      furthestReached: new Map([[30, 1]]),
      daysInStage: new Map([['lead', 0.5]]),
    });
    expect(funnel.stages.map((row) => [row.code, row.reached, row.conversionToNext])).toEqual([
      ['lead', 1, 1],
      ['visit', 1, 1],
      ['won', 1, null],
      ['lost', 0, null],
    ]);
    expect(funnel.totals).toMatchObject({ count: 1, amount: '0.10', openCount: 0, openAmount: '0.00' });
  });

  it('totals are exact decimal sums, not float sums', () => {
    const funnel = buildFunnel({
      stages,
      figures: [
        { stage: 'lead', count: 1, amount: '0.10', weightedAmount: '0.01' },
        { stage: 'visit', count: 1, amount: '0.20', weightedAmount: '0.02' },
      ],
      furthestReached: new Map([
        [10, 1],
        [20, 1],
      ]),
      daysInStage: new Map(),
    });
    expect(funnel.totals).toMatchObject({ amount: '0.30', weightedAmount: '0.03', openAmount: '0.30' });
  });

  it('reached counts never grow down the funnel and conversions stay within [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(10, 20, 30), { maxLength: 40 }), (furthest) => {
        const counts = new Map<number, number>();
        for (const sort of furthest) counts.set(sort, (counts.get(sort) ?? 0) + 1);
        const funnel = buildFunnel({ stages, figures: [], furthestReached: counts, daysInStage: new Map() });
        const progression = funnel.stages.filter((row) => row.outcome !== 'lost');
        expect(progression[0]!.reached).toBe(furthest.length);
        for (let i = 1; i < progression.length; i++)
          expect(progression[i]!.reached).toBeLessThanOrEqual(progression[i - 1]!.reached);
        for (const row of progression) {
          if (row.conversionToNext === null) continue;
          expect(row.conversionToNext).toBeGreaterThanOrEqual(0);
          expect(row.conversionToNext).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
