import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import {
  checkGeneration,
  checkWithFallback,
  forgetSession,
  forgetUserSessions,
  freshSession,
  recordCheck,
} from './session-cache.js';

const rep: Actor = { id: 7, login: 'rep', name: 'Rep', role: 'rep', teamId: 1 };
const now = new Date('2026-01-01T00:00:00Z');
const later = new Date('2026-01-02T00:00:00Z');
const never = new Promise<Actor | undefined>(() => undefined);
const remember = (sessionId: string, expiresAt: Date, at = now) =>
  recordCheck(sessionId, { actor: rep, expiresAt }, { at, generation: checkGeneration() });
const soon = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('session check while the embedded database is held by a long job', () => {
  it('the database answers when it answers in time, even against a remembered session', async () => {
    remember('s-fast', later);
    expect(await checkWithFallback('s-fast', now, Promise.resolve(undefined))).toBeUndefined();
  });

  it('a held database is answered by the last successful check of the same session', async () => {
    remember('s-held', later);
    expect(await checkWithFallback('s-held', now, never)).toEqual(rep);
  });

  it('an unknown session waits for the database', async () => {
    expect(await checkWithFallback('s-unknown', now, soon(undefined, 400))).toBeUndefined();
  });

  it('an expired session is never answered from memory', async () => {
    remember('s-expired', now);
    expect(await checkWithFallback('s-expired', now, soon(undefined, 300))).toBeUndefined();
  });

  it('logging out or any change of the user forgets what was remembered', async () => {
    remember('s-out', later);
    forgetSession('s-out');
    expect(await checkWithFallback('s-out', now, soon(undefined, 300))).toBeUndefined();
    remember('s-user', later);
    forgetUserSessions(rep.id);
    expect(await checkWithFallback('s-user', now, soon(undefined, 300))).toBeUndefined();
  });
});

describe('a session checked a moment ago', () => {
  const seconds = (n: number) => new Date(now.getTime() + n * 1000);

  it('answers from memory for ten seconds after its check, then asks the database again', () => {
    remember('s-fresh', later);
    expect(freshSession('s-fresh', now)).toEqual(rep);
    expect(freshSession('s-fresh', seconds(9.999))).toEqual(rep);
    expect(freshSession('s-fresh', seconds(10))).toBeUndefined();
    expect(freshSession('s-fresh', seconds(-1))).toBeUndefined();
  });

  it('never answers once the session has expired', () => {
    remember('s-ending', seconds(5));
    expect(freshSession('s-ending', seconds(4))).toEqual(rep);
    expect(freshSession('s-ending', seconds(5))).toBeUndefined();
  });

  it('is forgotten by logout, by any change of its user, and by a check that finds it dead', () => {
    remember('s-logout', later);
    forgetSession('s-logout');
    expect(freshSession('s-logout', now)).toBeUndefined();
    remember('s-changed', later);
    forgetUserSessions(rep.id);
    expect(freshSession('s-changed', now)).toBeUndefined();
    remember('s-dead', later);
    recordCheck('s-dead', undefined, { at: now, generation: checkGeneration() });
    expect(freshSession('s-dead', now)).toBeUndefined();
  });

  it('a check in flight while a user changed is not remembered: it may have read the user from before', () => {
    const started = checkGeneration();
    forgetUserSessions(99);
    recordCheck('s-raced', { actor: rep, expiresAt: later }, { at: now, generation: started });
    expect(freshSession('s-raced', now)).toBeUndefined();
  });
});
