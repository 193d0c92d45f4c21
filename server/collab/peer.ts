/**
 * What a room needs from a connection (connection.ts is the one there is): who it is, what it
 * may do, and how to reach it.
 */
import type { CloseReason, CollabMode, Notice } from '../../shared/protocol';
import type { PresenceSubject } from '../../shared/presence';
import type { AuthenticatedUser } from '../auth/authenticate';
import type { Broadcast } from './broadcast';

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
