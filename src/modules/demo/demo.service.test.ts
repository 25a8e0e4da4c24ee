import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../db/connect.js';
import { openTestDatabase } from '../../testing/test-database.js';
import { verifyPassword } from '../auth/password.js';
import { generateDemo, type DemoSummary } from './demo.service.js';
import { DemoError } from './demo.errors.js';
import { systemActor } from '../auth/actor.js';
import { findDuplicateGroups } from '../customers/duplicates.repository.js';
import { DEMO_PASSWORD } from './organisation.js';

const AS_OF = '2025-06-30';
const CUSTOMERS = 200;

/**
 * Every row the demo writes, in a stable order; the password hash has a random salt and is left out, and so is the
 * time a customer's dashboard figures last changed.
 */
async function dump(handle: DatabaseHandle): Promise<Record<string, unknown[]>> {
  const queries: Record<string, string> = {
    teams: 'SELECT * FROM teams ORDER BY id',
    users:
      'SELECT id, login, name, role, team_id, level, capacity, phone, password_changed_at, created_at FROM users ORDER BY id',
    customers: 'SELECT * FROM customers ORDER BY id',
    contacts: 'SELECT * FROM contacts ORDER BY id',
    customer_relationships: 'SELECT * FROM customer_relationships ORDER BY id',
    orders: 'SELECT * FROM orders ORDER BY id',
    order_lines: 'SELECT * FROM order_lines ORDER BY id',
    payments: 'SELECT * FROM payments ORDER BY id',
    activities: 'SELECT * FROM activities ORDER BY id',
  };
  const result: Record<string, unknown[]> = {};
  for (const [table, query] of Object.entries(queries))
    result[table] = (await sql.raw(query).execute(handle.db)).rows;
  // Which transaction wrote the row (migration 018): two loads of the same data are two transactions.
  result.customers = result.customers!.map((row) => ({ ...(row as object), figures_changed_by: undefined }));
  return result;
}

async function rows<T>(handle: DatabaseHandle, query: string): Promise<T[]> {
  return (await sql.raw<T>(query).execute(handle.db)).rows;
}

/** The maintained state, without the refresh timestamp. */
async function stateSnapshot(handle: DatabaseHandle): Promise<Record<string, unknown[]>> {
  const state = await rows<Record<string, unknown>>(
    handle,
    'SELECT * FROM customer_state ORDER BY customer_id',
  );
  return {
    state: state.map(({ updated_at: _, ...rest }) => rest),
    months: await rows(handle, 'SELECT * FROM customer_month_stats ORDER BY customer_id, month'),
  };
}

/**
 * Deletes every order, payment and activity and inserts them again with plain INSERTs, so that the triggers'
 * incremental path (not the bulk-load refresh, not the rebuild) produces the state.
 */
