import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, expectRefused } from '../audit/api-fixtures.js';
import { csvRows } from '../exports/testing/read-back.js';
import { keysOf, openWorld, worklist, type World } from './testing/world.js';

/**
 * Today is Sunday 2026-09-20 (Asia/Shanghai); the week runs to 2026-09-26. Mid-Autumn is 2026-09-25 and National
 * Day 2026-10-01. Default settings: 7 lead days for birthdays, holidays, repurchases and pool warnings, downgrades
 * listed for 30 days, escalation after 3 days overdue.
 */
const TODAY = '2026-09-20';
let w: World;
type Name =
  | 'overdue'
  | 'fresh'
  | 'pool'
  | 'birthday'
  | 'holiday'
  | 'repurchase'
  | 'downgrade'
  | 'churn'
  | 'ungraded'
  | 'east2Escalated'
  | 'east2Recent'
  | 'south';
const c = {} as Record<Name, number>;

beforeAll(async () => {
  w = await openWorld(TODAY);
  const { people } = w.t;
  const east1 = { owner: people.repEast1, team: people.teamEast };
  // Contact due 2026-09-09 (cadence 30): 11 days overdue, so escalated.
  c.overdue = await w.customer({ name: '逾期联系客户', ...east1, grade: 'C', lastActivity: '2026-08-10' });
  // Contacted recently: nothing to do.
  c.fresh = await w.customer({ name: '近期已联系客户', ...east1, grade: 'C', lastActivity: '2026-09-15' });
  // Recall 30 days after 2026-08-25 = 2026-09-24; warned from 2026-09-17.
  c.pool = await w.customer({ name: '即将退回公海客户', ...east1, grade: 'B', lastActivity: '2026-08-25' });
  c.birthday = await w.customer({ name: '生日客户', ...east1, grade: 'C', lastActivity: '2026-09-10' });
  await created(
    await w.admin('POST', '/api/contacts', {
      customerId: c.birthday,
      name: '周总',
      buyingRole: 'decision_maker',
      birthday: '1970-09-24',
    }),
  );
  await created(
    await w.admin('POST', '/api/contacts', {
      customerId: c.birthday,
      name: '普通联系人',
      buyingRole: 'user',
      birthday: '1990-09-23',
    }),
  );
  // Grade A (1:1) gets greetings; last contact 2026-09-16 is before Mid-Autumn's lead day 2026-09-18.
  c.holiday = await w.customer({ name: '节日问候客户', ...east1, grade: 'A', lastActivity: '2026-09-16' });
  // Orders every 35 days: next purchase due 2026-09-14, 6 days ago.
  c.repurchase = await w.customer({ name: '复购客户', ...east1, grade: 'C', lastActivity: '2026-09-01' });
  for (const [index, day] of ['2026-06-01', '2026-07-06', '2026-08-10'].entries()) {
    await created(
      await w.admin('POST', '/api/orders', {
        customerId: c.repurchase,
        orderNo: `RP-${index}`,
        orderDate: day,
        amount: '1000.00',
      }),
    );
  }
  c.downgrade = await w.customer({ name: '降级客户', ...east1, grade: 'C', lastActivity: '2026-09-15' });
  await w.t.handle.db
    .insertInto('grade_changes')
    .values({
      model_id: w.modelId,
      customer_id: c.downgrade,
      at: '2026-09-18T02:00:00Z',
      from_grade: 1,
      to_grade: 2,
      score: null,
      cause: 'run',
      run_id: null,
      detail: null,
    })
    .execute();
  c.churn = await w.customer({ name: '流失风险客户', ...east1, grade: 'C', lastActivity: '2026-09-15' });
  await sql`INSERT INTO customer_forecasts (customer_id, as_of, p_alive, churn_risk, churn_reason)
            VALUES (${c.churn}, '2026-09-19', 0.12, true, 'low_p_alive')`.execute(w.t.handle.db);
  // Not under any policy: no cadence, no recall.
  c.ungraded = await w.customer({ name: '无政策客户', ...east1, lastActivity: '2026-01-01' });
  // Other owners.
  c.east2Escalated = await w.customer({
    name: '同事逾期客户',
    owner: people.repEast2,
    team: people.teamEast,
    grade: 'C',
    lastActivity: '2026-08-01',
  });
  c.east2Recent = await w.customer({
    name: '同事刚逾期客户',
    owner: people.repEast2,
    team: people.teamEast,
    grade: 'C',
    lastActivity: '2026-08-20',
  });
  c.south = await w.customer({
    name: '华南逾期客户',
    owner: people.repSouth1,
    team: people.teamSouth,
    grade: 'C',
    lastActivity: '2026-08-01',
  });
}, 60_000);

