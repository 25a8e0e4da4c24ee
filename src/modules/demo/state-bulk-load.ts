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
      await session.query('SELECT stratum_refresh_queued_state()');
    },
  };
}
