import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

const minute = 60_000;

describe('login throttle', () => {
  it('blocks an account after the allowed failures until the window since the first of them has passed', () => {
    const throttle = new LoginThrottle(3, 10 * minute);
    for (let i = 0; i < 3; i++) throttle.recordFailure('rep1', '10.0.0.1', i * 1000);
    expect(throttle.retryAfterSeconds('rep1', '10.0.0.2', 3000)).toBe(597);
    expect(throttle.retryAfterSeconds('REP1', '10.0.0.3', 3000)).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds('rep1', '10.0.0.2', 10 * minute + 1000)).toBe(0);
  });

  it('blocks one address that tries many accounts, but not the same accounts from elsewhere', () => {
    const throttle = new LoginThrottle(2, minute, 2);
    ['a', 'b', 'c', 'd'].forEach((login, i) => throttle.recordFailure(login, '1.1.1.1', i));
    expect(throttle.retryAfterSeconds('e', '1.1.1.1', 10)).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds('e', '2.2.2.2', 10)).toBe(0);
  });

  it('a successful login clears the account count', () => {
    const throttle = new LoginThrottle(2, minute);
    throttle.recordFailure('m', 'x', 0);
    throttle.recordSuccess('m');
    throttle.recordFailure('m', 'y', 1);
    expect(throttle.retryAfterSeconds('m', 'z', 2)).toBe(0);
  });
});