afterAll(() => w.t.close());

describe('worklist items', () => {
  it("today's list holds every kind, each linked to its customer", async () => {
    const list = await worklist(w.repEast1);
    expect(list.today).toBe(TODAY);
    expect(list.end).toBe(TODAY);
    expect(keysOf(list.items)).toEqual(
      [
        `${c.overdue}:contact_overdue`,
        `${c.pool}:pool_recall`,
        `${c.birthday}:birthday`,
        `${c.holiday}:holiday`,
        `${c.repurchase}:repurchase`,
        `${c.downgrade}:downgrade`,
        `${c.churn}:churn_risk`,
      ].sort(),
    );
    const byKind = Object.fromEntries(list.items.map((item) => [item.kind, item]));
    expect(byKind.contact_overdue).toMatchObject({ due: '2026-09-09', overdueDays: 11, escalated: true });
    expect(byKind.pool_recall).toMatchObject({ due: '2026-09-24', escalated: false });
    expect(byKind.birthday).toMatchObject({ due: '2026-09-24', detail: { contactName: '周总' } });
    expect(byKind.holiday).toMatchObject({ due: '2026-09-25', detail: { holiday: 'mid_autumn' } });
    expect(byKind.repurchase).toMatchObject({
      due: '2026-09-14',
      detail: { cycleDays: 35 },
      escalated: true,
    });
    expect(byKind.downgrade?.detail).toMatchObject({ from: expect.any(String), to: expect.any(String) });
    expect(byKind.churn_risk).toMatchObject({ due: '2026-09-19', detail: { reason: 'low_p_alive' } });
    expect(list.counts).toMatchObject({ contact_overdue: 1, birthday: 1, holiday: 1 });
  });

  it('the export holds the list the page shows, with each item in words, and only the lists the caller may open', async () => {
    const list = await worklist(w.repEast1);
    const zh = await csvRows(await w.repEast1('GET', '/api/exports/worklist?format=csv'));
    expect(zh[0]).toEqual([
      '事项',
      '客户编号',
      '客户名称',
      '等级',
      '负责人',
      '到期日',
      '列入日',
      '逾期天数',
      '已升级给经理',
      '最近联系',
      '说明',
    ]);
    expect(
      zh
        .slice(1)
        .map((row) => `${row[2]}:${row[5]}`)
        .sort(),
    ).toEqual(list.items.map((item) => `${item.customer.name}:${item.due}`).sort());
    const rowOf = (rows: string[][], kind: string) => rows.find((row) => row[0] === kind)!;
    expect(rowOf(zh, '节日问候')[10]).toBe('中秋节');
    expect(rowOf(zh, '生日')[10]).toBe('联系人 周总');
    expect(rowOf(zh, '该联系').slice(7, 9)).toEqual(['11', '是']);
    expect(rowOf(zh, '流失风险')[10]).toBe('活跃概率低');

    const en = await csvRows(
      await w.repEast1('GET', '/api/exports/worklist?format=csv', undefined, { 'accept-language': 'en-US' }),
    );
    expect(en[0]![0]).toBe('Item');
    expect(rowOf(en, 'Holiday greeting')[10]).toBe('Mid-Autumn Festival');
    expect(rowOf(en, 'Churn risk')[10]).toBe('low probability of being active');

    const another = await w.repEast1('GET', `/api/exports/worklist?format=csv&userId=${w.t.people.repEast2}`);
    expect(another.status).toBe(404);
    const managers = await csvRows(
      await w.managerEast('GET', `/api/exports/worklist?format=csv&userId=${w.t.people.repEast1}`),
    );
    expect(managers.length - 1).toBe(list.items.length);
  });

  it('the week adds what falls due in the next 7 days: a contact due on the 23rd and National Day', async () => {
    const list = await worklist(w.repEast1, '?view=week');
    expect(list.end).toBe('2026-09-26');
    const keys = keysOf(list.items);
    expect(keys).toContain(`${c.holiday}:contact_overdue`);
    expect(list.items.filter((i) => i.kind === 'holiday').map((i) => i.ref)).toEqual([
      'mid_autumn:2026-09-25',
      'national_day:2026-10-01',
    ]);
    expect(keys).not.toContain(`${c.fresh}:contact_overdue`);
  });

  it('a non-key contact has no birthday item and a customer without a policy has no cadence', async () => {
    const list = await worklist(w.repEast1, '?view=week');
    expect(list.items.filter((i) => i.kind === 'birthday')).toHaveLength(1);
    expect(list.items.some((i) => i.customer.id === c.ungraded)).toBe(false);
  });
});

