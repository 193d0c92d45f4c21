/**
 * Login throttling, per account, per device and per address. Failures are counted per typed
 * login (whether or not such an account exists, so the answer never tells) and per client
 * address; past the limit each further failure doubles the wait.
 *
 * A browser that signed in to the account before (a valid device cookie for the login typed,
 * see devices.ts) is not held by the account's count: its attempts are counted per device
 * instead. Someone guessing a password can keep the account locked for every browser that never
 * signed in to it, but not for its owner's. The address count holds for everyone: an address
 * trying many accounts is slowed whatever cookies it sends.
 *
 * The counts are kept in the server's counters: in memory for one instance (a restart forgiving
 * everyone is acceptable), in Redis when several instances share the work, so that guessing
 * gets the limit once, not once per instance.
 */
import { MemoryCounters, type Counters, type LockoutRule } from '../cluster/counters';

/** The throttle's limits (see Config.loginThrottle); a device gets the account's. */
export interface ThrottleLimits {
  accountFailures: number;
  addressFailures: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** One attempt to prove a password: the login typed, the client's address, and the device it
 * comes from when it carries a valid device cookie for that login (null otherwise). */
export interface SignInAttempt {
  login: string;
  address: string;
  device: string | null;
}

/** Counts failed sign-ins and says how long a new attempt must wait. */
export class LoginThrottle {
  private readonly account: LockoutRule;
  private readonly address: LockoutRule;

  constructor(
    limits: ThrottleLimits,
    private readonly counters: Counters = new MemoryCounters(),
  ) {
    const { windowMs, baseDelayMs, maxDelayMs } = limits;
    this.account = { allowed: limits.accountFailures, windowMs, baseDelayMs, maxDelayMs };
    this.address = { allowed: limits.addressFailures, windowMs, baseDelayMs, maxDelayMs };
  }

  /** How many ms the attempt must wait (0: go ahead). Checked before the password is. */
  waitMs(attempt: SignInAttempt): Promise<number> {
    return this.counters.lockedMs([ownKey(attempt), addressKey(attempt.address)]);
  }

  /** Record a failed attempt: against its device (or, without one, the account) and its address. */
  async fail(attempt: SignInAttempt): Promise<void> {
    await Promise.all([this.counters.fail(ownKey(attempt), this.account), this.counters.fail(addressKey(attempt.address), this.address)]);
  }

  /** A successful sign-in forgives its device, or the account when it came without one (not the
   * address: one good account must not reset the count of someone guessing others from the same
   * place; and the owner signing in on a known device must not hand a guesser a fresh count). */
  succeed(attempt: SignInAttempt): Promise<void> {
    return this.counters.forget(ownKey(attempt));
  }
}

// A device's own count, or the account's for browsers the account never signed in from.
const ownKey = (a: SignInAttempt) => (a.device !== null ? `device:${a.device}` : `login:${a.login.trim().toLowerCase()}`);
const addressKey = (address: string) => `addr:${address}`;
