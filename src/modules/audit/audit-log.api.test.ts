import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../testing/test-app.js';
import { auditLogTable } from '../exports/audit-log.export.js';
import { csvRows, xlsxRows } from '../exports/testing/read-back.js';
import type { Actor } from '../auth/actor.js';
import { created, expectRefused, openRecordWorld, type RecordWorld } from './api-fixtures.js';
import type { HistoryEntryView } from './history.schema.js';

interface LogPage {
  items: HistoryEntryView[];
  nextCursor: string | null;
}

let w: RecordWorld;
/** The whole log as the admin reads it in one page, newest first. */
let all: HistoryEntryView[];
/** The audit entries of the four customers created on days around a midnight in Shanghai (see beforeAll). */
let dated: { lastOfMarch9: number; firstOfMarch10: number; lastOfMarch10: number; firstOfMarch11: number };
let zetaCreate: number;

async function page(client: Client, query: string): Promise<LogPage> {
  const response = await client('GET', `/api/audit?${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as LogPage;
}

const ids = (items: readonly HistoryEntryView[]) => items.map((item) => item.id);

async function auditIdOf(entity: string, entityId: number, action: string): Promise<number> {
  const row = await w.t.handle.db
    .selectFrom('audit_log')
    .select('id')
    .where('entity', '=', entity)
    .where('entity_id', '=', String(entityId))
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Every user logged in (a login entry each) and four customers of three reps and the admin (openRecordWorld); then,
 * all through the API: the admin renames the unowned customer, creates a user and a customer 'ZETA-9', and rep.east2
 * creates four customers whose entries are then moved to instants either side of two midnights in Asia/Shanghai
 * (the API writes entries at the database's now(); only their time is set by hand).
 */
beforeAll(async () => {
  w = await openRecordWorld();
  const { admin, repEast2, customers } = w;
  expect(
    (await admin('PATCH', `/api/customers/${customers.unowned}`, { name: '深圳前海贸易集团' })).status,
  ).toBe(200);
  await created(
    await admin('POST', '/api/users', {
      login: 'auditor.west',
      name: '审计员',
      password: 'auditor-pass-1',
      role: 'rep',
      teamId: w.t.people.teamEast,
    }),
  );
  const zeta = await created(await admin('POST', '/api/customers', { code: 'ZETA-9', name: '泽塔精密仪器' }));
  zetaCreate = await auditIdOf('customer', zeta.id, 'create');
  const instants = {
    lastOfMarch9: '2025-03-09T15:59:59.999Z',
    firstOfMarch10: '2025-03-09T16:00:00.000Z',
    lastOfMarch10: '2025-03-10T15:59:59.999Z',
    firstOfMarch11: '2025-03-10T16:00:00.000Z',
  };
  const entries: Partial<typeof dated> = {};
  for (const [key, at] of Object.entries(instants) as [keyof typeof instants, string][]) {
    const customer = await created(await repEast2('POST', '/api/customers', { code: `D-${key}`, name: key }));
    entries[key] = await auditIdOf('customer', customer.id, 'create');
    await sql`UPDATE audit_log SET at = ${at}::timestamptz WHERE id = ${entries[key]}`.execute(w.t.handle.db);
  }
  dated = entries as typeof dated;
  all = (await page(admin, 'limit=200')).items;
});
afterAll(async () => w.t.close());

describe('the company-wide audit log', () => {
  it('an admin sees entries of every team newest first, and pages through them with the cursor without gaps or repeats', async () => {
    const { count } = await w.t.handle.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    expect(all).toHaveLength(Number(count));
    expect(ids(all)).toEqual(ids(all).sort((a, b) => b - a));
    const people = w.t.people;
    const actors = new Set(all.map((entry) => entry.userId));
    for (const who of [people.admin, people.repEast1, people.repEast2, people.repSouth1, people.managerSouth])
      expect(actors).toContain(who);
    expect(
      all.find((e) => e.entity === 'customer' && e.entityId === String(w.customers.south1)),
    ).toMatchObject({
      userId: people.repSouth1,
      userName: '陈五',
      action: 'create',
      before: null,
      after: { code: 'S1', name: '广州南方电力设备有限公司' },
    });

    const paged: HistoryEntryView[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const next: LogPage = await page(
        w.admin,
        `limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(next.items.length).toBeLessThanOrEqual(4);
      paged.push(...next.items);
      cursor = next.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(Math.ceil(all.length / 4));
    expect(paged).toEqual(all);
  });

  it('a manager and a rep get 403 on the log, the facets and the export, and see nothing', async () => {
    for (const client of [w.managerEast, w.managerSouth, w.repEast1]) {
      for (const path of ['/api/audit', '/api/audit/facets', '/api/exports/audit?format=csv']) {
        const response = await client('GET', path);
        expect(response.status, path).toBe(403);
        const body = (await response.json()) as { error: { code: string }; items?: unknown };
        expect(body.error.code).toBe('FORBIDDEN');
        expect(body.items).toBeUndefined();
      }
    }
  });

  it('the facets are the entities, actions and users present in the log, sorted', async () => {
    const response = await w.admin('GET', '/api/audit/facets');
    expect(response.status).toBe(200);
    const facets = (await response.json()) as {
      entities: string[];
      actions: string[];
      users: { id: number; name: string }[];
    };
    const distinct = (values: string[]) => [...new Set(values)].sort();
    expect(facets.entities).toEqual(distinct(all.map((e) => e.entity)));
    expect(facets.actions).toEqual(distinct(all.map((e) => e.action)));
    expect(facets.actions).toEqual(expect.arrayContaining(['create', 'login', 'update']));
    const names = new Map(all.map((e) => [e.userId, e.userName]));
    expect(facets.users.map((u) => u.id).sort((a, b) => a - b)).toEqual(
      [...names.keys()].filter((id) => id !== null).sort((a, b) => a - b),
    );
    for (const user of facets.users) expect(user.name).toBe(names.get(user.id));
    const collator = new Intl.Collator('zh-CN');
    expect(facets.users.map((u) => u.name)).toEqual(facets.users.map((u) => u.name).sort(collator.compare));
  });
});