describe('limits and filters', () => {
  it('a cut list says so, and its counts still cover every item; a kind filter picks what the page holds', async () => {
    const full = await worklist(w.repEast1);
    const cut = await worklist(w.repEast1, '?limit=2');
    expect(cut.items).toHaveLength(2);
    expect(cut).toMatchObject({ truncated: true, counts: full.counts, escalated: full.escalated });
    const births = await worklist(w.repEast1, '?limit=2&kind=birthday,holiday');
    expect(births.items.map((item) => item.kind).sort()).toEqual(['birthday', 'holiday']);
    expect(births.counts).toEqual(full.counts);
    expect((await w.repEast1('GET', '/api/worklist?kind=nonsense')).status).toBe(400);
  });
});

describe('edge days', () => {
  it('a key contact born on 29 February is greeted on 28 February in a common year', async () => {
    const id = await w.customer({
      name: '闰日生日客户',
      owner: w.t.people.repEast1,
      team: w.t.people.teamEast,
      grade: 'C',
      lastActivity: '2027-01-20',
    });
    await created(
      await w.admin('POST', '/api/contacts', {
        customerId: id,
        name: '孙总',
        isKey: true,
        birthday: '1988-02-29',
      }),
    );
    w.setToday('2027-02-25');
    // Months later than the other sessions last: a fresh login.
    const rep = await w.t.as('repEast1');
    const birthdays = (await worklist(rep)).items.filter(
      (item) => item.kind === 'birthday' && item.customer.id === id,
    );
    expect(birthdays.map((item) => item.due)).toEqual(['2027-02-28']);
    w.setToday(TODAY);
  });

  it('holiday greetings go only to grades served 1:1 or 1:2 (the A customer), not to 1:3 or 1:5', async () => {
    const holidays = (await worklist(w.repEast1, '?view=week')).items.filter((i) => i.kind === 'holiday');
    expect(new Set(holidays.map((item) => item.customer.id))).toEqual(new Set([c.holiday]));
  });
});

