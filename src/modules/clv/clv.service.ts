import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { isCustomerVisible } from '../shared/scope.js';
import type { ClvByGradeQueryInput, GrowableQueryInput } from './clv.schema.js';
import { clvByGrade, currentLadder, findForecast, growableCustomers } from './clv.repository.js';

const localised = (name: Record<string, string>) => ({
  'zh-CN': name['zh-CN'] ?? '',
  'en-US': name['en-US'] ?? '',
});

/** A customer's latest forecast, within the caller's scope (out of scope answers 404, like a missing customer). */
export async function getCustomerForecast(db: Db, actor: Actor, customerId: number) {
  if (!(await isCustomerVisible(db, actor, customerId))) throw AppError.notFound();
  const row = await findForecast(db, customerId);
  return {
    customerId,
    forecast: row
      ? {
          asOf: row.as_of,
          runId: row.run_id,
          pAlive: row.p_alive,
          expectedPurchases12m: row.expected_purchases_12m,
          clv12m: row.clv_12m,
          churnRisk: row.churn_risk,
          churnReason: row.churn_reason as 'low_p_alive' | 'overdue' | null,
          updatedAt: row.updated_at.toISOString(),
        }
      : null,
  };
}

async function ladderOf(db: Db, modelId: number) {
  const ladder = await currentLadder(db, modelId);
  if (!ladder) throw AppError.notFound();
  return ladder;
}

export async function getClvByGrade(db: Db, actor: Actor, query: ClvByGradeQueryInput) {
  const { modelId, ...filter } = query;
  const ladder = await ladderOf(db, modelId);
  const rows = new Map((await clvByGrade(db, actor, filter, modelId)).map((row) => [row.grade, row]));
  return {
    modelId,
    grades: ladder.map((grade, index) => {
      const row = rows.get(index);
      return {
        index,
        code: grade.code,
        name: localised(grade.name),
        color: grade.color ?? null,
        customers: Number(row?.customers ?? 0),
        box: row?.box ?? null,
        mean: row?.mean ?? null,
      };
    }),
  };
}

/** The lower half of the ladder (for an odd length, the middle grade counts as low). */
export async function getGrowableCustomers(db: Db, actor: Actor, query: GrowableQueryInput) {
  const { modelId, limit, ...filter } = query;
  const ladder = await ladderOf(db, modelId);
  const lowestHighGrade = Math.floor(ladder.length / 2);
  const { threshold, rows } = await growableCustomers(db, actor, filter, modelId, lowestHighGrade, limit);
  return {
    threshold,
    items: rows.map((row) => ({
      customerId: Number(row.customer_id),
      code: row.code,
      name: row.name,
      ownerName: row.owner_name,
      grade: {
        index: row.grade,
        code: ladder[row.grade]?.code ?? '',
        name: localised(ladder[row.grade]?.name ?? {}),
      },
      clv12m: row.clv_12m,
      pAlive: row.p_alive,
      expectedPurchases12m: row.expected_purchases_12m,
    })),
  };
}
