import type { Db } from '../audit/audit.repository.js';
import type { ImportTables } from '../../db/database.js';
import { builtinTemplates, type ImportTemplate } from './builtin-templates.js';
import type { ImportEntity } from './fields.js';
import type { Mapping } from './mapping.js';

export interface SavedTemplate extends ImportTemplate {
  /** null: shipped with Stratum (read-only). */
  readonly id: number | null;
}

const tables = (db: Db) => db.withTables<ImportTables>();

/** Built-in templates first, then the ones users saved; a saved name never shadows a built-in one. */
export async function listTemplates(db: Db): Promise<SavedTemplate[]> {
  const saved = await tables(db).selectFrom('import_templates').selectAll().orderBy('name').execute();
  return [
    ...builtinTemplates.map((template) => ({ ...template, id: null })),
    ...saved.map((row) => ({
      id: row.id,
      name: row.name,
      entity: row.entity as ImportEntity,
      mapping: row.mapping as Mapping,
      options: row.options as ImportTemplate['options'],
    })),
  ];
}

export async function findTemplate(db: Db, name: string): Promise<SavedTemplate | undefined> {
  return (await listTemplates(db)).find((template) => template.name === name);
}

export const isBuiltinName = (name: string) => builtinTemplates.some((template) => template.name === name);

/** Saves under a name, replacing that name's mapping if it exists (re-saving a template edits it). */
export async function saveTemplate(db: Db, template: ImportTemplate, userId: number): Promise<number> {
  const row = await tables(db)
    .insertInto('import_templates')
    .values({
      name: template.name,
      entity: template.entity,
      mapping: JSON.stringify(template.mapping),
      options: JSON.stringify(template.options),
      created_by: userId,
    })
    .onConflict((conflict) =>
      conflict.column('name').doUpdateSet((eb) => ({
        entity: eb.ref('excluded.entity'),
        mapping: eb.ref('excluded.mapping'),
        options: eb.ref('excluded.options'),
        updated_at: new Date(),
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteTemplate(db: Db, id: number): Promise<boolean> {
  const result = await tables(db).deleteFrom('import_templates').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
