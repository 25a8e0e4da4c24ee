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
let buyer: number;
let otherCustomersContact: number;

beforeAll(async () => {
  w = await openRecordWorld();
  buyer = (
    await created(await w.repEast1('POST', '/api/contacts', { customerId: w.customers.east1, name: '王总' }))
  ).id;
  otherCustomersContact = (
    await created(await w.repEast2('POST', '/api/contacts', { customerId: w.customers.east2, name: '李工' }))
  ).id;
});

afterAll(async () => w.t.close());

const create = (body: Record<string, unknown>) =>
  w.repEast1('POST', '/api/opportunities', { customerId: w.customers.east1, name: '泵站改造', ...body });

const history = async (id: number) =>
  (
    (await json(await w.repEast1('GET', `/api/opportunities/${id}/stage-history`))) as unknown as Array<{
      fromStage: string | null;
      toStage: string;
    }>
  ).map((row) => [row.fromStage, row.toStage]);

describe('creating an opportunity', () => {
  it('starts at the lead stage, owned by its creator, weighted by the stage’s 5 %', async () => {
    const opportunity = await created(
      await create({ amount: '12800.00', contacts: [{ contactId: buyer, role: 'decision_maker' }] }),
    );
    expect(opportunity).toMatchObject({
      stage: 'lead',
      ownerId: w.t.people.repEast1,
      probability: null,
      effectiveProbability: 5,
      weightedAmount: '640.00',
      closedAt: null,
      contacts: [{ contactId: buyer, name: '王总', role: 'decision_maker' }],
    });
    expect(await history(opportunity.id)).toEqual([[null, 'lead']]);
    expect(await auditActions(w.t, 'opportunity', opportunity.id)).toEqual(['create']);
  });

  it('a probability override replaces the stage’s, and clearing it restores the stage’s', async () => {
    const opportunity = await created(
      await create({ amount: 999.99, stage: 'proposal_accepted', probability: 35 }),
    );
    expect(opportunity).toMatchObject({ effectiveProbability: 35, weightedAmount: '350.00' });
    const cleared = await json(
      await w.repEast1('PATCH', `/api/opportunities/${opportunity.id}`, { probability: null }),
    );
    expect(cleared).toMatchObject({ probability: null, effectiveProbability: 50, weightedAmount: '500.00' });
  });

  it('refuses an unknown stage, a negative amount, and a contact of another customer', async () => {
    await expectRefused(await create({ stage: 'signed' }), 400, 'stage', 'unknown_code');
    await expectRefused(await create({ amount: -1 }), 400, 'amount', 'negative');
    await expectRefused(
      await create({ contacts: [{ contactId: otherCustomersContact, role: 'user' }] }),
      400,
      'contacts.0.contactId',
      'unknown_reference',
    );
  });
});

