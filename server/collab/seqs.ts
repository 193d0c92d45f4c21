/**
 * Which seqs of a draft's update log a room has applied. Alone, a room applies its own commits
 * in order; beside other instances, seqs arrive out of order (theirs over pub/sub, ours from the
 * store), and a hole means a message was lost or is late: the room then reads the log.
 */

/** The applied seqs of one draft: everything up to `contiguous`, plus some beyond it. */
export class SeqTracker {
  private readonly ahead = new Set<number>();

  constructor(private low: number) {}

  /** Every seq up to this one is applied. */
  get contiguous(): number {
    return this.low;
  }

  /** Whether some seq beyond `contiguous` is applied while one before it is not. */
  get hasGap(): boolean {
    return this.ahead.size > 0;
  }

  /** Whether `seq` is already applied. */
  has(seq: number): boolean {
    return seq <= this.low || this.ahead.has(seq);
  }

  /** Record `seq` as applied. */
  mark(seq: number): void {
    if (seq <= this.low) return;
    this.ahead.add(seq);
    while (this.ahead.delete(this.low + 1)) this.low++;
  }

  /** The log was read up to `seq`: nothing at or below it can be missing any more. */
  advanceTo(seq: number): void {
    if (seq <= this.low) return;
    this.low = seq;
    for (const s of this.ahead) if (s <= seq) this.ahead.delete(s);
    while (this.ahead.delete(this.low + 1)) this.low++;
  }
}

/** What a follower reads: the update log after a seq. */
export interface LogReader {
  listUpdates(draftId: string, afterSeq?: number): Promise<{ seq: number; update: Uint8Array }[]>;
}

/**
 * Keeps a room in step with a log that other instances also write: applies each seq once,
 * waits briefly when a seq is missing (it is usually just late), then reads the log.
 */
export class LogFollower {
  private readonly seqs: SeqTracker;
  private gapTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly log: LogReader,
    private readonly draftId: string,
    seq: number,
    private readonly apply: (update: Uint8Array) => void,
    private readonly gapWaitMs: number,
  ) {
    this.seqs = new SeqTracker(seq);
  }

  /** Every seq up to this one is applied. */
  get contiguous(): number {
    return this.seqs.contiguous;
  }

  /** Whether the document holds seqs past a missing one (then it is no checkpoint of `contiguous`). */
  get hasGap(): boolean {
    return this.seqs.hasGap;
  }

  /** The room applied `seq` itself (its own commit). */
  applied(seq: number): void {
    this.seqs.mark(seq);
    this.watchGap();
  }

  /** An update another instance stored at `seq`: apply it unless it is already in. */
  remote(seq: number, update: Uint8Array): void {
    if (this.seqs.has(seq)) return;
    this.apply(update);
    this.seqs.mark(seq);
    this.watchGap();
  }

  /** Read and apply the log past `contiguous`; concurrent calls share one read (and one more after it). */
  catchUp(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        const rows = await this.log.listUpdates(this.draftId, this.seqs.contiguous);
        for (const r of rows) {
          if (this.seqs.has(r.seq)) continue;
          this.apply(r.update);
          this.seqs.mark(r.seq);
        }
        // Seqs are handed out under a row lock, so a seq we read proves every lower one is readable.
        if (rows.length > 0) this.seqs.advanceTo(rows[rows.length - 1]!.seq);
      } while (this.again);
    })().finally(() => {
      this.running = null;
      this.watchGap();
    });
    return this.running;
  }

  /** Stop the gap timer. */
  destroy(): void {
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
  }

  private watchGap(): void {
    if (!this.seqs.hasGap || this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (this.seqs.hasGap) this.catchUp().catch(() => this.watchGap());
    }, this.gapWaitMs);
    this.gapTimer.unref();
  }
}
