import { sql } from 'kysely';
import {
  explainCustomer,
  parseModel,
  readsReferralMetrics,
  type Explanation,
  type Model,
} from '../../engine/index.js';
import { AppError } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { authorId, type Actor } from '../auth/actor.js';
import { isCustomerVisible } from '../shared/scope.js';
import { rowView } from '../../engine/columns.js';
import { businessDay, regradeCustomers, runContext } from './instant.service.js';
import { measureCustomers } from './metrics.service.js';
import { findModel, modelsWithCurrentVersion } from './model.repository.js';
import { withClvMetrics } from '../clv/clv-metrics.js';

async function requireVisible(db: Db, actor: Actor, customerId: number) {
  if (!(await isCustomerVisible(db, actor, customerId))) throw AppError.notFound();
}

const ladderOf = (definition: unknown) =>
  parseModel(definition).ladder.map((g) => ({ code: g.code, name: g.name, color: g.color ?? null }));

/** Every active model's current grade of the customer (or none), with the model's ladder to display it. */
export async function customerGrades(db: Db, actor: Actor, customerId: number) {
  await requireVisible(db, actor, customerId);
  const rows = await modelsWithCurrentVersion(db)
    .leftJoin('customer_grades as g', (join) =>
      join.onRef('g.model_id', '=', 'm.id').on('g.customer_id', '=', customerId),
    )
    .leftJoin('grade_overrides as o', (join) =>
      join
        .onRef('o.model_id', '=', 'm.id')
        .on('o.customer_id', '=', customerId)
        .on('o.revoked_at', 'is', null),
    )
    .select([
      'm.id as model_id',
      'm.key',
      'm.name_zh',
      'm.name_en',
      'v.definition',
      'g.grade',
      'g.grade_code',
      'g.score',
      'g.rfm_code',
      'g.status',
      'g.cause',
      'g.updated_at',
      'o.grade_code as override_grade',
      'o.reason as override_reason',
      'o.expires_on as override_expires_on',
    ])
    .where('m.active', '=', true)
    .orderBy('m.id')
    .execute();
  return rows.map((row) => ({
    modelId: row.model_id,
    modelKey: row.key,
    modelName: { 'zh-CN': row.name_zh, 'en-US': row.name_en },
    ladder: ladderOf(row.definition),
    grade: row.grade_code,
    gradeIndex: row.grade,
    score: row.score,
    rfmCode: row.rfm_code,
    status:
      row.status === null ? null : ((['computed', 'held', 'override'] as const)[row.status] ?? 'computed'),
    cause: row.cause,
    since: row.updated_at ? new Date(row.updated_at).toISOString() : null,
    override: row.override_grade
      ? { grade: row.override_grade, reason: row.override_reason, expiresOn: row.override_expires_on }
      : null,
  }));
}

export async function customerGradeHistory(db: Db, actor: Actor, customerId: number, modelId?: number) {
  await requireVisible(db, actor, customerId);
  let query = db
    .selectFrom('grade_changes as c')
    .innerJoin('grading_models as m', 'm.id', 'c.model_id')
    .leftJoin('grading_runs as r', 'r.id', 'c.run_id')
    .select([
      'c.id',
      'c.model_id',
      'c.at',
      'c.from_grade',
      'c.to_grade',
      'c.score',
      'c.cause',
      'c.run_id',
      'c.detail',
      'r.as_of',
    ])
    .where('c.customer_id', '=', customerId)
    .orderBy('c.id', 'desc')
    .limit(500);
  if (modelId !== undefined) query = query.where('c.model_id', '=', modelId);
  return (await query.execute()).map((row) => ({
    id: row.id,
    modelId: row.model_id,
    at: new Date(row.at).toISOString(),
    fromGrade: row.from_grade,
    toGrade: row.to_grade,
    score: row.score,
    cause: row.cause,
    runId: row.run_id,
    asOf: row.as_of,
    detail: row.detail,
  }));
}

