import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';
import { csvRows } from '../exports/testing/read-back.js';

let t: TestApp;
let admin: Client;
let repEast1: Client;
let managerSouth: Client;
let compositeId: number;
let firstRun: number;
let secondRun: number;
const owned = new Map<number, number>();
const codeOf = new Map<number, string>();
const bigBuyers: number[] = [];
const leavers: number[] = [];

interface Result {
  customerId: number;
  code: string;
  grade: number | null;
  previousGrade: number | null;
  previousScore: number | null;
}
interface Page {
  items: Result[];
  total: number;
  nextCursor: string | null;
}
interface Cell {
  from: number;
  to: number;
  count: number;
}

const body = async <T>(pending: Promise<Response>) => {
  const response = await pending;
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};

async function order(customerId: number, orderNo: string, day: string, amount: number) {
  await t.handle.db
    .insertInto('orders')
    .values({
      customer_id: customerId,
      order_no: orderNo,
      order_date: day,
      amount: amount.toFixed(2),
      gross_profit: (amount * 0.3).toFixed(2),
    })
    .execute();
}

async function startRun(asOf: string) {
  const response = await admin('POST', `/api/grading/models/${compositeId}/runs`, { asOf });
  expect(response.status).toBe(201);
  return ((await response.json()) as { runId: number }).runId;
}

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2025-03-01T10:00:00+08:00'));
  [admin, repEast1, managerSouth] = await Promise.all([
    t.as('admin'),
    t.as('repEast1'),
    t.as('managerSouth'),
  ]);
  const owners = [t.people.repEast1, t.people.repEast2, t.people.repSouth1];
  const provinces = ['江苏省', '浙江省', '广东省'];
  for (let n = 1; n <= 24; n++) {
    const ownerId = owners[n % 3]!;
    const created = (await (
      await admin('POST', '/api/customers', {
        code: `M${n}`,
        name: `迁移客户${n}`,
        ownerId,
        province: provinces[n % 2 === 0 ? 0 : n % 3 === 0 ? 2 : 1],
      })
    ).json()) as { id: number };
    owned.set(created.id, ownerId);
    codeOf.set(created.id, `M${n}`);
    // The last two buy only after the first run: they enter the population in the second.
    await order(created.id, `M${n}-1`, n > 22 ? '2024-12-01' : '2024-10-01', 1000 * ((n * 7) % 24) + 500);
    if (n === 11 || n === 12) leavers.push(created.id);
    // The three smallest buyers of the first run (7n mod 24 = 7, 4, 1).
    if (n === 1 || n === 4 || n === 7) bigBuyers.push(created.id);
  }
  const models = (await (await admin('GET', '/api/grading/models')).json()) as {
    items: { id: number; key: string }[];
  };
  compositeId = models.items.find((m) => m.key === 'composite')!.id;
  firstRun = await startRun('2024-11-01');
  // Three small buyers buy big; two customers' only orders are cancelled, so they leave the population.
  for (const id of bigBuyers) await order(id, `${codeOf.get(id)}-2`, '2024-12-15', 90_000);
  await t.handle.db.deleteFrom('orders').where('customer_id', 'in', leavers).execute();
  secondRun = await startRun('2025-01-01');
});
afterAll(async () => t.close());

const results = (client: Client, query: string) =>
  body<Page>(client('GET', `/api/grading/runs/${secondRun}/results?limit=500&${query}`));

async function everyCellListsItsCustomers(client: Client, filter: string) {
  const { cells } = await body<{ cells: Cell[] }>(
    client('GET', `/api/analytics/migration?fromRunId=${firstRun}&toRunId=${secondRun}&${filter}`),
  );
  expect(cells.length).toBeGreaterThan(0);
  for (const cell of cells) {
    const page = await results(
      client,
      `against=${firstRun}&fromGrade=${cell.from}&grade=${cell.to}&${filter}`,
    );
    expect(page.total, `cell ${cell.from}→${cell.to}`).toBe(cell.count);
    expect(page.items).toHaveLength(cell.count);
    for (const row of page.items) {
      expect(row.previousGrade).toBe(cell.from < 0 ? null : cell.from);
      expect(row.grade).toBe(cell.to < 0 ? null : cell.to);
    }
  }
  return cells;
}

