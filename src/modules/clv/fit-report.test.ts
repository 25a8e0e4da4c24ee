import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALIBRATION_END, loadCdnowSample } from '../../engine/clv/cdnow.fixture.js';
import { calibrationSummary, fitBgNbd, fitParetoNbd } from '../../engine/clv/index.js';
import { toIsoDate } from '../../engine/index.js';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { clvFitReport, formatFitReport } from './fit-report.service.js';

// The public CDNOW sample lives outside the repository (../shared/data/cdnow), as for the library's own tests.
const CDNOW_SAMPLE = fileURLToPath(
  new URL('../../../../shared/data/cdnow/CDNOW_sample.txt', import.meta.url),
);

describe.skipIf(!existsSync(CDNOW_SAMPLE))('stratum clv fit on CDNOW orders loaded into the database', () => {
  let handle: DatabaseHandle;
  const transactions = existsSync(CDNOW_SAMPLE) ? loadCdnowSample() : undefined;

  beforeAll(async () => {
    handle = await openTestDatabase();
    const { customer, day, amount } = transactions!;
    const customerCount = Array.from(customer).reduce((max, c) => Math.max(max, c), 0) + 1;
    const ids = (
      await handle.db
        .insertInto('customers')
        .values(Array.from({ length: customerCount }, (_, i) => ({ name: `CDNOW ${i + 1}` })))
        .returning('id')
        .execute()
    ).map((row) => row.id);
    const rows = Array.from(customer, (c, i) => ({
      customer_id: ids[c]!,
      order_no: `CDNOW-${i}`,
      order_date: toIsoDate(day[i]!),
      amount: amount[i]!.toFixed(2),
    }));
    for (let from = 0; from < rows.length; from += 2000)
      await handle.db
        .insertInto('orders')
        .values(rows.slice(from, from + 2000))
        .execute();
  }, 120_000);
  afterAll(async () => handle.close());

  it('fits BG/NBD to the same optimum as the library on the pure CDNOW summary, and compares the 39-week holdout', async () => {
    const report = await clvFitReport(handle.db, { asOf: '1997-09-30', holdoutWeeks: 39, model: 'bgnbd' });
    const pure = fitBgNbd(
      calibrationSummary(transactions!, { calibrationEndDay: CALIBRATION_END, unit: 'weeks' }),
    );
    expect(report.customers).toBe(2357);
    expect(report.purchases.converged).toBe(true);
    expect(report.purchases.logLikelihood).toBeCloseTo(pure.logLikelihood, 6);
    report.purchases.parameters.forEach((p, i) =>
      expect(Math.abs(p / pure.parameters[i]! - 1)).toBeLessThan(1e-6),
    );
    expect(report.purchases.standardErrors.every((se) => se > 0)).toBe(true);
    expect(report.holdout?.table.rows.map((r) => r.bucket)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7+',
    ]);
    expect(report.holdout?.table.total.customers).toBe(2357);
    const text = formatFitReport(report);
    expect(text).toContain('BG/NBD: log-likelihood -9582.4');
    expect(text).toContain('Holdout 39 weeks (through 1998-06-30)');
    expect(text).toContain('Gamma-Gamma');
  });

  it('fits Pareto/NBD with --model pareto; without a holdout prints no holdout table', async () => {
    const report = await clvFitReport(handle.db, { asOf: '1997-09-30', model: 'pareto' });
    const pure = fitParetoNbd(
      calibrationSummary(transactions!, { calibrationEndDay: CALIBRATION_END, unit: 'weeks' }),
    );
    expect(report.purchases.names).toEqual(['r', 'alpha', 's', 'beta']);
    expect(report.purchases.logLikelihood).toBeCloseTo(pure.logLikelihood, 6);
    expect(report.holdout).toBeNull();
    expect(formatFitReport(report)).not.toContain('Holdout');
  });

  it('refuses a calibration end before any purchase, naming the field', async () => {
    await expect(clvFitReport(handle.db, { asOf: '1990-01-01', model: 'bgnbd' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'asOf', reason: 'no_purchases' }],
    });
  });
});
