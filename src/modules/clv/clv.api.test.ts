import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../testing/test-app.js';
import { executeRun } from '../grading/run.service.js';
import { seedClvWorld, type ClvWorld } from './testing/clv-fixture.js';

let t: TestApp;
let admin: Client;
let world: ClvWorld;

interface ByGrade {
  grades: { code: string; customers: number; box: string[] | null; mean: string | null }[];
}
interface Growable {
  threshold: string | null;
  items: { customerId: number; clv12m: string; grade: { index: number } }[];
}

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2025-01-01T00:30:00+08:00'));
  admin = await t.as('admin');
  world = await seedClvWorld(t, admin);
  await executeRun(t.handle.db, {
    modelId: world.modelId,
    asOf: '2025-01-01',
    trigger: 'cli',
    startedBy: null,
  });
});
afterAll(async () => t.close());

const json = async <T>(response: Response) => {
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};

describe('CLV API within the caller scope', () => {
  it("a rep reads their own customer's forecast and gets 404 for another team's customer", async () => {
    const rep = await t.as('repEast1');
    const own = await json<{ forecast: { pAlive: number; clv12m: string; churnRisk: boolean } | null }>(
      await rep('GET', `/api/customers/${world.east[1]}/forecast`),
    );
    expect(own.forecast?.pAlive).toBeGreaterThan(0);
    expect(own.forecast?.clv12m).toMatch(/^\d+\.\d{2}$/);
    expect((await rep('GET', `/api/customers/${world.south[1]}/forecast`)).status).toBe(404);
  });

  it('a customer without purchases has no forecast yet (null, not an error)', async () => {
    const rep = await t.as('repEast1');
    const none = await json<{ forecast: unknown }>(
      await rep('GET', `/api/customers/${world.east[11]}/forecast`),
    );
    expect(none.forecast).toBeNull();
  });

  it('CLV per grade counts only the customers in scope: a manager their team, an admin everyone', async () => {
    const total = (body: ByGrade) => body.grades.reduce((sum, g) => sum + g.customers, 0);
    const all = await json<ByGrade>(await admin('GET', `/api/clv/by-grade?modelId=${world.modelId}`));
    const manager = await t.as('managerEast');
    const east = await json<ByGrade>(await manager('GET', `/api/clv/by-grade?modelId=${world.modelId}`));
    expect(all.grades.map((g) => g.code)).toEqual(['A', 'B', 'C', 'D']);
    expect(total(all)).toBe(22);
    expect(total(east)).toBe(11);
    for (const grade of all.grades.filter((g) => g.box)) {
      const box = grade.box!.map(Number);
      expect([...box].sort((a, b) => a - b)).toEqual(box);
    }
  });

  it('the most growable list holds high-CLV, low-grade customers, and a rep sees only their own', async () => {
    const everyone = await json<Growable>(await admin('GET', `/api/clv/growable?modelId=${world.modelId}`));
    expect(everyone.threshold).not.toBeNull();
    for (const item of everyone.items) {
      expect(Number(item.clv12m)).toBeGreaterThanOrEqual(Number(everyone.threshold));
      expect(item.grade.index).toBeGreaterThanOrEqual(2);
    }
    const rep = await t.as('repSouth1');
    const south = await json<Growable>(await rep('GET', `/api/clv/growable?modelId=${world.modelId}`));
    expect(south.items.every((item) => world.south.includes(item.customerId))).toBe(true);
    expect(south.threshold).toBe(everyone.threshold);
  });

  it('the model editor previews a CLV factor from a fit on the population: buyers have values, non-buyers none', async () => {
    const preview = await json<{
      population: number;
      raw: { kind: string; bins: { count: number }[]; nulls: number };
    }>(
      await admin('POST', '/api/grading/models/preview-factor', {
        metric: 'p_alive',
        normaliser: { kind: 'minmax' },
        asOf: '2025-01-01',
      }),
    );
    expect(preview.population).toBe(24);
    expect(preview.raw.nulls).toBe(2);
    expect(preview.raw.bins.reduce((sum, b) => sum + b.count, 0)).toBe(22);
  });

  it('an unknown model answers 404 and a bad model id names the field', async () => {
    expect((await admin('GET', '/api/clv/by-grade?modelId=99999')).status).toBe(404);
    const bad = await admin('GET', '/api/clv/growable?modelId=abc');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('modelId');
  });
});
