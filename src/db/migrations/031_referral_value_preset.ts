import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { PRESET_REFERRAL_VALUE } from '../../engine/index.js';
import { stored } from '../../modules/grading/presets.js';

/** The referral-value model ships as data, inactive, like the presets beyond DESIGN.md's four. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const typed = db as unknown as Kysely<Database>;
  const definition = stored(PRESET_REFERRAL_VALUE);
  const { id } = await typed
    .insertInto('grading_models')
    .values({
      key: 'referral-value',
      name_zh: definition.name['zh-CN'],
      name_en: definition.name['en-US'],
      active: false,
      current_version: 1,
      schedule: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await typed
    .insertInto('grading_model_versions')
    .values({ model_id: id, version: 1, definition: JSON.stringify(definition), note: 'preset' })
    .execute();
}
