import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { installPreset, referralValuePreset } from '../../modules/grading/presets.js';

/** The referral-value model ships as data, inactive, like the presets beyond DESIGN.md's four. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await installPreset(db as unknown as Kysely<Database>, referralValuePreset());
}
