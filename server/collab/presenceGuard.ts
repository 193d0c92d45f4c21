/**
 * Who may speak for a Yjs client id in a room, in presence and in the text. A client id is
 * spoken for by the connection that announced it in presence (or, across instances, by the user
 * another instance stamped on it), and in the text by the user who first wrote under it (the
 * store's claims, authorship.ts). A connection may announce, and write under, only ids that no
 * other user's connection speaks for; a user's new connection takes over the ids of its old one
 * (a reload, a reconnect through another instance).
 *
 * Presence a client sends is not taken at its word: each entry it may say is stamped with the
 * identity the server authenticated (shared/presence.ts) before it is applied and relayed;
 * entries about ids it does not speak for are dropped, and so are stock clients' echoes of
 * everyone else's presence (at a clock the room already has).
 */
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import { presenceUser, type PresenceSubject } from '../../shared/presence';
import type { AwarenessEntry } from './wire';

/** What the guard needs to know of a connection. */
export interface PresencePeer {
  readonly user: { id: string };
  /** The identity stamped on its presence. */
  readonly subject: PresenceSubject;
  /** Presence client ids this connection speaks for. */
  readonly awarenessIds: Set<number>;
}

/** What may be applied of a peer's awareness update, and whom to ask to announce themselves again. */
export interface Admitted {
  /** The entries it may say, stamped, as an awareness update; null when nothing is left. */
  update: Uint8Array | null;
  /** Its own client ids it announced at a clock the room has already seen (see `admit`). */
  renew: { clientId: number; clock: number }[];
}

/** Largest presence state accepted from a client, as JSON (a cursor and a name take a few hundred bytes). */
export const MAX_PRESENCE_STATE_BYTES = 8 * 1024;

/** The presence and write rights of one room's connections. */
export class PresenceGuard {
  constructor(
    private readonly awareness: Awareness,
    private readonly peers: () => Iterable<PresencePeer>,
    /** The user known to own an id from the store's claims (sync, cached), if any. */
    private readonly claimedBy: (clientId: number) => string | undefined,
    private readonly idsPerConnection: number,
  ) {}

  /** The user that speaks for `clientId` in this room now, other than through `peer`; null when nobody does. */
  private speaker(clientId: number, peer: PresencePeer): { userId: string | null; via: PresencePeer | null } | null {
    for (const other of this.peers()) {
      if (other !== peer && other.awarenessIds.has(clientId)) return { userId: other.user.id, via: other };
    }
    if (peer.awarenessIds.has(clientId)) return null;
    const state = this.awareness.getStates().get(clientId) as { user?: { id?: unknown } } | undefined;
    // Present but not announced here: another instance's client, stamped there with its user.
    if (state !== undefined) return { userId: typeof state.user?.id === 'string' ? state.user.id : null, via: null };
    return null;
  }

  /** Whether `peer` may write text under `clientId` (the store's claim is checked after this). */
  mayWriteUnder(peer: PresencePeer, clientId: number): boolean {
    const speaker = this.speaker(clientId, peer);
    return speaker === null || speaker.userId === peer.user.id;
  }

  /**
   * The entries of an awareness update from `peer` that it may say, with its identity stamped
   * on each state; the others are dropped. Encoded as an awareness update, or null when nothing
   * is left.
   */
  admit(peer: PresencePeer, clients: readonly AwarenessEntry[]): Admitted {
    const kept: AwarenessEntry[] = [];
    const renew: { clientId: number; clock: number }[] = [];
    for (const c of clients) {
      const known = this.awareness.meta.get(c.clientId)?.clock ?? -1;
      const isNew = c.clock > known;
      const speaker = this.speaker(c.clientId, peer);
      // Not new and present: an echo of presence it was sent (a stock client echoes everyone's,
      // another tab of the same user included, so it cannot be told from the owner's): not its own.
      if (!isNew && (c.state === null || this.awareness.getStates().has(c.clientId))) continue;
      if (speaker !== null && speaker.userId !== peer.user.id) continue;
      const claimant = this.claimedBy(c.clientId);
      if (claimant !== undefined && claimant !== peer.user.id) continue;
      if (!isNew) {
        // A client back after its connection dropped announces itself at the clock the room
        // removed it at, which y-protocols ignores until its renewal 15 s later. Told of its own
        // removal, it re-announces at once with a newer clock.
        renew.push({ clientId: c.clientId, clock: known });
        continue;
      }
      if (c.state === null) {
        if (!peer.awarenessIds.has(c.clientId) && speaker === null) continue;
        peer.awarenessIds.delete(c.clientId);
        kept.push(c);
        continue;
      }
      if (typeof c.state !== 'object' || Array.isArray(c.state)) continue;
      if (!peer.awarenessIds.has(c.clientId) && peer.awarenessIds.size >= this.idsPerConnection) continue;
      const stamped = { ...(c.state as Record<string, unknown>), user: presenceUser(peer.subject, (c.state as { user?: { color?: unknown } }).user?.color) };
      if (JSON.stringify(stamped).length > MAX_PRESENCE_STATE_BYTES) continue;
      // The user's own earlier connection hands the id over (a reload, a reconnect).
      if (speaker?.via) speaker.via.awarenessIds.delete(c.clientId);
      peer.awarenessIds.add(c.clientId);
      kept.push({ clientId: c.clientId, clock: c.clock, state: stamped });
    }
    return { update: kept.length > 0 ? encodeEntries(kept) : null, renew };
  }
}

/** An awareness update holding `entries` (the y-protocols encoding). */
export function encodeEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}
