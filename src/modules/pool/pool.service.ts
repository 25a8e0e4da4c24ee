import { AppError } from '../../server/errors.js';
import { recordAudit, type Db } from '../audit/audit.repository.js';
import { authorId, isAdmin, type Actor } from '../auth/actor.js';
import { visibleCustomers } from '../shared/scope.js';
import { addDays } from '../worklist/business-day.js';
import { readSettings } from '../worklist/settings.repository.js';
import {
  claimsOn,
  countPool,
  enterPool,
  findPoolCustomerForUpdate,
  insertMove,
  lastLostOn,
  leavePool,
  lockClaimant,
  listPoolRows,
  ownedCount,
  recallDue,
  setOwner,
  warnDue,
  type PoolRow,
} from './pool.repository.js';
import type {
  MoveView,
  PoolCustomerView,
  PoolLimitsView,
  PoolQueryInput,
  RecallView,
  ReleaseInput,
} from './pool.schema.js';

/**
 * The daily job: warn the owners whose customers return to the pool within the warning days, then return every
 * customer whose recall day has come. Runs in the caller's transaction; running it twice for a day does nothing new.
 */
export async function runRecall(db: Db, asOf: string): Promise<RecallView> {
  const settings = await readSettings(db);
  const warned = await warnDue(db, asOf, settings.pool_warning_days);
  const recalled = await recallDue(db, asOf);
  return {
    asOf,
    recalled: recalled.length,
    warned,
    customers: recalled.map((row) => ({
      customerId: row.customer_id,
      ownerId: row.owner_id,
      recallOn: row.recall_on,
    })),
  };
}

export async function recallAsAdmin(db: Db, actor: Actor, asOf: string): Promise<RecallView> {
  if (!isAdmin(actor)) throw AppError.forbidden();
  return runRecall(db, asOf);
}

async function capacityOf(db: Db, userId: number): Promise<number> {
  const row = await db.selectFrom('users').select('capacity').where('id', '=', userId).executeTakeFirst();
  return row?.capacity ?? 0;
}

export async function poolLimits(db: Db, actor: Actor, today: string): Promise<PoolLimitsView> {
  const settings = await readSettings(db);
  return {
    owned: await ownedCount(db, actor.id),
    maxOwned: settings.max_owned ?? (await capacityOf(db, actor.id)),
    claimsToday: await claimsOn(db, actor.id, today),
    maxClaimsPerDay: settings.max_claims_per_day,
    reclaimBlockDays: settings.reclaim_block_days,
  };
}

const toPoolView = (row: PoolRow): PoolCustomerView => ({
  id: row.id,
  code: row.code,
  name: row.name,
  province: row.province,
  city: row.city,
  teamId: row.team_id,
  teamName: row.team_name,
  gradeCode: row.grade_code,
  reason: row.reason,
  note: row.note,
  enteredOn: row.entered_on,
  fromOwner: row.from_owner_id === null ? null : { id: row.from_owner_id, name: row.from_owner_name ?? '' },
  lastContact: row.last_contact,
  lastOrder: row.last_order,
});

export async function listPool(db: Db, actor: Actor, query: PoolQueryInput, today: string) {
  const [rows, total, limits] = await Promise.all([
    listPoolRows(db, actor, query),
    countPool(db, actor, query.q),
    poolLimits(db, actor, today),
  ]);
  return { items: rows.map(toPoolView), total, limits };
}

const refuse = (reason: 'pool_owned_limit' | 'pool_daily_limit' | 'pool_reclaim_blocked') =>
  new AppError('CONFLICT', [{ path: 'customerId', reason }]);

/**
 * The actor takes a pool customer within the limits: no more owned customers than allowed, no more claims today
 * than allowed, and not one they lost to the pool (released or recalled) fewer than the re-claim days ago.
 */
export async function claimCustomer(
  db: Db,
  actor: Actor,
  customerId: number,
  today: string,
): Promise<MoveView> {
  await lockClaimant(db, actor.id);
  const customer = await findPoolCustomerForUpdate(db, actor, customerId);
  if (!customer) throw AppError.notFound();
  const limits = await poolLimits(db, actor, today);
  if (limits.owned >= limits.maxOwned) throw refuse('pool_owned_limit');
  if (limits.claimsToday >= limits.maxClaimsPerDay) throw refuse('pool_daily_limit');
  const lost = await lastLostOn(db, actor.id, customerId);
  if (lost !== null && addDays(lost, limits.reclaimBlockDays) > today) throw refuse('pool_reclaim_blocked');
  await setOwner(db, customerId, actor.id, actor.teamId ?? customer.team_id);
  await leavePool(db, customerId);
  await insertMove(db, {
    customerId,
    action: 'claim',
    ownerId: actor.id,
    byUserId: actor.id,
    day: today,
    note: null,
  });
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'customer',
    entityId: customerId,
    action: 'pool_claim',
    before: { owner_id: null, pool: customer.reason },
    after: { owner_id: actor.id, team_id: actor.teamId ?? customer.team_id },
  });
  return { customerId, action: 'claim', ownerId: actor.id, on: today };
}

/** The owner (or their manager, or an admin) gives a customer back to the pool, keeping its team. */
export async function releaseCustomer(
  db: Db,
  actor: Actor,
  input: ReleaseInput,
  today: string,
): Promise<MoveView> {
  const customer = await visibleCustomers(db, actor)
    .select(['customers.id', 'customers.owner_id', 'customers.team_id'])
    .where('customers.id', '=', input.customerId)
    .forUpdate()
    .executeTakeFirst();
  if (!customer) throw AppError.notFound();
  if (customer.owner_id === null) throw AppError.invalid('customerId', 'not_owned');
  const note = input.note ?? null;
  await setOwner(db, customer.id, null);
  await enterPool(db, { customerId: customer.id, note, day: today, fromOwnerId: customer.owner_id });
  await insertMove(db, {
    customerId: customer.id,
    action: 'release',
    ownerId: customer.owner_id,
    byUserId: actor.id,
    day: today,
    note,
  });
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'customer',
    entityId: customer.id,
    action: 'pool_release',
    before: { owner_id: customer.owner_id },
    after: { owner_id: null, pool: 'released', note },
  });
  return { customerId: customer.id, action: 'release', ownerId: null, on: today };
}
