/**
 * The collaboration endpoint: co-editing of working texts over the y-websocket protocol on the
 * API's HTTP server. This file wires the units together: the gate (upgrade.ts), connections
 * (connection.ts), loaded drafts (registry.ts, room.ts), group commit (persistence.ts).
 */
import type http from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { mayReadDraft } from '../../shared/policy';
import { CloseReasons, NoticeKinds } from '../../shared/protocol';
import { loadDraftAccess, type AccessAsRead } from '../readModels/draftAccess';
import { credentialsOf, type AuthenticatedUser } from '../auth/authenticate';
import { hashSecret } from '../auth/sessions';
import type { Store } from '../storage/types';
import { Connection } from './connection';
import { PerUserCap } from './limits';
import { resolveOptions, type CollabOptions } from './options';
import { inProcessFanout, type Fanout } from './fanout';
import { GroupCommitter } from './persistence';
import { RoomRegistry } from './registry';
import { replaceRoomText } from './serverEdit';
import { applyProposal, type PlacedProposal } from './proposalApply';
import { StaleWatch } from './staleWatch';
import type * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import { admit, draftIdFromPath, refusal, refuseUpgrade, type Refusal } from './upgrade';
import { ErrorIds } from '../../shared/errors';
import { delegationNameIn } from '../../shared/delegations';

export type { AuthenticatedUser };

/** What the collaboration endpoint needs from the rest of the server. */
export interface CollabDeps {
  store: Store;
  authenticate(req: IncomingMessage): Promise<AuthenticatedUser | null>;
  options?: Partial<CollabOptions>;
  /** Why a cookie-authenticated upgrade comes from a foreign page (its Origin), or null when it is ours. */
  foreignOrigin?(req: IncomingMessage): string | null;
  /** Told of every refused upgrade (for the audit record). */
  onRefused?(req: IncomingMessage, refusal: Refusal): void;
  /** Fan-out to other instances serving the same drafts (default: none, one process). Closed with the endpoint. */
  fanout?: Fanout;
}

/** A running collaboration endpoint. */
export interface Collaboration {
  /** Flush pending writes, close every connection and stop listening for upgrades. */
  close(): Promise<void>;
  /** Re-evaluate every open connection's rights on a draft (after a freeze, a sponsor change); resolves once edits accepted before it are committed. */
  refreshAccess(draftId: string): Promise<void>;
  /** Close every connection of a user with the "access revoked" code (deactivated, rights changed). */
  revokeUser(userId: string): void;
  /** Close, with the "unauthenticated" code, every connection opened with one of these sign-ins or tokens (by hash): they were signed out. */
  endSignIns(hashes: string[]): void;
  /**
   * Replace a draft's working text with `text`, written as `user` (an import): the change is
   * stored, applied and relayed like any edit. Resolves with its seq, or null when the text
   * was already that. The caller checks the user's rights first.
   */
  replaceWorkingText(draftId: string, text: PMNode, user: AuthenticatedUser): Promise<number | null>;
  /**
   * Read a draft's live working text (loaded if need be, caught up with the log): `read` gets the
   * room's document as committed and must not change it (anchors.ts, proposalApply.ts read it).
   */
  readWorkingDoc<T>(draftId: string, read: (doc: Y.Doc) => T): Promise<T>;
  /**
   * Accept a proposal into a draft's working text, written as `proposer` (proposalApply.ts):
   * resolves with the change's seq; 409 proposal_stale when its quoted words changed. The caller
   * checks the decider's rights and records the decision.
   */
  applyProposal(draftId: string, proposal: PlacedProposal, modifiedText: string | null, proposer: AuthenticatedUser): Promise<number>;
  /** The users connected to a draft on this instance, one entry per user (the drafts list's "in it now"). */
  presentIn(draftId: string): PresentUser[];
  /** How many drafts this instance holds in memory (idle ones are unloaded after `unloadAfterMs`). */
  loadedDrafts(): number;
}

/** A user connected to a draft. */
export interface PresentUser {
  userId: string;
  displayName: string;
  delegationId: string | null;
}

export type { CollabOptions };
export { defaultCollabOptions } from './options';

