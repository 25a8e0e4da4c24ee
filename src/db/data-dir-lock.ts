import fs from 'node:fs';
import os from 'node:os';

/**
 * PGlite is PostgreSQL in one process with no postmaster to keep a second one out: two processes writing the same
 * data directory corrupt it beyond repair ("WAL file is from different database system"). A lock file beside the
 * directory keeps the second one out with a reason, and a lock left by a killed process is taken over.
 */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `数据目录 ${dataDir} 正被进程 ${owner.pid}（${owner.host}）使用：请先停止该进程，或通过它的网页和 API 操作 / ` +
        `The data directory ${dataDir} is in use by process ${owner.pid} on ${owner.host}: stop that process ` +
        `first, or work through its web pages and API. If no such process exists, delete ${lockPathOf(dataDir)}.`,
    );
    this.name = 'DataDirInUseError';
  }
}

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** The kernel's start time of the process, so that a reused pid is not mistaken for the owner. */
  readonly started?: string;
}

export function lockPathOf(dataDir: string): string {
  return `${dataDir}.lock`;
}

/** The locks this process holds: released at exit, and each released once however often its release is called. */
const heldLocks = new Set<string>();
let exitHookInstalled = false;

function releaseAllAtExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const lockPath of heldLocks) removeIfOurs(lockPath);
  });
}

function processStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; the fields after it are counted from its end.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isRunning(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const started = processStartTime(owner.pid);
  return owner.started === undefined || started === undefined || started === owner.started;
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return undefined;
    return { pid: owner.pid, host: owner.host, started: owner.started };
  } catch {
    return undefined;
  }
}

function ownLock(): LockOwner {
  return { pid: process.pid, host: os.hostname(), started: processStartTime(process.pid) };
}

function removeIfOurs(lockPath: string): void {
  if (readOwner(lockPath)?.pid !== process.pid) return;
  fs.rmSync(lockPath, { force: true });
}

function tryCreate(lockPath: string): boolean {
  // Written aside and linked into place, so that a reader never sees a lock file without its owner.
  const draft = `${lockPath}.${process.pid}`;
  fs.writeFileSync(draft, JSON.stringify(ownLock()));
  try {
    fs.linkSync(draft, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/** Takes the data directory for this process; the returned function gives it back. */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = lockPathOf(dataDir);
  while (!tryCreate(lockPath)) {
    const owner = readOwner(lockPath);
    if (owner && isRunning(owner)) throw new DataDirInUseError(dataDir, owner);
    fs.rmSync(lockPath, { force: true });
  }
  heldLocks.add(lockPath);
  releaseAllAtExit();
  return () => {
    if (!heldLocks.delete(lockPath)) return;
    removeIfOurs(lockPath);
  };
}
