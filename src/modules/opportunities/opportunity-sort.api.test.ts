import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  created,
  expectRefused,
  listedNames,
  openRecordWorld,
  type RecordWorld,
} from '../audit/api-fixtures.js';
import { csvRows } from '../exports/testing/read-back.js';

/**
 * Rep east 1's pipeline, with ties and blanks where sorting goes wrong:
 *   A 5000.00 lead (5 %)            → 250.00, closes 2025-09-30
 *   B 1200.00 lead, 50 %            → 600.00, no close date
 *   C 5000.00 proposal_accepted 20 % → 1000.00, closes 2025-08-01
 *   D  800.00 lead (5 %)             →  40.00, closes 2025-08-01
 *   E  300.00 lead (5 %)             →  15.00, no close date
 * and rep east 2's X 99999.00, which rep east 1 never sees.
 */
let w: RecordWorld;
const ids: Record<string, number> = {};

beforeAll(async () => {
  w = await openRecordWorld();
  const rows: [string, Record<string, unknown>][] = [
    ['A', { amount: '5000.00', expectedCloseDate: '2025-09-30' }],
    ['B', { amount: '1200.00', probability: 50 }],
    [
      'C',
      { amount: '5000.00', stage: 'proposal_accepted', probability: 20, expectedCloseDate: '2025-08-01' },
    ],
    ['D', { amount: '800.00', expectedCloseDate: '2025-08-01' }],
    ['E', { amount: '300.00' }],
  ];
  for (const [name, body] of rows) {
    ids[name] = (
      await created(
        await w.repEast1('POST', '/api/opportunities', { customerId: w.customers.east1, name, ...body }),
      )
    ).id;
  }
  ids.X = (
    await created(
      await w.repEast2('POST', '/api/opportunities', {
        customerId: w.customers.east2,
        name: 'X',
        amount: '99999.00',
        expectedCloseDate: '2025-01-01',
      }),
    )
  ).id;
});

afterAll(async () => w.t.close());

const walk = (client: RecordWorld['admin'], query: string) =>
  listedNames(client, `/api/opportunities?${query}`, ids);

describe('sorting the opportunity list', () => {
  it('newest first by default', async () => {
    expect(await walk(w.repEast1, 'open=true')).toEqual(['E', 'D', 'C', 'B', 'A']);
  });

  it('by amount either way, a tie broken by id in the same direction, across pages', async () => {
    expect(await walk(w.repEast1, 'sort=amount&order=desc')).toEqual(['C', 'A', 'B', 'D', 'E']);
    expect(await walk(w.repEast1, 'sort=amount&order=asc')).toEqual(['E', 'D', 'B', 'A', 'C']);
  });

  it('by weighted amount: the override’s probability counts, not the stage’s', async () => {
    expect(await walk(w.repEast1, 'sort=weightedAmount&order=desc')).toEqual(['C', 'B', 'A', 'D', 'E']);
  });

  it('by expected close date, soonest first, those without a date last', async () => {
    expect(await walk(w.repEast1, 'sort=expectedCloseDate&order=asc')).toEqual(['C', 'D', 'A', 'B', 'E']);
  });

  it('by expected close date, latest first, those without a date still last', async () => {
    expect(await walk(w.repEast1, 'sort=expectedCloseDate&order=desc')).toEqual(['A', 'D', 'C', 'E', 'B']);
  });

  it('keeps the scope: the manager sees the other rep’s opportunity in order, the rep never', async () => {
    expect(await walk(w.managerEast, 'sort=amount&order=desc')).toEqual(['X', 'C', 'A', 'B', 'D', 'E']);
    expect(await walk(w.repEast1, 'sort=expectedCloseDate&order=asc')).not.toContain('X');
  });

  it('exports in the order asked for', async () => {
    const rows = await csvRows(
      await w.repEast1('GET', '/api/exports/opportunities?format=csv&sort=amount&order=asc'),
    );
    const header = rows[0]!;
    expect(rows.slice(1).map((row) => row[header.indexOf('商机名称')])).toEqual(['E', 'D', 'B', 'A', 'C']);
  });

  it('refuses a sort it does not know, naming the field', async () => {
    await expectRefused(await w.repEast1('GET', '/api/opportunities?sort=colour'), 400, 'sort');
  });
});
