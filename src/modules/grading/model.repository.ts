import type { Db } from '../audit/audit.repository.js';

/** Models (`m`) joined to their current version (`v`): where every module reads a model's live definition. */
export function modelsWithCurrentVersion(db: Db) {
  return db
    .selectFrom('grading_models as m')
    .innerJoin('grading_model_versions as v', (join) =>
      join.onRef('v.model_id', '=', 'm.id').onRef('v.version', '=', 'm.current_version'),
    );
}

/** Every model with its current version's definition, in one statement (the model list is read on every page). */
export function listModels(db: Db) {
  return modelsWithCurrentVersion(db)
    .selectAll('m')
    .select('v.definition')
    .orderBy('m.active', 'desc')
    .orderBy('m.id')
    .execute();
}

/** The newest run of each model (of the given one only, with `modelId`), by model id. */
export async function latestRunIds(db: Db, modelId?: number): Promise<Map<number, number>> {
  let query = db
    .selectFrom('grading_runs')
    .select(['model_id', (eb) => eb.fn.max('id').as('run_id')])
    .groupBy('model_id');
  if (modelId !== undefined) query = query.where('model_id', '=', modelId);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.model_id, Number(row.run_id)]));
}

export function findModel(db: Db, id: number) {
  return db.selectFrom('grading_models').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findModelByKey(db: Db, key: string) {
  return db.selectFrom('grading_models').selectAll().where('key', '=', key).executeTakeFirst();
}

export function findModelVersion(db: Db, modelId: number, version: number) {
  return db
    .selectFrom('grading_model_versions')
    .selectAll()
    .where('model_id', '=', modelId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function listModelVersions(db: Db, modelId: number) {
  return db
    .selectFrom('grading_model_versions')
    .leftJoin('users', 'users.id', 'grading_model_versions.created_by')
    .select([
      'grading_model_versions.version',
      'grading_model_versions.note',
      'grading_model_versions.created_at',
      'grading_model_versions.created_by',
      'users.name as created_by_name',
    ])
    .where('model_id', '=', modelId)
    .orderBy('version', 'desc')
    .execute();
}

export function insertModel(
  db: Db,
  values: { key: string; nameZh: string; nameEn: string; active: boolean; schedule: string | null },
) {
  return db
    .insertInto('grading_models')
    .values({
      key: values.key,
      name_zh: values.nameZh,
      name_en: values.nameEn,
      active: values.active,
      schedule: values.schedule,
      current_version: 1,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertModelVersion(
  db: Db,
  values: {
    modelId: number;
    version: number;
    definition: unknown;
    note: string | null;
    createdBy: number | null;
  },
) {
  await db
    .insertInto('grading_model_versions')
    .values({
      model_id: values.modelId,
      version: values.version,
      definition: JSON.stringify(values.definition),
      note: values.note,
      created_by: values.createdBy,
    })
    .execute();
}

export function updateModel(
  db: Db,
  id: number,
  values: Partial<{
    name_zh: string;
    name_en: string;
    active: boolean;
    current_version: number;
    schedule: string | null;
  }>,
) {
  return db
    .updateTable('grading_models')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
