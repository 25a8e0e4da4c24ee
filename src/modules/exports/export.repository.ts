import { modelsWithCurrentVersion } from '../grading/model.repository.js';
import type { Db } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { visibleCustomerIds } from '../shared/scope.js';

export interface ModelColumns {
  readonly id: number;
  readonly name: { readonly 'zh-CN': string; readonly 'en-US': string };
}

export function activeModels(db: Db): Promise<ModelColumns[]> {
  return db
    .selectFrom('grading_models')
    .select(['id', 'name_zh', 'name_en'])
    .where('active', '=', true)
    .orderBy('id')
    .execute()
    .then((rows) => rows.map((r) => ({ id: r.id, name: { 'zh-CN': r.name_zh, 'en-US': r.name_en } })));
}

/** Current grades of a batch of customers (already scoped by the caller's list query) in the given models. */
export function currentGrades(db: Db, customerIds: readonly number[], modelIds: readonly number[]) {
  if (customerIds.length === 0 || modelIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('customer_grades')
    .select(['customer_id', 'model_id', 'grade_code', 'score'])
    .where('customer_id', 'in', customerIds)
    .where('model_id', 'in', modelIds)
    .execute();
}

export function findRunWithDefinition(db: Db, runId: number) {
  return db
    .selectFrom('grading_runs as r')
    .innerJoin('grading_model_versions as v', (join) =>
      join.onRef('v.model_id', '=', 'r.model_id').onRef('v.version', '=', 'r.version'),
    )
    .innerJoin('grading_models as m', 'm.id', 'r.model_id')
    .select(['r.id', 'r.as_of', 'r.model_id', 'm.name_zh', 'm.name_en', 'v.definition'])
    .where('r.id', '=', runId)
    .executeTakeFirst();
}

export interface HistoryFilter {
  readonly modelId?: number;
  readonly customerId?: number;
}

/** One keyset page of grade changes among visible customers, oldest first. */
export function gradeChangesPage(
  db: Db,
  actor: Actor,
  filter: HistoryFilter,
  afterId: number,
  limit: number,
) {
  let query = db
    .selectFrom('grade_changes as g')
    .innerJoin('customers as c', 'c.id', 'g.customer_id')
    .innerJoin('grading_models as m', 'm.id', 'g.model_id')
    .select([
      'g.id',
      'g.at',
      'g.model_id',
      'm.name_zh',
      'm.name_en',
      'c.code',
      'c.name',
      'g.from_grade',
      'g.to_grade',
      'g.score',
      'g.cause',
      'g.run_id',
    ])
    .where('g.customer_id', 'in', visibleCustomerIds(db, actor))
    .where('g.id', '>', afterId)
    .orderBy('g.id')
    .limit(limit);
  if (filter.modelId !== undefined) query = query.where('g.model_id', '=', filter.modelId);
  if (filter.customerId !== undefined) query = query.where('g.customer_id', '=', filter.customerId);
  return query.execute();
}

/** Grade codes of each model version's ladder, for turning stored grade indexes into the names users know. */
export function modelLadders(db: Db, modelIds: readonly number[]) {
  if (modelIds.length === 0) return Promise.resolve([]);
  return modelsWithCurrentVersion(db)
    .select(['m.id', 'v.definition'])
    .where('m.id', 'in', modelIds)
    .execute();
}
