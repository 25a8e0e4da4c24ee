import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { checkWithFallback, forgetSession, forgetUserSessions, rememberSession } from './session-fallback.js';

const rep: Actor = { id: 7, login: 'rep', name: 'Rep', role: 'rep', teamId: 1 };
const now = new Date('2026-01-01T00:00:00Z');
const later = new Date('2026-01-02T00:00:00Z');
const never = new Promise<Actor | undefined>(() => undefined);
const soon = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('session check while the embedded database is held by a long job', () => {
  it('the database answers when it answers in time, even against a remembered session', async () => {
    rememberSession('s-fast', rep, later);
    expect(await checkWithFallback('s-fast', now, Promise.resolve(undefined))).toBeUndefined();
  });

  it('a held database is answered by the last successful check of the same session', async () => {
    rememberSession('s-held', rep, later);
    expect(await checkWithFallback('s-held', now, never)).toEqual(rep);
  });

  it('an unknown session waits for the database', async () => {
    expect(await checkWithFallback('s-unknown', now, soon(undefined, 400))).toBeUndefined();
  });

  it('an expired session is never answered from memory', async () => {
    rememberSession('s-expired', rep, now);
    expect(await checkWithFallback('s-expired', now, soon(undefined, 300))).toBeUndefined();
  });

  it('logging out or any change of the user forgets what was remembered', async () => {
    rememberSession('s-out', rep, later);
    forgetSession('s-out');
    expect(await checkWithFallback('s-out', now, soon(undefined, 300))).toBeUndefined();
    rememberSession('s-user', rep, later);
    forgetUserSessions(rep.id);
    expect(await checkWithFallback('s-user', now, soon(undefined, 300))).toBeUndefined();
  });
});
