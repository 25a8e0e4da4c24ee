import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure, retryDelaySeconds } from './backoff.js';

const settings = { backoffSeconds: 30, backoffMaxSeconds: 3600, maxAttempts: 8 };

describe('retry backoff', () => {
  it('doubles from 30 s: 30, 60, 120, 240 … and is capped at an hour', () => {
    expect([1, 2, 3, 4, 7].map((n) => retryDelaySeconds(n, settings))).toEqual([30, 60, 120, 240, 1920]);
    expect(retryDelaySeconds(8, settings)).toBe(3600); // 30 × 2^7 = 3840 > 3600
    expect(retryDelaySeconds(40, settings)).toBe(3600);
  });

  it('the next attempt is the delay after the failure; the last attempt ends the delivery as failed', () => {
    const at = new Date('2025-06-01T00:00:00Z');
    expect(afterFailure(2, at, settings)).toEqual({
      status: 'pending',
      at: new Date('2025-06-01T00:01:00Z'),
    });
    expect(afterFailure(7, at, settings)).toEqual({
      status: 'pending',
      at: new Date('2025-06-01T00:32:00Z'),
    });
    expect(afterFailure(8, at, settings)).toEqual({ status: 'failed' });
  });

  it('one attempt allowed: the first failure is final', () => {
    expect(afterFailure(1, new Date(0), { ...settings, maxAttempts: 1 })).toEqual({ status: 'failed' });
  });

  it('never shrinks from one attempt to the next and never exceeds the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        fc.double({ min: 0.001, max: 100_000, noNaN: true }),
        (n, base, cap) => {
          const s = { backoffSeconds: base, backoffMaxSeconds: cap };
          const delay = retryDelaySeconds(n, s);
          expect(delay).toBeLessThanOrEqual(cap);
          expect(retryDelaySeconds(n + 1, s)).toBeGreaterThanOrEqual(delay);
        },
      ),
    );
  });
});
