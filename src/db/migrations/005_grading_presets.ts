import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { installPreset, presetModels } from '../../modules/grading/presets.js';

/** The source material's models ship as data: version 1 of each, the four of DESIGN.md active. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const preset of presetModels()) await installPreset(db as unknown as Kysely<Database>, preset);
}
