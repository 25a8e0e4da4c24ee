import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: Client;
let managerEast: Client;
let repEast1: Client;
let repEast2: Client;
let repSouth1: Client;
const ids: Record<string, number> = {};

async function json(response: Response) {
  return (await response.json()) as Record<string, unknown> & { items?: { id: number; name: string }[] };
}

beforeAll(async () => {
  t = await createTestApp();
  [admin, managerEast, repEast1, repEast2, repSouth1] = await Promise.all([
    t.as('admin'),
    t.as('managerEast'),
    t.as('repEast1'),
    t.as('repEast2'),
    t.as('repSouth1'),
  ]);
  const make = async (client: Client, key: string, body: Record<string, unknown>) => {
    const response = await client('POST', '/api/customers', body);
    expect(response.status, await response.clone().text()).toBe(201);
    ids[key] = ((await response.json()) as { id: number }).id;
  };
  await make(repEast1, 'east1a', {
    code: 'E1A',
    name: '江苏恒瑞机械制造有限公司',
    province: '江苏',
    industry: 'manufacturing',
  });
  await make(repEast1, 'east1b', {
    code: 'E1B',
    name: '苏州精工阀门有限公司',
    province: '江苏',
    tags: ['重点'],
  });
  await make(repEast2, 'east2', { code: 'E2A', name: '杭州东方泵业股份有限公司', province: '浙江' });
  await make(repSouth1, 'south1', { code: 'S1A', name: '广州南方电力设备有限公司', province: '广东' });
  await make(admin, 'unowned', { code: 'U1', name: '深圳前海贸易有限公司', province: '广东' });
  const contact = await t.handle.db
    .insertInto('contacts')
    .values({ customer_id: ids.east2!, name: '周采购', phone: '13900001111' })
    .returning('id')
    .executeTakeFirstOrThrow();
  expect(contact.id).toBeGreaterThan(0);
});

afterAll(async () => t.close());

