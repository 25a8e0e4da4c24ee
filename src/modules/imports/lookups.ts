import type { Db } from '../audit/audit.repository.js';
import type { Lookups } from './row-validator.js';

/** Dictionaries and users are small: read once per import so that each row is checked without a query. */
export async function loadLookups(db: Db): Promise<Lookups & { teamOf: ReadonlyMap<number, number | null> }> {
  const entries = await db
    .selectFrom('dictionary_entries')
    .select(['kind', 'code', 'name_zh', 'name_en'])
    .where('active', '=', true)
    .execute();
  const dictionaries = new Map<string, Map<string, string>>();
  for (const entry of entries) {
    const map = dictionaries.get(entry.kind) ?? new Map<string, string>();
    for (const text of [entry.code, entry.name_zh, entry.name_en]) map.set(text.toLowerCase(), entry.code);
    dictionaries.set(entry.kind, map);
  }
  const people = await db
    .selectFrom('users')
    .select(['id', 'login', 'name', 'team_id'])
    .where('active', '=', true)
    .execute();
  const users = new Map<string, { id: number; teamId: number | null }>();
  for (const person of people) {
    users.set(person.name.toLowerCase(), { id: person.id, teamId: person.team_id });
    users.set(person.login.toLowerCase(), { id: person.id, teamId: person.team_id });
  }
  return { dictionaries, users, teamOf: new Map(people.map((p) => [p.id, p.team_id])) };
}
