/**
 * Login throttling, per account and per address. Failures are counted per typed login (whether
 * or not such an account exists, so the answer never tells) and per client address; past the
 * limit each further failure doubles the wait. The counts are kept in the server's counters:
 * in memory for one instance (a restart forgiving everyone is acceptable), in Redis when
 * several instances share the work, so that guessing gets the limit once, not once per instance.
 */
import { MemoryCounters, type Counters, type LockoutRule } from '../cluster/counters';

/** The throttle's limits (see Config.loginThrottle). */
export interface ThrottleLimits {
  accountFailures: number;
  addressFailures: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Counts failed sign-ins and says how long a new attempt must wait. */
export class LoginThrottle {
  private readonly account: LockoutRule;
  private readonly address: LockoutRule;

  constructor(limits: ThrottleLimits, private readonly counters: Counters = new MemoryCounters()) {
    const { windowMs, baseDelayMs, maxDelayMs } = limits;
    this.account = { allowed: limits.accountFailures, windowMs, baseDelayMs, maxDelayMs };
    this.address = { allowed: limits.addressFailures, windowMs, baseDelayMs, maxDelayMs };
  }

  /** How many ms the attempt must wait (0: go ahead). Checked before the password is. */
  waitMs(login: string, address: string): Promise<number> {
    return this.counters.lockedMs([accountKey(login), addressKey(address)]);
  }

  /** Record a failed attempt. */
  async fail(login: string, address: string): Promise<void> {
    await Promise.all([this.counters.fail(accountKey(login), this.account), this.counters.fail(addressKey(address), this.address)]);
  }

  /** A successful sign-in forgives the account (not the address: one good account must not
   * reset the count of someone guessing others from the same place). */
  succeed(login: string): Promise<void> {
    return this.counters.forget(accountKey(login));
  }
}

const accountKey = (login: string) => `login:${login.trim().toLowerCase()}`;
const addressKey = (address: string) => `addr:${address}`;
