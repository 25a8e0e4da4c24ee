import { sql, type Kysely } from 'kysely';

/**
 * The keys the duplicates report compares customers by, kept in the row: the company name once normalised (the
 * import's `stratum_company_key`) and the phone number's digits in domestic form ("+86 25 4866 2723" is
 * "025-48662723", "+86 138-0000-1111" is "13800001111"; fewer than seven digits is no number). Computing both for
 * every customer on each request took 3.4–3.6 s at 100,000 customers on PostgreSQL (docs/performance.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE FUNCTION stratum_phone_key(phone text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN length(key) >= 7 THEN key END FROM (
        SELECT CASE WHEN digits ~ '^(00)?86[0-9]{9,}$'
                    THEN regexp_replace(regexp_replace(digits, '^(00)?86', ''), '^([2-9])', '0\\1')
                    ELSE digits END AS key
          FROM (SELECT regexp_replace(phone, '\\D', '', 'g') AS digits) d) k
    $$`.execute(db);
  await sql`ALTER TABLE customers
      ADD COLUMN company_key text GENERATED ALWAYS AS (stratum_company_key(name)) STORED,
      ADD COLUMN phone_key text GENERATED ALWAYS AS (stratum_phone_key(phone)) STORED`.execute(db);
  await sql`DROP INDEX customers_company_key_idx`.execute(db);
  await sql`CREATE INDEX customers_company_key_idx ON customers (company_key) WHERE deleted_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX customers_phone_key_idx ON customers (phone_key)
      WHERE deleted_at IS NULL AND phone_key IS NOT NULL`.execute(db);
}
