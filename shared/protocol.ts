/**
 * The collaboration wire protocol: what the server and every client must agree on. The wire is
 * the standard y-websocket protocol (y-protocols sync, awareness, auth, query-awareness), so the
 * stock `WebsocketProvider` is a working client; Penholder adds close codes, one opt-in message
 * type for status notices, and default limits. Never renumber a code.
 *
 * Close codes follow the convention the stock provider relies on: 4400–4499 are deliberate and
 * final (it stops reconnecting), 4500–4599 mean "try again later" (it reconnects with back-off).
 */

/** The version of Penholder's additions to the protocol; bump when a client must change. */
export const PROTOCOL_VERSION = 2;

/** The name of the Y.XmlFragment holding a draft's working text (y-prosemirror's default); no other root type is accepted. */
export const TEXT_FRAGMENT = 'prosemirror';

/** URL path prefix of the collaboration endpoint; the draft id follows (`/collab/<draftId>`). */
export const COLLAB_PATH_PREFIX = '/collab/';

/** Top-level message types (the first varuint of every frame). */
export const MessageType = {
  /** y-protocols sync: step 1, step 2, update. */
  sync: 0,
  /** y-protocols awareness update (presence, cursors). */
  awareness: 1,
  /** y-protocols auth; the server sends "permission denied" with a reason when it drops an update. */
  auth: 2,
  /** Ask the peer to send its whole awareness state. */
  queryAwareness: 3,
  /** Penholder notice: a varstring holding JSON `Notice`. Sent only to clients that opt in. */
  notice: 100,
} as const;

/** One of the message types. */
export type MessageTypeId = (typeof MessageType)[keyof typeof MessageType];

/** Query parameters a client may add to the collaboration URL. */
export const CollabParams = {
  /** Short-lived bearer token (from `POST /api/auth/token`) for clients without the session cookie. */
  token: 'token',
  /** `1` to receive `MessageType.notice` frames (stock providers would log them as unknown). */
  notices: 'notices',
} as const;

/** A close reason: code and a short text, as sent in the WebSocket close frame. */
export interface CloseReason {
  readonly code: number;
  readonly reason: string;
}

/** Why the server closed a collaboration connection. */
export const CloseReasons = {
  /** A frame that is not valid protocol: bad varint, unknown message type, garbage Yjs update. */
  malformed: { code: 4400, reason: 'Malformed message' },
  /** The credentials of the connection are no longer valid. */
  unauthenticated: { code: 4401, reason: 'Unauthenticated' },
  /** The user may no longer see this draft. */
  forbidden: { code: 4403, reason: 'Forbidden' },
  /** The draft does not exist (any more). */
  notFound: { code: 4404, reason: 'Draft not found' },
  /** The update writes under a Yjs client id another user owns: authorship cannot be forged. */
  clientIdTaken: { code: 4409, reason: 'Client id belongs to another user' },
  /**
   * The update would leave the text invalid for the schema (unknown node, forbidden nesting, bad
   * attribute, content outside the text): refused, nothing stored; the client's copy has diverged.
   */
  invalidText: { code: 4422, reason: 'Update refused: not a valid text' },
  /**
   * The connection kept sending updates that depend on content the server does not have (pending
   * structs), each refused and answered with a request to sync, which it never honoured.
   */
  missingDependencies: { code: 4424, reason: 'Update refused: missing dependencies' },
  /**
   * The stored working text is broken (nested deeper than a text can be: a bug, a database
   * edited by hand), and would stop the editor: the secretariat restores it to an earlier point.
   */
  textBroken: { code: 4425, reason: 'The working text is broken' },
  /** The secretariat deactivated the account or changed its rights: this connection ends for good. */
  accessRevoked: { code: 4410, reason: 'Access revoked' },
  /**
   * The update changes a paragraph the chair agreed and locked: refused, nothing stored; the
   * client's copy has diverged. The close frame's reason names the paragraph when it fits.
   */
  paragraphLocked: { code: 4423, reason: 'Update refused: the paragraph is agreed and locked' },
  /** A frame larger than the frame limit. */
  frameTooLarge: { code: 4413, reason: 'Frame too large' },
  /** The draft would grow past the size limit. */
  draftTooLarge: { code: 4414, reason: 'Draft too large' },
  /** Far too many messages even after the server stopped reading for a while; reconnect later (the stock provider backs off). */
  rateLimited: { code: 4529, reason: 'Too many messages' },
  /** The server is shutting down; reconnect. */
  shuttingDown: { code: 4503, reason: 'Server shutting down' },
  /**
   * The connection stopped reading what the server sent, and more than the buffer limit piled up
   * for it (`CollabLimits.maxBufferedBytes`); reconnect when able to read (the stock provider backs off).
   */
  tooFarBehind: { code: 4508, reason: 'Too far behind: the connection is not reading' },
} as const satisfies Record<string, CloseReason>;

