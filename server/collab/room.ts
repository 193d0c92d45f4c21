/**
 * One loaded draft: its Y.Doc, its presence (roomPresence.ts), open connections, and the
 * ordered path every edit takes — check rights and client ids, prove it on a copy (it must
 * change something, leave nothing pending, keep the text valid and the chair's locked
 * paragraphs as they are: textProof.ts, agreedGuard.ts), claim authorship, commit durably
 * (roomCommits.ts, one batch at a time), then relay the committed bytes and apply them. Nothing
 * reaches the document or another client before its commit is durable; a failed commit keeps
 * the edit in memory and stops accepting new ones until storage answers again. A commit the
 * store refuses because the draft was frozen (on another instance, before this one heard) is
 * not a failure: the edits are dropped, their senders told (refusals.ts), and the room turns
 * read-only.
 */
import * as Y from 'yjs';
import { mayEditText, textReadOnly, type DraftAccess } from '../../shared/policy';
import { CloseReasons, deniedReason, NoticeKinds, TEXT_FRAGMENT, type CollabMode } from '../../shared/protocol';
import { DraftFrozen, type Store } from '../storage/types';
import type { AccessAsRead } from '../readModels/draftAccess';
import { DomainErrors } from '../errors';
import type { AuthenticatedUser } from '../auth/authenticate';
import type { CollabOptions } from './options';
import type { GroupCommitter } from './persistence';
import { RoomCommits, type Pending } from './roomCommits';
import { ClientIdOwners } from './authorship';
import { inProcessFanout, type Fanout, type FanoutRoom } from './fanout';
import { LogFollower } from './seqs';
import { inspectUpdate } from './inspect';
import { RoomPresence } from './roomPresence';
import { ProvingDoc } from './textProof';
import { nestedTooDeep } from './fragmentText';
import { ParagraphLocks } from './agreedGuard';
import type { AwarenessEntry } from './wire';
import { syncStep1Frame, updateFrame } from './wire';
import { SyncAnswers } from './syncAnswers';
import { markEdit } from './trace';
import type { Peer } from './peer';
import { lockedWhy, MissingDependencies, refuse, refuseLocked } from './refusals';
import { Broadcast } from './broadcast';

/** The origin of changes that came from another instance (relayed to our peers, never published back). */
const REMOTE = Symbol('remote instance');
/** Whether a transaction's origin is another instance (its changes were stored, and acted on, there: staleWatch.ts). */
export const fromAnotherInstance = (origin: unknown): boolean => origin === REMOTE;
/** The origin of a batch of committed edits applied in one transaction. */
const BATCH = Symbol('committed batch');

/** A loaded draft. Created by the registry once checkpoint + tail are applied. */
export class DraftRoom implements FanoutRoom {
  private readonly presence: RoomPresence;
  readonly peers = new Set<Peer>();
  private readonly owners: ClientIdOwners;
  private readonly proving: ProvingDoc;
  private readonly locks: ParagraphLocks;
  private readonly unsynced = new MissingDependencies();
  private readonly commits: RoomCommits;
  private approxBytes: number;
  private checkpointSeq: number;
  private readonly follower: LogFollower;
  private readonly syncAnswers: SyncAnswers;
  /** Set by the registry: when the last peer left. */
  idleSince: number | null = Date.now();
  /** The draft's access, as the latest load the room was given found it (setAccess). */
  private access: DraftAccess;
  /** When that load began (AccessAsRead). */
  private accessReadFrom: number;

