/**
 * A room's presence (who is here, their cursors): the y-protocols awareness of its document.
 * What a peer may say in it is decided by presenceGuard.ts, stamped with the identity the server
 * authenticated. Every change is relayed to the room's other peers, framed once, and a change
 * made on this instance is also published to the fan-out, for the other instances. Presence is
 * never stored.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { Broadcast } from './broadcast';
import { PresenceGuard } from './presenceGuard';
import { awarenessRemoval } from './remotePresence';
import type { Peer } from './peer';
import { type AwarenessEntry, awarenessFrame } from './wire';

/** The origin of presence that came from another instance (relayed to our peers, never published back). */
const REMOTE = Symbol('remote presence');

/** The presence of one room. */
export class RoomPresence {
  private readonly awareness: awarenessProtocol.Awareness;
  private readonly guard: PresenceGuard;

  constructor(
    doc: Y.Doc,
    private readonly peers: () => Iterable<Peer>,
    /** The user known to own a client id from the store's claims, if any (authorship.ts). */
    claimedBy: (clientId: number) => string | undefined,
    idsPerConnection: number,
    /** Send a change made here to the other instances (the fan-out). */
    private readonly publish: (update: Uint8Array) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.guard = new PresenceGuard(this.awareness, peers, claimedBy, idsPerConnection);
    // The server itself is nobody in the room.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onUpdate);
  }

  /** Whether `peer` may write under `clientId`: no other user's connection speaks for it here (presenceGuard.ts). */
  mayWriteUnder(peer: Peer, clientId: number): boolean {
    return this.guard.mayWriteUnder(peer, clientId);
  }

  /** Send a peer that joins everyone's presence (nothing when nobody is here). */
  greet(peer: Peer): void {
    if (this.awareness.getStates().size > 0) this.answerQuery(peer);
  }

  /** A peer left: drop the presence it spoke for. */
  leave(peer: Peer): void {
    if (peer.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null);
  }

  /**
   * A peer's (already parsed) awareness update: what it may say, stamped with the identity the
   * server authenticated, is applied and relayed; the rest is dropped.
   */
  receive(peer: Peer, clients: readonly AwarenessEntry[]): void {
    const { update, renew } = this.guard.admit(peer, clients);
    if (update) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
    if (renew.length > 0) peer.send(awarenessFrame(awarenessRemoval(renew)));
  }

  /** Send every presence to a peer that asked (query-awareness). */
  answerQuery(peer: Peer): void {
    const ids = [...this.awareness.getStates().keys()];
    peer.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
  }

  /** Presence from another instance's clients. */
  applyRemote(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
  }

  /** The presence of the clients connected here (what another instance asks for when it lacks it). */
  own(): Uint8Array | null {
    const ids = [...this.peers()].flatMap((peer) => this.presentIds(peer));
    return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : null;
  }

  /**
   * Ask each client connected here to announce itself again. Told that it left, a y-protocols
   * client keeps its state and re-announces it with its clock one higher, which every instance
   * and every client then accepts.
   */
  renew(): void {
    for (const peer of this.peers()) {
      const own = this.presentIds(peer);
      if (own.length === 0) continue;
      peer.send(awarenessFrame(awarenessRemoval(own.map((clientId) => ({ clientId, clock: this.awareness.meta.get(clientId)?.clock ?? 0 })))));
    }
  }

  destroy(): void {
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }

  // The client ids a peer owns that are present in the room now.
  private presentIds(peer: Peer): number[] {
    return [...peer.awarenessIds].filter((id) => this.awareness.getStates().has(id));
  }

  private readonly onUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const changed = added.concat(updated, removed);
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const message = new Broadcast(awarenessFrame(update));
    for (const peer of this.peers()) if (peer !== origin) peer.send(message);
    if (origin !== REMOTE) this.publish(update);
  };
}
