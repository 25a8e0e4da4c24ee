import type { Db } from '../audit/audit.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { authorId, type Actor } from '../auth/actor.js';
import { requireAdmin } from '../users/user.service.js';
import type { DictionaryKind } from './dictionary.builtin.js';
import { listDictionary, upsertDictionaryEntry } from './dictionary.repository.js';
import type { DictionaryEntryView, DictionaryPutInput } from './dictionary.schema.js';

type EntryRow = Awaited<ReturnType<typeof listDictionary>>[number];

const toView = (row: EntryRow): DictionaryEntryView => ({
  kind: row.kind as DictionaryKind,
  code: row.code,
  nameZh: row.name_zh,
  nameEn: row.name_en,
  sort: row.sort,
  builtin: row.builtin,
  active: row.active,
});

export async function listDictionaryEntries(db: Db) {
  return { items: (await listDictionary(db)).map(toView) };
}

/**
 * Adds or renames an entry. Entries are deactivated, never deleted: records keep the codes they were saved with,
 * and a deactivated code is refused on new input only.
 */
export async function putDictionaryEntry(
  db: Db,
  actor: Actor,
  key: { kind: DictionaryKind; code: string },
  input: DictionaryPutInput,
): Promise<DictionaryEntryView> {
  requireAdmin(actor);
  const before = (await listDictionary(db, key.kind)).find((row) => row.code === key.code);
  const after = await upsertDictionaryEntry(db, {
    ...key,
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    sort: input.sort ?? before?.sort ?? 1000,
    active: input.active ?? before?.active ?? true,
  });
  await recordAudit(db, {
    actorId: authorId(actor),
    entity: 'dictionary',
    entityId: `${key.kind}/${key.code}`,
    action: before ? 'update' : 'create',
    before: before ?? null,
    after,
  });
  return toView(after);
}
