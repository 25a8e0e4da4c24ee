import type { Command } from 'commander';
import { loadConfig, type Config } from '../../config.js';
import { ensureFirstAdmin, openRuntime } from '../../server/runtime.js';
import { startServer } from '../../server/listen.js';
import { positiveIntegerOption } from '../options.js';
import { loadDemoIfEmpty, printLogins } from './demo.js';

interface ServeOptions {
  port?: number;
  host?: string;
  demo?: boolean;
}

export function registerServeCommand(program: Command, config: () => Config): void {
  program
    .command('serve')
    .description('start the web server and API / 启动服务')
    .option('--port <port>', 'port (default PORT or 3000)', positiveIntegerOption)
    .option('--host <host>', 'address to listen on (default HOST or 127.0.0.1)')
    .option('--demo', 'on an empty database, first load the demo company and print its logins')
    .action(async (options: ServeOptions) => {
      const base = config();
      const effective = loadConfig({
        ...process.env,
        ...(options.port ? { PORT: String(options.port) } : {}),
        ...(options.host ? { HOST: options.host } : { HOST: base.host }),
      });
      const runtime = await openRuntime(effective);
      const demo = options.demo ? await loadDemoIfEmpty(runtime) : undefined;
      const admin = await ensureFirstAdmin(runtime);
      const server = await startServer(runtime);
      console.log(`Stratum is running at ${server.url}  (database: ${runtime.database.kind})`);
      if (demo) printLogins(demo);
      if (admin === 'missing') {
        console.log(
          'No users yet: set STRATUM_ADMIN_PASSWORD and restart, or run `stratum user add --role admin --login admin`.',
        );
      }
      const stop = async () => {
        await server.close();
        await runtime.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
