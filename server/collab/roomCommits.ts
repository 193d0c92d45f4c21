/**
 * A room's edits on their way to the store: the queue of proved edits, and the one commit the
 * room runs at a time (while it runs, newer edits wait and form the next batch). It decides
 * only when to commit and what a commit's outcome means; what a committed batch does (relay,
 * apply, publish) and what the peers are told is the room's (room.ts, through `CommitHost`).
 *
 * - A commit that fails keeps its edits, in order, ahead of anything newer, and the queue stops
 *   until storage answers again: it is retried every `retryMs`, and when nothing is waiting the
 *   store is asked for the draft's last seq until it answers.
 * - A commit the store refuses because the draft was frozen (on another instance, before this
 *   one heard) is no failure: the batch and everything queued behind it are dropped, and nothing
 *   is retried.
 */
import type { AuthenticatedUser } from '../auth/authenticate';
import { DraftFrozen, type Store } from '../storage/types';
import type { GroupCommitter } from './persistence';
import type { Peer } from './peer';

/** A proved edit waiting for its commit. */
export interface Pending {
  update: Uint8Array;
  user: AuthenticatedUser;
  /** The peer that sent it, or null for a change the server writes (relayed to every peer). */
  origin: Peer | null;
  /** Told the update's seq once it is stored (server-written changes wait for it). */
  stored?: (seq: number) => void;
  /** Told why it will never be stored (a server-written change refused on a frozen draft). */
  refused?: (e: unknown) => void;
}

/** What the room does with a commit's outcome. */
export interface CommitHost {
  /** `batch` is durable, its edits stored at `seqs` (in order). */
  committed(batch: readonly Pending[], seqs: readonly number[]): void;
  /** The draft was frozen under us: `dropped` (the batch and all queued behind it) will never be stored. */
  frozen(dropped: readonly Pending[], e: DraftFrozen): void;
  /** Storage failed for the first time since it last answered (`e` says why). */
  failing(e: unknown): void;
  /** Storage answers again. */
  restored(): void;
}

/** The queue and the commit in flight of one room. */
export class RoomCommits {
  private queue: Pending[] = [];
  /** The batch being committed (its edits are in the proving copy, not yet in the document). */
  private committing: Pending[] = [];
  private inFlight: Promise<void> | null = null;
  private failed = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly draftId: string,
    private readonly store: Pick<Store, 'lastSeq'>,
    private readonly committer: GroupCommitter,
    private readonly retryMs: number,
    private readonly host: CommitHost,
  ) {}

  /** Queue a proved edit; it is committed with the next batch. */
  push(p: Pending): void {
    this.queue.push(p);
    this.pump();
  }

  /** The edits proved but not yet committed, in order (what the proving copy holds beyond the document). */
  uncommitted(): Uint8Array[] {
    return this.committing.concat(this.queue).map((p) => p.update);
  }

  /** The bytes waiting in the queue. */
  get queuedBytes(): number {
    return this.queue.reduce((n, p) => n + p.update.length, 0);
  }

  /** Whether storage failed and has not answered since. */
  get failing(): boolean {
    return this.failed;
  }

  /** Nothing waiting, nothing in flight, nothing failed. */
  get idle(): boolean {
    return this.queue.length === 0 && !this.inFlight && !this.failed;
  }

  /**
   * Resolves once the edits queued now are committed: the batch committing now, then the one
   * holding what waits behind it. Unlike `flush`, it ends while editors go on typing.
   */
  async committedSoFar(): Promise<void> {
    for (let round = 0; round < 2 && this.inFlight; round++) await this.inFlight;
  }

  /** Resolves when every queued edit is committed (or storage is failing). */
  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  /** Storage failed (a commit, or a claim the room made): pause, say so once, and retry. */
  fail(e: unknown): void {
    if (!this.failed) {
      this.failed = true;
      this.host.failing(e);
    }
    if (!this.retryTimer) this.retryTimer = setTimeout(() => void this.retry(), this.retryMs);
  }

  /** Stop retrying (the room is unloaded). */
  destroy(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private pump(): void {
    if (this.inFlight || this.failed || this.queue.length === 0) return;
    this.start();
  }

  private start(): void {
    const batch = this.queue;
    this.queue = [];
    this.inFlight = this.commit(batch).finally(() => {
      this.inFlight = null;
      this.pump();
    });
  }

  private async commit(batch: Pending[]): Promise<void> {
    this.committing = batch;
    try {
      await this.commitBatch(batch);
    } finally {
      this.committing = [];
    }
  }

  private async commitBatch(batch: Pending[]): Promise<void> {
    let stored;
    try {
      stored = await this.committer.submit(batch.map((p) => ({ draftId: this.draftId, update: p.update, userId: p.user.id, delegationId: p.user.delegationId })));
    } catch (e) {
      if (e instanceof DraftFrozen) return this.frozenUnderUs(batch, e);
      // Keep the edits, in order, ahead of anything newer; retry until storage answers.
      this.queue = batch.concat(this.queue);
      this.fail(e);
      return;
    }
    this.host.committed(
      batch,
      stored.map((s) => s.seq),
    );
    if (this.failed) this.restore();
  }

  // Nothing of the batch was stored, and nothing queued behind it ever will be. Storage
  // answered, so this is no outage: a failing queue is restored, and nothing is retried.
  private frozenUnderUs(batch: Pending[], e: DraftFrozen): void {
    const dropped = batch.concat(this.queue);
    this.queue = [];
    this.host.frozen(dropped, e);
    if (this.failed) this.restore();
  }

  private async retry(): Promise<void> {
    this.retryTimer = null;
    if (this.queue.length > 0) return this.start();
    try {
      await this.store.lastSeq(this.draftId);
      this.restore();
    } catch {
      this.fail(null);
    }
  }

  private restore(): void {
    this.failed = false;
    this.destroy();
    this.host.restored();
  }
}
