import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openPglite } from './connect.js';
import { DataDirInUseError, lockDataDir, lockPathOf } from './data-dir-lock.js';
import { describeEmbedded } from '../testing/embedded-only.js';

let root: string;
let dataDir: string;

describeEmbedded('the embedded data directory', () => {
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'stratum-lock-'));
    dataDir = path.join(root, 'pglite');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function writeLock(owner: object): void {
    writeFileSync(lockPathOf(dataDir), JSON.stringify(owner));
  }

  function refusal(open: () => unknown): DataDirInUseError {
    try {
      open();
    } catch (error) {
      if (error instanceof DataDirInUseError) return error;
      throw error;
    }
    throw new Error('the data directory was not refused');
  }

  /** The pid of a process that has exited: the kernel does not hand it out again within a test. */
  function exitedPid(): number {
    return spawnSync(process.execPath, ['-e', '0']).pid!;
  }

  describe('the data directory lock', () => {
    it('refuses a second hold in the same process and gives the directory back on release', () => {
      const release = lockDataDir(dataDir);
      expect(refusal(() => lockDataDir(dataDir)).owner.pid).toBe(process.pid);
      release();
      expect(existsSync(lockPathOf(dataDir))).toBe(false);
      lockDataDir(dataDir)();
    });

    it('takes over a lock left by a process that no longer runs (killed, or the machine restarted)', () => {
      writeLock({ pid: exitedPid(), host: os.hostname() });
      const release = lockDataDir(dataDir);
      release();
    });

    it('takes over a lock whose pid now belongs to another process (the owner’s start time differs)', () => {
      writeLock({ pid: process.ppid, host: os.hostname(), started: '1' });
      lockDataDir(dataDir)();
    });

    it('respects a lock held from another machine, whose processes it cannot see', () => {
      writeLock({ pid: exitedPid(), host: `not-${os.hostname()}` });
      expect(refusal(() => lockDataDir(dataDir)).owner.host).toBe(`not-${os.hostname()}`);
    });

    it('takes over a lock file with no readable owner', () => {
      writeFileSync(lockPathOf(dataDir), '{"pi');
      lockDataDir(dataDir)();
    });

    it('names the directory, the owner and the way out in Chinese and English', () => {
      writeLock({ pid: 4242, host: `not-${os.hostname()}` });
      const { message } = refusal(() => lockDataDir(dataDir));
      expect(message).toContain(dataDir);
      expect(message).toContain('4242');
      expect(message).toContain('正被进程');
      expect(message).toContain('is in use by process');
      expect(message).toContain(lockPathOf(dataDir));
    });
  });

  describe('an embedded database held by another process', () => {
    const holderScript = fileURLToPath(new URL('./testing/hold-data-dir.ts', import.meta.url));
    const cliScript = fileURLToPath(new URL('../cli/main.ts', import.meta.url));

    async function startHolder(): Promise<ChildProcessWithoutNullStreams> {
      const holder = spawn(process.execPath, ['--import', 'tsx', holderScript, dataDir]);
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('holding')) resolve();
        });
        holder.once('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
      });
      return holder;
    }

    const exited = (child: ChildProcessWithoutNullStreams) =>
      new Promise((resolve) =>
        child.exitCode === null ? child.once('exit', resolve) : resolve(child.exitCode),
      );

    it('is refused to this process and to the CLI while the owner runs, and opens once it has stopped', async () => {
      const holder = await startHolder();
      try {
        const error = await openPglite(dataDir).then(
          () => undefined,
          (reason: unknown) => reason,
        );
        expect(error).toBeInstanceOf(DataDirInUseError);
        expect((error as DataDirInUseError).owner.pid).toBe(holder.pid);

        const { DATABASE_URL: _server, ...env } = process.env;
        const cli = spawnSync(process.execPath, ['--import', 'tsx', cliScript, 'db', 'migrate'], {
          env: { ...env, STRATUM_DATA_DIR: root },
          encoding: 'utf8',
        });
        expect(cli.status).toBe(5);
        expect(cli.stderr).toContain(`正被进程 ${holder.pid}`);
        expect(cli.stderr).toContain(`in use by process ${holder.pid}`);
      } finally {
        holder.stdin.end();
        await exited(holder);
      }
      expect(existsSync(lockPathOf(dataDir))).toBe(false);
      const reopened = await openPglite(dataDir);
      await reopened.close();
    }, 60_000);

    it('opens after its owner was killed (SIGKILL), with the data the owner wrote', async () => {
      const first = await openPglite(dataDir);
      await sql`CREATE TABLE kept (n int)`.execute(first.db);
      await sql`INSERT INTO kept VALUES (7)`.execute(first.db);
      await first.close();
      const holder = await startHolder();
      holder.kill('SIGKILL');
      await exited(holder);
      expect(existsSync(lockPathOf(dataDir))).toBe(true);
      const reopened = await openPglite(dataDir);
      try {
        const { rows } = await sql<{ n: number }>`SELECT n FROM kept`.execute(reopened.db);
        expect(rows).toEqual([{ n: 7 }]);
      } finally {
        await reopened.close();
      }
    }, 60_000);
  });
});
