import { serve, type ServerType } from '@hono/node-server';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deleteExpiredSessions } from '../modules/auth/session.repository.js';
import { createApp } from './app.js';
import type { Runtime } from './runtime.js';
import { startBackgroundJobs } from './scheduler.js';

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
