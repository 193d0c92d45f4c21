/**
 * One loaded draft: its Y.Doc, presence, open connections, and the ordered path every edit
 * takes — check rights and client ids, prove it on a copy (it must change something, leave
 * nothing pending, keep the text valid and the chair's locked paragraphs as they are:
 * textProof.ts, agreedGuard.ts), claim authorship, commit durably, then relay the committed
 * bytes and apply them. Nothing reaches the document or another client before its commit is
 * durable; a failed commit keeps the edit in memory and stops accepting new ones until storage
 * answers again. A commit the store refuses
 * because the draft was frozen (on another instance, before this one heard) is not a failure:
 * the edits are dropped, their senders told, and the room turns read-only.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { mayEditText, textReadOnly, type DraftAccess } from '../../shared/policy';
import { CloseReasons, deniedReason, NoticeKinds, TEXT_FRAGMENT, type CloseReason, type CollabMode, type Notice, type Refusal } from '../../shared/protocol';
import type { PresenceSubject } from '../../shared/presence';
import { lockedRefusal, type ParagraphState } from '../../shared/negotiation';
import { sequentialNumbering } from '../../shared/numbering';
import { DraftFrozen, type Store } from '../storage/types';
import { DomainErrors } from '../errors';
import type { AuthenticatedUser } from '../auth/authenticate';
import type { CollabOptions } from './options';
import type { GroupCommitter } from './persistence';
import { ClientIdOwners } from './authorship';
import { inProcessFanout, type Fanout, type FanoutRoom } from './fanout';
import { LogFollower } from './seqs';
import { inspectUpdate } from './inspect';
import { awarenessRemoval } from './remotePresence';
import { PresenceGuard } from './presenceGuard';
import { ProvingDoc } from './textProof';
import { docText, nestedTooDeep } from './fragmentText';
import { ParagraphLocks } from './agreedGuard';
import type { AwarenessEntry } from './wire';
import { awarenessFrame, syncStep1Frame, syncStep2Frame, updateFrame } from './wire';
import { markEdit } from './trace';
import { Broadcast } from './broadcast';

/** A notice before the connection adds its mode. */
export type NoticeBody = Notice extends infer N ? (N extends Notice ? Omit<N, 'mode'> : never) : never;

/** What a room needs from a connection. */
export interface Peer {
  readonly user: AuthenticatedUser;
  /** Who the server stamps on this peer's presence. */
  readonly subject: PresenceSubject;
  mode: CollabMode;
  /** Awareness client ids this peer speaks for (removed when it leaves). */
  readonly awarenessIds: Set<number>;
  /** Send a frame, or a message framed once for many peers. */
  send(message: Uint8Array | Broadcast): void;
  /** Tell the peer something (a notice, and a permission-denied message for refusals). */
  tell(notice: NoticeBody, denied?: string): void;
  close(reason: CloseReason): void;
}

/** How many updates in a row with missing dependencies a connection may send before it is closed. */
const MAX_UNSYNCED_UPDATES = 50;

/** The origin of changes that came from another instance (relayed to our peers, never published back). */
const REMOTE = Symbol('remote instance');
/** Whether a transaction's origin is another instance (its changes were stored, and acted on, there: staleWatch.ts). */
export const fromAnotherInstance = (origin: unknown): boolean => origin === REMOTE;
/** The origin of a batch of committed edits applied in one transaction. */
const BATCH = Symbol('committed batch');

interface Pending {
  update: Uint8Array;
  user: AuthenticatedUser;
  /** The peer that sent it, or null for a change the server writes (relayed to every peer). */
  origin: Peer | null;
  /** Told the update's seq once it is stored (server-written changes wait for it). */
  stored?: (seq: number) => void;
  /** Told why it will never be stored (a server-written change refused on a frozen draft). */
  refused?: (e: unknown) => void;
}

