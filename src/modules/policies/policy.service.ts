import { AppError } from '../../server/errors.js';
import { recordAudit, type Db } from '../audit/audit.repository.js';
import { authorId, isManagerOrAdmin, type Actor } from '../auth/actor.js';
import { findModel, findModelVersion } from '../grading/model.repository.js';
import { validateDefinition } from '../grading/model.service.js';
import type { PolicyRuleInput } from './policy.schema.js';
import {
  findPolicy,
  findPolicyForUpdate,
  insertPolicy,
  insertVersion,
  listPolicies,
  listRules,
  listVersions,
  updatePolicy,
} from './policy.repository.js';
import { ruleProblems, toRuleColumns, toRuleView } from './policy.rules.js';

/** Managers plan their teams against the policies, so they read them; only admins change them. */
export function requirePolicyReader(actor: Actor): void {
  if (!isManagerOrAdmin(actor)) throw AppError.forbidden();
}

function requirePolicyEditor(actor: Actor): void {
  if (actor.role !== 'admin') throw AppError.forbidden();
}

type Summary = NonNullable<Awaited<ReturnType<typeof findPolicy>>>;

const summaryView = (row: Summary) => ({
  id: row.id,
  name: { 'zh-CN': row.name_zh, 'en-US': row.name_en },
  modelId: row.model_id,
  modelName: { 'zh-CN': row.model_name_zh, 'en-US': row.model_name_en },
  priority: row.priority,
  active: row.active,
  currentVersion: row.current_version,
  updatedAt: new Date(row.updated_at).toISOString(),
});

async function modelLadder(db: Db, modelId: number) {
  const model = await findModel(db, modelId);
  if (!model) return undefined;
  const version = await findModelVersion(db, modelId, model.current_version);
  return validateDefinition(version?.definition).ladder.map((g) => ({ code: g.code, name: g.name }));
}

async function checkedRules(db: Db, modelId: number, rules: readonly PolicyRuleInput[]) {
  const ladder = await modelLadder(db, modelId);
  if (!ladder) throw AppError.invalid('modelId', 'unknown_reference');
  const problems = ruleProblems(
    ladder.map((g) => g.code),
    rules,
  );
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems);
  return rules.map(toRuleColumns);
}

export async function listPolicyViews(db: Db, actor: Actor) {
  requirePolicyReader(actor);
  return (await listPolicies(db)).map(summaryView);
}

export async function getPolicyView(db: Db, actor: Actor, id: number) {
  requirePolicyReader(actor);
  const row = await findPolicy(db, id);
  if (!row) throw AppError.notFound();
  const versions = await listVersions(db, id);
  return {
    ...summaryView(row),
    rules:
      row.current_version_id === null ? [] : (await listRules(db, row.current_version_id)).map(toRuleView),
    ladder: (await modelLadder(db, row.model_id)) ?? [],
    versions: versions.map((v) => ({
      version: v.version,
      note: v.note,
      createdAt: new Date(v.created_at).toISOString(),
      createdBy: v.created_by_name,
    })),
  };
}

export async function getPolicyVersion(db: Db, actor: Actor, id: number, version: number) {
  requirePolicyReader(actor);
  const found = (await listVersions(db, id)).find((v) => v.version === version);
  if (!found) throw AppError.notFound();
  return {
    version: found.version,
    note: found.note,
    createdAt: new Date(found.created_at).toISOString(),
    createdBy: found.created_by_name,
    rules: (await listRules(db, found.id)).map(toRuleView),
  };
}

export async function createPolicy(
  db: Db,
  actor: Actor,
  input: {
    name: { 'zh-CN': string; 'en-US': string };
    modelId: number;
    priority: number;
    active: boolean;
    rules: PolicyRuleInput[];
    note?: string | null;
  },
) {
  requirePolicyEditor(actor);
  const rules = await checkedRules(db, input.modelId, input.rules);
  const policy = await insertPolicy(db, {
    nameZh: input.name['zh-CN'],
    nameEn: input.name['en-US'],
    modelId: input.modelId,
    priority: input.priority,
    active: input.active,
  });
  await insertVersion(db, policy.id, { rules, note: input.note ?? null, createdBy: actor.id });
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'service_policy',
    entityId: policy.id,
    action: 'create',
    after: { policy, version: 1, rules },
  });
  return getPolicyView(db, actor, policy.id);
}

/** An edit of the rules never changes a past version: it adds the next one, which becomes current. */
export async function addPolicyVersion(
  db: Db,
  actor: Actor,
  id: number,
  input: { rules: PolicyRuleInput[]; note?: string | null },
) {
  requirePolicyEditor(actor);
  const before = await findPolicyForUpdate(db, id);
  if (!before) throw AppError.notFound();
  const rules = await checkedRules(db, before.model_id, input.rules);
  const previous = before.current_version_id === null ? [] : await listRules(db, before.current_version_id);
  const version = await insertVersion(db, id, { rules, note: input.note ?? null, createdBy: actor.id });
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'service_policy',
    entityId: id,
    action: 'update',
    before: { policy: before, rules: previous },
    after: { version, note: input.note ?? null, rules },
  });
  return getPolicyView(db, actor, id);
}

/** Rename, reprioritise, activate or deactivate; the rules stay as they are. */
export async function changePolicy(
  db: Db,
  actor: Actor,
  id: number,
  input: { name?: { 'zh-CN': string; 'en-US': string }; priority?: number; active?: boolean },
) {
  requirePolicyEditor(actor);
  const before = await findPolicyForUpdate(db, id);
  if (!before) throw AppError.notFound();
  const after = await updatePolicy(db, id, {
    ...(input.name ? { name_zh: input.name['zh-CN'], name_en: input.name['en-US'] } : {}),
    ...(input.priority === undefined ? {} : { priority: input.priority }),
    ...(input.active === undefined ? {} : { active: input.active }),
  });
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'service_policy',
    entityId: id,
    action: 'update',
    before,
    after,
  });
  return getPolicyView(db, actor, id);
}
