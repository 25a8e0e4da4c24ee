import { systemActor } from '../../auth/actor.js';
/**
 * Test helper process: imports a file and stops just before the COMMIT, with every row staged and merged, announcing
 * it on stdout so that the parent can kill it (SIGKILL) with everything written but nothing committed.
 */
import { openDatabase } from '../../../db/connect.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { runImport } from '../pipeline.js';

const [file, dataDir] = process.argv.slice(2);
const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: dataDir ?? '' });
await migrateToLatest(handle.db);
await runImport(
  handle,
  systemActor,
  { entity: 'orders', files: [{ path: file ?? '' }], createCustomers: true },
  {
    onPhase: async (phase) => {
      if (phase !== 'committing') return;
      process.stdout.write('ready-to-commit\n');
      await new Promise(() => undefined);
    },
  },
);