/** A loaded draft. Created by the registry once checkpoint + tail are applied. */
export class DraftRoom implements FanoutRoom {
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<Peer>();
  private readonly owners: ClientIdOwners;
  private readonly proving: ProvingDoc;
  private readonly guard: PresenceGuard;
  private readonly locks: ParagraphLocks;
  /** Updates with missing dependencies each peer sent since its last accepted one. */
  private readonly unsynced = new WeakMap<Peer, number>();
  private queue: Pending[] = [];
  /** The batch being committed (its edits are in the proving copy, not yet in the document). */
  private committing: Pending[] = [];
  private inFlight: Promise<void> | null = null;
  private storageFailed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private approxBytes: number;
  private checkpointSeq: number;
  private readonly follower: LogFollower;
  /** The last answer to a sync step 1, and the state vector it answered (answerSyncStep1). */
  private lastSyncAnswer: { stateVector: Uint8Array; answer: Broadcast } | null = null;
  /** Set by the registry: when the last peer left. */
  idleSince: number | null = Date.now();

  constructor(
    readonly draftId: string,
    readonly doc: Y.Doc,
    seq: number,
    checkpointSeq: number,
    private access: DraftAccess,
    private readonly store: Store,
    private readonly committer: GroupCommitter,
    private readonly opts: CollabOptions,
    private readonly fanout: Fanout = inProcessFanout(),
  ) {
    this.checkpointSeq = checkpointSeq;
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
    this.proving = new ProvingDoc(() => ({ doc: this.doc, queued: this.committing.concat(this.queue).map((p) => p.update) }));
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.guard = new PresenceGuard(
      this.awareness,
      () => this.peers,
      (id) => this.owners.knownOwner(id),
      opts.presenceIdsPerConnection,
    );
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwareness);
    doc.on('afterTransaction', this.forgetSyncAnswer);
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
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
  }

  /** The presence of the clients connected here (what another instance asks for when it lacks it). */
  ownPresence(): Uint8Array | null {
    const ids = [...this.peers].flatMap((peer) => this.presentIds(peer));
    return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : null;
  }

  // The client ids a peer owns that are present in the room now.
  private presentIds(peer: Peer): number[] {
    return [...peer.awarenessIds].filter((id) => this.awareness.getStates().has(id));
  }

  /**
   * Ask each client connected here to announce itself again. Told that it left, a y-protocols
   * client keeps its state and re-announces it with its clock one higher, which every instance
   * and every client then accepts.
   */
  renewPresence(): void {
    for (const peer of this.peers) {
      const own = this.presentIds(peer);
      if (own.length === 0) continue;
      peer.send(awarenessFrame(awarenessRemoval(own.map((clientId) => ({ clientId, clock: this.awareness.meta.get(clientId)?.clock ?? 0 })))));
    }
  }

  /** Apply whatever the log holds past what this room has (other instances' edits). */
  catchUp(): Promise<void> {
    return this.follower.catchUp();
  }

  /** Whether the room is holding edits it could not store yet. */
  get failing(): boolean {
    return this.storageFailed;
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
    const ids = [...this.awareness.getStates().keys()];
    if (ids.length > 0) peer.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
  }

  /** A peer left: drop its presence. */
  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    if (peer.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null);
    if (this.peers.size === 0) this.idleSince = Date.now();
  }

  /**
   * Answer a sync step 1 with what the peer lacks (only committed content is in the doc). The
   * last answer is kept while the document does not change: delegates opening a draft together
   * (the start of a meeting) send the same state vector, empty or as their client seeds it, and
   * a whole text need not be encoded again for each of them.
   */
  answerSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    const last = this.lastSyncAnswer;
    if (last && Buffer.compare(last.stateVector, stateVector) === 0) return peer.send(last.answer);
    const answer = new Broadcast(syncStep2Frame(this.doc, stateVector));
    this.lastSyncAnswer = { stateVector: Uint8Array.from(stateVector), answer };
    peer.send(answer);
  }

  // Whatever changed the document, the kept answer is out of date.
  private readonly forgetSyncAnswer = (): void => {
    this.lastSyncAnswer = null;
  };

  /**
   * A peer's (already parsed) awareness update: what it may say (presenceGuard.ts), stamped
   * with the identity the server authenticated, is applied and relayed; the rest is dropped.
   */
  receiveAwareness(peer: Peer, clients: readonly AwarenessEntry[]): void {
    const { update, renew } = this.guard.admit(peer, clients);
    if (update) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
    if (renew.length > 0) peer.send(awarenessFrame(awarenessRemoval(renew)));
  }

  /** Send every presence to a peer that asked (query-awareness). */
  answerQueryAwareness(peer: Peer): void {
    const ids = [...this.awareness.getStates().keys()];
    peer.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
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
      this.refuse(peer, { reason: 'draft_too_large' }, 'the draft has reached its size limit');
      peer.close(CloseReasons.draftTooLarge);
      return;
    }
    // Ids another user's connection speaks for are not this peer's to write under (nor to claim).
    if (facts.writerClientIds.some((id) => !this.guard.mayWriteUnder(peer, id))) {
      this.refuse(peer, { reason: 'client_id_taken' }, 'your edit was written under a client id that is not yours');
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
        this.refuse(peer, { reason: 'invalid_text', why: proof.why }, `your edit would make the text invalid: ${proof.why}`);
        peer.close(CloseReasons.invalidText);
      } else if (proof.problem === 'locked_paragraph') {
        this.refuseLocked(peer, proof.paragraphIds, locked);
      } else {
        this.refuseMissing(peer);
      }
      return;
    }
    markEdit('proved');
    this.unsynced.delete(peer);
    if (!proof.changed) return; // applies cleanly and changes nothing: not worth a row in the log
    let taken: number[];
    try {
      taken = this.owners.ownsAll(peer.user.id, facts.writerClientIds) ? [] : await this.owners.claim(peer.user.id, facts.writerClientIds);
    } catch (e) {
      this.proving.discard();
      this.fail(e);
      this.refuse(peer, { reason: 'storage_unavailable' }, 'storage is unavailable; your edit was not saved');
      return;
    }
    if (taken.length > 0) {
      this.proving.discard();
      this.refuse(peer, { reason: 'client_id_taken' }, 'your edit was written under a client id another user owns');
      peer.close(CloseReasons.clientIdTaken);
      return;
    }
    // Rights may have changed while the claim was in the store.
    if (!this.mayQueue(peer)) {
      this.proving.discard();
      return;
    }
    this.queue.push({ update, user: peer.user, origin: peer });
    this.approxBytes += update.length;
    markEdit('queued');
    this.pump();
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
    if (this.storageFailed) throw new Error('storage is unavailable; nothing was changed');
    const taken = await this.owners.claim(user.id, clientIds);
    if (taken.length > 0) throw new Error("the change collided with an editor's client id; try again");
    const locked = await this.locks.current();
    this.refuseClosedText();
    // The server's own changes are held to the same rules as anyone's, the chair's locks included.
    const proof = this.proving.prove(update, undefined, new Set(locked.keys()));
    if (!proof.ok && proof.problem === 'locked_paragraph') throw DomainErrors.refused(`${this.lockedWhy(proof.paragraphIds, locked)}; nothing was changed`);
    if (!proof.ok)
      throw new Error(proof.problem === 'invalid_text' ? `the change would make the text invalid: ${proof.why}` : 'the change depends on content the server does not have');
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ update, user, origin: null, stored: resolve, refused: reject });
      this.approxBytes += update.length;
      this.pump();
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
    if (this.storageFailed) {
      this.refuse(peer, { reason: 'storage_unavailable' }, 'storage is unavailable; your edit was not saved');
      return false;
    }
    return true;
  }

  /**
   * An update that depends on content the server does not have is not stored. An honest client
   * sends one when it types the moment it reconnects, before it has answered the server's sync
   * request with the edits it made offline: asked to sync again, it sends them all, and the
   * refused edit with them. A connection that keeps sending such updates is closed.
   */
  private refuseMissing(peer: Peer): void {
    const times = (this.unsynced.get(peer) ?? 0) + 1;
    this.unsynced.set(peer, times);
    this.refuse(peer, { reason: 'missing_dependencies' }, 'your edit depends on content the server does not have; send what you have');
    if (times > MAX_UNSYNCED_UPDATES) peer.close(CloseReasons.missingDependencies);
    else peer.send(syncStep1Frame(this.doc));
  }

  /** Tell a peer its edit was dropped (a notice, and y-protocols' "permission denied" for stock clients). */
  private refuse(peer: Peer, refusal: Refusal, message: string): void {
    // Stock clients read "read_only: <the policy's reason>", as they always have.
    const denied = refusal.reason === 'read_only' || refusal.reason === 'paragraph_locked' ? refusal.why : message;
    peer.tell({ kind: NoticeKinds.updateRefused, refusal, message }, deniedReason(refusal.reason, denied));
  }

  /**
   * An edit of a paragraph the chair locked: told why, in the chair's words, and closed, as its
   * copy now holds an edit the server will never have (the client reloads the stored text).
   */
  private refuseLocked(peer: Peer, paragraphIds: string[], locked: ReadonlyMap<string, ParagraphState>): void {
    const why = this.lockedWhy(paragraphIds, locked);
    this.refuse(peer, { reason: 'paragraph_locked', paragraphIds, why }, `your edit was not accepted: ${why}`);
    const reason = Buffer.byteLength(why) <= 123 ? why : CloseReasons.paragraphLocked.reason;
    peer.close({ code: CloseReasons.paragraphLocked.code, reason });
  }

  // "OP 3 is agreed and locked by the chair: …", for the first of the locked paragraphs an edit touched.
  private lockedWhy(paragraphIds: string[], locked: ReadonlyMap<string, ParagraphState>): string {
    const text = docText(this.doc);
    const refs = text.ok ? sequentialNumbering(text.value).byId : new Map<string, { ref: string }>();
    return lockedRefusal(refs.get(paragraphIds[0]!)?.ref || `paragraph ${paragraphIds[0]}`, locked.get(paragraphIds[0]!) ?? 'agreed');
  }

  /** Tell a peer its edit was dropped because it may not edit (now). */
  private refuseReadOnly(peer: Peer): void {
    const why = this.modeFor(peer.user).why;
    this.refuse(peer, { reason: 'read_only', why }, `your edit was not accepted: ${why}`);
  }

  /** Re-evaluate every peer's rights after the draft's access changed; tell those whose mode changed. */
  setAccess(access: DraftAccess): void {
    this.access = access;
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
  async committedSoFar(): Promise<void> {
    for (let round = 0; round < 2 && this.inFlight; round++) await this.inFlight;
  }

  /** Resolves when every queued edit is committed (or the room is failing). */
  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  /** Whether the room can be unloaded: nobody here and nothing waiting to be stored. */
  get idle(): boolean {
    return this.peers.size === 0 && this.queue.length === 0 && !this.inFlight && !this.storageFailed;
  }

  /** Write a checkpoint if the log has moved since the last one (best effort). */
  async checkpoint(force = false): Promise<void> {
    // With a seq missing, the document is not the state at any one seq: no checkpoint then.
    if (this.follower.hasGap) return;
    const seq = this.follower.contiguous;
    if (seq === this.checkpointSeq) return;
    if (!force && seq - this.checkpointSeq < this.opts.checkpointEvery) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    this.approxBytes = state.length + this.queue.reduce((n, p) => n + p.update.length, 0);
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
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.follower.destroy();
    this.awareness.off('update', this.onAwareness);
    this.doc.off('afterTransaction', this.forgetSyncAnswer);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private pump(): void {
    if (this.inFlight || this.storageFailed || this.queue.length === 0) return;
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
    markEdit('committed');
    // The peers get the committed bytes as they are (proved on the copy, they apply as they are)
    // before the document takes them: they need not wait for the server's own apply, and the
    // document has no 'update' listener, so Yjs encodes nothing again. A batch of several edits
    // (they arrived while the previous commit ran) goes as one update holding all of them: when
    // edits bunch up, every client has fewer messages to handle. Its authors get their own
    // edits back in it, which Yjs ignores; an edit alone skips its author.
    if (batch.length === 1) this.relay(batch[0]!.update, batch[0]!.origin);
    else this.relay(Y.mergeUpdates(batch.map((p) => p.update)), null);
    markEdit('sent');
    Y.transact(this.doc, () => batch.forEach((p, i) => this.applyStored(p, stored[i]!.seq)), BATCH);
    this.fanout.publishUpdates(
      this.draftId,
      batch.map((p, i) => ({ seq: stored[i]!.seq, update: p.update })),
    );
    if (this.storageFailed) this.restore();
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
   * The store refused `batch` because the draft is frozen: the freeze committed (here or on
   * another instance) before this room heard of it. Nothing of it was stored, and nothing queued
   * behind it ever will be: drop it all, unapplied and unrelayed. A freeze is final, so the room
   * turns read-only at once rather than waiting for the access message (late, or lost). Storage
   * answered, so this is no outage and nothing is retried.
   */
  private frozenUnderUs(batch: Pending[], e: DraftFrozen): void {
    const dropped = batch.concat(this.queue);
    this.queue = [];
    this.proving.discard();
    this.approxBytes -= dropped.reduce((n, p) => n + p.update.length, 0);
    this.setAccess({ ...this.access, frozen: true });
    // Storage answered: no longer failing (read-only peers are not asked for their edits again).
    if (this.storageFailed) this.restore();
    const senders = new Set<Peer>();
    for (const p of dropped) {
      if (p.origin) senders.add(p.origin);
      else p.refused?.(e);
    }
    // Their clients still show the dropped edits; as with any refusal, a reload shows the stored text.
    for (const peer of senders) if (this.peers.has(peer)) this.refuseReadOnly(peer);
    for (const peer of this.peers) peer.tell({ kind: NoticeKinds.recordChanged, message: "the draft's record changed" });
  }

  private fail(e: unknown): void {
    if (!this.storageFailed) {
      this.storageFailed = true;
      this.opts.log.error(`collab: storing edits of ${this.draftId} failed; edits paused`, e);
      for (const peer of this.peers) {
        if (peer.mode === 'edit') peer.tell({ kind: NoticeKinds.storageUnavailable, message: 'storage is unavailable: edits are paused and will resume by themselves' });
      }
    }
    if (!this.retryTimer) this.retryTimer = setTimeout(() => void this.retry(), this.opts.storageRetryMs);
  }

  private async retry(): Promise<void> {
    this.retryTimer = null;
    if (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      this.inFlight = this.commit(batch).finally(() => {
        this.inFlight = null;
        this.pump();
      });
      return;
    }
    try {
      await this.store.lastSeq(this.draftId);
      this.restore();
    } catch {
      this.fail(null);
    }
  }

  private restore(): void {
    this.storageFailed = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    for (const peer of this.peers) {
      if (peer.mode !== 'edit') continue;
      peer.tell({ kind: NoticeKinds.storageRestored, message: 'storage is back: edits are accepted again' });
      // Ask for what we refused while storage was down; the client still holds it.
      peer.send(syncStep1Frame(this.doc));
    }
  }

  private readonly onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const changed = added.concat(updated, removed);
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const message = new Broadcast(awarenessFrame(update));
    for (const peer of this.peers) if (peer !== origin) peer.send(message);
    if (origin !== REMOTE) this.fanout.publishAwareness(this.draftId, update);
  };
}
