import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditActions,
  created,
  expectRefused,
  json,
  openRecordWorld,
  type RecordWorld,
} from '../audit/api-fixtures.js';

let w: RecordWorld;
let abcModel: number;
let abcPolicy: number;

const rule = (gradeCode: string, extra: Record<string, unknown> = {}) => ({
  gradeCode,
  managerMode: 'shared',
  maxCustomersPerManager: 3,
  requiredLevel: 'junior',
  contactCadenceDays: 30,
  creditLimit: '100000.00',
  paymentTermsDays: 30,
  discountCeiling: '0.05',
  ...extra,
});
const abcRules = () => [
  rule('A', { managerMode: 'dedicated', maxCustomersPerManager: 1, requiredLevel: 'senior' }),
  rule('B'),
  rule('C', { managerMode: 'pool', maxCustomersPerManager: null, requiredLevel: null }),
];

beforeAll(async () => {
  w = await openRecordWorld();
  abcModel = (
    await w.t.handle.db
      .selectFrom('grading_models')
      .select('id')
      .where('key', '=', 'abc')
      .executeTakeFirstOrThrow()
  ).id;
  const list = (await (await w.admin('GET', '/api/policies')).json()) as Array<{
    id: number;
    modelId: number;
  }>;
  abcPolicy = list.find((p) => p.modelId === abcModel)!.id;
});
afterAll(async () => w.t.close());

