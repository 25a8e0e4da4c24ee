import { sql } from 'kysely';
import { created, json } from '../../audit/api-fixtures.js';
import { createTestApp, type Client, type TestApp } from '../../../testing/test-app.js';

/**
 * A fixed clock and a service policy of its own for the composite model (it governs first: priority 0):
 *   A: 1:1, contact every 7 days, never recalled          → gets holiday greetings (ratio ≤ 2)
 *   B: 1:3, contact every 60 days, recalled after 30 days
 *   C: 1:5, contact every 30 days, recalled after 60 days
 */
export const RULES = {
  A: { mode: 'dedicated', ratio: 1, cadence: 7, recall: null },
  B: { mode: 'shared', ratio: 3, cadence: 60, recall: 30 },
  C: { mode: 'shared', ratio: 5, cadence: 30, recall: 60 },
} as const;
export type GradeCode = keyof typeof RULES;

/** 10:00 in Shanghai on a business day. */
export const morningOf = (day: string) => new Date(`${day}T10:00:00+08:00`);

export interface World {
  t: TestApp;
  clock: { now: Date };
  admin: Client;
  managerEast: Client;
  managerSouth: Client;
  repEast1: Client;
  repEast2: Client;
  repSouth1: Client;
  modelId: number;
  customer(spec: {
    name: string;
    owner: number | null;
    team: number | null;
    grade?: GradeCode;
    lastActivity?: string;
  }): Promise<number>;
  activity(customerId: number, day: string, client?: Client): Promise<void>;
  setToday(day: string): void;
}

export async function openWorld(today: string): Promise<World> {
  const clock = { now: morningOf(today) };
  // Sessions outlive the days the tests move the clock through.
  const t = await createTestApp({ STRATUM_SESSION_HOURS: '2000' }, () => clock.now);
  const db = t.handle.db;
  const [admin, managerEast, managerSouth, repEast1, repEast2, repSouth1] = await Promise.all([
    t.as('admin'),
    t.as('managerEast'),
    t.as('managerSouth'),
    t.as('repEast1'),
    t.as('repEast2'),
    t.as('repSouth1'),
  ]);
  const model = await db
    .selectFrom('grading_models')
    .select('id')
    .where('key', '=', 'composite')
    .executeTakeFirstOrThrow();
  const { rows: policy } = await sql<{ id: number }>`
    INSERT INTO service_policies (name_zh, name_en, model_id, priority, active, created_at)
    VALUES ('测试政策', 'Test policy', ${model.id}, 0, true, '2020-01-01T00:00:00+08') RETURNING id`.execute(
    db,
  );
  const policyId = policy[0]!.id;
  const { rows: version } = await sql<{ id: number }>`
    INSERT INTO service_policy_versions (policy_id, version, note) VALUES (${policyId}, 1, 'test')
    RETURNING id`.execute(db);
  const versionId = version[0]!.id;
  for (const [code, rule] of Object.entries(RULES)) {
    await sql`
      INSERT INTO service_policy_rules (version_id, grade_code, manager_mode, max_customers_per_manager,
                                        contact_cadence_days, pool_recall_days)
      VALUES (${versionId}, ${code}, ${rule.mode}, ${rule.ratio}, ${rule.cadence}, ${rule.recall})`.execute(
      db,
    );
  }
  await sql`UPDATE service_policies SET current_version_id = ${versionId} WHERE id = ${policyId}`.execute(db);

  const activity = async (customerId: number, day: string, client: Client = admin) => {
    await created(
      await client('POST', '/api/activities', {
        customerId,
        kind: 'call',
        at: `${day}T09:00:00+08:00`,
        subject: '电话回访',
      }),
    );
  };
  return {
    t,
    clock,
    admin,
    managerEast,
    managerSouth,
    repEast1,
    repEast2,
    repSouth1,
    modelId: model.id,
    activity,
    setToday(day) {
      clock.now = morningOf(day);
    },
    async customer(spec) {
      const body = await created(
        await admin('POST', '/api/customers', { name: spec.name, ownerId: spec.owner, teamId: spec.team }),
      );
      // Created long ago: the recall and contact clocks start from the last activity, not from the test's start.
      await sql`UPDATE customers SET created_at = '2025-01-01T00:00:00Z' WHERE id = ${body.id}`.execute(db);
      if (spec.grade) {
        await db
          .insertInto('customer_grades')
          .values({
            model_id: model.id,
            customer_id: body.id,
            grade: ['A', 'B', 'C'].indexOf(spec.grade),
            grade_code: spec.grade,
            score: null,
            rfm_code: null,
            status: 0,
            run_id: null,
            cause: 'override',
          })
          .execute();
      }
      if (spec.lastActivity) await activity(body.id, spec.lastActivity);
      return body.id;
    },
  };
}

export interface ListedItem {
  kind: string;
  ref: string;
  customer: { id: number; name: string };
  escalated: boolean;
  due: string;
  overdueDays: number;
  detail: Record<string, unknown> | null;
}

export async function worklist(client: Client, query = '') {
  const response = await client('GET', `/api/worklist${query}`);
  if (response.status !== 200) throw new Error(`worklist ${response.status} ${await response.text()}`);
  return (await json(response)) as unknown as {
    items: ListedItem[];
    counts: Record<string, number>;
    today: string;
    end: string;
    escalated: number;
    truncated: boolean;
  };
}

/** "customerId:kind" of every item, for set assertions. */
export const keysOf = (items: readonly ListedItem[]) => items.map((i) => `${i.customer.id}:${i.kind}`).sort();