  constructor(
    readonly draftId: string,
    readonly doc: Y.Doc,
    seq: number,
    checkpointSeq: number,
    asRead: AccessAsRead,
    private readonly store: Store,
    committer: GroupCommitter,
    private readonly opts: CollabOptions,
    private readonly fanout: Fanout = inProcessFanout(),
  ) {
    this.checkpointSeq = checkpointSeq;
    this.access = asRead.access;
    this.accessReadFrom = asRead.readFrom;
    this.approxBytes = Y.encodeStateAsUpdate(doc).length;
    this.owners = new ClientIdOwners(store, draftId);
    this.locks = new ParagraphLocks(store, draftId, (e) => opts.log.error(`collab: reading the locks of ${draftId} failed`, e));
    // Updates read back from the log were stored by another instance: relay, never store again.
    this.follower = new LogFollower(
      store,
      draftId,
      seq,
      (u) => {
        Y.applyUpdate(doc, u, REMOTE);
        this.proving.mirror(u);
        this.relay(u, null);
      },
      opts.gapWaitMs,
    );
    this.commits = new RoomCommits(draftId, store, committer, opts.storageRetryMs, {
      committed: (batch, seqs) => this.committed(batch, seqs),
      frozen: (dropped, e) => this.frozenUnderUs(dropped, e),
      failing: (e) => this.pauseEdits(e),
      restored: () => this.resumeEdits(),
    });
    this.proving = new ProvingDoc(() => ({ doc: this.doc, queued: this.commits.uncommitted() }));
    this.presence = new RoomPresence(
      doc,
      () => this.peers,
      (id) => this.owners.knownOwner(id),
      opts.presenceIdsPerConnection,
      (update) => this.fanout.publishAwareness(draftId, update),
    );
    this.syncAnswers = new SyncAnswers(doc);
  }

  /** The seq of the last update applied to the document. */
  get lastSeq(): number {
    return this.follower.contiguous;
  }

  /** An update another instance stored at `seq` (over the fan-out). */
  applyRemoteUpdate(seq: number, update: Uint8Array): void {
    this.follower.remote(seq, update);
  }

  /** Presence from another instance's clients. */
  applyRemoteAwareness(update: Uint8Array): void {
    this.presence.applyRemote(update);
  }

  /** The presence of the clients connected here (what another instance asks for when it lacks it). */
  ownPresence(): Uint8Array | null {
    return this.presence.own();
  }

  /** Ask each client connected here to announce itself again (roomPresence.ts). */
  renewPresence(): void {
    this.presence.renew();
  }

  /** Apply whatever the log holds past what this room has (other instances' edits). */
  catchUp(): Promise<void> {
    return this.follower.catchUp();
  }

  /** Whether the room is holding edits it could not store yet. */
  get failing(): boolean {
    return this.commits.failing;
  }

  /** Whether the working text is too broken to send to an editor (see CloseReasons.textBroken). */
  get textBroken(): boolean {
    return nestedTooDeep(this.doc.getXmlFragment(TEXT_FRAGMENT));
  }

  /** The mode the policy gives `user` on this draft now. */
  modeFor(user: AuthenticatedUser): { mode: CollabMode; why: string } {
    const p = mayEditText(user, this.access);
    return p.ok ? { mode: 'edit', why: 'you may edit this text' } : { mode: 'read', why: p.error };
  }

  /** Admit a peer: send the server's state vector and everyone's presence. */
  join(peer: Peer): void {
    this.peers.add(peer);
    this.idleSince = null;
    peer.send(syncStep1Frame(this.doc));
    this.presence.greet(peer);
  }

