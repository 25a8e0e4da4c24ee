import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, expectRefused, json, openRecordWorld, type RecordWorld } from '../audit/api-fixtures.js';

let w: RecordWorld;
let modelId: number;

interface Event {
  kind: string;
  id: number;
  at: string;
  [field: string]: unknown;
}
interface TimelinePage {
  items: Event[];
  nextCursor: string | null;
}

const timeline = async (client: RecordWorld['admin'], customerId: number, query = '') =>
  (await json(
    await client('GET', `/api/customers/${customerId}/timeline${query}`),
  )) as unknown as TimelinePage;

beforeAll(async () => {
  w = await openRecordWorld();
  const east1 = w.customers.east1;
  const order = await created(
    await w.repEast1('POST', '/api/orders', {
      customerId: east1,
      orderNo: 'SO-TL-1',
      orderDate: '2025-03-01',
      amount: '12000.50',
    }),
  );
  await created(
    await w.repEast1('POST', '/api/payments', {
      customerId: east1,
      orderId: order.id,
      dueDate: '2025-03-31',
      paidDate: '2025-04-10',
      amount: '12000.50',
    }),
  );
  await created(
    await w.repEast1('POST', '/api/activities', {
      customerId: east1,
      kind: 'visit',
      at: '2025-03-15T02:00:00Z',
      subject: '上门拜访设备科',
    }),
  );
  const opportunity = await created(
    await w.repEast1('POST', '/api/opportunities', { customerId: east1, name: '三号线改造', amount: 50000 }),
  );
  await w.repEast1('PATCH', `/api/opportunities/${opportunity.id}`, { stage: 'need_confirmed' });
  const db = w.t.handle.db;
  modelId = (await db.selectFrom('grading_models').select('id').executeTakeFirstOrThrow()).id;
  // Three changes at the same instant, to the microsecond, as one transaction records them: a page boundary
  // between them must neither repeat nor drop one.
  await db
    .insertInto('grade_changes')
    .values(
      [
        [null, 2],
        [2, 1],
        [1, 0],
      ].map(([from, to]) => ({
        model_id: modelId,
        customer_id: east1,
        from_grade: from,
        to_grade: to,
        cause: 'run',
      })),
    )
    .execute();
  await sql`UPDATE grade_changes SET at = '2025-03-20 08:00:00.123456+00' WHERE customer_id = ${east1}`.execute(
    db,
  );
});

afterAll(async () => w.t.close());

describe("a customer's timeline", () => {
  it('holds every kind of event, newest first, each with the facts of its line', async () => {
    const { items, nextCursor } = await timeline(w.repEast1, w.customers.east1);
    expect(nextCursor).toBeNull();
    const times = items.map((event) => Date.parse(event.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(items.map((event) => event.kind).sort()).toEqual(
      ['activity', 'grade', 'grade', 'grade', 'opportunity', 'opportunity', 'order', 'payment'].sort(),
    );
    const byKind = (kind: string) => items.filter((event) => event.kind === kind);
    expect(byKind('order')[0]).toMatchObject({ orderNo: 'SO-TL-1', amount: '12000.50', status: 'completed' });
    // A paid payment is placed on the day it was paid and says how late.
    expect(byKind('payment')[0]).toMatchObject({
      amount: '12000.50',
      dueDate: '2025-03-31',
      paidDate: '2025-04-10',
      daysLate: 10,
      at: '2025-04-09T16:00:00.000Z',
    });
    expect(byKind('activity')[0]).toMatchObject({ activityKind: 'visit', subject: '上门拜访设备科' });
    expect(byKind('opportunity').map((event) => [event.fromStage, event.toStage])).toEqual([
      ['lead', 'need_confirmed'],
      [null, 'lead'],
    ]);
    expect(byKind('opportunity')[0]).toMatchObject({ opportunityName: '三号线改造' });
    expect(typeof byKind('opportunity')[0]!.byName).toBe('string');
    expect(byKind('grade')[0]).toMatchObject({ modelId, cause: 'run' });
    // An order's day starts at midnight in Beijing.
    expect(byKind('order')[0]!.at).toBe('2025-02-28T16:00:00.000Z');
  });

  it('pages of any size, walked to the end, give every event once, ties in time included', async () => {
    const whole = (await timeline(w.repEast1, w.customers.east1)).items.map(
      (event) => `${event.kind}${event.id}`,
    );
    for (const size of [1, 2, 3]) {
      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `?limit=${size}${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await timeline(w.repEast1, w.customers.east1, query);
        expect(page.items.length).toBeLessThanOrEqual(size);
        walked.push(...page.items.map((event) => `${event.kind}${event.id}`));
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked, `pages of ${size}`).toEqual(whole);
    }
  });

  it('keeps only the kinds asked for, in any order and any combination', async () => {
    const kindsOf = async (kinds: string) =>
      (await timeline(w.repEast1, w.customers.east1, `?kinds=${kinds}`)).items
        .map((event) => event.kind)
        .sort();
    expect(await kindsOf('order,payment')).toEqual(['order', 'payment']);
    expect(await kindsOf('opportunity,activity')).toEqual(['activity', 'opportunity', 'opportunity']);
    for (const kind of ['payment', 'activity', 'grade', 'opportunity'])
      expect(new Set(await kindsOf(kind))).toEqual(new Set([kind]));
  });

  it('a customer with nothing recorded has an empty timeline', async () => {
    expect(await timeline(w.admin, w.customers.unowned)).toEqual({ items: [], nextCursor: null });
  });

  it("is not found for another rep's customer or a manager of another team, and open to the owner's manager", async () => {
    expect((await w.repEast2('GET', `/api/customers/${w.customers.east1}/timeline`)).status).toBe(404);
    expect((await w.managerSouth('GET', `/api/customers/${w.customers.east1}/timeline`)).status).toBe(404);
    expect((await timeline(w.managerEast, w.customers.east1)).items.length).toBe(8);
  });

  it('refuses an unknown kind and a cursor that is not one of its own, naming the field', async () => {
    await expectRefused(
      await w.repEast1('GET', `/api/customers/${w.customers.east1}/timeline?kinds=order,invoice`),
      400,
      'kinds.1',
    );
    await expectRefused(
      await w.repEast1('GET', `/api/customers/${w.customers.east1}/timeline?cursor=bm90LWEtY3Vyc29y`),
      400,
      'cursor',
      'invalid_format',
    );
  });
});