async function replayThroughTriggers(handle: DatabaseHandle): Promise<void> {
  const tables = ['orders', 'order_lines', 'payments', 'activities'];
  await handle.db.transaction().execute(async (trx) => {
    for (const table of tables)
      await sql.raw(`CREATE TEMP TABLE saved_${table} AS SELECT * FROM ${table}`).execute(trx);
    for (const table of ['payments', 'activities', 'orders'])
      await sql.raw(`DELETE FROM ${table}`).execute(trx);
    const [empty] = (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM customer_month_stats`.execute(trx)
    ).rows;
    expect(empty?.n).toBe(0);
    for (const table of tables) {
      await sql.raw(`INSERT INTO ${table} SELECT * FROM saved_${table} ORDER BY id`).execute(trx);
      await sql.raw(`DROP TABLE saved_${table}`).execute(trx);
    }
  });
}

/** Foreign keys and indexes of the demo tables as the migrations define them. */
async function constraintsAndIndexes(handle: DatabaseHandle): Promise<unknown[]> {
  return rows(
    handle,
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition, convalidated
       FROM pg_constraint WHERE conrelid::regclass::text IN ('customers', 'contacts', 'customer_relationships', 'orders', 'order_lines', 'payments', 'activities')
     UNION ALL
     SELECT tablename, indexname, indexdef, true FROM pg_indexes
      WHERE tablename IN ('customers', 'contacts', 'customer_relationships', 'orders', 'order_lines', 'payments', 'activities')
     ORDER BY 1, 2, 3`,
  );
}

describe('demo data on a fresh database', () => {
  let handle: DatabaseHandle;
  let summary: DemoSummary;
  let schemaBeforeLoad: unknown[];

  beforeAll(async () => {
    handle = await openTestDatabase();
    schemaBeforeLoad = await constraintsAndIndexes(handle);
    summary = await generateDemo(handle, { customers: CUSTOMERS, seed: 7, asOf: AS_OF });
  });
  afterAll(async () => handle.close());

  it('loads the requested customers with their contacts, orders, payments and activities', async () => {
    const [counts] = await rows<Record<string, number>>(
      handle,
      `SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM orders)::int AS orders,
              (SELECT count(*) FROM payments)::int AS payments, (SELECT count(*) FROM contacts)::int AS contacts,
              (SELECT count(*) FROM activities)::int AS activities, (SELECT count(*) FROM order_lines)::int AS order_lines,
              (SELECT count(*) FROM customer_relationships)::int AS customer_relationships`,
    );
    expect(counts?.customers).toBe(CUSTOMERS + summary.counts.duplicates);
    expect(summary.counts.customers).toBe(counts?.customers);
    for (const table of [
      'orders',
      'payments',
      'contacts',
      'activities',
      'order_lines',
      'customer_relationships',
    ] as const) {
      expect(counts?.[table]).toBe(summary.counts[table]);
    }
    expect(summary.counts.orders).toBeGreaterThan(CUSTOMERS * 10);
  });

  it('every lifecycle stage is present', async () => {
    const stages = await rows<{ lifecycle_stage: string }>(
      handle,
      'SELECT DISTINCT lifecycle_stage FROM customers',
    );
    expect(stages.map((row) => row.lifecycle_stage).sort()).toEqual([
      'churned',
      'closed_declining',
      'closed_growing',
      'closed_new',
      'closed_stable',
      'intent',
      'target',
    ]);
  });

  it('the pipeline: most prospects have an open opportunity closing after the as-of day, every deal has the stage path that led to it', async () => {
    const [pipeline] = await rows<Record<string, number>>(
      handle,
      `SELECT (SELECT count(*) FROM opportunities)::int AS total,
              (SELECT count(DISTINCT o.customer_id) FROM opportunities o JOIN customers c ON c.id = o.customer_id
                WHERE c.lifecycle_stage IN ('target', 'intent') AND o.closed_at IS NULL)::int AS prospects_with_open,
              (SELECT count(*) FROM customers WHERE lifecycle_stage IN ('target', 'intent'))::int AS prospects,
              (SELECT count(*) FROM opportunities WHERE closed_at IS NULL
                 AND expected_close_date <= '${AS_OF}')::int AS open_due_already,
              (SELECT count(*) FROM opportunities WHERE (stage IN ('won', 'lost')) <> (closed_at IS NOT NULL))::int
                AS closed_mismatch,
              (SELECT count(*) FROM opportunities WHERE stage = 'lost' AND lost_reason IS NULL)::int AS lost_without_reason`,
    );
    expect(pipeline?.total).toBe(summary.counts.opportunities);
    expect(pipeline?.prospects_with_open).toBeGreaterThan((pipeline?.prospects ?? 0) * 0.5);
    expect([pipeline?.open_due_already, pipeline?.closed_mismatch, pipeline?.lost_without_reason]).toEqual([
      0, 0, 0,
    ]);
    const paths = await rows<{
      id: number;
      stage: string;
      path: string[];
      first_from: string | null;
      ordered: boolean;
    }>(
      handle,
      `SELECT o.id, o.stage, array_agg(h.to_stage ORDER BY h.at, h.id) AS path,
              (array_agg(h.from_stage ORDER BY h.at, h.id))[1] AS first_from,
              bool_and(h.at >= o.created_at AND h.at <= coalesce(o.closed_at, '${AS_OF}T23:59:59+08')) AS ordered
       FROM opportunities o JOIN opportunity_stage_history h ON h.opportunity_id = o.id
       GROUP BY o.id, o.stage`,
    );
    expect(paths).toHaveLength(summary.counts.opportunities);
    const open = ['lead', 'first_visit', 'need_confirmed', 'proposal_accepted', 'commercial'];
    for (const { stage, path, first_from, ordered } of paths) {
      expect([path[0], first_from, ordered]).toEqual(['lead', null, true]);
      expect(path.at(-1)).toBe(stage);
      const steps = stage === 'won' || stage === 'lost' ? path.slice(0, -1) : path;
      expect(steps).toEqual(open.slice(0, steps.length));
      if (stage === 'won') expect(steps).toEqual(open);
    }
  });

  it('prospects have no orders', async () => {
    const [row] = await rows<{ n: number }>(
      handle,
      `SELECT count(*)::int AS n FROM orders o JOIN customers c ON c.id = o.customer_id
       WHERE c.lifecycle_stage IN ('target', 'intent')`,
    );
    expect(row?.n).toBe(0);
  });

  it('closed customers have bought in the last year and churned ones have not', async () => {
    const [row] = await rows<{ n: number }>(
      handle,
      `SELECT count(*)::int AS n FROM customers c
       LEFT JOIN LATERAL (SELECT max(order_date) AS last FROM orders o WHERE o.customer_id = c.id AND o.status <> 'cancelled') l ON true
       WHERE (c.lifecycle_stage LIKE 'closed%' AND l.last <= DATE '${AS_OF}' - 365)
          OR (c.lifecycle_stage = 'churned' AND l.last > DATE '${AS_OF}' - 365)`,
    );
    expect(row?.n).toBe(0);
  });

  it('the top 20% of buying customers bring 70–90% of the gross profit, as the summary reports', async () => {
    // The summary's figure is the generated company's: the planted copies ('-B' codes) are not in it.
    const [row] = await rows<{ share: string }>(
      handle,
      `WITH p AS (SELECT customer_id, sum(gross_profit) AS profit FROM orders
                   WHERE status <> 'cancelled' AND order_no NOT LIKE 'B-%' GROUP BY customer_id),
            r AS (SELECT profit, row_number() OVER (ORDER BY profit DESC) AS rank, count(*) OVER () AS n FROM p)
       SELECT (sum(profit) FILTER (WHERE rank <= ceil(n * 0.2)) / sum(profit))::text AS share FROM r`,
    );
    const share = Number(row?.share);
    expect(share).toBeGreaterThanOrEqual(0.7);
    expect(share).toBeLessThanOrEqual(0.9);
    expect(summary.top20ProfitShare).toBeCloseTo(share, 6);
  });

  it("every account manager who sold in the year before has a target for each month of the as-of date's year", async () => {
    const [row] = await rows<{ reps: number; months: number; rounded: number }>(
      handle,
      `SELECT count(DISTINCT user_id)::int AS reps, count(DISTINCT month)::int AS months,
              count(*) FILTER (WHERE amount % 1000 <> 0)::int AS rounded
         FROM sales_targets WHERE month >= '2025-01-01' AND month < '2026-01-01'`,
    );
    expect(row).toEqual({ reps: 10, months: 12, rounded: 0 });
  });

  it('plants customers entered twice, each found beside its original by the duplicates report', async () => {
    expect(summary.counts.duplicates).toBeGreaterThanOrEqual(2);
    const admin = systemActor;
    const { groups } = await findDuplicateGroups(handle.db, admin, { limit: 200, offset: 0 });
    const copies = await rows<{ id: number; original: number }>(
      handle,
      `SELECT c.id, o.id AS original FROM customers c JOIN customers o ON c.code = o.code || '-B'`,
    );
    expect(copies).toHaveLength(summary.counts.duplicates);
    for (const copy of copies) {
      expect(groups.some((group) => group.ids.includes(copy.id) && group.ids.includes(copy.original))).toBe(
        true,
      );
    }
    expect(new Set(groups.flatMap((group) => group.reasons))).toEqual(new Set(['same_name', 'same_phone']));
  });

  it('some orders lose money, and every order is the sum of its lines', async () => {
    const [row] = await rows<{ losses: number; mismatched: number }>(
      handle,
      `SELECT (SELECT count(*) FROM orders WHERE gross_profit < 0)::int AS losses,
              (SELECT count(*) FROM orders o WHERE o.amount <> (SELECT sum(amount) FROM order_lines l WHERE l.order_id = o.id)
                 OR o.cost <> (SELECT sum(cost) FROM order_lines l WHERE l.order_id = o.id)
                 OR o.gross_profit <> o.amount - o.cost)::int AS mismatched`,
    );
    expect(row?.losses).toBeGreaterThan(0);
    expect(row?.mismatched).toBe(0);
  });

  it('every payment falls due on or after its order date, and none was paid after the as-of date', async () => {
    const [row] = await rows<{ early: number; future: number; overdue: number; late: number }>(
      handle,
      `SELECT count(*) FILTER (WHERE p.due_date < o.order_date)::int AS early,
              count(*) FILTER (WHERE p.paid_date > DATE '${AS_OF}')::int AS future,
              count(*) FILTER (WHERE p.paid_date IS NULL AND p.due_date < DATE '${AS_OF}')::int AS overdue,
              count(*) FILTER (WHERE p.paid_date > p.due_date)::int AS late
       FROM payments p JOIN orders o ON o.id = p.order_id`,
    );
    expect(row?.early).toBe(0);
    expect(row?.future).toBe(0);
    expect(row?.overdue).toBeGreaterThan(0);
    expect(row?.late).toBeGreaterThan(0);
  });

  it("every customer's team is its owner's team, and a few customers are unowned (public pool)", async () => {
    const [row] = await rows<{ mismatched: number; unowned: number }>(
      handle,
      `SELECT count(*) FILTER (WHERE c.team_id IS DISTINCT FROM u.team_id)::int AS mismatched,
              count(*) FILTER (WHERE c.owner_id IS NULL)::int AS unowned
       FROM customers c LEFT JOIN users u ON u.id = c.owner_id`,
    );
    expect(row?.mismatched).toBe(0);
    expect(row?.unowned).toBeGreaterThan(0);
    expect(row?.unowned).toBeLessThan(CUSTOMERS * 0.15);
  });

  it('activities are logged by the customer owner, within the last year, with one of its contacts', async () => {
    const [row] = await rows<{ wrong: number }>(
      handle,
      `SELECT count(*)::int AS wrong FROM activities a
       JOIN customers c ON c.id = a.customer_id LEFT JOIN contacts k ON k.id = a.contact_id
       WHERE a.user_id IS DISTINCT FROM c.owner_id OR k.customer_id IS DISTINCT FROM a.customer_id
          OR stratum_business_date(a.at) NOT BETWEEN DATE '${AS_OF}' - 364 AND DATE '${AS_OF}'`,
    );
    expect(row?.wrong).toBe(0);
  });

  it('referred customers point at their referrer with a referred relationship', async () => {
    const [row] = await rows<{ referred: number; missing: number }>(
      handle,
      `SELECT count(*)::int AS referred,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM customer_relationships r WHERE r.kind = 'referred'
                 AND r.customer_id = c.referred_by_id AND r.related_customer_id = c.id))::int AS missing
       FROM customers c WHERE c.referred_by_id IS NOT NULL`,
    );
    expect(row?.referred).toBeGreaterThan(0);
    expect(row?.missing).toBe(0);
  });

  it('the state the bulk load computes equals both a rebuild and what the triggers produce row by row', async () => {
    const loaded = await stateSnapshot(handle);
    expect(loaded.state?.length).toBeGreaterThan(CUSTOMERS / 2);
    await sql`SELECT stratum_rebuild_state()`.execute(handle.db);
    expect(await stateSnapshot(handle)).toEqual(loaded);
    await replayThroughTriggers(handle);
    expect(await stateSnapshot(handle)).toEqual(loaded);
  });

  it('the foreign keys and indexes deferred during the load are all back, validated, as the migrations define them', async () => {
    expect(schemaBeforeLoad.length).toBeGreaterThan(20);
    expect(await constraintsAndIndexes(handle)).toEqual(schemaBeforeLoad);
  });

  it('the demo logins exist with the demo password: an admin, a manager per team, ten reps', async () => {
    expect(summary.logins.map((login) => login.login)).toEqual([
      'admin',
      'manager1',
      'manager2',
      'manager3',
      'rep1',
      'rep2',
      'rep3',
      'rep4',
      'rep5',
      'rep6',
      'rep7',
      'rep8',
      'rep9',
      'rep10',
    ]);
    expect(summary.logins.every((login) => login.password === DEMO_PASSWORD)).toBe(true);
    const users = await rows<{ login: string; role: string; password_hash: string }>(
      handle,
      'SELECT login, role, password_hash FROM users ORDER BY id',
    );
    // One demo password, hashed once: scrypt is deliberately slow.
    const hashes = [...new Set(users.map((user) => user.password_hash))];
    expect(hashes).toHaveLength(1);
    expect(await verifyPassword(DEMO_PASSWORD, hashes[0] ?? '')).toBe(true);
    expect(await verifyPassword('wrong-password', hashes[0] ?? '')).toBe(false);
    const managed = await rows<{ name: string; manager: string }>(
      handle,
      'SELECT t.name, u.login AS manager FROM teams t JOIN users u ON u.id = t.manager_id AND u.team_id = t.id ORDER BY t.id',
    );
    expect(managed).toEqual([
      { name: '华东大区', manager: 'manager1' },
      { name: '华南大区', manager: 'manager2' },
      { name: '华北大区', manager: 'manager3' },
    ]);
  });

  it('rejects a malformed as-of date or customer count before touching the database', async () => {
    await expect(generateDemo(handle, { asOf: '2025-13-01' })).rejects.toMatchObject({
      code: 'demo.invalid_option',
    });
    await expect(generateDemo(handle, { asOf: AS_OF, customers: 0 })).rejects.toMatchObject({
      code: 'demo.invalid_option',
    });
  });

  it('refuses to load into a database that has customers, and changes nothing', async () => {
    const error = await generateDemo(handle, { customers: 10, seed: 7, asOf: AS_OF }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DemoError);
    expect((error as DemoError).code).toBe('demo.database_not_empty');
    const loaded = CUSTOMERS + summary.counts.duplicates;
    expect((error as DemoError).messages['zh-CN']).toContain(`已有 ${loaded} 个客户`);
    const [row] = await rows<{ n: number }>(handle, 'SELECT count(*)::int AS n FROM customers');
    expect(row?.n).toBe(loaded);
  });

  it('with force, adds a second company after the first: new ids, unique codes, existing logins kept', async () => {
    const firstLoad = CUSTOMERS + summary.counts.duplicates;
    const second = await generateDemo(handle, { customers: 20, seed: 8, asOf: AS_OF, force: true });
    expect(second.logins.every((login) => login.password === null)).toBe(true);
    expect(second.counts.users).toBe(0);
    const [row] = await rows<{ customers: number; min_new: number }>(
      handle,
      `SELECT count(*)::int AS customers, min(id) FILTER (WHERE created_at IS NOT NULL AND id > ${firstLoad})::int AS min_new FROM customers`,
    );
    expect(second.counts.duplicates).toBeGreaterThan(0);
    expect(row?.customers).toBe(CUSTOMERS + 20 + summary.counts.duplicates + second.counts.duplicates);
    expect(row?.min_new).toBe(firstLoad + 1);
    await sql`INSERT INTO customers (code, name) VALUES ('AFTER-DEMO', 'sequence continues')`.execute(
      handle.db,
    );
  });

  it('a load into a database that has customers leaves the same state as the triggers for old and new customers', async () => {
    const loaded = await stateSnapshot(handle);
    expect(
      loaded.state?.some((row) => Number((row as { customer_id: number }).customer_id) > CUSTOMERS),
    ).toBe(true);
    await replayThroughTriggers(handle);
    expect(await stateSnapshot(handle)).toEqual(loaded);
  });

  it('a bulk load that breaks a deferred foreign key fails as a whole and leaves the database empty', async () => {
    const fresh = await openTestDatabase();
    try {
      await sql`CREATE FUNCTION break_demo() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN NEW.contact_id := -1; RETURN NEW; END $$`.execute(fresh.db);
      await sql`CREATE TRIGGER break_demo BEFORE INSERT ON activities FOR EACH ROW EXECUTE FUNCTION break_demo()`.execute(
        fresh.db,
      );
      await expect(generateDemo(fresh, { customers: 10, seed: 7, asOf: AS_OF })).rejects.toThrow(
        /foreign key/,
      );
      const [counts] = await rows<{ customers: number; users: number }>(
        fresh,
        'SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM users)::int AS users',
      );
      expect(counts).toEqual({ customers: 0, users: 0 });
      await sql`DROP TRIGGER break_demo ON activities`.execute(fresh.db);
      expect(await constraintsAndIndexes(fresh)).toEqual(schemaBeforeLoad);
    } finally {
      await fresh.close();
    }
  });
});

describe('demo data is deterministic', () => {
  it('the same seed and as-of date give identical rows in two databases, however the load is chunked', async () => {
    const load = async (customersPerChunk: number) => {
      const handle = await openTestDatabase();
      try {
        await generateDemo(handle, { customers: 60, seed: 1, asOf: AS_OF, customersPerChunk });
        return await dump(handle);
      } finally {
        await handle.close();
      }
    };
    const first = await load(7);
    expect(first.orders?.length).toBeGreaterThan(0);
    expect(await load(60)).toEqual(first);
  });
});
