/**
 * What one connection, or one user, may use: a token bucket for a connection's messages (cheap
 * enough to check on every frame), and a cap on the connections a user holds open.
 */

/** A token bucket: `rate` tokens a second, at most `burst` saved up. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Take one token; false when the bucket is empty (the caller refuses or drops). */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /**
   * Take one token even when there is none, going into debt (at most `burst` deep). Returns how
   * many ms until the debt is repaid (0 when none), or -1 when the debt is already too deep.
   */
  borrow(): number {
    this.refill();
    if (this.tokens <= -this.burst) return -1;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.rate) * 1000);
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.rate);
    this.last = t;
  }
}

/**
 * Open connections per user, capped: each connection multiplies what its user may send and what
 * the server holds, so one delegate cannot open thousands. A place is taken before the socket
 * opens and given back when the raw socket closes, whichever way it ends.
 */
export class PerUserCap {
  private readonly open = new Map<string, number>();

  constructor(private readonly cap: number) {}

  /** Take a place for `userId` until `socket` closes; false when the user is at the cap. */
  take(userId: string, socket: { once(event: 'close', listener: () => void): unknown; destroyed: boolean }): boolean {
    const n = this.open.get(userId) ?? 0;
    if (n >= this.cap || socket.destroyed) return false;
    this.open.set(userId, n + 1);
    socket.once('close', () => {
      const left = (this.open.get(userId) ?? 1) - 1;
      if (left > 0) this.open.set(userId, left);
      else this.open.delete(userId);
    });
    return true;
  }
}
