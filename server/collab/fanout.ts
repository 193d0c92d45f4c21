/**
 * Fan-out between server instances. A room publishes what its own clients changed — updates
 * once durably stored, tagged with their seq, and presence — and applies what other instances
 * publish. Messages may be lost: the update log stays the authority, and rooms read it when
 * they see a hole in the seqs or when the fan-out asks them to catch up.
 */

/** What the fan-out needs from a loaded draft. */
export interface FanoutRoom {
  readonly draftId: string;
  /** An update another instance stored at `seq`. */
  applyRemoteUpdate(seq: number, update: Uint8Array): void;
  /** A presence update from another instance's clients. */
  applyRemoteAwareness(update: Uint8Array): void;
  /** The presence of this instance's own clients in the room (for a room that lacks it), or null. */
  ownPresence(): Uint8Array | null;
  /**
   * Have this instance's own clients announce their presence again, with newer clocks: others
   * took it away (they thought this instance gone) and ignore it at the clocks they removed.
   */
  renewPresence(): void;
  /** Read the log past what this room has applied (after lost messages, a reconnect). */
  catchUp(): Promise<void>;
}

/** What the endpoint does when another instance says so. */
export interface FanoutHandlers {
  /** A draft's access changed elsewhere (a freeze, a sponsor change): re-evaluate our sockets. */
  accessChanged(draftId: string): void;
  /** A user was revoked elsewhere: close their sockets here. */
  userRevoked(userId: string): void;
  /** Sign-ins (and the tokens they issued) ended elsewhere, by their hashes: close the sockets opened with them here. */
  signInsEnded(hashes: string[]): void;
}

/** The channel between instances. */
export interface Fanout {
  /** Whether other instances may write the same drafts (then rooms must catch up from the log). */
  readonly distributed: boolean;
  /** Receive control messages; called once by the endpoint. */
  start(handlers: FanoutHandlers): void;
  /** A room was loaded: deliver its draft's messages to it (and have it catch up once subscribed). */
  join(room: FanoutRoom): void;
  /** A room was unloaded. */
  leave(draftId: string): void;
  /** Our clients' updates, durably stored at these seqs. */
  publishUpdates(draftId: string, stored: { seq: number; update: Uint8Array }[]): void;
  /** Our clients' presence changes. */
  publishAwareness(draftId: string, update: Uint8Array): void;
  /** A draft's access changed here. */
  publishAccessChanged(draftId: string): void;
  /** A user's sockets must close everywhere. */
  publishUserRevoked(userId: string): void;
  /** The sockets opened with these sign-ins (hashes) must close everywhere. */
  publishSignInsEnded(hashes: string[]): void;
  /** Stop delivering and disconnect. */
  close(): Promise<void>;
}

/** The default: one process serves every draft, so there is nobody to tell. */
export function inProcessFanout(): Fanout {
  return {
    distributed: false,
    start() {},
    join() {},
    leave() {},
    publishUpdates() {},
    publishAwareness() {},
    publishAccessChanged() {},
    publishUserRevoked() {},
    publishSignInsEnded() {},
    async close() {},
  };
}