describe('service policy API', () => {
  it('lists the presets to managers and admins, active ones first by priority', async () => {
    const response = await w.managerEast('GET', '/api/policies');
    expect(response.status).toBe(200);
    const list = (await response.json()) as Array<{
      active: boolean;
      priority: number;
      currentVersion: number;
    }>;
    expect(list.length).toBe(4);
    expect(list.map((p) => p.active)).toEqual([true, true, true, false]);
    expect(list.filter((p) => p.active).map((p) => p.priority)).toEqual([10, 30, 40]);
    expect(list.every((p) => p.currentVersion === 1)).toBe(true);
  });

  it('refuses reps any policy read', async () => {
    expect((await w.repEast1('GET', '/api/policies')).status).toBe(403);
    expect((await w.repEast1('GET', `/api/policies/${abcPolicy}`)).status).toBe(403);
  });

  it('shows a policy with its current rule per grade and its model ladder', async () => {
    const body = await json(await w.managerEast('GET', `/api/policies/${abcPolicy}`));
    expect((body.ladder as Array<{ code: string }>).map((g) => g.code)).toEqual(['A', 'B', 'C']);
    expect(body.rules).toMatchObject([
      {
        gradeCode: 'A',
        managerMode: 'dedicated',
        maxCustomersPerManager: 1,
        requiredLevel: 'senior',
        poolRecallDays: null,
      },
      { gradeCode: 'B', managerMode: 'shared', maxCustomersPerManager: 2, creditLimit: '1000000.00' },
      { gradeCode: 'C', managerMode: 'channel', maxCustomersPerManager: null },
    ]);
  });

  it('lets only admins edit: managers and reps are refused and nothing changes', async () => {
    for (const client of [w.managerEast, w.repEast1]) {
      expect(
        (await client('POST', `/api/policies/${abcPolicy}/versions`, { rules: abcRules() })).status,
      ).toBe(403);
      expect((await client('PATCH', `/api/policies/${abcPolicy}`, { active: false })).status).toBe(403);
      expect(
        (
          await client('POST', '/api/policies', {
            name: { 'zh-CN': 'x', 'en-US': 'x' },
            modelId: abcModel,
            rules: abcRules(),
          })
        ).status,
      ).toBe(403);
    }
    expect((await json(await w.admin('GET', `/api/policies/${abcPolicy}`))).currentVersion).toBe(1);
  });

  it('an edit writes the next version, keeps the old one readable and is audited', async () => {
    const body = await created(
      await w.admin('POST', `/api/policies/${abcPolicy}/versions`, { rules: abcRules(), note: 'tighter B' }),
    );
    expect(body.currentVersion).toBe(2);
    expect(body.rules).toMatchObject([
      { gradeCode: 'A' },
      { gradeCode: 'B', maxCustomersPerManager: 3, discountCeiling: '0.0500' },
      { gradeCode: 'C', managerMode: 'pool' },
    ]);
    expect(
      (body.versions as Array<{ version: number; note: string }>).map((v) => [v.version, v.note]),
    ).toEqual([
      [2, 'tighter B'],
      [1, 'preset'],
    ]);
    const old = await json(await w.managerEast('GET', `/api/policies/${abcPolicy}/versions/1`));
    expect(old.rules).toMatchObject([
      { gradeCode: 'A' },
      { gradeCode: 'B', maxCustomersPerManager: 2 },
      { gradeCode: 'C', managerMode: 'channel' },
    ]);
    expect(await auditActions(w.t, 'service_policy', abcPolicy)).toEqual(['update']);
  });

  it('names the grade that is not in the model ladder', async () => {
    await expectRefused(
      await w.admin('POST', `/api/policies/${abcPolicy}/versions`, { rules: [...abcRules(), rule('Z')] }),
      400,
      'rules.3.gradeCode',
      'unknown_grade',
    );
  });

  it('refuses a rule set that leaves a grade of the ladder without a rule, or repeats one', async () => {
    await expectRefused(
      await w.admin('POST', `/api/policies/${abcPolicy}/versions`, { rules: abcRules().slice(0, 2) }),
      400,
      'rules',
      'missing_grade',
    );
    await expectRefused(
      await w.admin('POST', `/api/policies/${abcPolicy}/versions`, { rules: [...abcRules(), rule('B')] }),
      400,
      'rules.3.gradeCode',
      'duplicate',
    );
  });

  it('refuses a manager ratio that does not fit the mode', async () => {
    const rules = abcRules();
    rules[0] = rule('A', { managerMode: 'dedicated', maxCustomersPerManager: 2 });
    rules[2] = rule('C', { managerMode: 'channel', maxCustomersPerManager: 5 });
    const response = await w.admin('POST', `/api/policies/${abcPolicy}/versions`, { rules });
    await expectRefused(response.clone(), 400, 'rules.0.maxCustomersPerManager', 'mode_mismatch');
    await expectRefused(response, 400, 'rules.2.requiredLevel', 'mode_mismatch');
    const shared = abcRules();
    shared[1] = rule('B', { maxCustomersPerManager: null });
    await expectRefused(
      await w.admin('POST', `/api/policies/${abcPolicy}/versions`, { rules: shared }),
      400,
      'rules.1.maxCustomersPerManager',
      'required',
    );
  });

  it('refuses negative numbers and a discount outside 0–1, naming the field, in Chinese by default', async () => {
    const rules = abcRules();
    rules[1] = rule('B', { paymentTermsDays: -1, discountCeiling: '1.5', creditLimit: '-3' });
    const response = await w.admin('POST', `/api/policies/${abcPolicy}/versions`, { rules });
    expect(response.status).toBe(400);
    const fields = (await json(response)).error!.fields as unknown as Array<{
      path: string;
      message: string;
    }>;
    expect(fields.map((f) => f.path).sort()).toEqual([
      'rules.1.creditLimit',
      'rules.1.discountCeiling',
      'rules.1.paymentTermsDays',
    ]);
    expect(fields.find((f) => f.path === 'rules.1.creditLimit')?.message).toContain('不能为负数');
    expect((await json(await w.admin('GET', `/api/policies/${abcPolicy}`))).currentVersion).toBe(2);
  });

  it('creates a policy for a model and activates / deactivates it, audited', async () => {
    const body = await created(
      await w.admin('POST', '/api/policies', {
        name: { 'zh-CN': '测试政策', 'en-US': 'Test policy' },
        modelId: abcModel,
        priority: 50,
        active: false,
        rules: abcRules(),
      }),
    );
    expect(body).toMatchObject({ active: false, priority: 50, currentVersion: 1 });
    const on = await json(await w.admin('PATCH', `/api/policies/${body.id}`, { active: true, priority: 1 }));
    expect(on).toMatchObject({ active: true, priority: 1 });
    expect(await auditActions(w.t, 'service_policy', body.id)).toEqual(['create', 'update']);
    await expectRefused(
      await w.admin('POST', '/api/policies', {
        name: { 'zh-CN': 'x', 'en-US': 'x' },
        modelId: 9999,
        rules: abcRules(),
      }),
      400,
      'modelId',
      'unknown_reference',
    );
  });

  it('answers 404 for a missing policy or version', async () => {
    expect((await w.admin('GET', '/api/policies/9999')).status).toBe(404);
    expect((await w.admin('GET', `/api/policies/${abcPolicy}/versions/99`)).status).toBe(404);
  });
});
