import { beforeEach } from 'vitest';

/**
 * A worker's fake clock that stays ahead of the database's: what a test enqueues at the database's now() is already
 * due by it. It is moved ahead again at every test's start, however long the tests before took on a busy machine (a
 * fresh clone's whole suite once took more than the lead, and a run's deliveries were not yet due); within a test it
 * moves only by `advance`, so retry intervals stay exact.
 */
export function leadingClock(leadMs = 60_000) {
  let current = new Date(Date.now() + leadMs);
  beforeEach(() => {
    current = new Date(Math.max(current.getTime(), Date.now() + leadMs));
  });
  return {
    now: () => current,
    advance: (seconds: number) => (current = new Date(current.getTime() + seconds * 1000)),
  };
}
