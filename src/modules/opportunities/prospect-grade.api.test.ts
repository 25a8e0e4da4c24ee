import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, json, openRecordWorld, type RecordWorld } from '../audit/api-fixtures.js';

/**
 * The prospect model grades A–D by months to close (3/6/12). A customer's own expected close date is the fallback;
 * its earliest open opportunity decides when it has one. Runs are as of 2025-01-01.
 */
let w: RecordWorld;
let prospectModel: number;
let prospect: number;

beforeAll(async () => {
  w = await openRecordWorld();
  const models = await json(await w.admin('GET', '/api/grading/models'));
  prospectModel = models.items!.find((model) => model.key === 'prospect')!.id;
  prospect = (
    await created(
      await w.repEast1('POST', '/api/customers', {
        code: 'P1',
        name: '宁波远景新材料有限公司',
        expectedCloseDate: '2026-06-30',
      }),
    )
  ).id;
});

afterAll(async () => w.t.close());

async function prospectGrade(): Promise<string> {
  const started = await w.admin('POST', `/api/grading/models/${prospectModel}/runs`, { asOf: '2025-01-01' });
  expect(started.status, await started.clone().text()).toBe(201);
  const grades = await json(await w.repEast1('GET', `/api/customers/${prospect}/grades`));
  return String(grades.items!.find((grade) => grade.modelKey === 'prospect')!.grade);
}

describe('prospect grade and opportunities', () => {
  it('follows the customer’s own date (18 months: D) without opportunities', async () => {
    expect(await prospectGrade()).toBe('D');
  });

  it('follows the earliest open opportunity: closing in about 1.5 months makes it A', async () => {
    const opportunity = { customerId: prospect, name: '新材料产线' };
    await created(
      await w.repEast1('POST', '/api/opportunities', { ...opportunity, expectedCloseDate: '2025-09-30' }),
    );
    const soon = await created(
      await w.repEast1('POST', '/api/opportunities', { ...opportunity, expectedCloseDate: '2025-02-15' }),
    );
    expect(await prospectGrade()).toBe('A');

    const lost = await w.repEast1('PATCH', `/api/opportunities/${soon.id}`, {
      stage: 'lost',
      lostReason: '预算冻结',
    });
    expect(lost.status).toBe(200);
    // The lost one no longer counts: the next open one closes in about 9 months, grade C.
    expect(await prospectGrade()).toBe('C');
  });
});