  /** A peer left: drop its presence. */
  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    this.presence.leave(peer);
    if (this.peers.size === 0) this.idleSince = Date.now();
  }

  /** Answer a sync step 1 with what the peer lacks (kept while the text does not change: syncAnswers.ts). */
  answerSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    peer.send(this.syncAnswers.answer(stateVector));
  }

  /** A peer's (already parsed) awareness update (roomPresence.ts). */
  receiveAwareness(peer: Peer, clients: readonly AwarenessEntry[]): void {
    this.presence.receive(peer, clients);
  }

  /** Send every presence to a peer that asked (query-awareness). */
  answerQueryAwareness(peer: Peer): void {
    this.presence.answerQuery(peer);
  }

  /**
   * An update or sync step 2 from a peer. Throws MalformedFrame for garbage; otherwise either
   * queues it for commit or refuses it and tells the peer. Resolves once queued (not committed).
   */
  async receiveContent(peer: Peer, update: Uint8Array): Promise<void> {
    const facts = inspectUpdate(this.doc, update);
    markEdit('inspected');
    if (!facts.changes) return; // nothing new (a reconnecting client's step 2): nothing to store
    if (!this.mayQueue(peer)) return;
    if (this.approxBytes + update.length > this.opts.maxDraftBytes) {
      refuse(peer, { reason: 'draft_too_large' }, 'the draft has reached its size limit');
      peer.close(CloseReasons.draftTooLarge);
      return;
    }
    // Ids another user's connection speaks for are not this peer's to write under (nor to claim).
    if (facts.writerClientIds.some((id) => !this.presence.mayWriteUnder(peer, id))) {
      refuse(peer, { reason: 'client_id_taken' }, 'your edit was written under a client id that is not yours');
      peer.close(CloseReasons.clientIdTaken);
      return;
    }
    // Known locks and known owners are used as they are: an edit waits for the store only when it must.
    const locked = this.locks.known ?? (await this.locks.current());
    const lockedIds = new Set(locked.keys());
    let proof = this.proving.prove(update, facts.firstClocks, lockedIds);
    // It may build on edits another instance stored that this room has not read yet.
    if (!proof.ok && proof.problem === 'missing_dependencies') {
      // (Storage that does not answer now leaves the update refused, as it would be anyway.)
      await this.catchUp().catch(() => undefined);
      proof = this.proving.prove(update, facts.firstClocks, lockedIds);
    }
    if (!proof.ok) {
      if (proof.problem === 'invalid_text') {
        refuse(peer, { reason: 'invalid_text', why: proof.why }, `your edit would make the text invalid: ${proof.why}`);
        peer.close(CloseReasons.invalidText);
      } else if (proof.problem === 'locked_paragraph') {
        refuseLocked(peer, this.doc, proof.paragraphIds, locked);
      } else {
        this.unsynced.refuse(peer, this.doc);
      }
      return;
    }
    markEdit('proved');
    this.unsynced.synced(peer);
    if (!proof.changed) return; // applies cleanly and changes nothing: not worth a row in the log
    let taken: number[];
    try {
      taken = this.owners.ownsAll(peer.user.id, facts.writerClientIds) ? [] : await this.owners.claim(peer.user.id, facts.writerClientIds);
    } catch (e) {
      this.proving.discard();
      this.commits.fail(e);
      refuse(peer, { reason: 'storage_unavailable' }, 'storage is unavailable; your edit was not saved');
      return;
    }
    if (taken.length > 0) {
      this.proving.discard();
      refuse(peer, { reason: 'client_id_taken' }, 'your edit was written under a client id another user owns');
      peer.close(CloseReasons.clientIdTaken);
      return;
    }
    // Rights may have changed while the claim was in the store.
    if (!this.mayQueue(peer)) {
      this.proving.discard();
      return;
    }
    this.approxBytes += update.length;
    markEdit('queued');
    this.commits.push({ update, user: peer.user, origin: peer });
  }

  /**
   * A change the server writes on behalf of `user` (an imported text replacing the working
   * text): claimed, committed and relayed to every peer exactly like a peer's edit. Resolves
   * with its seq once stored; rejects at once when storage is failing or a client id clashes,
   * with the chair's reason (422 refused) when it changes a locked paragraph,
   * with DraftFrozen when the draft is frozen (known here, or found by the store), and with the
   * policy's refusal once action is taken on it (its working text is read-only from then on).
   */
  async submitFromServer(update: Uint8Array, user: AuthenticatedUser, clientIds: number[]): Promise<number> {
    this.refuseClosedText();
    if (this.commits.failing) throw new Error('storage is unavailable; nothing was changed');
    const taken = await this.owners.claim(user.id, clientIds);
    if (taken.length > 0) throw new Error("the change collided with an editor's client id; try again");
    const locked = await this.locks.current();
    this.refuseClosedText();
    // The server's own changes are held to the same rules as anyone's, the chair's locks included.
    const proof = this.proving.prove(update, undefined, new Set(locked.keys()));
    if (!proof.ok && proof.problem === 'locked_paragraph') throw DomainErrors.refused(`${lockedWhy(this.doc, proof.paragraphIds, locked)}; nothing was changed`);
    if (!proof.ok)
      throw new Error(proof.problem === 'invalid_text' ? `the change would make the text invalid: ${proof.why}` : 'the change depends on content the server does not have');
    return new Promise<number>((resolve, reject) => {
      this.approxBytes += update.length;
      this.commits.push({ update, user, origin: null, stored: resolve, refused: reject });
    });
  }

  // A server-written change to a text nobody may change: DraftFrozen (as the store would say), or the policy's reason.
  private refuseClosedText(): void {
    const closed = textReadOnly(this.access);
    if (closed?.reason === 'frozen') throw new DraftFrozen([this.draftId]);
    if (closed) throw DomainErrors.forbidden(closed.message);
  }

  private mayQueue(peer: Peer): boolean {
    if (peer.mode !== 'edit') {
      this.refuseReadOnly(peer);
      return false;
    }
    if (this.commits.failing) {
      refuse(peer, { reason: 'storage_unavailable' }, 'storage is unavailable; your edit was not saved');
      return false;
    }
    return true;
  }

  /** Tell a peer its edit was dropped because it may not edit (now). */
  private refuseReadOnly(peer: Peer): void {
    const why = this.modeFor(peer.user).why;
    refuse(peer, { reason: 'read_only', why }, `your edit was not accepted: ${why}`);
  }

  /**
   * Re-evaluate every peer's rights after the draft's access changed; tell those whose mode
   * changed. An access read by a load that began before the one the room holds is older news
   * (an admission that read the record before a change the room has heard of): it is ignored.
   */
  setAccess({ access, readFrom }: AccessAsRead): void {
    if (readFrom < this.accessReadFrom) return;
    this.access = access;
    this.accessReadFrom = readFrom;
    // Called whenever the record changed: the chair may have locked or unlocked a paragraph.
    this.locks.reload();
    for (const peer of this.peers) {
      const { mode, why } = this.modeFor(peer.user);
      if (mode === peer.mode) continue;
      peer.mode = mode;
      peer.tell(
        { kind: NoticeKinds.mode, why: mode === 'read' ? why : null, message: mode === 'edit' ? 'you may now edit this text' : `this text is now read-only for you: ${why}` },
        mode === 'read' ? deniedReason('read_only', why) : undefined,
      );
      // A new editor may hold edits we refused earlier: ask for them.
      if (mode === 'edit') peer.send(syncStep1Frame(this.doc));
    }
  }

  /**
   * Resolves once the edits queued now are committed: the batch committing now, then the one
   * holding what waits behind it. Unlike `flush`, it ends while editors go on typing.
   */
  committedSoFar(): Promise<void> {
    return this.commits.committedSoFar();
  }

  /** Resolves when every queued edit is committed (or the room is failing). */
  flush(): Promise<void> {
    return this.commits.flush();
  }

  /** Whether the room can be unloaded: nobody here and nothing waiting to be stored. */
  get idle(): boolean {
    return this.peers.size === 0 && this.commits.idle;
  }

  /** Write a checkpoint if the log has moved since the last one (best effort). */
  async checkpoint(force = false): Promise<void> {
    // With a seq missing, the document is not the state at any one seq: no checkpoint then.
    if (this.follower.hasGap) return;
    const seq = this.follower.contiguous;
    if (seq === this.checkpointSeq) return;
    if (!force && seq - this.checkpointSeq < this.opts.checkpointEvery) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    this.approxBytes = state.length + this.commits.queuedBytes;
    this.checkpointSeq = seq;
    try {
      await this.store.saveCheckpoint({ draftId: this.draftId, seq, state });
    } catch (e) {
      // The log holds everything; a missing checkpoint only makes the next load slower.
      this.checkpointSeq = Math.min(this.checkpointSeq, seq - 1);
      this.opts.log.warn(`collab: checkpoint of ${this.draftId} at ${seq} failed`, e);
    }
  }

  /** Stop timers and listeners; the caller has flushed and checkpointed. */
  destroy(): void {
    this.commits.destroy();
    this.follower.destroy();
    this.presence.destroy();
    this.syncAnswers.destroy();
    this.doc.destroy();
  }

  /**
   * A batch is durable: the peers get the committed bytes as they are (proved on the copy, they
   * apply as they are) before the document takes them: they need not wait for the server's own
   * apply, and the document has no 'update' listener, so Yjs encodes nothing again. A batch of
   * several edits (they arrived while the previous commit ran) goes as one update holding all of
   * them: when edits bunch up, every client has fewer messages to handle. Its authors get their
   * own edits back in it, which Yjs ignores; an edit alone skips its author.
   */
  private committed(batch: readonly Pending[], seqs: readonly number[]): void {
    markEdit('committed');
    if (batch.length === 1) this.relay(batch[0]!.update, batch[0]!.origin);
    else this.relay(Y.mergeUpdates(batch.map((p) => p.update)), null);
    markEdit('sent');
    Y.transact(this.doc, () => batch.forEach((p, i) => this.applyStored(p, seqs[i]!)), BATCH);
    this.fanout.publishUpdates(
      this.draftId,
      batch.map((p, i) => ({ seq: seqs[i]!, update: p.update })),
    );
    void this.checkpoint();
  }

  /** Send an update to every peer but `except` (its author). */
  private relay(update: Uint8Array, except: Peer | null): void {
    const message = new Broadcast(updateFrame(update));
    markEdit('encoded');
    for (const peer of this.peers) if (peer !== except) peer.send(message);
  }

  /** Apply a committed edit to the document (and tell a server-written change its seq). */
  private applyStored(p: Pending, seq: number): void {
    try {
      Y.applyUpdate(this.doc, p.update);
    } catch (e) {
      this.opts.log.error(`collab: stored update ${this.draftId}#${seq} failed to apply`, e);
    }
    this.follower.applied(seq);
    p.stored?.(seq);
  }

  /**
   * The store refused a batch because the draft is frozen: the freeze committed (here or on
   * another instance) before this room heard of it. Nothing of `dropped` (the batch and all
   * queued behind it) was stored: it goes unapplied and unrelayed. A freeze is final, so the
   * room turns read-only at once rather than waiting for the access message (late, or lost).
   */
  private frozenUnderUs(dropped: readonly Pending[], e: DraftFrozen): void {
    this.proving.discard();
    this.approxBytes -= dropped.reduce((n, p) => n + p.update.length, 0);
    this.setAccess({ access: { ...this.access, frozen: true }, readFrom: this.accessReadFrom });
    const senders = new Set<Peer>();
    for (const p of dropped) {
      if (p.origin) senders.add(p.origin);
      else p.refused?.(e);
    }
    // Their clients still show the dropped edits; as with any refusal, a reload shows the stored text.
    for (const peer of senders) if (this.peers.has(peer)) this.refuseReadOnly(peer);
    for (const peer of this.peers) peer.tell({ kind: NoticeKinds.recordChanged, message: "the draft's record changed" });
  }

  // Storage failed: editors are told that edits pause (they resume by themselves).
  private pauseEdits(e: unknown): void {
    this.opts.log.error(`collab: storing edits of ${this.draftId} failed; edits paused`, e);
    for (const peer of this.peers) {
      if (peer.mode === 'edit') peer.tell({ kind: NoticeKinds.storageUnavailable, message: 'storage is unavailable: edits are paused and will resume by themselves' });
    }
  }

  // Storage answers again: editors are told, and asked for what was refused meanwhile (their clients still hold it).
  private resumeEdits(): void {
    for (const peer of this.peers) {
      if (peer.mode !== 'edit') continue;
      peer.tell({ kind: NoticeKinds.storageRestored, message: 'storage is back: edits are accepted again' });
      peer.send(syncStep1Frame(this.doc));
    }
  }
}
