import { expect } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';

/**
 * The cast of the record API tests: every role logged in, and one customer for each of three reps in two teams,
 * plus one customer nobody owns (admin only).
 */
export interface RecordWorld {
  t: TestApp;
  admin: Client;
  managerEast: Client;
  managerSouth: Client;
  repEast1: Client;
  repEast2: Client;
  repSouth1: Client;
  customers: { east1: number; east2: number; south1: number; unowned: number };
}

export type Body = Record<string, unknown> & {
  items?: Array<Record<string, unknown> & { id: number }>;
  total?: number;
  error?: { code: string; fields: Array<{ path: string; reason: string }> };
};

export const json = async (response: Response) => (await response.json()) as Body;

export async function created(response: Response): Promise<Body & { id: number }> {
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Body & { id: number };
}

/** The response is refused with `status`, naming `path` (and `reason`, when given), in the error's field list. */
export async function expectRefused(response: Response, status: number, path: string, reason?: string) {
  expect(response.status, await response.clone().text()).toBe(status);
  const fields = (await json(response)).error?.fields ?? [];
  expect(fields.map((field) => field.path)).toContain(path);
  if (reason) expect(fields.find((field) => field.path === path)?.reason).toBe(reason);
}

/**
 * Every page of a list, two rows at a time, following the cursor: the records in the order listed, by the names
 * the test gave them (`ids`: name → id).
 */
export async function listedNames(
  client: Client,
  pathAndQuery: string,
  ids: Record<string, number>,
): Promise<string[]> {
  const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return (await listedIds(client, pathAndQuery)).map((id) => names.get(id) ?? `#${id}`);
}

/** Every page of a list, two rows at a time, following the cursor: the ids in the order listed. */
async function listedIds(client: Client, pathAndQuery: string): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const separator = pathAndQuery.includes('?') ? '&' : '?';
    const page = (await json(
      await client('GET', `${pathAndQuery}${separator}limit=2${cursor ? `&cursor=${cursor}` : ''}`),
    )) as Body & { nextCursor: string | null };
    expect(page.items, JSON.stringify(page)).toBeDefined();
    ids.push(...page.items!.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

export async function openRecordWorld(): Promise<RecordWorld> {
  const t = await createTestApp();
  const [admin, managerEast, managerSouth, repEast1, repEast2, repSouth1] = await Promise.all([
    t.as('admin'),
    t.as('managerEast'),
    t.as('managerSouth'),
    t.as('repEast1'),
    t.as('repEast2'),
    t.as('repSouth1'),
  ]);
  const customer = async (client: Client, code: string, name: string) =>
    (await created(await client('POST', '/api/customers', { code, name }))).id;
  return {
    t,
    admin,
    managerEast,
    managerSouth,
    repEast1,
    repEast2,
    repSouth1,
    customers: {
      east1: await customer(repEast1, 'E1', '江苏恒瑞机械制造有限公司'),
      east2: await customer(repEast2, 'E2', '杭州东方泵业股份有限公司'),
      south1: await customer(repSouth1, 'S1', '广州南方电力设备有限公司'),
      unowned: await customer(admin, 'U1', '深圳前海贸易有限公司'),
    },
  };
}

export async function auditActions(t: TestApp, entity: string, entityId: number) {
  const rows = await t.handle.db
    .selectFrom('audit_log')
    .select(['action', 'user_id'])
    .where('entity', '=', entity)
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();
  return rows.map((row) => row.action);
}

export async function rowCount(
  t: TestApp,
  table: 'contacts' | 'orders' | 'order_lines' | 'payments' | 'activities' | 'customer_relationships',
) {
  const row = await t.handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