describe("a run's results as the customers behind a migration matrix's cells", () => {
  it('every cell of the migration lists exactly its customers, entries and exits included', async () => {
    const cells = await everyCellListsItsCustomers(admin, '');
    const count = (cellsOf: Cell[]) => cellsOf.reduce((sum, c) => sum + c.count, 0);
    expect(count(cells.filter((c) => c.from === -1))).toBe(2);
    expect(count(cells.filter((c) => c.to === -1))).toBe(2);
    expect(cells.reduce((sum, c) => sum + c.count, 0)).toBe(24);
  });

  it('the customers who left the population are listed with their grade before and none now', async () => {
    const left = await results(admin, `against=${firstRun}&grade=-1`);
    expect(left.items.map((r) => r.customerId).sort()).toEqual([...leavers].sort());
    for (const row of left.items) {
      expect(row.grade).toBeNull();
      expect(row.previousGrade).not.toBeNull();
      expect(row.previousScore).not.toBeNull();
    }
  });

  it('the big buyers moved up, and the comparison shows each one where it came from', async () => {
    const rows = await results(admin, `against=${firstRun}`);
    const big = rows.items.filter((r) => bigBuyers.includes(r.customerId));
    expect(big).toHaveLength(3);
    for (const row of big) expect(row.grade!).toBeLessThan(row.previousGrade!);
  });

  it('the movers are the off-diagonal cells of the customers this run grades: entries in, exits apart', async () => {
    for (const client of [admin, repEast1]) {
      const { cells } = await body<{ cells: Cell[] }>(
        client('GET', `/api/analytics/migration?fromRunId=${firstRun}&toRunId=${secondRun}`),
      );
      const moved = await results(client, `against=${firstRun}&moved=true`);
      const expected = cells.filter((c) => c.to >= 0 && c.from !== c.to).reduce((sum, c) => sum + c.count, 0);
      expect(moved.total).toBe(expected);
      for (const row of moved.items) expect(row.grade).not.toBe(row.previousGrade);
    }
    const movedLeft = await results(admin, `against=${firstRun}&moved=true&grade=-1`);
    expect(movedLeft.items.map((r) => r.customerId).sort()).toEqual([...leavers].sort());
  });

  it("with the dashboard's filters every cell still agrees with the filtered matrix", async () => {
    await everyCellListsItsCustomers(admin, 'province=江苏省');
    await everyCellListsItsCustomers(admin, `ownerId=${t.people.repEast2}`);
    const jiangsu = await results(admin, `against=${firstRun}&province=江苏省`);
    expect(jiangsu.total).toBeGreaterThan(0);
    expect(jiangsu.total).toBeLessThan(24);
  });

  it("a rep's cells list only their own customers, and filtering on another rep finds nobody", async () => {
    await everyCellListsItsCustomers(repEast1, '');
    const mine = await results(repEast1, `against=${firstRun}`);
    expect(mine.items.length).toBeGreaterThan(0);
    for (const row of mine.items) expect(owned.get(row.customerId)).toBe(t.people.repEast1);
    const others = await results(repEast1, `ownerId=${t.people.repSouth1}`);
    expect(others.total).toBe(0);
    const leftByOthers = await results(repEast1, `against=${firstRun}&grade=-1&ownerId=${t.people.repEast2}`);
    expect(leftByOthers.items).toEqual([]);
  });

  it("a manager's cells list only their team's customers", async () => {
    await everyCellListsItsCustomers(managerSouth, '');
    const team = await results(managerSouth, `against=${firstRun}`);
    for (const row of team.items) expect(owned.get(row.customerId)).toBe(t.people.repSouth1);
  });

  it("every bar of the dashboard's composition lists exactly its customers, grade by grade", async () => {
    type Composition = Record<string, { key: string | null; counts: number[]; total: number }[]>;
    for (const client of [admin, repEast1]) {
      const { composition } = await body<{ composition: Composition }>(
        client('GET', `/api/analytics/runs/${secondRun}/summary`),
      );
      expect(Object.keys(composition).sort()).toEqual(
        ['industry', 'lifecycle', 'nature', 'province', 'sizeBand', 'type'].sort(),
      );
      let checked = 0;
      for (const [dimension, bars] of Object.entries(composition))
        for (const bar of bars.filter((b) => b.key !== null)) {
          const value = encodeURIComponent(bar.key!);
          expect((await results(client, `${dimension}=${value}`)).total).toBe(bar.total);
          for (const [grade, count] of bar.counts.entries())
            expect((await results(client, `${dimension}=${value}&grade=${grade}`)).total).toBe(count);
          checked++;
        }
      expect(checked).toBeGreaterThanOrEqual(4);
    }
  });

  it('a grade of −1, a from-grade or the movers without a run to compare with are refused, naming against', async () => {
    for (const query of ['grade=-1', 'fromGrade=0', 'moved=true']) {
      const response = await admin('GET', `/api/grading/runs/${secondRun}/results?${query}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain('against');
    }
  });

  it('a composition value outside its list is refused, naming the field', async () => {
    for (const [field, value] of [
      ['lifecycle', 'sleeping'],
      ['sizeBand', 'huge'],
    ]) {
      const response = await admin('GET', `/api/grading/runs/${secondRun}/results?${field}=${value}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain(field!);
    }
  });

  it('a run of another model, the run itself, or a missing run is refused as the comparison', async () => {
    const models = (await (await admin('GET', '/api/grading/models')).json()) as {
      items: { id: number; key: string }[];
    };
    const rfm = models.items.find((m) => m.key === 'rfm')!.id;
    const other = (await (
      await admin('POST', `/api/grading/models/${rfm}/runs`, { asOf: '2025-01-01' })
    ).json()) as { runId: number };
    for (const against of [other.runId, secondRun, 999_999]) {
      const response = await admin('GET', `/api/grading/runs/${secondRun}/results?against=${against}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain('against');
    }
  });

  it("a cell's export holds the same customers as its list, with the grade in the compared run", async () => {
    const down = (await body<{ cells: Cell[] }>(
      admin('GET', `/api/analytics/migration?fromRunId=${firstRun}&toRunId=${secondRun}`),
    ).then(
      ({ cells }) => cells.find((c) => c.from >= 0 && c.to > c.from) ?? cells.find((c) => c.to === -1),
    ))!;
    const query = `against=${firstRun}&fromGrade=${down.from}&grade=${down.to}`;
    const listed = await results(admin, query);
    const response = await admin('GET', `/api/exports/runs/${secondRun}?format=csv&${query}`, undefined, {
      'accept-language': 'en-US',
    });
    expect(response.status).toBe(200);
    const [header, ...rows] = await csvRows(response);
    expect(header!.slice(0, 5)).toEqual([
      'Customer code',
      'Customer name',
      'Account manager',
      `Grade in run #${firstRun}`,
      `Score in run #${firstRun}`,
    ]);
    expect(rows.map((row) => row[0])).toEqual(listed.items.map((r) => r.code));
    const ladder = ['A', 'B', 'C', 'D'];
    for (const row of rows) {
      expect(row[3]).toBe(ladder[down.from]);
      expect(row[5]).toBe(down.to < 0 ? '' : ladder[down.to]);
    }
  });

  it("a rep's export of the compared results holds only their own customers", async () => {
    const response = await repEast1('GET', `/api/exports/runs/${secondRun}?format=csv&against=${firstRun}`);
    const [, ...rows] = await csvRows(response);
    const mine = [...owned].filter(([, owner]) => owner === t.people.repEast1).map(([id]) => codeOf.get(id));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(mine).toContain(row[0]);
  });
});

describe('a run keeps the ladder of its model version', () => {
  it('after the grades are renamed, an earlier run still names them as it graded them', async () => {
    const model = (await (await admin('GET', `/api/grading/models/${compositeId}`)).json()) as {
      definition: { ladder: { code: string; name: Record<string, string> }[] };
    };
    const ladder = model.definition.ladder.map((grade, i) =>
      i === 0 ? { ...grade, name: { 'zh-CN': '钻石', 'en-US': 'Diamond' } } : grade,
    );
    const saved = await admin('POST', `/api/grading/models/${compositeId}/versions`, {
      definition: { ...model.definition, ladder },
    });
    expect(saved.status).toBe(201);
    const renamed = await startRun('2025-02-01');
    type RunView = { version: number; ladder: { code: string; name: Record<string, string> }[] };
    const before = await body<RunView>(admin('GET', `/api/grading/runs/${secondRun}`));
    const after = await body<RunView>(admin('GET', `/api/grading/runs/${renamed}`));
    expect(after.version).toBe(before.version + 1);
    expect(before.ladder[0]!.name['zh-CN']).toBe(model.definition.ladder[0]!.name['zh-CN']);
    expect(after.ladder[0]!.name).toEqual({ 'zh-CN': '钻石', 'en-US': 'Diamond' });
    expect(after.ladder.map((g) => g.code)).toEqual(before.ladder.map((g) => g.code));
  });
});