describe('customer data scope', () => {
  it('a rep lists only the customers they own, and the total counts only those', async () => {
    const body = await json(await repEast1('GET', '/api/customers'));
    expect(body.items!.map((c) => c.id).sort()).toEqual([ids.east1a, ids.east1b].sort());
    expect(body.total).toBe(2);
  });

  it('a manager lists the whole team and nothing of another team', async () => {
    const body = await json(await managerEast('GET', '/api/customers'));
    expect(body.items!.map((c) => c.id).sort()).toEqual([ids.east1a, ids.east1b, ids.east2].sort());
    expect(body.total).toBe(3);
  });

  it('an admin lists every customer, owned or not', async () => {
    expect((await json(await admin('GET', '/api/customers'))).total).toBe(5);
  });

  it("the rows route gives the list's customers in the list's order and pages, with only the table's fields", async () => {
    for (const client of [admin, managerEast, repEast1]) {
      const full = await json(await client('GET', '/api/customers?sort=name&order=asc&limit=2'));
      const rows = await json(await client('GET', '/api/customers/rows?sort=name&order=asc&limit=2'));
      expect(rows.total).toBe(full.total);
      expect(rows.nextCursor).toBe(full.nextCursor);
      const tableFields = (customer: Record<string, unknown>) => {
        const stats = customer.stats as Record<string, unknown>;
        const fields = [
          'id',
          'code',
          'name',
          'type',
          'lifecycleStage',
          'lifecycleLocked',
          'ownerId',
          'ownerName',
        ];
        fields.push('teamId', 'teamName', 'province', 'city', 'industry', 'grades');
        return {
          ...Object.fromEntries(fields.map((field) => [field, customer[field]])),
          stats: { amount: stats.amount, lastOrder: stats.lastOrder },
        };
      };
      expect(rows.items).toEqual((full.items as unknown as Record<string, unknown>[]).map(tableFields));
      if (full.nextCursor) {
        const next = `sort=name&order=asc&limit=2&cursor=${encodeURIComponent(String(full.nextCursor))}`;
        const [fullNext, rowsNext] = [
          await json(await client('GET', `/api/customers?${next}`)),
          await json(await client('GET', `/api/customers/rows?${next}`)),
        ];
        expect(rowsNext.items!.map((c) => c.id)).toEqual(fullNext.items!.map((c) => c.id));
      }
    }
    const own = await json(await repEast1('GET', '/api/customers/rows'));
    expect(own.items!.map((c) => c.id).sort()).toEqual([ids.east1a, ids.east1b].sort());
  });

  it('the count route counts what the list selects, in the caller scope; a page can leave its total out', async () => {
    const countOf = async (client: typeof admin, query = '') =>
      ((await (await client('GET', `/api/customers/count${query}`)).json()) as { total: number }).total;
    expect(await countOf(repEast1)).toBe(2);
    expect(await countOf(managerEast)).toBe(3);
    expect(await countOf(admin)).toBe(5);
    expect(await countOf(repEast1, `?ownerId=${t.people.repEast2}`)).toBe(0);
    expect(await countOf(admin, `?teamId=${t.people.teamEast}`)).toBe(3);
    const page = await json(await repEast1('GET', '/api/customers?withTotal=false'));
    expect(page.total).toBeNull();
    expect(page.items!.map((c) => c.id).sort()).toEqual([ids.east1a, ids.east1b].sort());
  });

  it("a rep gets 404, never 403 and never the data, for another rep's customer on read, update and delete", async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { name: 'x' }],
      ['DELETE', undefined],
    ] as const) {
      const response = await repEast1(method, `/api/customers/${ids.east2}`, body);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('东方泵业');
    }
    const unchanged = await json(await admin('GET', `/api/customers/${ids.east2}`));
    expect(unchanged.name).toBe('杭州东方泵业股份有限公司');
  });

  it("a manager gets 404 for another team's customer", async () => {
    expect((await managerEast('GET', `/api/customers/${ids.south1}`)).status).toBe(404);
    expect((await managerEast('PATCH', `/api/customers/${ids.south1}`, { city: '佛山' })).status).toBe(404);
  });

  it('search never finds out-of-scope customers, even by a contact name or phone', async () => {
    const byContact = await json(await repEast1('GET', '/api/customers?q=周采购'));
    expect(byContact.total).toBe(0);
    const byPhone = await json(await repEast2('GET', '/api/customers?q=1390000'));
    expect(byPhone.items!.map((c) => c.id)).toEqual([ids.east2]);
    const byName = await json(await repSouth1('GET', '/api/customers?q=有限公司'));
    expect(byName.items!.map((c) => c.id)).toEqual([ids.south1]);
  });

  it('search treats % and _ literally', async () => {
    expect((await json(await admin('GET', '/api/customers?q=%25'))).total).toBe(0);
  });

  it('a rep who creates a customer owns it, in their team; they cannot hand it to someone else', async () => {
    const mine = await json(await repEast2('GET', `/api/customers/${ids.east2}`));
    expect(mine.ownerId).toBe(t.people.repEast2);
    expect(mine.teamId).toBe(t.people.teamEast);
    const response = await repEast2('PATCH', `/api/customers/${ids.east2}`, { ownerId: t.people.repEast1 });
    expect(response.status).toBe(400);
    expect((await json(response)).error).toMatchObject({ fields: [{ path: 'ownerId' }] });
  });

  it('a manager reassigns within the team but not to a rep of another team', async () => {
    const ok = await managerEast('PATCH', `/api/customers/${ids.east1b}`, { ownerId: t.people.repEast2 });
    expect(ok.status).toBe(200);
    expect((await json(ok)).ownerId).toBe(t.people.repEast2);
    const refused = await managerEast('PATCH', `/api/customers/${ids.east1b}`, {
      ownerId: t.people.repSouth1,
    });
    expect(refused.status).toBe(400);
    await managerEast('PATCH', `/api/customers/${ids.east1b}`, { ownerId: t.people.repEast1 });
  });

  it('a rep may not delete even their own customer; a manager may, and it leaves every list', async () => {
    expect((await repEast1('DELETE', `/api/customers/${ids.east1b}`)).status).toBe(403);
    expect((await managerEast('DELETE', `/api/customers/${ids.east1b}`)).status).toBe(204);
    expect((await admin('GET', `/api/customers/${ids.east1b}`)).status).toBe(404);
    expect((await json(await repEast1('GET', '/api/customers'))).total).toBe(1);
  });
});

describe('customer list', () => {
  it('filters by province and tag, sorts by name, and pages with a cursor without gaps or repeats', async () => {
    const gd = await json(await admin('GET', '/api/customers?province=广东&sort=name&order=asc'));
    expect(gd.items!.map((c) => c.id).sort()).toEqual([ids.south1, ids.unowned].sort());
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Record<string, unknown> & { items?: { id: number }[] } = await json(
        await admin('GET', `/api/customers?limit=2&sort=name${cursor ? `&cursor=${cursor}` : ''}`),
      );
      seen.push(...page.items!.map((c) => c.id));
      cursor = page.nextCursor as string | null;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });

  it('created-from and created-to are whole days in Asia/Shanghai, whatever the database session’s zone', async () => {
    // 2024-03-05 23:30 UTC is 07:30 on 6 March in Shanghai; 16:00 UTC on the 6th is the first instant of the 7th.
    const moved = { [ids.east1a!]: '2024-03-05T23:30:00Z', [ids.east2!]: '2024-03-06T16:00:00Z' };
    for (const [id, at] of Object.entries(moved))
      await sql`UPDATE customers SET created_at = ${at}::timestamptz WHERE id = ${Number(id)}`.execute(
        t.handle.db,
      );
    const createdOn = async (from: string, to: string) =>
      (await json(await admin('GET', `/api/customers?createdFrom=${from}&createdTo=${to}`))).items!.map(
        (c) => c.id,
      );
    expect(await createdOn('2024-03-06', '2024-03-06')).toEqual([ids.east1a]);
    expect(await createdOn('2024-03-05', '2024-03-05')).toEqual([]);
    expect(await createdOn('2024-03-07', '2024-03-07')).toEqual([ids.east2]);
    expect((await createdOn('2024-03-06', '2024-03-07')).sort()).toEqual([ids.east1a, ids.east2].sort());
  });

  it('an unreadable cursor is a 400 naming the cursor', async () => {
    const response = await admin('GET', '/api/customers?cursor=garbage');
    expect(response.status).toBe(400);
    expect((await json(response)).error).toMatchObject({ fields: [{ path: 'cursor' }] });
  });
});