describe('stage changes', () => {
  it('are recorded in the history; winning closes the opportunity and reopening clears the close', async () => {
    const { id } = await created(await create({ amount: 100 }));
    const patch = (body: Record<string, unknown>) => w.repEast1('PATCH', `/api/opportunities/${id}`, body);
    await patch({ stage: 'first_visit' });
    await patch({ name: '泵站改造二期' });
    const won = await json(await patch({ stage: 'won' }));
    expect(won.closedAt).not.toBeNull();
    expect(won.weightedAmount).toBe('100.00');
    const reopened = await json(await patch({ stage: 'commercial' }));
    expect(reopened.closedAt).toBeNull();
    expect(await history(id)).toEqual([
      [null, 'lead'],
      ['lead', 'first_visit'],
      ['first_visit', 'won'],
      ['won', 'commercial'],
    ]);
    expect(await auditActions(w.t, 'opportunity', id)).toEqual([
      'create',
      'update',
      'update',
      'update',
      'update',
    ]);
  });

  it('losing requires a reason; a lost opportunity weighs nothing and is closed', async () => {
    const { id } = await created(await create({ amount: 5000 }));
    await expectRefused(
      await w.repEast1('PATCH', `/api/opportunities/${id}`, { stage: 'lost' }),
      400,
      'lostReason',
      'required',
    );
    await expectRefused(await create({ stage: 'lost' }), 400, 'lostReason', 'required');
    const lost = await json(
      await w.repEast1('PATCH', `/api/opportunities/${id}`, { stage: 'lost', lostReason: '价格高于竞品' }),
    );
    expect(lost).toMatchObject({ stage: 'lost', lostReason: '价格高于竞品', weightedAmount: '0.00' });
    expect(lost.closedAt).not.toBeNull();
    const revived = await json(await w.repEast1('PATCH', `/api/opportunities/${id}`, { stage: 'lead' }));
    expect(revived).toMatchObject({ lostReason: null, closedAt: null });
  });

  it('each stage change names who made it, in order, for the people who read the history', async () => {
    const { id } = await created(await create({ amount: 100 }));
    await w.managerEast('PATCH', `/api/opportunities/${id}`, { stage: 'need_confirmed' });
    const names = await w.t.handle.db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', 'in', [w.t.people.repEast1, w.t.people.managerEast])
      .execute();
    const nameOf = (userId: number) => names.find((user) => user.id === userId)!.name;
    const steps = (await json(
      await w.repEast1('GET', `/api/opportunities/${id}/stage-history`),
    )) as unknown as {
      toStage: string;
      by: number;
      byName: string;
    }[];
    expect(steps.map((step) => [step.toStage, step.by, step.byName])).toEqual([
      ['lead', w.t.people.repEast1, nameOf(w.t.people.repEast1)],
      ['need_confirmed', w.t.people.managerEast, nameOf(w.t.people.managerEast)],
    ]);
  });
});

describe('scope', () => {
  it('another rep gets 404 for an opportunity of a customer they cannot see, and it is missing from their lists', async () => {
    const { id } = await created(await create({ amount: 1 }));
    expect((await w.repEast2('GET', `/api/opportunities/${id}`)).status).toBe(404);
    expect((await w.repEast2('PATCH', `/api/opportunities/${id}`, { amount: 2 })).status).toBe(404);
    expect((await w.repEast2('DELETE', `/api/opportunities/${id}`)).status).toBe(404);
    expect((await w.repEast2('GET', `/api/opportunities/${id}/stage-history`)).status).toBe(404);
    expect((await w.repEast2('GET', `/api/customers/${w.customers.east1}/opportunities`)).status).toBe(404);
    const theirs = await json(await w.repEast2('GET', '/api/opportunities'));
    expect(theirs.total).toBe(0);
    const mine = await json(await w.repEast1('GET', '/api/opportunities'));
    expect(mine.items?.every((item) => item.customerId === w.customers.east1)).toBe(true);
    expect((await w.managerEast('GET', `/api/opportunities/${id}`)).status).toBe(200);
    expect((await w.managerSouth('GET', `/api/opportunities/${id}`)).status).toBe(404);
  });

  it('a rep assigns an opportunity only to themselves, a manager within the team, an admin to anyone active', async () => {
    const { repEast2, repSouth1 } = w.t.people;
    await expectRefused(await create({ ownerId: repEast2 }), 400, 'ownerId', 'not_in_team');
    const east = { customerId: w.customers.east1, name: '团队内指派' };
    await expectRefused(
      await w.managerEast('POST', '/api/opportunities', { ...east, ownerId: repSouth1 }),
      400,
      'ownerId',
      'not_in_team',
    );
    expect(
      (await created(await w.managerEast('POST', '/api/opportunities', { ...east, ownerId: repEast2 })))
        .ownerId,
    ).toBe(repEast2);
    expect(
      (await created(await w.admin('POST', '/api/opportunities', { ...east, ownerId: repSouth1 }))).ownerId,
    ).toBe(repSouth1);
    await expectRefused(
      await w.admin('POST', '/api/opportunities', { ...east, ownerId: 999_999 }),
      400,
      'ownerId',
      'unknown_reference',
    );
  });

  it('a body naming a customer outside the caller’s scope is refused as unknown', async () => {
    await expectRefused(
      await w.repEast2('POST', '/api/opportunities', { customerId: w.customers.east1, name: '越权' }),
      400,
      'customerId',
      'unknown_customer',
    );
  });

  it('filters by open, stage and customer; the customer’s list holds only its opportunities', async () => {
    const open = await json(await w.repEast1('GET', '/api/opportunities?open=true&limit=100'));
    expect(open.items?.every((item) => item.closedAt === null)).toBe(true);
    const proposal = await json(await w.repEast1('GET', '/api/opportunities?stage=proposal_accepted'));
    expect(proposal.items?.map((item) => item.stage)).toEqual(['proposal_accepted']);
    const ofCustomer = await json(
      await w.repEast1('GET', `/api/customers/${w.customers.east1}/opportunities?limit=100`),
    );
    expect(ofCustomer.total).toBe(
      (await json(await w.repEast1('GET', '/api/opportunities?limit=100'))).total,
    );
  });

  it('deleting removes the opportunity and is audited', async () => {
    const { id } = await created(await create({ amount: 1 }));
    expect((await w.repEast1('DELETE', `/api/opportunities/${id}`)).status).toBe(204);
    expect((await w.repEast1('GET', `/api/opportunities/${id}`)).status).toBe(404);
    expect(await auditActions(w.t, 'opportunity', id)).toEqual(['create', 'delete']);
  });
});

