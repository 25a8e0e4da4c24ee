import { describe, expect, it } from 'vitest';
import { bgnbdConditionalExpected } from './bgnbd.js';
import { CHURN_LOW_P_ALIVE, CHURN_OVERDUE } from './churn.js';
import { fitForecastModels, forecastCustomers, sampleRows } from './forecast.js';
import { scaledHyp2f1ExcessOverB, hyp2f1ExcessOverB } from './hypergeometric.js';
import { DEFAULT_CLV_SETTINGS } from './settings.js';

const columns = {
  x: Float64Array.from([0, 1, 3, 6, 2, 0, 4, 1, 0, 5]),
  tx: Float64Array.from([0, 10, 30, 40, 5, 0, 38, 2, 0, 20]),
  T: Float64Array.from([40, 45, 50, 41, 48, 20, 39, 44, 52, 50]),
  zbar: Float64Array.from([0, 20, 35.5, 18, 60, 0, 25, 12, 0, 40]),
};

describe('forecasts from stored parameters', () => {
  const params = fitForecastModels(columns, DEFAULT_CLV_SETTINGS, 0.25);

  it('samples evenly and deterministically only above the configured size', () => {
    expect(sampleRows(5, 10)).toBeUndefined();
    expect(Array.from(sampleRows(10, 4)!)).toEqual([0, 2, 5, 7]);
    expect(sampleRows(1_000_000, 1000)).toEqual(sampleRows(1_000_000, 1000));
  });

  it('are the same numbers bit for bit when computed again from the same parameters', () => {
    const margin = new Float64Array(10).fill(Number.NaN);
    const a = forecastCustomers(params, columns, margin);
    const b = forecastCustomers(structuredClone(params), columns, margin);
    expect(Array.from(b.clv)).toEqual(Array.from(a.clv));
    expect(Array.from(b.pAlive)).toEqual(Array.from(a.pAlive));
    expect(Array.from(b.expectedPurchases12m)).toEqual(Array.from(a.expectedPurchases12m));
  });

  it("scale CLV by the customer's own margin, else the fallback margin; a fixed model margin overrides both", () => {
    const own = forecastCustomers(params, columns, new Float64Array(10).fill(0.5));
    const fallback = forecastCustomers(params, columns, new Float64Array(10).fill(Number.NaN));
    const fixed = forecastCustomers(
      { ...params, settings: { ...params.settings, margin: 0.5 } },
      columns,
      new Float64Array(10).fill(0.1),
    );
    own.clv.forEach((v, i) => {
      expect(v).toBeCloseTo((fallback.clv[i]! * 0.5) / 0.25, 1);
      expect(fixed.clv[i]).toBe(v);
      expect(Math.round(v * 100)).toBe(v * 100 === Math.round(v * 100) ? v * 100 : Math.round(v * 100));
    });
  });

  it('flag churn risk by P(alive) below the threshold or recency beyond k purchase cycles', () => {
    const strict = { ...params, settings: { ...params.settings, pAliveThreshold: 0.99, cycleMultiple: 0.5 } };
    const { churn, pAlive } = forecastCustomers(strict, columns, new Float64Array(10));
    churn.forEach((flags, i) => {
      expect(Boolean(flags & CHURN_LOW_P_ALIVE)).toBe(pAlive[i]! < 0.99);
    });
    expect(churn.some((f) => f & CHURN_OVERDUE)).toBe(true);
  });

  it('without customers to fit on, every forecast is NULL and nobody is flagged', () => {
    const none = fitForecastModels({ x: [], tx: [], T: [], zbar: [] }, DEFAULT_CLV_SETTINGS, 1);
    expect(none.bgnbd).toBeNull();
    const forecast = forecastCustomers(none, columns, new Float64Array(10));
    expect(forecast.clv.every(Number.isNaN)).toBe(true);
    expect(forecast.churn.every((f) => f === 0)).toBe(true);
  });

  it('without repeat buyers the spend model is absent and CLV is NULL, while P(alive) stays defined', () => {
    const oneTime = { x: [0, 0, 0], tx: [0, 0, 0], T: [10, 20, 30], zbar: [0, 0, 0] };
    const fit = fitForecastModels(oneTime, DEFAULT_CLV_SETTINGS, 1);
    expect(fit.gammaGamma).toBeNull();
    const forecast = forecastCustomers(fit, oneTime, [1, 1, 1]);
    expect(Array.from(forecast.pAlive)).toEqual([1, 1, 1]);
    expect(forecast.clv.every(Number.isNaN)).toBe(true);
  });
});

describe('BG/NBD expected purchases near the parameter bound', () => {
  it('stay finite when a and b are huge (the plain series overflows to 0 · ∞)', () => {
    const near = bgnbdConditionalExpected(
      { r: 2.78, alpha: 33.5, a: 73_708, b: 997_775 },
      { x: [0, 3], tx: [0, 20], T: [40, 45] },
      52,
    );
    const moderate = bgnbdConditionalExpected(
      { r: 2.78, alpha: 33.5, a: 70, b: 947 },
      { x: [0, 3], tx: [0, 20], T: [40, 45] },
      52,
    );
    near.forEach((value, i) => {
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeCloseTo(moderate[i]!, 0);
    });
  });

  it('the log-space series equals the plain one where both are finite', () => {
    for (const [a, b, c, z] of [
      [2.5, 0.3, 3.2, 0.4],
      [-0.6, 1.2, 4, 0.7],
      [10, 5, 12, 0.2],
    ] as const) {
      const scale = -1.5;
      expect(scaledHyp2f1ExcessOverB(a, b, c, z, scale)).toBeCloseTo(
        Math.exp(scale) * hyp2f1ExcessOverB(a, b, c, z),
        12,
      );
    }
  });
});
