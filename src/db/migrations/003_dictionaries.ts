import { sql, type Kysely } from 'kysely';
import { builtinDictionary } from '../../modules/dictionaries/dictionary.builtin.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const entry of builtinDictionary) {
    await sql`INSERT INTO dictionary_entries (kind, code, name_zh, name_en, sort, builtin)
              VALUES (${entry.kind}, ${entry.code}, ${entry.nameZh}, ${entry.nameEn}, ${entry.sort}, true)`.execute(
      db,
    );
  }
}
