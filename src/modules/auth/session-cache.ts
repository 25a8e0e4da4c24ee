import type { Actor } from './actor.js';

/**
 * Sessions this process has checked against the database, for two uses.
 *
 * Every API request checks its session, and the check was half of the database round trips of a list page. A
 * session checked within `FRESH_MS` answers from memory. Every change to a session or its user made through this
 * process (logout, password, role, team, deactivation) forgets it at once, and a check that was in flight while
 * something was forgotten is not remembered, since it may have read the state from before the change. Changes
 * made outside this process (another server on the same database, or a hand edit of the tables) reach it within
 * `FRESH_MS`.
 *
 * On PGlite one connection serves every request, and a long import or grading run holds it inside its transaction
 * for minutes: a cancel or a progress poll would otherwise wait for the very job it is about. When the session
 * check has not answered within `WAIT_MS`, the last successful check of the same session answers instead — only
 * until the session expires, and only while neither the session nor its user has changed since, as every such
 * change in this process forgets them (on PGlite this process is the only writer). Requests that need the
 * database still wait for it; this only lets the ones that do not get through.
 */
const FRESH_MS = 10_000;
const WAIT_MS = 250;
const MAX_ENTRIES = 10_000;

interface Checked {
  readonly actor: Actor;
  readonly expiresAt: Date;
  readonly checkedAt: number;
}

const checked = new Map<string, Checked>();
/** Moves on every forget: a check started before the move may have read what was just changed. */
let generation = 0;

/** Taken before a check of the database starts, and handed back to `recordCheck` with its answer. */
export const checkGeneration = (): number => generation;

/** What a check of the database found: a live session is remembered, a dead one forgotten. */
export function recordCheck(
  sessionId: string,
  live: { readonly actor: Actor; readonly expiresAt: Date } | undefined,
  check: { readonly at: Date; readonly generation: number },
): void {
  checked.delete(sessionId);
  if (!live || check.generation !== generation) return;
  if (checked.size >= MAX_ENTRIES) checked.delete(checked.keys().next().value as string);
  checked.set(sessionId, { ...live, checkedAt: check.at.getTime() });
}

export function forgetSession(sessionId: string): void {
  generation++;
  checked.delete(sessionId);
}

export function forgetUserSessions(userId: number): void {
  generation++;
  for (const [id, entry] of checked) if (entry.actor.id === userId) checked.delete(id);
}

/** The session's user when this process checked it less than `FRESH_MS` ago and it has not expired. */
export function freshSession(sessionId: string, now: Date): Actor | undefined {
  const entry = checked.get(sessionId);
  if (!entry || entry.expiresAt <= now) return undefined;
  const age = now.getTime() - entry.checkedAt;
  return age >= 0 && age < FRESH_MS ? entry.actor : undefined;
}

/** The database's answer, or the remembered one when the database is held longer than `WAIT_MS`. */
export async function checkWithFallback(
  sessionId: string,
  now: Date,
  lookup: Promise<Actor | undefined>,
): Promise<Actor | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const held = new Promise<'held'>((resolve) => {
    timer = setTimeout(() => resolve('held'), WAIT_MS);
  });
  try {
    const first = await Promise.race([lookup, held]);
    if (first !== 'held') return first;
    const remembered = checked.get(sessionId);
    if (remembered && remembered.expiresAt > now) return remembered.actor;
    return await lookup;
  } finally {
    clearTimeout(timer);
  }
}
