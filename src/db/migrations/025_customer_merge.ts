import { sql, type Kysely } from 'kysely';

/**
 * A customer merged into another stays as a deleted row that names its survivor, so its code keeps working: an ERP
 * that still exports orders, payments or follow-ups under the old code is imported into the survivor. Chains are
 * flattened when they form (merging B, into which A was merged, into C repoints A to C), so the view needs one step.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE customers ADD COLUMN merged_into_id integer REFERENCES customers(id)`.execute(db);
  await sql`CREATE INDEX customers_merged_into_idx ON customers (merged_into_id) WHERE merged_into_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE VIEW customer_code_targets AS
      SELECT code, id AS customer_id FROM customers WHERE deleted_at IS NULL
      UNION ALL
      SELECT merged.code, survivor.id FROM customers merged
        JOIN customers survivor ON survivor.id = merged.merged_into_id AND survivor.deleted_at IS NULL`.execute(
    db,
  );
}