/** Serve `/collab/<draftId>` WebSocket upgrades on `server`. */
export function attachCollaboration(server: http.Server, deps: CollabDeps): Collaboration {
  const opts = resolveOptions(deps.options);
  const committer = new GroupCommitter(deps.store, opts.groupCommitMs);
  const fanout = deps.fanout ?? inProcessFanout();
  const registry = new RoomRegistry(deps.store, committer, opts, fanout);
  // Pending proposals turned stale by an edit: their proposers and the room are told (staleWatch.ts).
  const staleWatch = new StaleWatch({ store: deps.store, log: opts.log });
  const acquire = async (draftId: string, access: AccessAsRead) => {
    const room = await registry.acquire(draftId, access);
    staleWatch.attach(room);
    return room;
  };
  // ws itself cuts off anything far past our limit (close 1009) so a huge frame is never buffered
  // whole. No compression: with it, ws would queue frames, and broadcasts write beside it (broadcast.ts).
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxFrameBytes + 64 * 1024, perMessageDeflate: false });
  const connections = new Set<Connection>();
  const perUser = new PerUserCap(opts.connectionsPerUser);
  let closing = false;

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const draftId = draftIdFromPath(pathname, opts.pathPrefix);
    if (draftId === null) {
      // Not ours. If nobody else serves upgrades, do not leave the socket hanging.
      if (server.listenerCount('upgrade') === 1) refuseUpgrade(socket, refusal(ErrorIds.notFound, 'no such endpoint'));
      return;
    }
    socket.on('error', () => socket.destroy());
    void (async () => {
      const admitted = await admit(req, draftId, deps.store, deps.authenticate, deps.foreignOrigin);
      if (!admitted.ok) {
        deps.onRefused?.(req, admitted.error);
        return refuseUpgrade(socket, admitted.error);
      }
      const { user, access, readFrom, wantsNotices } = admitted.value;
      if (!perUser.take(user.id, socket)) {
        if (socket.destroyed) return;
        const tooMany = refusal(ErrorIds.rateLimited, `too many connections open for this user (at most ${opts.connectionsPerUser}): close some and try again`);
        deps.onRefused?.(req, tooMany);
        return refuseUpgrade(socket, tooMany);
      }
      let room;
      try {
        // The document is loaded before the socket opens: no sync request is ever answered from an empty doc.
        room = await acquire(draftId, { access, readFrom });
      } catch (e) {
        opts.log.error(`collab: loading ${draftId} failed`, e);
        return refuseUpgrade(socket, refusal(ErrorIds.unavailable, 'the draft cannot be opened right now'));
      }
      if (closing || socket.destroyed) return void socket.destroy();
      let delegationName: string | null = null;
      try {
        const delegation = user.delegationId ? await deps.store.getDelegation(user.delegationId) : null;
        delegationName = delegation ? delegationNameIn(delegation) : null;
      } catch {
        // Presence then names the person instead of the delegation; nothing else depends on it.
      }
      if (closing || socket.destroyed) return void socket.destroy();
      const subject = { id: user.id, role: user.role, displayName: user.displayName, delegationId: user.delegationId, delegationName };
      const credentials = credentialsOf(req);
      const signIn = credentials ? hashSecret(credentials.secret) : null;
      wss.handleUpgrade(req, socket, head, (ws) => {
        // A broken text would stop the client's editor: say so and stop (the secretariat restores it over HTTP).
        if (room.textBroken) return ws.close(CloseReasons.textBroken.code, CloseReasons.textBroken.reason);
        const conn = new Connection(ws, socket, room, user, subject, signIn, room.modeFor(user).mode, wantsNotices, opts);
        connections.add(conn);
        ws.on('close', () => connections.delete(conn));
      });
    })();
  };
  server.on('upgrade', onUpgrade);

  const revokeHere = (userId: string): void => {
    for (const conn of [...connections]) if (conn.user.id === userId) conn.close(CloseReasons.accessRevoked);
  };
  const endSignInsHere = (hashes: string[]): void => {
    const ended = new Set(hashes);
    for (const conn of [...connections]) if (conn.signIn !== null && ended.has(conn.signIn)) conn.close(CloseReasons.unauthenticated);
  };
  const refreshHere = async (draftId: string): Promise<void> => {
    // A room being loaded was given an access read before this change: refresh it once loaded.
    const room = registry.get(draftId) ?? (await registry.loaded(draftId));
    if (!room) return;
    const found = await loadDraftAccess(deps.store, draftId);
    if (!found) {
      for (const peer of [...room.peers]) peer.close(CloseReasons.notFound);
      return room.flush();
    }
    for (const peer of [...room.peers]) {
      if (!mayReadDraft(peer.user, found.access).ok) peer.close(CloseReasons.forbidden);
    }
    room.setAccess(found);
    // A proposal may have been tabled or decided: the stale watch rereads the record.
    staleWatch.forget(draftId);
    // Everyone here shows the record (sponsors, status, paragraph states): tell them it moved.
    for (const peer of room.peers) peer.tell({ kind: NoticeKinds.recordChanged, message: "the draft's record changed" });
    await room.flush();
  };
  fanout.start({
    accessChanged: (draftId) => void refreshHere(draftId).catch((e: unknown) => opts.log.error(`collab: refreshing access to ${draftId} failed`, e)),
    userRevoked: revokeHere,
    signInsEnded: endSignInsHere,
  });

  // A loaded room's access is kept current by refreshAccess: reading the record again is not needed.
  const roomOf = async (draftId: string) => {
    const loaded = registry.get(draftId);
    if (loaded) return loaded;
    const found = await loadDraftAccess(deps.store, draftId);
    if (!found) throw new Error(`no draft ${draftId}`);
    return acquire(draftId, found);
  };

  return {
    async replaceWorkingText(draftId: string, text: PMNode, user: AuthenticatedUser): Promise<number | null> {
      const found = await loadDraftAccess(deps.store, draftId);
      if (!found) throw new Error(`no draft ${draftId}`);
      return replaceRoomText(await acquire(draftId, found), text, user);
    },
    async readWorkingDoc<T>(draftId: string, read: (doc: Y.Doc) => T): Promise<T> {
      const room = await roomOf(draftId);
      // What the store already shows as committed is in the document once the commit under way
      // is applied (reading the log for it instead would take this room's own edits for another
      // instance's). Beside other instances, their edits are read from the log too.
      await room.committedSoFar();
      if (fanout.distributed) await room.catchUp();
      return read(room.doc);
    },
    async applyProposal(draftId: string, proposal: PlacedProposal, modifiedText: string | null, proposer: AuthenticatedUser): Promise<number> {
      const room = await roomOf(draftId);
      const id = proposal.proposalId ?? proposal.id ?? '';
      staleWatch.deciding(draftId, id);
      try {
        return await applyProposal(room, proposal, modifiedText, proposer, { otherInstances: fanout.distributed });
      } catch (e) {
        staleWatch.deciding(draftId, id, false);
        throw e;
      }
    },
    presentIn(draftId: string): PresentUser[] {
      const room = registry.get(draftId);
      if (!room) return [];
      const byUser = new Map<string, PresentUser>();
      for (const peer of room.peers) byUser.set(peer.user.id, { userId: peer.user.id, displayName: peer.user.displayName, delegationId: peer.user.delegationId });
      return [...byUser.values()];
    },
    loadedDrafts(): number {
      return registry.all().length;
    },
    revokeUser(userId: string): void {
      revokeHere(userId);
      fanout.publishUserRevoked(userId);
    },
    endSignIns(hashes: string[]): void {
      if (hashes.length === 0) return;
      endSignInsHere(hashes);
      fanout.publishSignInsEnded(hashes);
    },
    async refreshAccess(draftId: string): Promise<void> {
      // The change is committed before this is called: other instances read it from the store.
      fanout.publishAccessChanged(draftId);
      await refreshHere(draftId);
    },
    async close(): Promise<void> {
      closing = true;
      server.off('upgrade', onUpgrade);
      for (const conn of [...connections]) conn.close(CloseReasons.shuttingDown);
      for (const room of registry.all()) await room.flush();
      await committer.drain();
      await registry.closeAll();
      await fanout.close();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