/** What a notice is about. */
export const NoticeKinds = {
  /** Sent on connect and whenever rights change: `mode` says whether this connection may edit. */
  mode: 'mode',
  /** An update from this connection was dropped (not applied, stored or relayed); `message` says why. */
  updateRefused: 'update_refused',
  /**
   * The draft's governed record changed (sponsors, status, paragraph states, revisions, chair):
   * clients reload what they show of it. Sent to every connection of the draft, on every instance.
   */
  recordChanged: 'record_changed',
  /** Storing failed: the draft accepts no edits until storage returns. Local edits stay pending. */
  storageUnavailable: 'storage_unavailable',
  /** Storage is back: edits are accepted again. */
  storageRestored: 'storage_restored',
} as const;

/** One of the notice kinds. */
export type NoticeKind = (typeof NoticeKinds)[keyof typeof NoticeKinds];

/** Whether a connection may change the text. */
export type CollabMode = 'edit' | 'read';

/** Why an update was refused, for a client to act on without reading prose. */
export type Refusal =
  /** The connection may not edit (now); `why` is the policy's reason, ready to show. */
  | { reason: 'read_only'; why: string }
  /** Storage is failing; the edit was not saved. */
  | { reason: 'storage_unavailable' }
  /** The draft reached its size limit. */
  | { reason: 'draft_too_large' }
  /** The update would make the text invalid for the schema; `why` says what, for people. */
  | { reason: 'invalid_text'; why: string }
  /** The update depends on content the server does not have. */
  | { reason: 'missing_dependencies' }
  /** The update writes under a Yjs client id this connection does not own. */
  | { reason: 'client_id_taken' }
  /** The update changes paragraphs the chair locked; `why` names the first ("OP 3 is agreed and locked by the chair: …"). */
  | { reason: 'paragraph_locked'; paragraphIds: string[]; why: string };

/**
 * The JSON payload of a `MessageType.notice` frame: a union on `kind`. Every notice carries the
 * connection's `mode` after it and a `message` a person can read; clients act on the structured
 * fields (`why`, `refusal`), never on the message's words.
 */
export type Notice =
  /** Sent on connect and when rights change; `why` is the reason when `mode` is 'read' (else null). */
  | { kind: typeof NoticeKinds.mode; mode: CollabMode; why: string | null; message: string }
  | { kind: typeof NoticeKinds.updateRefused; mode: CollabMode; refusal: Refusal; message: string }
  | { kind: typeof NoticeKinds.recordChanged; mode: CollabMode; message: string }
  | { kind: typeof NoticeKinds.storageUnavailable; mode: CollabMode; message: string }
  | { kind: typeof NoticeKinds.storageRestored; mode: CollabMode; message: string };

/**
 * Prefixes of the reason string in a y-protocols "permission denied" message, so that a client
 * can tell the cases apart without parsing prose: `read_only: the text is frozen…`.
 */
export const DeniedPrefix = {
  /** The connection is read-only. */
  readOnly: 'read_only',
  /** Storage is failing; try again later. */
  storageUnavailable: 'storage_unavailable',
  /** The update would make the draft too large. */
  draftTooLarge: 'draft_too_large',
  /** The update would make the text invalid for the schema. */
  invalidText: 'invalid_text',
  /** The update depends on content the server does not have. */
  missingDependencies: 'missing_dependencies',
  /** The update writes under a client id another connection or user owns. */
  clientIdTaken: 'client_id_taken',
  /** The update changes a paragraph the chair agreed and locked. */
  paragraphLocked: 'paragraph_locked',
} as const;

/** Default limits (configurable on the server). */
export const CollabLimits = {
  /** Largest frame, in bytes (1 MiB). */
  maxFrameBytes: 1024 * 1024,
  /** Largest encoded state of one draft, in bytes (16 MiB: about a hundred 150 KB reports). */
  maxDraftBytes: 16 * 1024 * 1024,
  /** Sustained messages per second per connection; over it the server reads more slowly. */
  messagesPerSecond: 200,
  /** Burst of messages per connection, and the debt allowed beyond it before a close. */
  messageBurst: 400,
  /** Awareness messages per second per connection; extra ones are dropped, not fatal. */
  awarenessPerSecond: 20,
  /** Presence client ids one connection may speak for (a stock client uses one; a reconnect may briefly add one). */
  presenceIdsPerConnection: 4,
  /**
   * Bytes the server holds for one connection that is not reading them (32 MiB: two answers to the
   * largest draft); past it, the connection is closed as too far behind.
   */
  maxBufferedBytes: 32 * 1024 * 1024,
  /**
   * Connections one user may hold open on one server instance, over all drafts (a delegate with a
   * laptop, a tablet and a tab per draft stays well under it); more are refused with 429.
   */
  connectionsPerUser: 32,
} as const;

/** Build the reason string of a "permission denied" message. */
export function deniedReason(prefix: (typeof DeniedPrefix)[keyof typeof DeniedPrefix], message: string): string {
  return `${prefix}: ${message}`;
}
