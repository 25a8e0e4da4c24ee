/**
 * Test helper process: starts a grading run and stops just before its commit, announcing it on stdout, so that the
 * parent can kill it (SIGKILL) with everything written but nothing committed.
 */
import { openDatabase } from '../../../db/connect.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { executeRun } from '../run.service.js';

const [modelId, asOf, dataDir] = process.argv.slice(2);
const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: dataDir ?? '' });
await migrateToLatest(handle.db);
await executeRun(handle.db, {
  modelId: Number(modelId),
  asOf: asOf!,
  trigger: 'cli',
  startedBy: null,
  onStage: async (stage) => {
    if (stage !== 'commit') return;
    process.stdout.write('ready-to-commit\n');
    await new Promise(() => undefined);
  },
});