async function lastRunOf(db: Db, modelId: number) {
  return db
    .selectFrom('grading_runs as r')
    .innerJoin('grading_model_versions as v', (join) =>
      join.onRef('v.model_id', '=', 'r.model_id').onRef('v.version', '=', 'r.version'),
    )
    .select(['r.id as runId', 'r.model_id as modelId', 'r.version', 'r.as_of', 'v.definition'])
    .select(sql<string>`r.started_at::text`.as('startedAt'))
    .where('r.model_id', '=', modelId)
    .orderBy('r.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Why the customer has its grade: each factor's raw value, score, weight and contribution, the boundaries, and
 * the smallest single-factor change that lifts it a grade. Measured as the grade was: as of the last run's date,
 * or today when the grade has since been re-scored instantly.
 */
export async function explainGrade(
  db: Db,
  actor: Actor,
  customerId: number,
  modelId: number,
  now: Date,
): Promise<Explanation & { asOf: string; runId: number }> {
  await requireVisible(db, actor, customerId);
  const run = await lastRunOf(db, modelId);
  if (!run) throw AppError.notFound();
  const current = await db
    .selectFrom('customer_grades')
    .select('cause')
    .where('model_id', '=', modelId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  if (!current) throw AppError.notFound();
  const { model, params } = await runContext(db, run);
  const asOf = current.cause === 'instant' ? businessDay(now) : run.as_of;
  const columns = await withClvMetrics(
    db,
    model,
    await measureCustomers(db, model, asOf, [customerId], { referrals: readsReferralMetrics(model) }),
    asOf,
    params.clv,
  );
  return { ...explainCustomer(model, params, customerId, rowView(columns, 0)), asOf, runId: run.runId };
}

export interface OverrideInput {
  readonly grade: string;
  readonly reason: string;
  readonly expiresOn?: string | null;
}

async function modelDefinition(db: Db, modelId: number): Promise<Model> {
  const model = await findModel(db, modelId);
  if (!model) throw AppError.notFound();
  const version = await db
    .selectFrom('grading_model_versions')
    .select('definition')
    .where('model_id', '=', modelId)
    .where('version', '=', model.current_version)
    .executeTakeFirstOrThrow();
  return parseModel(version.definition);
}

/** A manager's or admin's grade by hand, with reason and optional expiry; it applies at once and is audited. */
export async function setOverride(
  db: Db,
  actor: Actor,
  customerId: number,
  modelId: number,
  input: OverrideInput,
  now: Date,
) {
  if (actor.role === 'rep') throw AppError.forbidden();
  await requireVisible(db, actor, customerId);
  const definition = await modelDefinition(db, modelId);
  if (!definition.ladder.some((g) => g.code === input.grade))
    throw AppError.invalid('grade', 'invalid_value');
  if (input.expiresOn && input.expiresOn <= businessDay(now))
    throw AppError.invalid('expiresOn', 'too_small');
  const before = await revokeLive(db, actor, customerId, modelId);
  const created = await db
    .insertInto('grade_overrides')
    .values({
      model_id: modelId,
      customer_id: customerId,
      grade_code: input.grade,
      reason: input.reason,
      expires_on: input.expiresOn ?? null,
      created_by: authorId(actor),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'grade_override',
    entityId: created.id,
    action: 'create',
    before,
    after: created,
  });
  await regradeCustomers(db, [customerId], 'override', now);
  return created;
}

async function revokeLive(db: Db, actor: Actor, customerId: number, modelId: number) {
  return db
    .updateTable('grade_overrides')
    .set({ revoked_at: sql<Date>`now()`, revoked_by: authorId(actor) })
    .where('model_id', '=', modelId)
    .where('customer_id', '=', customerId)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function removeOverride(db: Db, actor: Actor, customerId: number, modelId: number, now: Date) {
  if (actor.role === 'rep') throw AppError.forbidden();
  await requireVisible(db, actor, customerId);
  const revoked = await revokeLive(db, actor, customerId, modelId);
  if (!revoked) throw AppError.notFound();
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'grade_override',
    entityId: revoked.id,
    action: 'delete',
    before: revoked,
  });
  await regradeCustomers(db, [customerId], 'override', now);
}
