/**
 * The collaboration endpoint: co-editing of working texts over the y-websocket protocol.
 * Only re-exports and the one entry point that app.ts calls.
 */
import type http from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Store } from '../storage/types';
import type { Actor } from '../../shared/accounts';
import type { CollabOptions } from './options';

/** A signed-in user as the auth unit returns it (structurally AuthenticatedUser of server/auth). */
export type AuthenticatedUser = Actor & { login: string; displayName: string };

/** What the collaboration endpoint needs from the rest of the server. */
export interface CollabDeps {
  store: Store;
  authenticate(req: IncomingMessage): Promise<AuthenticatedUser | null>;
  options?: Partial<CollabOptions>;
}

/** A running collaboration endpoint. */
export interface Collaboration {
  /** Flush pending writes, close every connection and stop listening for upgrades. */
  close(): Promise<void>;
  /** Re-evaluate every open connection's rights on a draft (after a freeze, a sponsor change). */
  refreshAccess(draftId: string): Promise<void>;
}

export type { CollabOptions };

/** Serve `/collab/<draftId>` WebSocket upgrades on `server`. */
export function attachCollaboration(server: http.Server, deps: CollabDeps): Collaboration {
  void server;
  void deps;
  throw new Error('attachCollaboration: not implemented yet');
}
