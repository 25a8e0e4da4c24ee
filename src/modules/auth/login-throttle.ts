/**
 * Counts failed logins per account and per client address in a sliding window. In memory: one server process
 * serves the embedded database, and a restart forgetting the counts only gives an attacker one more window.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxAttempts: number,
    private readonly windowMs: number,
    /** Addresses may share a NAT: allow several accounts' worth of attempts from one before blocking it. */
    private readonly addressFactor = 4,
  ) {}

  /** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
  retryAfterSeconds(login: string, address: string, now: number): number {
    const byLogin = this.waitFor(`login:${login.toLowerCase()}`, this.maxAttempts, now);
    const byAddress = this.waitFor(`ip:${address}`, this.maxAttempts * this.addressFactor, now);
    return Math.ceil(Math.max(byLogin, byAddress) / 1000);
  }

  recordFailure(login: string, address: string, now: number): void {
    for (const key of [`login:${login.toLowerCase()}`, `ip:${address}`]) {
      const recent = this.recent(key, now);
      recent.push(now);
      this.failures.set(key, recent);
    }
  }

  recordSuccess(login: string): void {
    this.failures.delete(`login:${login.toLowerCase()}`);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
  }

  private waitFor(key: string, limit: number, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < limit) return 0;
    const oldestCounted = recent[recent.length - limit] ?? now;
    return oldestCounted + this.windowMs - now;
  }
}
