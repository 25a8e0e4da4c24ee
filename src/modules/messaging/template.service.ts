import { AppError, type FieldProblem } from '../../server/errors.js';
import type { Db } from '../audit/audit.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { authorId, isManagerOrAdmin, type Actor } from '../auth/actor.js';
import { businessDay } from '../grading/instant.service.js';
import { sampleValues } from './merge-values.js';
import {
  deleteTemplate,
  findTemplateRow,
  insertTemplate,
  listTemplateRows,
  templateInUse,
  updateTemplate,
  type TemplateRow,
} from './messaging.repository.js';
import type {
  TemplateCreateInput,
  TemplateListFilter,
  TemplatePreviewInput,
  TemplateUpdateInput,
  TemplateView,
} from './messaging.schema.js';
import { mergeFields, renderMessage, unknownMergeFields } from './render.js';

export const toTemplateView = (row: TemplateRow): TemplateView => ({
  id: row.id,
  purpose: row.purpose,
  locale: row.locale,
  name: row.name,
  subject: row.subject,
  body: row.body,
  builtin: row.builtin,
  active: row.active,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** Templates are shared by the whole sales organisation: managers and admins write them, everyone reads. */
function requireWriter(actor: Actor): void {
  if (!isManagerOrAdmin(actor)) throw AppError.forbidden();
}

/** An unknown placeholder is refused at save time, naming it: `body.{{contact.nmae}}`. */
function checkMergeFields(texts: { readonly subject?: string; readonly body?: string }): void {
  const problems: FieldProblem[] = (['subject', 'body'] as const).flatMap((field) =>
    unknownMergeFields(texts[field] ?? '').map((name) => ({
      path: `${field}.{{${name}}}`,
      reason: 'unknown_merge_field' as const,
    })),
  );
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
}

export async function listTemplates(db: Db, filter: TemplateListFilter) {
  return { items: (await listTemplateRows(db, filter)).map(toTemplateView), mergeFields: [...mergeFields] };
}

export async function getTemplate(db: Db, id: number): Promise<TemplateView> {
  const row = await findTemplateRow(db, id);
  if (!row) throw AppError.notFound();
  return toTemplateView(row);
}

const audit = (db: Db, actor: Actor, id: number, action: string, before: unknown, after: unknown) =>
  recordAudit(db, {
    actorId: authorId(actor),
    entity: 'message_template',
    entityId: id,
    action,
    before,
    after,
  });

export async function createTemplate(
  db: Db,
  actor: Actor,
  input: TemplateCreateInput,
): Promise<TemplateView> {
  requireWriter(actor);
  checkMergeFields(input);
  const row = await insertTemplate(db, { ...input, created_by: authorId(actor) });
  await audit(db, actor, row.id, 'create', null, row);
  return toTemplateView(row);
}

export async function updateTemplateById(
  db: Db,
  actor: Actor,
  id: number,
  input: TemplateUpdateInput,
): Promise<TemplateView> {
  requireWriter(actor);
  const before = await findTemplateRow(db, id, { forUpdate: true });
  if (!before) throw AppError.notFound();
  checkMergeFields(input);
  const row = await updateTemplate(db, id, input);
  await audit(db, actor, id, 'update', before, row);
  return toTemplateView(row);
}

/** A template that batches were rendered from stays, as their record; deactivate it instead. */
export async function deleteTemplateById(db: Db, actor: Actor, id: number): Promise<void> {
  requireWriter(actor);
  const before = await findTemplateRow(db, id, { forUpdate: true });
  if (!before) throw AppError.notFound();
  if (await templateInUse(db, id)) throw new AppError('CONFLICT', [{ path: 'id', reason: 'in_use' }]);
  await deleteTemplate(db, id);
  await audit(db, actor, id, 'delete', before, null);
}

/** The editor's live preview: sample values, and the unknown fields listed instead of refused. */
export function previewTemplate(input: TemplatePreviewInput, now: Date) {
  const locale = input.locale ?? 'zh-CN';
  const rendered = renderMessage(input, sampleValues(locale, input.holiday, businessDay(now)), {
    html: true,
  });
  return {
    ...rendered,
    warnings: [...rendered.warnings],
    unknownFields: [...new Set([...unknownMergeFields(input.subject), ...unknownMergeFields(input.body)])],
  };
}
