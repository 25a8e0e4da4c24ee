import pino, { type Logger } from 'pino';
import type { Config } from '../config.js';
import { openDatabase, type DatabaseHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { LoginThrottle } from '../modules/auth/login-throttle.js';
import { createUser } from '../modules/users/user.provisioning.js';
import { countUsers } from '../modules/users/user.repository.js';
import type { AppDeps } from './app-env.js';

export interface Runtime {
  readonly deps: AppDeps;
  readonly database: DatabaseHandle;
  close(): Promise<void>;
}

export async function openRuntime(
  config: Config,
  logger: Logger = pino({ level: config.logLevel }),
): Promise<Runtime> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    pgliteSharedBuffers: config.pgliteSharedBuffers,
  });
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const deps: AppDeps = {
    config,
    database,
    db: database.db,
    logger,
    throttle: new LoginThrottle(config.loginMaxAttempts, config.loginWindowMinutes * 60_000),
    now: () => new Date(),
  };
  return { deps, database, close: () => database.close() };
}

/** On an empty installation, STRATUM_ADMIN_PASSWORD creates the first admin (login `admin`). */
export async function ensureFirstAdmin(runtime: Runtime): Promise<'created' | 'exists' | 'missing'> {
  const { db, config } = runtime.deps;
  if ((await countUsers(db)) > 0) return 'exists';
  if (!config.adminPassword) return 'missing';
  await db.transaction().execute((trx) =>
    createUser(trx, null, {
      login: 'admin',
      name: 'Administrator',
      role: 'admin',
      password: config.adminPassword!,
    }),
  );
  return 'created';
}
