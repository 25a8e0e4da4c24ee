import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../main.ts', import.meta.url));

/**
 * The CLI as a person runs it, on an embedded database of its own in a temporary directory (whatever database the
 * suite itself uses). `open` makes the directory and migrates it; `close` removes it.
 */
export function embeddedCli(prefix: string) {
  let dir = '';
  const run = (...args: string[]) => {
    const { DATABASE_URL: _server, ...env } = process.env;
    return spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
      env: { ...env, STRATUM_DATA_DIR: path.join(dir, 'data'), STRATUM_ADMIN_PASSWORD: 'cli-test-admin-1' },
      encoding: 'utf8',
    });
  };
  return {
    run,
    /** The directory files for the commands can be written to. */
    dir: () => dir,
    open: () => {
      dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
      return run('db', 'migrate');
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
