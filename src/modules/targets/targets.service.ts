import { AppError } from '../../server/errors.js';
import { recordAudit, type Db } from '../audit/audit.repository.js';
import { authorId, type Actor } from '../auth/actor.js';
import { businessDay } from '../worklist/business-day.js';
import { findTargetGrid, findTargets, usersTargetableBy, writeTargets } from './targets.repository.js';
import type { TargetGridQueryInput, TargetGridView, TargetsUpdateInput } from './targets.schema.js';

/** The year's monthly targets of the account managers the user sees (this year by default). */
export async function targetGrid(
  db: Db,
  actor: Actor,
  query: TargetGridQueryInput,
  now: Date,
): Promise<TargetGridView> {
  const year = query.year ?? Number(businessDay(now).slice(0, 4));
  const rows = await findTargetGrid(db, actor, year, query.teamId);
  return {
    year,
    users: rows.map((row) => ({
      userId: row.id,
      userName: row.name,
      role: row.role,
      teamId: row.team_id,
      teamName: row.team_name,
      months: row.months,
      total: row.total,
    })),
  };
}

/**
 * Sets or removes monthly targets, all or nothing: an admin for anyone, a manager for the others of their team
 * (not their own); one entry out of reach refuses the request. One audit entry holds every target before and after.
 */
export async function setTargets(
  db: Db,
  actor: Actor,
  input: TargetsUpdateInput,
): Promise<{ updated: number }> {
  if (actor.role === 'rep') throw AppError.forbidden();
  const reachable = await usersTargetableBy(db, actor, [...new Set(input.targets.map((t) => t.userId))]);
  input.targets.forEach((target, index) => {
    if (!reachable.has(target.userId)) throw AppError.invalid(`targets.${index}.userId`, 'out_of_scope');
  });
  const latest = new Map(input.targets.map((t) => [`${t.userId}|${t.month}`, t]));
  const targets = [...latest.values()];
  const before = await findTargets(db, targets);
  const set = targets.flatMap((t) => (t.amount === null ? [] : [{ ...t, amount: t.amount }]));
  const removed = targets.filter((t) => t.amount === null);
  await writeTargets(db, authorId(actor), set, removed);
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'sales_targets',
    entityId: null,
    action: 'update',
    before,
    after: await findTargets(db, targets),
  });
  return { updated: targets.length };
}