describe('closing and snoozing', () => {
  it('logging a call closes the contact-overdue item (its due date moves)', async () => {
    await w.activity(c.overdue, TODAY, w.repEast1);
    const keys = keysOf((await worklist(w.repEast1)).items);
    expect(keys).not.toContain(`${c.overdue}:contact_overdue`);
  });

  it('an activity after a birthday item appeared closes it; other customers keep theirs', async () => {
    await w.activity(c.birthday, TODAY, w.repEast1);
    const keys = keysOf((await worklist(w.repEast1)).items);
    expect(keys).not.toContain(`${c.birthday}:birthday`);
    expect(keys).toContain(`${c.churn}:churn_risk`);
  });

  it('a snoozed item is hidden until its day and shown again from it', async () => {
    const repurchase = (await worklist(w.repEast1)).items.find((i) => i.kind === 'repurchase')!;
    await created(
      await w.repEast1('POST', '/api/worklist/snoozes', {
        customerId: c.repurchase,
        kind: 'repurchase',
        ref: repurchase.ref,
        until: '2026-09-22',
      }),
    );
    expect(keysOf((await worklist(w.repEast1)).items)).not.toContain(`${c.repurchase}:repurchase`);
    w.setToday('2026-09-21');
    expect(keysOf((await worklist(w.repEast1)).items)).not.toContain(`${c.repurchase}:repurchase`);
    w.setToday('2026-09-22');
    expect(keysOf((await worklist(w.repEast1)).items)).toContain(`${c.repurchase}:repurchase`);
    w.setToday(TODAY);
  });

  it('a snooze must end after today and only for a customer in scope', async () => {
    await expectRefused(
      await w.repEast1('POST', '/api/worklist/snoozes', {
        customerId: c.churn,
        kind: 'churn_risk',
        ref: '2026-09-19',
        until: TODAY,
      }),
      400,
      'until',
      'not_after_today',
    );
    await expectRefused(
      await w.repEast1('POST', '/api/worklist/snoozes', {
        customerId: c.south,
        kind: 'contact_overdue',
        ref: '2026-08-31',
        until: '2026-10-01',
      }),
      400,
      'customerId',
      'unknown_customer',
    );
  });
});

describe('escalation and scope', () => {
  it("a manager's own list carries the team's items overdue longer than the delay, marked escalated", async () => {
    const list = await worklist(w.managerEast);
    const keys = keysOf(list.items);
    expect(keys).toContain(`${c.east2Escalated}:contact_overdue`);
    expect(list.items.every((item) => item.escalated)).toBe(true);
    // Overdue by one day only: still the rep's own business.
    expect(keys).not.toContain(`${c.east2Recent}:contact_overdue`);
    // Another team's overdue customer never reaches this manager.
    expect(keys).not.toContain(`${c.south}:contact_overdue`);
  });

  it('the escalation delay is a setting: at 30 days nothing of this data is escalated', async () => {
    const patch = await w.admin('PATCH', '/api/worklist/settings', { escalationDays: 30 });
    expect(patch.status).toBe(200);
    expect((await worklist(w.managerEast)).items).toEqual([]);
    await w.admin('PATCH', '/api/worklist/settings', { escalationDays: 3 });
  });

  it("a manager opens a rep's list in the team; a rep only their own, and never sees a colleague's customer", async () => {
    const east2 = await worklist(w.managerEast, `?userId=${w.t.people.repEast2}`);
    expect(keysOf(east2.items)).toEqual(
      [`${c.east2Escalated}:contact_overdue`, `${c.east2Recent}:contact_overdue`].sort(),
    );
    const own = await worklist(w.repEast1, '?view=week');
    const ids = new Set(own.items.map((item) => item.customer.id));
    for (const foreign of [c.east2Escalated, c.east2Recent, c.south]) expect(ids.has(foreign)).toBe(false);
    expect((await w.repEast1('GET', `/api/worklist?userId=${w.t.people.repEast2}`)).status).toBe(404);
    expect((await w.managerSouth('GET', `/api/worklist?userId=${w.t.people.repEast1}`)).status).toBe(404);
    const users = (await (await w.repEast1('GET', '/api/worklist/users')).json()) as { id: number }[];
    expect(users.map((user) => user.id)).toEqual([w.t.people.repEast1]);
  });

  it('only an admin changes the settings, and a bad value names the field', async () => {
    expect((await w.managerEast('PATCH', '/api/worklist/settings', { escalationDays: 5 })).status).toBe(403);
    await expectRefused(
      await w.admin('PATCH', '/api/worklist/settings', { birthdayLeadDays: -1 }),
      400,
      'birthdayLeadDays',
    );
  });
});
