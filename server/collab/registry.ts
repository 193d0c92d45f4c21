/**
 * The loaded drafts: load on first use (checkpoint + tail of the log, all before any peer is
 * answered), share one room per draft, unload a room nobody has used for a while.
 */
import * as Y from 'yjs';
import { loadDraftAccess, type AccessAsRead } from '../readModels/draftAccess';
import type { Store, UpdateLogRepo } from '../storage/types';
import type { CollabOptions } from './options';
import { inProcessFanout, type Fanout } from './fanout';
import type { GroupCommitter } from './persistence';
import { DraftRoom } from './room';
import { seedWorkingText, showIssuedText } from './seed';

/** Rebuild a draft's document from its newest checkpoint (≤ uptoSeq) and the log after it. */
export async function loadDoc(
  store: Pick<UpdateLogRepo, 'latestCheckpoint' | 'listUpdates'>,
  draftId: string,
  uptoSeq?: number,
): Promise<{ doc: Y.Doc; seq: number; checkpointSeq: number }> {
  const doc = new Y.Doc({ gc: true });
  const cp = await store.latestCheckpoint(draftId, uptoSeq);
  let seq = 0;
  if (cp) {
    Y.applyUpdate(doc, cp.state);
    seq = cp.seq;
  }
  const tail = await store.listUpdates(draftId, seq, uptoSeq);
  if (tail.length > 0) {
    // One merged apply is much faster than thousands of small ones.
    Y.applyUpdate(doc, Y.mergeUpdates(tail.map((u) => u.update)));
    seq = tail[tail.length - 1]!.seq;
  }
  return { doc, seq, checkpointSeq: cp?.seq ?? 0 };
}

/** One room per loaded draft. */
export class RoomRegistry {
  private readonly rooms = new Map<string, DraftRoom>();
  private readonly loading = new Map<string, Promise<DraftRoom>>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly store: Store,
    private readonly committer: GroupCommitter,
    private readonly opts: CollabOptions,
    private readonly fanout: Fanout = inProcessFanout(),
  ) {
    this.sweeper = setInterval(() => void this.sweep(), Math.max(50, Math.min(5_000, opts.unloadAfterMs / 2)));
    this.sweeper.unref();
  }

  /** The loaded room of a draft, if any. */
  get(draftId: string): DraftRoom | undefined {
    return this.rooms.get(draftId);
  }

  /** All loaded rooms. */
  all(): DraftRoom[] {
    return [...this.rooms.values()];
  }

  /** The room of a draft, loading it first if needed (concurrent callers share one load). */
  async acquire(draftId: string, access: AccessAsRead): Promise<DraftRoom> {
    const room = this.rooms.get(draftId);
    if (room) {
      // Keep a room that is about to get a peer from being swept in between.
      if (room.peers.size === 0) room.idleSince = Date.now();
      room.setAccess(access);
      // Beside other instances, bring the room up to the log first: a client moving here from a
      // dead instance then finds its edits already in, and does not have them stored twice.
      if (this.fanout.distributed) await room.catchUp().catch((e: unknown) => this.opts.log.warn(`collab: catching up ${draftId} failed`, e));
      return room;
    }
    let p = this.loading.get(draftId);
    if (!p) {
      p = (async () => {
        await seedWorkingText(this.store, draftId);
        // The access again, read now that this load is under way (\`loading\`): a change the
        // admission read too early for, refreshed while no room was here, is in this reading; a
        // change after it finds the load, and refreshes the room once it is loaded (\`loaded\`).
        const current = (await loadDraftAccess(this.store, draftId)) ?? access;
        const { doc, seq, checkpointSeq } = await loadDoc(this.store, draftId);
        if (seq === 0 && current.access.frozen) await showIssuedText(this.store, draftId, doc);
        const r = new DraftRoom(draftId, doc, seq, checkpointSeq, current, this.store, this.committer, this.opts, this.fanout);
        this.rooms.set(draftId, r);
        this.fanout.join(r);
        return r;
      })().finally(() => this.loading.delete(draftId));
      this.loading.set(draftId, p);
    }
    return p;
  }

  /** The room of a draft once the load under way ends, or undefined when none is under way (or it failed). */
  async loaded(draftId: string): Promise<DraftRoom | undefined> {
    return this.loading.get(draftId)?.catch(() => undefined);
  }

  /** Unload rooms idle for longer than the option says (checkpointing them first). */
  async sweep(now = Date.now()): Promise<void> {
    for (const room of this.rooms.values()) {
      if (!room.idle || room.idleSince === null || now - room.idleSince < this.opts.unloadAfterMs) continue;
      this.rooms.delete(room.draftId);
      this.fanout.leave(room.draftId);
      await room.checkpoint(true);
      room.destroy();
    }
  }

  /** Flush, checkpoint and drop every room. */
  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    for (const room of this.rooms.values()) {
      this.fanout.leave(room.draftId);
      await room.flush();
      await room.checkpoint(true);
      room.destroy();
    }
    this.rooms.clear();
  }
}
