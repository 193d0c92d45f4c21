/**
 * Login throttling, per account and per address. Failures are counted per typed login (whether
 * or not such an account exists, so the answer never tells) and per client address; past the
 * limit each further failure doubles the wait. Kept in memory: one instance's count is enough
 * to make guessing slow, and a restart forgiving everyone is acceptable.
 */

/** The throttle's limits (see Config.loginThrottle). */
export interface ThrottleLimits {
  accountFailures: number;
  addressFailures: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

interface Count {
  failures: number;
  since: number;
  lockedUntil: number;
}

// Past this many tracked keys, stale ones are swept so a flood of made-up logins cannot grow memory.
const SWEEP_AT = 10_000;

/** Counts failed sign-ins and says how long a new attempt must wait. */
export class LoginThrottle {
  private readonly counts = new Map<string, Count>();

  constructor(private readonly limits: ThrottleLimits, private readonly now: () => number = Date.now) {}

  /** How many ms the attempt must wait (0: go ahead). Checked before the password is. */
  waitMs(login: string, address: string): number {
    const t = this.now();
    const locked = [this.counts.get(accountKey(login)), this.counts.get(addressKey(address))].map((c) => (c ? c.lockedUntil - t : 0));
    return Math.max(0, ...locked);
  }

  /** Record a failed attempt. */
  fail(login: string, address: string): void {
    this.bump(accountKey(login), this.limits.accountFailures);
    this.bump(addressKey(address), this.limits.addressFailures);
  }

  /** A successful sign-in forgives the account (not the address: one good account must not
   * reset the count of someone guessing others from the same place). */
  succeed(login: string): void {
    this.counts.delete(accountKey(login));
  }

  private bump(key: string, allowed: number): void {
    const t = this.now();
    let c = this.counts.get(key);
    if (!c || (t - c.since > this.limits.windowMs && c.lockedUntil <= t)) {
      c = { failures: 0, since: t, lockedUntil: 0 };
      this.counts.set(key, c);
    }
    c.failures += 1;
    if (c.failures >= allowed) {
      const delay = Math.min(this.limits.maxDelayMs, this.limits.baseDelayMs * 2 ** Math.min(20, c.failures - allowed));
      c.lockedUntil = t + delay;
    }
    if (this.counts.size > SWEEP_AT) this.sweep(t);
  }

  private sweep(t: number): void {
    for (const [key, c] of this.counts) if (t - c.since > this.limits.windowMs && c.lockedUntil <= t) this.counts.delete(key);
  }
}

const accountKey = (login: string) => `login:${login.trim().toLowerCase()}`;
const addressKey = (address: string) => `addr:${address}`;
