import type { Db } from '../audit/audit.repository.js';
import type { DictionaryKind } from './dictionary.builtin.js';

export async function listDictionary(db: Db, kind?: DictionaryKind) {
  let query = db
    .selectFrom('dictionary_entries')
    .select(['kind', 'code', 'name_zh', 'name_en', 'sort', 'builtin', 'active'])
    .orderBy('kind')
    .orderBy('sort')
    .orderBy('code');
  if (kind) query = query.where('kind', '=', kind);
  return query.execute();
}

export async function dictionaryCodeExists(db: Db, kind: DictionaryKind, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('dictionary_entries')
    .select('code')
    .where('kind', '=', kind)
    .where('code', '=', code)
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

export async function upsertDictionaryEntry(
  db: Db,
  entry: {
    kind: DictionaryKind;
    code: string;
    nameZh: string;
    nameEn: string;
    sort: number;
    active: boolean;
  },
) {
  return db
    .insertInto('dictionary_entries')
    .values({
      kind: entry.kind,
      code: entry.code,
      name_zh: entry.nameZh,
      name_en: entry.nameEn,
      sort: entry.sort,
      active: entry.active,
    })
    .onConflict((oc) =>
      oc.columns(['kind', 'code']).doUpdateSet({
        name_zh: entry.nameZh,
        name_en: entry.nameEn,
        sort: entry.sort,
        active: entry.active,
      }),
    )
    .returning(['kind', 'code', 'name_zh', 'name_en', 'sort', 'builtin', 'active'])
    .executeTakeFirstOrThrow();
}