describe('filters of the log', () => {
  const expectNarrowed = async (query: string, keep: (entry: HistoryEntryView) => boolean) => {
    const expected = all.filter(keep);
    expect(expected.length, query).toBeGreaterThan(0);
    expect(expected.length, query).toBeLessThan(all.length);
    expect(ids((await page(w.admin, `${query}&limit=200`)).items), query).toEqual(ids(expected));
  };

  it('entity, action, userId and entityId each keep exactly the entries with that value', async () => {
    await expectNarrowed('entity=customer', (e) => e.entity === 'customer');
    await expectNarrowed('entity=user', (e) => e.entity === 'user');
    await expectNarrowed('action=login', (e) => e.action === 'login');
    await expectNarrowed('action=update', (e) => e.action === 'update');
    await expectNarrowed(`userId=${w.t.people.repSouth1}`, (e) => e.userId === w.t.people.repSouth1);
    await expectNarrowed(`userId=${w.t.people.admin}`, (e) => e.userId === w.t.people.admin);
    const unowned = String(w.customers.unowned);
    await expectNarrowed(`entityId=${unowned}`, (e) => e.entityId === unowned);
    await expectNarrowed(
      `entity=customer&entityId=${unowned}&action=update`,
      (e) => e.entity === 'customer' && e.entityId === unowned && e.action === 'update',
    );
    expect(all.filter((e) => e.action === 'login')).toHaveLength(6);
  });

  it('from and to are whole days in Asia/Shanghai, both inclusive', async () => {
    const { lastOfMarch9, firstOfMarch10, lastOfMarch10, firstOfMarch11 } = dated;
    const found = async (query: string) => ids((await page(w.admin, `${query}&limit=200`)).items);
    expect(await found('from=2025-03-10&to=2025-03-10')).toEqual([lastOfMarch10, firstOfMarch10]);
    expect(await found('to=2025-03-09')).toEqual([lastOfMarch9]);
    expect(await found('from=2025-03-09&to=2025-03-10')).toEqual([
      lastOfMarch10,
      firstOfMarch10,
      lastOfMarch9,
    ]);
    expect(await found('from=2025-03-11&to=2025-03-11')).toEqual([firstOfMarch11]);
    const fromMarch10 = await found('from=2025-03-10');
    expect(fromMarch10).toEqual(ids(all.filter((e) => e.id !== lastOfMarch9)));
  });

  it('q finds text case-insensitively in the before and after images and in the entity id, literally', async () => {
    const unowned = String(w.customers.unowned);
    await expectNarrowed('q=%E5%89%8D%E6%B5%B7', (e) => e.entity === 'customer' && e.entityId === unowned);
    expect(ids((await page(w.admin, 'q=zeta-9')).items)).toEqual([zetaCreate]);
    expect(ids((await page(w.admin, 'q=auditor.WEST')).items)).toEqual(
      ids(all.filter((e) => e.entity === 'user' && e.action === 'create')),
    );
    const south = w.t.people.repSouth1;
    const login = all.find((e) => e.action === 'login' && e.userId === south);
    expect(login?.before).toBeNull();
    expect(ids((await page(w.admin, `q=${south}&limit=200`)).items)).toContain(login?.id);
    expect((await page(w.admin, 'q=%25')).items).toEqual([]);
  });

  it('a filter that matches nothing gives an empty page with no next cursor', async () => {
    expect(await page(w.admin, 'entity=no-such-entity')).toEqual({ items: [], nextCursor: null });
    expect(await page(w.admin, `userId=${w.t.people.managerEast}&action=delete`)).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(await page(w.admin, 'from=2031-01-01')).toEqual({ items: [], nextCursor: null });
  });

  it('an invalid cursor or date is refused with 400 naming the field', async () => {
    const { admin } = w;
    await expectRefused(
      await admin('GET', '/api/audit?cursor=not-a-cursor'),
      400,
      'cursor',
      'invalid_format',
    );
    const object = Buffer.from('{"id":1}').toString('base64url');
    await expectRefused(await admin('GET', `/api/audit?cursor=${object}`), 400, 'cursor', 'invalid_format');
    await expectRefused(await admin('GET', '/api/audit?from=2025-02-30'), 400, 'from', 'invalid_format');
    await expectRefused(await admin('GET', '/api/audit?to=2025%2F03%2F01'), 400, 'to');
    await expectRefused(await admin('GET', '/api/audit?userId=abc'), 400, 'userId');
    await expectRefused(await admin('GET', '/api/audit?limit=201'), 400, 'limit');
    await expectRefused(await admin('GET', '/api/exports/audit?format=csv&from=yesterday'), 400, 'from');
  });
});

