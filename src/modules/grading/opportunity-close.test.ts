import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpportunityTables } from '../../db/database.js';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { readBaseAggregates } from './base-aggregates.repository.js';

/** The prospect grade (A–D by time to close) reads the earliest open opportunity's expected close date. */
let handle: DatabaseHandle;
const ids: Record<'withOpen' | 'onlyClosed' | 'none' | 'openWithoutDate', number> = {
  withOpen: 0,
  onlyClosed: 0,
  none: 0,
  openWithoutDate: 0,
};

const epochDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db.withTables<OpportunityTables>();
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
    const row = await db
      .insertInto('customers')
      .values({ code: key, name: `潜在客户 ${key}`, expected_close_date: '2026-12-31' })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[key] = row.id;
  }
  const opportunity = (customer: number, close: string | null, stage: string, closed: boolean) => ({
    customer_id: customer,
    name: `商机 ${customer} ${stage}`,
    stage,
    expected_close_date: close,
    lost_reason: stage === 'lost' ? '预算取消' : null,
    closed_at: closed ? new Date('2025-01-05T00:00:00Z') : null,
  });
  await db
    .insertInto('opportunities')
    .values([
      opportunity(ids.withOpen, '2025-09-30', 'need_confirmed', false),
      opportunity(ids.withOpen, '2025-04-15', 'first_visit', false),
      opportunity(ids.withOpen, '2025-02-01', 'won', true),
      opportunity(ids.withOpen, null, 'lead', false),
      opportunity(ids.onlyClosed, '2025-03-01', 'lost', true),
      opportunity(ids.openWithoutDate, null, 'lead', false),
    ])
    .execute();
});

afterAll(async () => handle.close());

async function expectedCloseOf(customerId: number): Promise<number> {
  const aggregates = await readBaseAggregates(handle.db, {
    asOf: '2025-01-10',
    windowMonths: 12,
    lateness: 'final',
    customerIds: [customerId],
  });
  return aggregates.expectedCloseDay[0]!;
}

describe('expected close date of a prospect', () => {
  it('is the earliest expected close date among the open opportunities, ignoring won and lost ones', async () => {
    expect(await expectedCloseOf(ids.withOpen)).toBe(epochDay('2025-04-15'));
  });
  it('falls back to the customer’s own date when every opportunity is closed', async () => {
    expect(await expectedCloseOf(ids.onlyClosed)).toBe(epochDay('2026-12-31'));
  });
  it('falls back to the customer’s own date without opportunities', async () => {
    expect(await expectedCloseOf(ids.none)).toBe(epochDay('2026-12-31'));
  });
  it('falls back to the customer’s own date when the open opportunities have no date', async () => {
    expect(await expectedCloseOf(ids.openWithoutDate)).toBe(epochDay('2026-12-31'));
  });
});
