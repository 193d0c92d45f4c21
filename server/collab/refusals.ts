/**
 * How a room tells a peer that its edit was not accepted. Every refusal is told twice: a
 * Penholder notice with a structured reason (`Refusal` in shared/protocol.ts, for clients that
 * opted in) and y-protocols' "permission denied" message with a reason prefix, for stock clients.
 */
import type * as Y from 'yjs';
import { lockedRefusal, type ParagraphState } from '../../shared/negotiation';
import { sequentialNumbering } from '../../shared/numbering';
import { CloseReasons, deniedReason, NoticeKinds, type Refusal } from '../../shared/protocol';
import { docText } from './fragmentText';
import type { Peer } from './peer';
import { syncStep1Frame } from './wire';

/** How many updates in a row with missing dependencies a connection may send before it is closed. */
const MAX_UNSYNCED_UPDATES = 50;

/** Tell a peer its edit was dropped (a notice, and y-protocols' "permission denied" for stock clients). */
export function refuse(peer: Peer, refusal: Refusal, message: string): void {
  // Stock clients read "read_only: <the policy's reason>", as they always have.
  const denied = refusal.reason === 'read_only' || refusal.reason === 'paragraph_locked' ? refusal.why : message;
  peer.tell({ kind: NoticeKinds.updateRefused, refusal, message }, deniedReason(refusal.reason, denied));
}

/** "OP 3 is agreed and locked by the chair: …", for the first of the locked paragraphs an edit touched. */
export function lockedWhy(doc: Y.Doc, paragraphIds: string[], locked: ReadonlyMap<string, ParagraphState>): string {
  const text = docText(doc);
  const refs = text.ok ? sequentialNumbering(text.value).byId : new Map<string, { ref: string }>();
  return lockedRefusal(refs.get(paragraphIds[0]!)?.ref || `paragraph ${paragraphIds[0]}`, locked.get(paragraphIds[0]!) ?? 'agreed');
}

/**
 * An edit of a paragraph the chair locked: told why, in the chair's words, and closed, as its
 * copy now holds an edit the server will never have (the client reloads the stored text).
 */
export function refuseLocked(peer: Peer, doc: Y.Doc, paragraphIds: string[], locked: ReadonlyMap<string, ParagraphState>): void {
  const why = lockedWhy(doc, paragraphIds, locked);
  refuse(peer, { reason: 'paragraph_locked', paragraphIds, why }, `your edit was not accepted: ${why}`);
  const reason = Buffer.byteLength(why) <= 123 ? why : CloseReasons.paragraphLocked.reason;
  peer.close({ code: CloseReasons.paragraphLocked.code, reason });
}

/**
 * An update that depends on content the server does not have is not stored. An honest client
 * sends one when it types the moment it reconnects, before it has answered the server's sync
 * request with the edits it made offline: asked to sync again, it sends them all, and the
 * refused edit with them. A connection that keeps sending such updates is closed.
 */
export class MissingDependencies {
  /** Updates with missing dependencies each peer sent since its last accepted one. */
  private readonly times = new WeakMap<Peer, number>();

  /** Refuse such an update from `peer`, and ask it for what it has (`doc`'s state vector), or close it after too many. */
  refuse(peer: Peer, doc: Y.Doc): void {
    const times = (this.times.get(peer) ?? 0) + 1;
    this.times.set(peer, times);
    refuse(peer, { reason: 'missing_dependencies' }, 'your edit depends on content the server does not have; send what you have');
    if (times > MAX_UNSYNCED_UPDATES) peer.close(CloseReasons.missingDependencies);
    else peer.send(syncStep1Frame(doc));
  }

  /** An update of `peer`'s was accepted: it is in step again. */
  synced(peer: Peer): void {
    this.times.delete(peer);
  }
}