describe('the export of the log', () => {
  const asCells = (e: HistoryEntryView) => [
    e.at,
    e.userName ?? '',
    e.entity,
    e.entityId ?? '',
    e.action,
    e.before === null ? '' : JSON.stringify(e.before),
    e.after === null ? '' : JSON.stringify(e.after),
  ];

  it('the CSV export read back has a BOM, Chinese headers and the rows of the API for the same filter', async () => {
    const filter = `entity=customer&from=2025-03-10&q=D-`;
    const expected = (await page(w.admin, `${filter}&limit=200`)).items;
    expect(expected.length).toBeGreaterThan(1);
    const rows = await csvRows(await w.admin('GET', `/api/exports/audit?format=csv&${filter}`));
    expect(rows[0]).toEqual(['时间', '用户', '对象', '对象编号', '操作', '变更前', '变更后']);
    expect(rows.slice(1)).toEqual(expected.map(asCells));
  });

  it('the XLSX export in English holds the whole log as the API pages it', async () => {
    const rows = await xlsxRows(
      await w.admin('GET', '/api/exports/audit?format=xlsx', undefined, { 'accept-language': 'en-US' }),
    );
    expect(rows[0]).toEqual(['Time', 'User', 'Entity', 'Entity ID', 'Action', 'Before', 'After']);
    const padded = rows.slice(1).map((row) => [...row, ...Array<string>(7 - row.length).fill('')]);
    expect(padded).toEqual(all.map(asCells));
  });

  it('the export reads the log in pages of any size without gaps or repeats', async () => {
    const admin: Actor = {
      id: w.t.people.admin,
      login: 'admin',
      name: '系统管理员',
      role: 'admin',
      teamId: null,
    };
    const table = await auditLogTable(w.t.handle.db, admin, {}, 'en-US', 3);
    const rows: unknown[][] = [];
    for await (const row of table.rows) rows.push([...row]);
    expect(rows).toEqual(all.map((e) => asCells(e).map((cell) => (cell === '' ? null : cell))));
  });
});
