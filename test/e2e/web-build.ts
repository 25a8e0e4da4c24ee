import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The web build the browser tests are served. STRATUM_E2E_WEB_ROOT points a run at a build of its own (taken as it
 * is), so that it is not broken half way by someone else rebuilding web/dist in the same working tree.
 */
export const WEB_ROOT = process.env.STRATUM_E2E_WEB_ROOT ?? 'web/dist';

/** What a build is made from: a change to any of these after the build makes it stale. */
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'package-lock.json'];
/** A lock older than a build could ever take was left by a killed run. */
const STALE_LOCK_MS = 10 * 60_000;

function newestChange(entry: string): number {
  const stat = statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

function isCurrent(): boolean {
  const built = statSync(`${WEB_ROOT}/index.html`, { throwIfNoEntry: false });
  if (!built) return false;
  if (process.env.STRATUM_E2E_WEB_ROOT) return true;
  return Math.max(...SOURCES.map(newestChange)) <= built.mtimeMs;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds the web app when there is no build or it is older than its sources (a fresh checkout, or a pull after the
 * last build), so that the browser tests always run the code they sit beside. Browser test files start side by
 * side: one takes a lock and builds beside WEB_ROOT, then swaps its build in; the others wait for it and use it.
 */
export function ensureWebBuild(): void {
  const target = path.resolve(WEB_ROOT);
  const lock = `${target}.lock`;
  while (!isCurrent()) {
    if (takeLock(lock)) return buildUnder(lock, target);
    sleep(1000);
  }
}

/** Takes the lock, or answers false while another process holds it; a lock older than any build is taken over. */
function takeLock(lock: string): boolean {
  const held = statSync(lock, { throwIfNoEntry: false });
  if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
  try {
    mkdirSync(lock);
    return true;
  } catch {
    return false;
  }
}

function buildUnder(lock: string, target: string): void {
  try {
    if (isCurrent()) return;
    const staging = `${target}.building-${process.pid}`;
    // NODE_ENV is 'test' under vitest; inherited, it makes vite build React and antd for development, whose
    // warnings the tests would then count as console errors.
    const args = ['vite', 'build', '--config', 'web/vite.config.ts', '--outDir', staging, '--emptyOutDir'];
    execFileSync('npx', args, { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
