/**
 * Group commit: updates of every draft that arrive within a few milliseconds share one durable
 * transaction. Each caller's promise resolves once its updates are durable, in the order they
 * were submitted; a failed commit rejects every caller of that batch (nothing is half-written).
 * A draft frozen meanwhile (on this instance or another) only holds up its own callers: the
 * store refuses the whole batch with DraftFrozen, those callers get the refusal, and the rest
 * of the batch is committed again at once.
 */
import { markEdit } from './trace';
import { DraftFrozen, type NewUpdate, type StoredUpdate, type UpdateLogRepo } from '../storage/types';

interface Waiting {
  updates: NewUpdate[];
  resolve(stored: StoredUpdate[]): void;
  reject(e: unknown): void;
}

/** Batches `appendUpdates` calls; one commit runs at a time. */
export class GroupCommitter {
  private waiting: Waiting[] = [];
  private timer: { cancel(): void } | null = null;
  private running: Promise<void> | null = null;

  /**
   * `windowMs` is how long the first update after a quiet spell waits for company. 0 does not
   * wait: the commit starts at once, with whatever was submitted before it reads its batch (the
   * same turn of microtasks). While a commit runs, whatever arrives waits for it anyway, so
   * batches still form when edits come faster than commits, and a slower disk makes them bigger.
   */
  constructor(
    private readonly log: Pick<UpdateLogRepo, 'appendUpdates'>,
    private readonly windowMs: number,
  ) {}

  /** Append `updates` (in order) in the next group commit; resolves with their stored rows. */
  submit(updates: NewUpdate[]): Promise<StoredUpdate[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ updates, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when nothing is waiting or being written. */
  async drain(): Promise<void> {
    while (this.running || this.waiting.length > 0 || this.timer) {
      if (this.timer && !this.running) {
        this.timer.cancel();
        this.timer = null;
        this.running = this.flush();
      }
      await this.running;
    }
  }

  private schedule(): void {
    // While a commit runs, new arrivals simply wait for it: that is where batches form.
    if (this.timer || this.running) return;
    const go = () => {
      this.timer = null;
      this.running = this.flush();
    };
    if (this.windowMs > 0) {
      const t = setTimeout(go, this.windowMs);
      this.timer = { cancel: () => clearTimeout(t) };
    } else go();
  }

  private async flush(): Promise<void> {
    // Yield once so that `running` is set before any outcome (even a synchronous throw) lands.
    await Promise.resolve();
    let batch = this.waiting;
    this.waiting = [];
    try {
      for (;;) {
        try {
          markEdit('handedOff');
          const stored = await this.log.appendUpdates(batch.flatMap((w) => w.updates));
          let i = 0;
          for (const w of batch) {
            w.resolve(stored.slice(i, i + w.updates.length));
            i += w.updates.length;
          }
          return;
        } catch (e) {
          const rest = withoutFrozen(batch, e);
          if (!rest) throw e;
          batch = rest;
          if (batch.length === 0) return;
        }
      }
    } catch (e) {
      for (const w of batch) w.reject(e);
    } finally {
      this.running = null;
      if (this.waiting.length > 0) this.schedule();
    }
  }
}

/**
 * After a DraftFrozen refusal: reject the callers with updates of the frozen drafts and return
 * the others, to commit again. Null when `e` is another failure (or names none of the batch's
 * drafts, which would otherwise loop).
 */
function withoutFrozen(batch: Waiting[], e: unknown): Waiting[] | null {
  if (!(e instanceof DraftFrozen)) return null;
  const frozen = new Set(e.draftIds);
  const rest: Waiting[] = [];
  for (const w of batch) {
    const theirs = [...new Set(w.updates.map((u) => u.draftId))].filter((id) => frozen.has(id));
    if (theirs.length > 0) w.reject(new DraftFrozen(theirs));
    else rest.push(w);
  }
  return rest.length < batch.length ? rest : null;
}
