import type { Actor } from './actor.js';

/**
 * On PGlite one connection serves every request, and a long import or grading run holds it inside its transaction
 * for minutes: a cancel or a progress poll would otherwise wait for the very job it is about. When the session
 * check has not answered within `WAIT_MS`, the last successful check of the same session answers instead — only
 * until the session expires, and only while neither the session nor its user has changed since, as every such
 * change in this process forgets them (on PGlite this process is the only writer). Requests that need the
 * database still wait for it; this only lets the ones that do not get through.
 */
const WAIT_MS = 250;
const MAX_ENTRIES = 10_000;

interface Checked {
  readonly actor: Actor;
  readonly expiresAt: Date;
}

const checked = new Map<string, Checked>();

export function rememberSession(sessionId: string, actor: Actor, expiresAt: Date): void {
  checked.delete(sessionId);
  if (checked.size >= MAX_ENTRIES) checked.delete(checked.keys().next().value as string);
  checked.set(sessionId, { actor, expiresAt });
}

export function forgetSession(sessionId: string): void {
  checked.delete(sessionId);
}

export function forgetUserSessions(userId: number): void {
  for (const [id, entry] of checked) if (entry.actor.id === userId) checked.delete(id);
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
