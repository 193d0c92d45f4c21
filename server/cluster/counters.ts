/**
 * Counters that defend the server — failed sign-ins with doubling lockouts, and token buckets
 * for writes — behind one interface with two implementations: in this process's memory (one
 * instance, the default) and in Redis (several instances behind a load balancer, so that an
 * attacker gets the limit once, not once per instance). The policies (which keys, which
 * limits) live with their callers: the login throttle and the write rate limit.
 */
import { TokenBucket } from '../collab/limits';

/** When failures of one key lock it: `allowed` failures within `windowMs`, then a lockout of
 * `baseDelayMs` that doubles with every further failure, up to `maxDelayMs`. */
export interface LockoutRule {
  allowed: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** A token bucket: `perSecond` tokens a second, at most `burst` saved up. */
export interface BucketRule {
  perSecond: number;
  burst: number;
}

/** Counters shared by whoever holds the same implementation (one process, or one Redis). */
export interface Counters {
  /** Whether several instances share these counts (false: this process only). */
  readonly shared: boolean;
  /** How many ms the longest lockout among `keys` lasts yet (0: none is locked). */
  lockedMs(keys: string[]): Promise<number>;
  /** Count a failure of `key`; past `rule.allowed`, lock it (again, for twice as long). */
  fail(key: string, rule: LockoutRule): Promise<void>;
  /** Forget `key`'s failures and lockout. */
  forget(key: string): Promise<void>;
  /** Take a token from `key`'s bucket; false when it is empty. */
  take(key: string, rule: BucketRule): Promise<boolean>;
  /** Release connections. */
  close(): Promise<void>;
}

/** The lockout after `failures` failures, or 0 while they are within the rule. */
export function lockoutMs(failures: number, rule: LockoutRule): number {
  if (failures < rule.allowed) return 0;
  return Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** Math.min(20, failures - rule.allowed));
}

interface Failures {
  count: number;
  since: number;
  lockedUntil: number;
  windowMs: number;
}

// Past this many tracked keys, stale ones are swept so that a flood of made-up logins (or of
// users who stopped writing) cannot grow memory.
const SWEEP_FAILURES_AT = 10_000;
const SWEEP_BUCKETS_AT = 5_000;

/** The counters in this process's memory: one instance's counts, forgiven by a restart. */
export class MemoryCounters implements Counters {
  readonly shared = false;
  private readonly failures = new Map<string, Failures>();
  private readonly buckets = new Map<string, { bucket: TokenBucket; last: number; idleMs: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async lockedMs(keys: string[]): Promise<number> {
    return this.lockedMsNow(keys);
  }

  async fail(key: string, rule: LockoutRule): Promise<void> {
    this.failNow(key, rule);
  }

  async forget(key: string): Promise<void> {
    this.failures.delete(key);
  }

  async take(key: string, rule: BucketRule): Promise<boolean> {
    return this.takeNow(key, rule);
  }

  async close(): Promise<void> {}

  /** `lockedMs` without waiting (for the Redis counters' fallback). */
  lockedMsNow(keys: string[]): number {
    const t = this.now();
    return Math.max(0, ...keys.map((k) => (this.failures.get(k)?.lockedUntil ?? t) - t));
  }

  /** `fail` without waiting. */
  failNow(key: string, rule: LockoutRule): void {
    const t = this.now();
    let f = this.failures.get(key);
    if (!f || (t - f.since > rule.windowMs && f.lockedUntil <= t)) {
      f = { count: 0, since: t, lockedUntil: 0, windowMs: rule.windowMs };
      this.failures.set(key, f);
    }
    f.count += 1;
    const lockout = lockoutMs(f.count, rule);
    if (lockout > 0) f.lockedUntil = t + lockout;
    if (this.failures.size > SWEEP_FAILURES_AT) {
      for (const [k, c] of this.failures) if (t - c.since > c.windowMs && c.lockedUntil <= t) this.failures.delete(k);
    }
  }

  /** `take` without waiting. */
  takeNow(key: string, rule: BucketRule): boolean {
    const t = this.now();
    if (this.buckets.size > SWEEP_BUCKETS_AT) {
      for (const [k, b] of this.buckets) if (t - b.last > b.idleMs) this.buckets.delete(k);
    }
    let entry = this.buckets.get(key);
    if (!entry) {
      entry = { bucket: new TokenBucket(rule.perSecond, rule.burst, this.now), last: t, idleMs: (rule.burst / rule.perSecond) * 1000 };
      this.buckets.set(key, entry);
    }
    entry.last = t;
    return entry.bucket.take();
  }
}
