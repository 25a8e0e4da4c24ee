import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';

interface ListBody {
  items: { id: number; ownerId: number | null; grades: { modelId: number; code: string }[] }[];
  total: number;
}

let t: TestApp;
let admin: Client;
let managerEast: Client;
let repEast1: Client;
let repSouth1: Client;
const ids: Record<'e1a' | 'e1b' | 'e2' | 's1' | 'unowned', number> = {
  e1a: 0,
  e1b: 0,
  e2: 0,
  s1: 0,
  unowned: 0,
};
const models = { main: 0, second: 0, retired: 0 };

async function list(client: Client, query: string): Promise<ListBody> {
  const response = await client('GET', `/api/customers?${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ListBody;
}

const sortedIds = (body: ListBody) => body.items.map((c) => c.id).sort((a, b) => a - b);
const expectIds = (...keys: (keyof typeof ids)[]) => keys.map((key) => ids[key]).sort((a, b) => a - b);

beforeAll(async () => {
  t = await createTestApp();
  [admin, managerEast, repEast1, repSouth1] = await Promise.all([
    t.as('admin'),
    t.as('managerEast'),
    t.as('repEast1'),
    t.as('repSouth1'),
  ]);
  const db = t.handle.db;
  const { people } = t;
  const customer = async (code: string, owner: number | null, team: number | null) =>
    (
      await db
        .insertInto('customers')
        .values({ code, name: `${code} 有限公司`, owner_id: owner, team_id: team })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  ids.e1a = await customer('G-E1A', people.repEast1, people.teamEast);
  ids.e1b = await customer('G-E1B', people.repEast1, people.teamEast);
  ids.e2 = await customer('G-E2', people.repEast2, people.teamEast);
  ids.s1 = await customer('G-S1', people.repSouth1, people.teamSouth);
  ids.unowned = await customer('G-U', null, null);
  const model = async (key: string, active: boolean) =>
    (
      await db
        .insertInto('grading_models')
        .values({ key, name_zh: key, name_en: key, active, current_version: 1, schedule: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  models.main = await model('list-main', true);
  models.second = await model('list-second', true);
  models.retired = await model('list-retired', false);
  // The second model's grade is stored first: the list still gives a customer's grades in model order.
  const grades: [number, number, string][] = [
    [models.second, ids.e1a, 'C'],
    [models.main, ids.e1a, 'A'],
    [models.main, ids.e1b, 'B'],
    [models.main, ids.e2, 'A'],
    [models.main, ids.s1, 'A'],
    [models.main, ids.unowned, 'C'],
    [models.retired, ids.e1b, 'A'],
  ];
  await db
    .insertInto('customer_grades')
    .values(
      grades.map(([modelId, customerId, code]) => ({
        model_id: modelId,
        customer_id: customerId,
        grade: 'ABC'.indexOf(code),
        grade_code: code,
        score: null,
        rfm_code: null,
        status: 0,
        run_id: null,
        cause: 'instant' as const,
      })),
    )
    .execute();
});

afterAll(async () => t.close());

describe('current grades on the customer list', () => {
  it('each customer carries its grade in every active model, in model order, none from an inactive one', async () => {
    const body = await list(admin, 'limit=500');
    const gradesOf = (id: number) => body.items.find((c) => c.id === id)?.grades;
    expect(gradesOf(ids.e1a)).toEqual([
      { modelId: models.main, code: 'A' },
      { modelId: models.second, code: 'C' },
    ]);
    expect(gradesOf(ids.e1b)).toEqual([{ modelId: models.main, code: 'B' }]);
  });

  it('a customer never graded carries an empty list', async () => {
    const { id } = await t.handle.db
      .insertInto('customers')
      .values({ code: 'G-NEW', name: '新客户有限公司', owner_id: null, team_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const body = (await (await admin('GET', `/api/customers/${id}`)).json()) as { grades: unknown[] };
    expect(body.grades).toEqual([]);
    await t.handle.db.deleteFrom('customers').where('id', '=', id).execute();
  });
});

describe('grade filter', () => {
  it('model and grade narrow the admin list to every customer so graded, and the total agrees', async () => {
    const body = await list(admin, `gradeModelId=${models.main}&grade=A`);
    expect(sortedIds(body)).toEqual(expectIds('e1a', 'e2', 's1'));
    expect(body.total).toBe(3);
  });

  it("a manager gets only their team's customers of that grade", async () => {
    const body = await list(managerEast, `gradeModelId=${models.main}&grade=A`);
    expect(sortedIds(body)).toEqual(expectIds('e1a', 'e2'));
    expect(body.total).toBe(2);
  });

  it("a rep never sees another rep's customer through the grade filter", async () => {
    const east = await list(repEast1, `gradeModelId=${models.main}&grade=A`);
    expect(sortedIds(east)).toEqual(expectIds('e1a'));
    expect(east.total).toBe(1);
    const south = await list(repSouth1, `gradeModelId=${models.main}&grade=A,B,C`);
    expect(sortedIds(south)).toEqual(expectIds('s1'));
    expect(south.total).toBe(1);
  });

  it('several grades are a union', async () => {
    const body = await list(repEast1, `gradeModelId=${models.main}&grade=A,B`);
    expect(sortedIds(body)).toEqual(expectIds('e1a', 'e1b'));
  });

  it('a grade without a model matches that grade in any active model', async () => {
    const body = await list(admin, 'grade=A');
    expect(sortedIds(body)).toEqual(expectIds('e1a', 'e2', 's1'));
  });

  it('a model without a grade matches every customer graded in it', async () => {
    expect(sortedIds(await list(admin, `gradeModelId=${models.second}`))).toEqual(expectIds('e1a'));
  });

  it('an inactive model matches nobody', async () => {
    expect((await list(admin, `gradeModelId=${models.retired}&grade=A`)).total).toBe(0);
  });

  it('a grade no one holds gives an empty list, not an error', async () => {
    const body = await list(admin, `gradeModelId=${models.main}&grade=Z`);
    expect(body).toMatchObject({ items: [], total: 0 });
  });

  it('the CSV export follows the grade filter and the scope: a header and the two east customers graded A', async () => {
    const response = await managerEast(
      'GET',
      `/api/exports/customers?format=csv&gradeModelId=${models.main}&grade=A`,
    );
    expect(response.status).toBe(200);
    const rows = parse(
      Buffer.from(await response.arrayBuffer())
        .subarray(3)
        .toString('utf8'),
    ) as string[][];
    expect(rows).toHaveLength(3);
    expect(
      rows
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual(['G-E1A', 'G-E2']);
  });

  it('a model id that is not a number is refused naming gradeModelId', async () => {
    const response = await admin('GET', '/api/customers?gradeModelId=abc');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields: { path: string }[] } };
    expect(body.error.fields.map((f) => f.path)).toContain('gradeModelId');
  });
});

describe('bulk assign', () => {
  const ownerOf = async (id: number) =>
    (
      await t.handle.db
        .selectFrom('customers')
        .select(['owner_id', 'team_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).owner_id;

  it('a rep may not bulk assign', async () => {
    const response = await repEast1('POST', '/api/customers/bulk-assign', {
      ids: [ids.e1a],
      ownerId: t.people.repEast1,
    });
    expect(response.status).toBe(403);
  });

  it('one customer out of scope refuses the whole request and changes nothing', async () => {
    const response = await managerEast('POST', '/api/customers/bulk-assign', {
      ids: [ids.e1a, ids.s1],
      ownerId: t.people.repEast2,
    });
    expect(response.status).toBe(400);
    expect(await ownerOf(ids.e1a)).toBe(t.people.repEast1);
  });

  it('a manager cannot hand customers to a rep of another team', async () => {
    const response = await managerEast('POST', '/api/customers/bulk-assign', {
      ids: [ids.e1a],
      ownerId: t.people.repSouth1,
    });
    expect(response.status).toBe(400);
    expect(await ownerOf(ids.e1a)).toBe(t.people.repEast1);
  });

  it('a manager moves several customers to one rep, each change audited', async () => {
    const response = await managerEast('POST', '/api/customers/bulk-assign', {
      ids: [ids.e1a, ids.e1b, ids.e1a],
      ownerId: t.people.repEast2,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toEqual({ updated: 2 });
    expect(await ownerOf(ids.e1a)).toBe(t.people.repEast2);
    expect(await ownerOf(ids.e1b)).toBe(t.people.repEast2);
    const audits = await t.handle.db
      .selectFrom('audit_log')
      .select(['entity_id', 'user_id', 'after'])
      .where('entity', '=', 'customer')
      .where('entity_id', 'in', [String(ids.e1a), String(ids.e1b)])
      .execute();
    expect(audits).toHaveLength(2);
    for (const audit of audits) {
      expect(audit.user_id).toBe(t.people.managerEast);
      expect((audit.after as { owner_id: number }).owner_id).toBe(t.people.repEast2);
    }
    expect((await list(repEast1, `gradeModelId=${models.main}`)).total).toBe(0);
  });

  it('an admin assigns across teams and the team follows the owner', async () => {
    const response = await admin('POST', '/api/customers/bulk-assign', {
      ids: [ids.unowned],
      ownerId: t.people.repSouth1,
    });
    expect(response.status).toBe(200);
    const row = await t.handle.db
      .selectFrom('customers')
      .select(['owner_id', 'team_id'])
      .where('id', '=', ids.unowned)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ owner_id: t.people.repSouth1, team_id: t.people.teamSouth });
  });

  it('an empty id list is refused naming ids', async () => {
    const response = await admin('POST', '/api/customers/bulk-assign', { ids: [], ownerId: t.people.admin });
    expect(response.status).toBe(400);
  });
});
