import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { presetModels } from '../../modules/grading/presets.js';

/** The source material's models ship as data: version 1 of each, the four of DESIGN.md active. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const typed = db as unknown as Kysely<Database>;
  for (const preset of presetModels()) {
    const { id } = await typed
      .insertInto('grading_models')
      .values({
        key: preset.key,
        name_zh: preset.definition.name['zh-CN'],
        name_en: preset.definition.name['en-US'],
        active: preset.active,
        current_version: 1,
        schedule: preset.active ? '0 2 1 * *' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await typed
      .insertInto('grading_model_versions')
      .values({ model_id: id, version: 1, definition: JSON.stringify(preset.definition), note: 'preset' })
      .execute();
  }
}
