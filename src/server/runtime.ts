import { serve, type ServerType } from '@hono/node-server';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import type { Config } from '../config.js';
import { openDatabase, type DatabaseHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { LoginThrottle } from '../modules/auth/login-throttle.js';
import { deleteExpiredSessions } from '../modules/auth/session.repository.js';
import { createUser } from '../modules/users/user.provisioning.js';
import { countUsers } from '../modules/users/user.repository.js';
import type { AppDeps } from './app-env.js';
import { createApp } from './app.js';
import { startBackgroundJobs } from './scheduler.js';

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

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const defaultWebRoot = path.join(repositoryRoot, 'web', 'dist');

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(
  runtime: Runtime,
  options: { webRoot?: string } = {},
): Promise<RunningServer> {
  const { config, logger, db } = runtime.deps;
  const webRoot =
    options.webRoot ?? (existsSync(path.join(defaultWebRoot, 'index.html')) ? defaultWebRoot : undefined);
  if (!webRoot) logger.warn('web/dist not built: serving the API only (run `npm run build`)');
  const app = createApp(runtime.deps, { webRoot });
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () =>
      resolve(started),
    );
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const sweep = setInterval(
    () => void deleteExpiredSessions(db, new Date()).catch(() => undefined),
    3600_000,
  );
  sweep.unref();
  const background = await startBackgroundJobs(runtime.deps);
  return {
    url: `http://${config.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweep);
        server.close(() => void background.stop().then(resolve));
      }),
  };
}
