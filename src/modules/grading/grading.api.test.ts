import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESET_COMPOSITE_QUOTAS } from '../../engine/index.js';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: Client;
let managerEast: Client;
let repEast1: Client;
let repSouth1: Client;
let compositeId: number;
const owned: Record<string, number[]> = { east1: [], east2: [], south1: [] };

const body = async <T = Record<string, unknown>>(response: Response) => (await response.json()) as T;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2025-03-01T10:00:00+08:00'));
  [admin, managerEast, repEast1, repSouth1] = await Promise.all([
    t.as('admin'),
    t.as('managerEast'),
    t.as('repEast1'),
    t.as('repSouth1'),
  ]);
  const owners = { east1: t.people.repEast1, east2: t.people.repEast2, south1: t.people.repSouth1 };
  let n = 0;
  for (const [key, ownerId] of Object.entries(owners)) {
    for (let i = 0; i < 10; i++) {
      n++;
      const created = await body<{ id: number }>(
        await admin('POST', '/api/customers', { code: `G${n}`, name: `分级客户${n}`, ownerId }),
      );
      owned[key]!.push(created.id);
      await t.handle.db
        .insertInto('orders')
        .values({
          customer_id: created.id,
          order_no: `G${n}`,
          order_date: '2024-10-01',
          amount: (n * 1234).toFixed(2),
          gross_profit: (n * 300).toFixed(2),
        })
        .execute();
    }
  }
  const models = await body<{ items: { id: number; key: string }[] }>(
    await admin('GET', '/api/grading/models'),
  );
  compositeId = models.items.find((m) => m.key === 'composite')!.id;
});
afterAll(async () => t.close());