describe('customer input validation', () => {
  const cases: Array<[string, unknown, number, string]> = [
    ['missing name', { code: 'X1' }, 400, 'name'],
    ['wrong type', { name: 123 }, 400, 'name'],
    ['unknown enum', { name: 'A公司', lifecycleStage: 'sleeping' }, 400, 'lifecycleStage'],
    ['unknown dictionary code', { name: 'A公司', nature: 'martian' }, 400, 'nature'],
    ['overlong string', { name: 'x'.repeat(201) }, 400, 'name'],
    ['negative money', { name: 'A公司', creditLimit: -5 }, 400, 'creditLimit'],
    ['money with three decimals', { name: 'A公司', creditLimit: '1.005' }, 400, 'creditLimit'],
    ['impossible date', { name: 'A公司', expectedCloseDate: '2025-02-30' }, 400, 'expectedCloseDate'],
    ['unknown referrer', { name: 'A公司', referredById: 99999 }, 400, 'referredById'],
    ['unknown field', { name: 'A公司', colour: 'red' }, 400, 'colour'],
    ['duplicate code', { code: 'E1A', name: 'B公司' }, 409, 'code'],
  ];
  it.each(cases)(
    '%s is refused naming the field, and nothing is written',
    async (_label, body, status, field) => {
      const before = (await json(await admin('GET', '/api/customers'))).total;
      const response = await admin('POST', '/api/customers', body);
      expect(response.status).toBe(status);
      const error = (await json(response)).error as { fields: { path: string }[] };
      expect(error.fields.map((f) => f.path)).toContain(field);
      expect((await json(await admin('GET', '/api/customers'))).total).toBe(before);
    },
  );

  it('a missing field is reported as required and a wrongly typed one as the wrong type', async () => {
    const missing = await json(await admin('POST', '/api/customers', { code: 'Q1' }));
    expect((missing.error as { fields: { reason: string }[] }).fields[0]!.reason).toBe('required');
    const wrong = await json(await admin('POST', '/api/customers', { name: 42 }));
    expect((wrong.error as { fields: { reason: string }[] }).fields[0]!.reason).toBe('invalid_type');
  });

  it('a referrer the rep cannot see is reported as unknown', async () => {
    const response = await repEast1('POST', '/api/customers', { name: 'C公司', referredById: ids.south1 });
    expect(response.status).toBe(400);
  });

  it('malformed JSON is a 400 and an oversized body a 413, in the language asked for', async () => {
    const malformed = await admin('POST', '/api/customers', '{"name": ', { 'accept-language': 'en-US' });
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).error).toMatchObject({
      code: 'MALFORMED_JSON',
      message: 'The request body is not valid JSON',
    });
    const huge = await admin('POST', '/api/customers', { name: 'x', address: 'y'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect((await json(huge)).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' });
  });

  it('field messages come in Chinese by default and English on request', async () => {
    const zh = await json(await admin('POST', '/api/customers', { code: 'Z1' }));
    expect((zh.error as { fields: { message: string }[] }).fields[0]!.message).toBe('name 必填');
    const en = await json(
      await admin('POST', '/api/customers', { code: 'Z1' }, { 'accept-language': 'en-US,en;q=0.9' }),
    );
    expect((en.error as { fields: { message: string }[] }).fields[0]!.message).toBe('name is required');
  });
});

describe('customer audit', () => {
  it('every change records who, what, before and after', async () => {
    await repEast2('PATCH', `/api/customers/${ids.east2}`, { city: '杭州' });
    const rows = await t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'customer')
      .where('entity_id', '=', String(ids.east2))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    const update = rows[1]!;
    expect(update.user_id).toBe(t.people.repEast2);
    expect((update.before as { city: string | null }).city).toBeNull();
    expect((update.after as { city: string }).city).toBe('杭州');
  });
});
