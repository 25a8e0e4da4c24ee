import { modelSchema, type Model } from '../../engine/index.js';
import { AppError } from '../../server/errors.js';
import { problemsOf } from '../../server/validation.js';
import type { Db } from '../audit/audit.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { authorId, type Actor } from '../auth/actor.js';
import {
  findModel,
  findModelByKey,
  findModelVersion,
  insertModel,
  insertModelVersion,
  latestRunIds,
  listModels,
  listModelVersions,
  updateModel,
} from './model.repository.js';

export function requireModelEditor(actor: Actor): void {
  if (actor.role === 'rep') throw AppError.forbidden();
}

/** A model definition is the engine's schema; its errors name the field under `definition`. */
export function validateDefinition(definition: unknown): Model {
  const parsed = modelSchema.safeParse(definition);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      problemsOf(parsed.error).map((p) => ({
        ...p,
        path: p.path === '(body)' ? 'definition' : `definition.${p.path}`,
      })),
    );
  }
  const { id: _id, version: _version, ...stored } = parsed.data;
  return stored as Model;
}

const view = (
  model: NonNullable<Awaited<ReturnType<typeof findModel>>>,
  definition: Model,
  latestRuns: ReadonlyMap<number, number>,
) => ({
  id: model.id,
  key: model.key,
  name: { 'zh-CN': model.name_zh, 'en-US': model.name_en },
  active: model.active,
  currentVersion: model.current_version,
  schedule: model.schedule,
  scheduleTimezone: model.schedule_timezone,
  method: definition.method.kind,
  ladder: definition.ladder,
  definition,
  /** Lets a page ask for the newest run's figures without listing the runs first. */
  latestRunId: latestRuns.get(model.id) ?? null,
  updatedAt: new Date(model.updated_at).toISOString(),
});

export async function listModelViews(db: Db) {
  const [models, latestRuns] = [await listModels(db), await latestRunIds(db)];
  return models.map(({ definition, ...model }) => view(model, validateDefinition(definition), latestRuns));
}

export async function getModelView(db: Db, id: number) {
  const model = await findModel(db, id);
  if (!model) throw AppError.notFound();
  const version = await findModelVersion(db, id, model.current_version);
  const versions = await listModelVersions(db, id);
  return {
    ...view(model, validateDefinition(version?.definition), await latestRunIds(db, id)),
    versions: versions.map((v) => ({
      version: v.version,
      note: v.note,
      createdAt: new Date(v.created_at).toISOString(),
      createdBy: v.created_by_name,
    })),
  };
}

export async function createModel(
  db: Db,
  actor: Actor,
  input: { key: string; definition: unknown; active?: boolean; schedule?: string | null },
) {
  requireModelEditor(actor);
  const definition = validateDefinition(input.definition);
  if (await findModelByKey(db, input.key)) throw AppError.duplicate('key');
  const model = await insertModel(db, {
    key: input.key,
    nameZh: definition.name['zh-CN'],
    nameEn: definition.name['en-US'],
    active: input.active ?? true,
    schedule: input.schedule ?? null,
  });
  await insertModelVersion(db, {
    modelId: model.id,
    version: 1,
    definition,
    note: null,
    createdBy: authorId(actor),
  });
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'grading_model',
    entityId: model.id,
    action: 'create',
    after: { model, definition },
  });
  return getModelView(db, model.id);
}

/** Editing a model never changes a past version: it adds one, which becomes current. */
export async function addModelVersion(
  db: Db,
  actor: Actor,
  id: number,
  input: { definition: unknown; note?: string | null },
) {
  requireModelEditor(actor);
  const model = await findModel(db, id);
  if (!model) throw AppError.notFound();
  const definition = validateDefinition(input.definition);
  const next = ((await listModelVersions(db, id))[0]?.version ?? 0) + 1;
  await insertModelVersion(db, {
    modelId: id,
    version: next,
    definition,
    note: input.note ?? null,
    createdBy: authorId(actor),
  });
  const after = await updateModel(db, id, {
    current_version: next,
    name_zh: definition.name['zh-CN'],
    name_en: definition.name['en-US'],
  });
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'grading_model',
    entityId: id,
    action: 'update',
    before: model,
    after: { ...after, definition },
  });
  return getModelView(db, id);
}

export async function changeModel(
  db: Db,
  actor: Actor,
  id: number,
  input: { active?: boolean; schedule?: string | null; currentVersion?: number },
) {
  requireModelEditor(actor);
  const model = await findModel(db, id);
  if (!model) throw AppError.notFound();
  if (input.currentVersion !== undefined && !(await findModelVersion(db, id, input.currentVersion))) {
    throw AppError.invalid('currentVersion', 'unknown_reference');
  }
  const after = await updateModel(db, id, {
    ...(input.active === undefined ? {} : { active: input.active }),
    ...(input.schedule === undefined ? {} : { schedule: input.schedule }),
    ...(input.currentVersion === undefined ? {} : { current_version: input.currentVersion }),
  });
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'grading_model',
    entityId: id,
    action: 'update',
    before: model,
    after,
  });
  return getModelView(db, id);
}