describe('grading models', () => {
  it('lists the shipped presets with their ladders, four of them active', async () => {
    const models = await body<{ items: { key: string; active: boolean; ladder: { code: string }[] }[] }>(
      await repEast1('GET', '/api/grading/models'),
    );
    expect(
      models.items
        .filter((m) => m.active)
        .map((m) => m.key)
        .sort(),
    ).toEqual(['abc', 'composite', 'prospect', 'rfm']);
    expect(models.items.find((m) => m.key === 'composite')!.ladder.map((g) => g.code)).toEqual([
      'A',
      'B',
      'C',
      'D',
    ]);
  });

  it('a new version is validated by the engine schema, naming the field, and becomes current', async () => {
    const bad = await admin('POST', `/api/grading/models/${compositeId}/versions`, {
      definition: {
        ...PRESET_COMPOSITE_QUOTAS,
        factors: PRESET_COMPOSITE_QUOTAS.factors.map((f) => ({ ...f, weight: 0 })),
      },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('definition.factors');
    const good = await admin('POST', `/api/grading/models/${compositeId}/versions`, {
      definition: PRESET_COMPOSITE_QUOTAS,
      note: '同一模型，新版本',
    });
    expect(good.status).toBe(201);
    const model = await body<{ currentVersion: number; versions: { version: number }[] }>(good);
    expect(model.currentVersion).toBe(2);
    expect(model.versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('a rep may not change models or start runs', async () => {
    expect(
      (
        await repEast1('POST', `/api/grading/models/${compositeId}/versions`, {
          definition: PRESET_COMPOSITE_QUOTAS,
        })
      ).status,
    ).toBe(403);
    expect((await repEast1('POST', `/api/grading/models/${compositeId}/runs`, {})).status).toBe(403);
    expect((await repEast1('PATCH', `/api/grading/models/${compositeId}`, { active: false })).status).toBe(
      403,
    );
  });

  it('an invalid schedule is refused naming the field', async () => {
    const response = await admin('PATCH', `/api/grading/models/${compositeId}`, { schedule: 'every monday' });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('schedule');
  });
});

describe('runs and results by data scope', () => {
  let runId: number;

  beforeAll(async () => {
    const started = await managerEast('POST', `/api/grading/models/${compositeId}/runs`, {
      asOf: '2025-01-01',
    });
    expect(started.status).toBe(201);
    runId = (await body<{ runId: number }>(started)).runId;
  });

  it("an admin's run view counts everyone; a rep's only their own customers", async () => {
    expect(
      (await body<{ population: number }>(await admin('GET', `/api/grading/runs/${runId}`))).population,
    ).toBe(30);
    expect(
      (await body<{ population: number }>(await repEast1('GET', `/api/grading/runs/${runId}`))).population,
    ).toBe(10);
    expect(
      (await body<{ population: number }>(await managerEast('GET', `/api/grading/runs/${runId}`))).population,
    ).toBe(20);
  });

  it("the run list gives each run's counts in one answer: the admin's as recorded, a rep's of their own", async () => {
    const second = await body<{ runId: number }>(
      await admin('POST', `/api/grading/models/${compositeId}/runs`, { asOf: '2025-01-01' }),
    );
    type Listed = { items: { id: number; population: number; distribution: { count: number }[] }[] };
    const listed = async (client: typeof admin) => {
      const { items } = await body<Listed>(await client('GET', `/api/grading/runs?modelId=${compositeId}`));
      return new Map(items.map((run) => [run.id, run]));
    };
    const [forAdmin, forRep] = [await listed(admin), await listed(repEast1)];
    for (const id of [runId, second.runId]) {
      expect(forAdmin.get(id)!.population).toBe(30);
      expect(forRep.get(id)!.population).toBe(10);
      expect(forRep.get(id)!.distribution.reduce((sum, row) => sum + row.count, 0)).toBe(10);
      const { ladder, ...single } = await body<{ ladder: { code: string }[] }>(
        await admin('GET', `/api/grading/runs/${id}`),
      );
      expect(forAdmin.get(id)).toEqual(single);
      expect(ladder.map((grade) => grade.code)).toEqual(['A', 'B', 'C', 'D']);
    }
  });

  it('results list only visible customers, and the total agrees', async () => {
    const results = await body<{ items: { customerId: number }[]; total: number }>(
      await repSouth1('GET', `/api/grading/runs/${runId}/results?limit=100`),
    );
    expect(results.total).toBe(10);
    expect(results.items.map((r) => r.customerId).sort()).toEqual([...owned.south1!].sort());
  });

  it("a rep gets 404 for another rep's customer's grades, history and explanation", async () => {
    const other = owned.east2![0]!;
    for (const path of [
      `/api/customers/${other}/grades`,
      `/api/customers/${other}/grades/history`,
      `/api/customers/${other}/grades/${compositeId}/explanation`,
    ]) {
      expect((await repEast1('GET', path)).status).toBe(404);
    }
  });

  it("explains a customer's grade factor by factor, with a way to the next grade", async () => {
    const mine = owned.east1![0]!;
    const grades = await body<{ items: { modelKey: string; grade: string }[] }>(
      await repEast1('GET', `/api/customers/${mine}/grades`),
    );
    expect(grades.items.find((g) => g.modelKey === 'composite')!.grade).toBe('D');
    const explanation = await body<{
      factors: { path: string; weight: number }[];
      nextGrade: { code: string; best: { metric: string; change: number } | null };
      asOf: string;
    }>(await repEast1('GET', `/api/customers/${mine}/grades/${compositeId}/explanation`));
    expect(explanation.asOf).toBe('2025-01-01');
    expect(explanation.factors.map((f) => f.path)).toContain('credit');
    expect(
      explanation.factors.filter((f) => f.path.split('.').length === 1).reduce((s, f) => s + f.weight, 0),
    ).toBeCloseTo(1);
    expect(explanation.nextGrade.code).toBe('C');
    expect(explanation.nextGrade.best!.change).toBeGreaterThan(0);
  });

  it('an override by a manager applies at once, shows as such, and its removal restores the computed grade', async () => {
    const target = owned.east1![0]!;
    expect(
      (
        await repEast1('PUT', `/api/customers/${target}/grades/${compositeId}/override`, {
          grade: 'A',
          reason: '战略合作',
        })
      ).status,
    ).toBe(403);
    const bad = await managerEast('PUT', `/api/customers/${target}/grades/${compositeId}/override`, {
      grade: 'Z',
      reason: 'x',
    });
    expect(bad.status).toBe(400);
    const set = await managerEast('PUT', `/api/customers/${target}/grades/${compositeId}/override`, {
      grade: 'A',
      reason: '战略合作',
      expiresOn: '2025-12-31',
    });
    expect(set.status).toBe(200);
    const during = await body<{
      items: { modelKey: string; grade: string; status: string; override: unknown }[];
    }>(await repEast1('GET', `/api/customers/${target}/grades`));
    expect(during.items.find((g) => g.modelKey === 'composite')).toMatchObject({
      grade: 'A',
      status: 'override',
      override: { grade: 'A', reason: '战略合作' },
    });
    expect(
      (await managerEast('DELETE', `/api/customers/${target}/grades/${compositeId}/override`)).status,
    ).toBe(204);
    const after = await body<{ items: { modelKey: string; grade: string; override: unknown }[] }>(
      await repEast1('GET', `/api/customers/${target}/grades`),
    );
    expect(after.items.find((g) => g.modelKey === 'composite')).toMatchObject({ grade: 'D', override: null });
    const history = await body<{ items: { cause: string }[] }>(
      await repEast1('GET', `/api/customers/${target}/grades/history?modelId=${compositeId}`),
    );
    expect(history.items.map((h) => h.cause)).toEqual(['instant', 'override', 'run']);
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'grade_override')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('what-if previews a quota change: every customer counted once, the right number move, movers only within scope', async () => {
    const reweighted = {
      ...PRESET_COMPOSITE_QUOTAS,
      method: { kind: 'quotas', quotas: [10, 40, 30, 20], ties: 'strict' },
    };
    expect(
      (await repEast1('POST', `/api/grading/models/${compositeId}/what-if`, { definition: reweighted }))
        .status,
    ).toBe(403);
    const preview = await body<{
      asOf: string;
      migration: number[][];
      moved: number;
      movers: { customerId: number; from: string; to: string }[];
    }>(await managerEast('POST', `/api/grading/models/${compositeId}/what-if`, { definition: reweighted }));
    expect(preview.asOf).toBe('2025-01-01');
    expect(preview.migration.flat().reduce((a, b) => a + b, 0)).toBe(30);
    const diagonal = preview.migration.slice(0, 4).reduce((sum, row, i) => sum + row[i]!, 0);
    expect(30 - diagonal).toBe(preview.moved);
    // 30 customers: A was ranks 1–6 (20%), now 1–3 (10%); B still ends at rank 15 (cumulative 50%), so only
    // ranks 4–6 move, from A to B.
    expect(preview.moved).toBe(3);
    expect(preview.migration[0]).toEqual([3, 3, 0, 0, 0]);
    const eastTeam = new Set([...owned.east1!, ...owned.east2!]);
    expect(preview.movers.every((m) => eastTeam.has(m.customerId))).toBe(true);
    const same = await body<{ moved: number }>(
      await managerEast('POST', `/api/grading/models/${compositeId}/what-if`, {
        definition: PRESET_COMPOSITE_QUOTAS,
      }),
    );
    expect(same.moved).toBe(0);
  });

  it('verify through the API reports an identical run', async () => {
    const report = await body<{ identical: boolean; customers: number }>(
      await admin('POST', `/api/grading/runs/${runId}/verify`),
    );
    expect(report).toMatchObject({ identical: true, customers: 30 });
  });
});