describe('stage configuration', () => {
  it('lists the seven stages in order with their default probabilities', async () => {
    const stages = (await json(await w.repEast1('GET', '/api/opportunity-stages'))) as unknown as Array<{
      code: string;
      probability: number;
    }>;
    expect(stages.map((stage) => [stage.code, stage.probability])).toEqual([
      ['lead', 5],
      ['first_visit', 10],
      ['need_confirmed', 30],
      ['proposal_accepted', 50],
      ['commercial', 70],
      ['won', 100],
      ['lost', 0],
    ]);
  });

  it('only admins change a stage; a new default probability re-weighs the opportunities without an override', async () => {
    const { id } = await created(await create({ amount: 2000, stage: 'need_confirmed' }));
    expect(
      (await w.managerEast('PATCH', '/api/opportunity-stages/need_confirmed', { probability: 40 })).status,
    ).toBe(403);
    const stage = await json(
      await w.admin('PATCH', '/api/opportunity-stages/need_confirmed', { probability: 40 }),
    );
    expect(stage.probability).toBe(40);
    expect((await json(await w.repEast1('GET', `/api/opportunities/${id}`))).weightedAmount).toBe('800.00');
    expect((await w.admin('PATCH', '/api/opportunity-stages/nothing', { probability: 1 })).status).toBe(404);
    await w.admin('PATCH', '/api/opportunity-stages/need_confirmed', { probability: 30 });
  });

  it('a closed stage keeps the probability of its outcome: won 100 %, lost 0 %; its name may change', async () => {
    await expectRefused(
      await w.admin('PATCH', '/api/opportunity-stages/won', { probability: 90 }),
      400,
      'probability',
      'fixed_by_outcome',
    );
    await expectRefused(
      await w.admin('PATCH', '/api/opportunity-stages/lost', { probability: 10 }),
      400,
      'probability',
      'fixed_by_outcome',
    );
    const renamed = await json(
      await w.admin('PATCH', '/api/opportunity-stages/won', { nameZh: '已签约', probability: 100 }),
    );
    expect(renamed).toMatchObject({ nameZh: '已签约', probability: 100, outcome: 'won' });
    const stages = (await json(await w.repEast1('GET', '/api/opportunity-stages'))) as unknown as {
      code: string;
      probability: number;
    }[];
    expect(stages.find((stage) => stage.code === 'lost')?.probability).toBe(0);
    await w.admin('PATCH', '/api/opportunity-stages/won', { nameZh: '签订合同' });
  });
});
