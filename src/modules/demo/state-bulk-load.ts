import { BULK_LOAD_SETTING } from '../../db/state-sql.js';
import type { BulkSession } from './bulk-writer.js';

/**
 * Puts the transaction in the state's bulk-load mode (src/db/state-sql.ts): the insert triggers skip their deltas,
 * and `refresh` recomputes the state of the customers with ids above `idBase` in one pass before commit.
 */
export async function enterStateBulkLoad(
  session: BulkSession,
): Promise<{ refresh(idBase: number): Promise<void> }> {
  await session.query(`SELECT set_config('${BULK_LOAD_SETTING}', 'on', true)`);
  return {
    refresh: async (idBase) => {
      await session.query('INSERT INTO state_refresh_queue SELECT id FROM customers WHERE id > $1', [idBase]);
      // Streaming group-aggregates over the customer indexes: hashing a million (customer, month) groups of numeric
      // sums needs gigabytes and spills to disk (measured: 1 GB of hash state for 20k customers).
      await session.query(`SELECT set_config('enable_hashagg', 'off', true)`);
      await session.query('SELECT stratum_refresh_queued_state()');
    },
  };
}
