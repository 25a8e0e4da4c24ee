import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: Client;
let managerEast: Client;
let repEast1: Client;
let clock = new Date('2025-03-01T10:00:00+08:00');
let lastCustomerId = 0;

interface Bin {
  from: number;
  to: number;
  count: number;
}
interface Preview {
  asOf: string;
  population: number;
  raw:
    | { kind: 'numeric'; bins: Bin[]; nulls: number }
    | { kind: 'category'; categories: { value: string; count: number }[]; others: number; nulls: number };
  score: { bins: Bin[]; nulls: number };
}
interface ErrorBody {
  error: { code: string; fields: { path: string; message: string }[] };
}

const body = async <T>(response: Response) => (await response.json()) as T;
const total = (bins: Bin[]) => bins.reduce((sum, b) => sum + b.count, 0);
const PATH = '/api/grading/models/preview-factor';
const salesPercentile = { metric: 'sales_window', normaliser: { kind: 'percentile', nulls: 'first' } };

beforeAll(async () => {
  t = await createTestApp({}, () => clock);
  [admin, managerEast, repEast1] = await Promise.all([t.as('admin'), t.as('managerEast'), t.as('repEast1')]);
  // Ten buying customers (sales 1,000 … 10,000 in the window) and two who never bought.
  for (let n = 1; n <= 12; n++) {
    const created = await body<{ id: number }>(
      await admin('POST', '/api/customers', {
        code: `H${n}`,
        name: `直方图客户${n}`,
        ownerId: t.people.repEast1,
        industry: n % 2 ? 'manufacturing' : 'retail',
      }),
    );
    lastCustomerId = created.id;
    if (n > 10) continue;
    await t.handle.db
      .insertInto('orders')
      .values({
        customer_id: created.id,
        order_no: `H${n}`,
        order_date: '2024-10-01',
        amount: (n * 1000).toFixed(2),
        gross_profit: (n * 200).toFixed(2),
      })
      .execute();
  }
});
afterAll(async () => t.close());

describe('factor preview histograms', () => {
  it('a rep may not preview a factor (model editors only)', async () => {
    expect((await repEast1('POST', PATH, salesPercentile)).status).toBe(403);
  });

  it('counts every customer of the population once, in the raw histogram and in the score histogram', async () => {
    const preview = await body<Preview>(await managerEast('POST', PATH, salesPercentile));
    expect(preview.asOf).toBe('2025-03-01');
    expect(preview.population).toBe(12);
    if (preview.raw.kind !== 'numeric') throw new Error('sales are numeric');
    expect(total(preview.raw.bins) + preview.raw.nulls).toBe(12);
    expect(preview.raw.bins[0]!.from).toBe(0);
    expect(preview.raw.bins.at(-1)!.to).toBe(10_000);
    expect(preview.score.bins).toHaveLength(10);
    expect(total(preview.score.bins) + preview.score.nulls).toBe(12);
  });

  it('the model population filter applies: only buying customers with hasOrders', async () => {
    const preview = await body<Preview>(
      await admin('POST', PATH, { ...salesPercentile, population: { hasOrders: true } }),
    );
    expect(preview.population).toBe(10);
    expect(total(preview.score.bins)).toBe(10);
  });

  it('a bins normaliser scores only its own scores; the direction turns a percentile round', async () => {
    const bins = await body<Preview>(
      await admin('POST', PATH, {
        metric: 'sales_window',
        normaliser: { kind: 'bins', edges: [5000], scores: [20, 80] },
        population: { hasOrders: true },
      }),
    );
    expect(bins.score.bins.map((b) => b.count)).toEqual([0, 0, 5, 0, 0, 0, 0, 0, 5, 0]);

    // Min–max over sales 0, 0, 1,000 … 10,000: the two non-buyers score 0 one way round and 100 the other.
    const minmax = { metric: 'sales_window', normaliser: { kind: 'minmax' } };
    const high = await body<Preview>(await admin('POST', PATH, minmax));
    const low = await body<Preview>(await admin('POST', PATH, { ...minmax, direction: 'lower-is-better' }));
    expect(high.score.bins.map((b) => b.count)).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
    expect(low.score.bins.map((b) => b.count)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 3]);
  });

  it('a categorical metric gives category counts and scores from the category map', async () => {
    const preview = await body<Preview>(
      await admin('POST', PATH, {
        metric: 'industry',
        normaliser: { kind: 'category', map: { manufacturing: 100 }, otherwise: 0 },
      }),
    );
    expect(preview.raw).toEqual({
      kind: 'category',
      categories: [
        { value: 'manufacturing', count: 6 },
        { value: 'retail', count: 6 },
      ],
      others: 0,
      nulls: 0,
    });
    expect(preview.score.bins[0]!.count).toBe(6);
    expect(preview.score.bins[9]!.count).toBe(6);
  });

  it('a normaliser that does not fit the metric, or bad settings, is refused naming the field, in both languages', async () => {
    const mismatch = await admin('POST', PATH, {
      metric: 'sales_window',
      normaliser: { kind: 'category', map: {} },
    });
    expect(mismatch.status).toBe(400);
    expect((await body<ErrorBody>(mismatch)).error.fields.map((f) => f.path)).toEqual(['normaliser.kind']);

    const badBins = await admin(
      'POST',
      PATH,
      { metric: 'sales_window', normaliser: { kind: 'bins', edges: [10], scores: [50] } },
      { 'accept-language': 'zh-CN' },
    );
    expect(badBins.status).toBe(400);
    const problem = await body<ErrorBody>(badBins);
    expect(problem.error.fields[0]!.path).toBe('normaliser.scores');

    const unknownMetric = await admin('POST', PATH, { metric: 'nope', normaliser: { kind: 'minmax' } });
    expect(unknownMetric.status).toBe(400);
    expect((await body<ErrorBody>(unknownMetric)).error.fields[0]!.path).toBe('metric');
  });

  it('the population metrics are read again once a minute has passed, not on every settings change', async () => {
    const before = await body<Preview>(await admin('POST', PATH, salesPercentile));
    await t.handle.db
      .insertInto('orders')
      .values({
        customer_id: lastCustomerId,
        order_no: 'H-late',
        order_date: '2024-11-01',
        amount: '50000.00',
        gross_profit: '1.00',
      })
      .execute();
    const reused = await body<Preview>(
      await admin('POST', PATH, { ...salesPercentile, normaliser: { kind: 'minmax' } }),
    );
    if (reused.raw.kind !== 'numeric' || before.raw.kind !== 'numeric') throw new Error('numeric expected');
    expect(reused.raw.bins.at(-1)!.to).toBe(before.raw.bins.at(-1)!.to);
    clock = new Date(clock.getTime() + 61_000);
    const fresh = await body<Preview>(await admin('POST', PATH, salesPercentile));
    if (fresh.raw.kind !== 'numeric') throw new Error('numeric expected');
    expect(fresh.raw.bins.at(-1)!.to).toBe(50_000);
  });
});
