import type { BulkSession } from './bulk-writer.js';

/**
 * What a bulk load into an empty database leaves until the end, the way pg_restore does: foreign keys and secondary
 * indexes are dropped inside the load's transaction and re-created from their own catalogue definitions before it
 * commits. Re-adding a foreign key checks every row in one set-based join, and building an index sorts once instead
 * of descending the tree per row, so the rows are checked exactly as strictly, only in bulk. Dropping takes ACCESS
 * EXCLUSIVE locks on the loaded tables (and the tables their keys reference) until commit, so no other session ever
 * sees them without their constraints; that is why only a load into an empty database uses it. Primary keys and
 * unique constraints stay: other keys point at them, and ids must be unique while rows are written.
 */
export interface DeferredChecks {
  /** Re-creates what was dropped; a violation fails here and rolls the whole load back. */
  restore(): Promise<void>;
}

interface ForeignKey {
  readonly table: string;
  readonly name: string;
  readonly definition: string;
}

interface SecondaryIndex {
  readonly name: string;
  readonly definition: string;
}

export async function deferForeignKeysAndIndexes(
  session: BulkSession,
  tables: readonly string[],
): Promise<DeferredChecks> {
  const foreignKeys = await session.query<ForeignKey>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[])
      ORDER BY c.conrelid::regclass::text, c.conname`,
    [tables],
  );
  const indexes = await session.query<SecondaryIndex>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1`,
    [tables],
  );
  for (const key of foreignKeys) await session.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
  for (const index of indexes) await session.query(`DROP INDEX ${index.name}`);
  return {
    restore: async () => {
      for (const index of indexes) await session.query(index.definition);
      for (const key of foreignKeys) {
        await session.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`);
      }
    },
  };
}
