/**
 * The connection of one draft's working text: the stock y-websocket provider to the server (so
 * the server speaks one protocol to every client), y-indexeddb under it so that edits made
 * offline survive a reload, and one small state object the page shows at all times:
 * connected / reconnecting / offline, with or without unsent changes, and whether the server
 * lets this connection edit (told by Penholder's `notice` frames, see shared/protocol.ts).
 */
import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseReasons, COLLAB_PATH_PREFIX, CollabParams, MessageType, NoticeKinds, TEXT_FRAGMENT, type CollabMode, type Notice } from '../../shared/protocol';
import { policyReasonIn } from '../../shared/policyWords';
import { t, uiLanguage } from '../i18n';

/** Where the connection stands, as the status line shows it. */
export type LinkStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

/** The state of a draft's connection. */
export interface ConnectionState {
  status: LinkStatus;
  /** The server has sent its copy of the text at least once on this connection. */
  synced: boolean;
  /** Local edits made while not connected that the server has not acknowledged yet. */
  unsent: boolean;
  /** What the server says this connection may do; null until it has said. */
  mode: CollabMode | null;
  /** Why the connection is read-only, closed or refused, in words a user can read. */
  reason: string | null;
  /** The local copy (IndexedDB) has been loaded. */
  restored: boolean;
  /** The server cannot store edits for now: ours wait here and go up when it can. */
  paused: boolean;
}

/** Options of a draft connection. */
export interface DraftConnectionOptions {
  /** Base of the collaboration URL; default: this page's origin with ws(s). */
  serverUrl?: string;
  /** Keep a local copy in IndexedDB (off in tests that want a clean start). */
  persist?: boolean;
  /** Called whenever the state changes. */
  onState?: (state: ConnectionState) => void;
  /** The draft's governed record changed (sponsors, status, paragraph states…): reload it. */
  onRecordChanged?: () => void;
}

/** A live connection to one draft's working text. */
export interface DraftConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The current state. */
  state(): ConnectionState;
  /** Resolves once the text can be shown: synced with the server, or restored locally while offline. */
  ready: Promise<void>;
  destroy(): void;
}

/** The collaboration URL base for this page (`wss://host/collab`). */
export function defaultServerUrl(loc: Location = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${COLLAB_PATH_PREFIX.replace(/\/$/, '')}`;
}

// How long an unanswered server may keep a restored local copy from being shown.
const LOCAL_COPY_GRACE_MS = 3_000;

// What each final close code means to the person at the page (codes from shared/protocol.ts): the catalog key of its words.
const CLOSE_WORDS: Record<number, string> = {
  [CloseReasons.unauthenticated.code]: 'editor:closeUnauthenticated',
  [CloseReasons.forbidden.code]: 'editor:closeForbidden',
  [CloseReasons.notFound.code]: 'editor:closeNotFound',
  [CloseReasons.accessRevoked.code]: 'editor:closeAccessRevoked',
  [CloseReasons.clientIdTaken.code]: 'editor:closeClientIdTaken',
  [CloseReasons.invalidText.code]: 'editor:closeInvalidText',
  [CloseReasons.missingDependencies.code]: 'editor:closeMissingDependencies',
  [CloseReasons.paragraphLocked.code]: 'editor:closeParagraphLocked',
  [CloseReasons.draftTooLarge.code]: 'editor:closeDraftTooLarge',
  [CloseReasons.textBroken.code]: 'editor:closeTextBroken',
};

// Final closes for an edit the server will never take (shared/protocol.ts).
const REFUSED_EDIT_CODES = new Set<number>([
  CloseReasons.clientIdTaken.code,
  CloseReasons.invalidText.code,
  CloseReasons.paragraphLocked.code,
  CloseReasons.missingDependencies.code,
]);

/** Why the connection is read-only after `notice`, as the server put it (null when it may edit). */
export function readOnlyReason(notice: Notice, previous: string | null): string | null {
  if (notice.mode === 'edit') return null;
  // The server's why is a sentence of shared/policy.ts: said in the interface's language (shared/policyWords.ts).
  if (notice.kind === NoticeKinds.mode) return notice.why === null ? null : policyReasonIn(notice.why, uiLanguage());
  if (notice.kind === NoticeKinds.updateRefused && notice.refusal.reason === 'read_only') return policyReasonIn(notice.refusal.why, uiLanguage());
  return previous;
}

/** Open a draft's working text: local copy first, then the server. */
export function connectDraft(draftId: string, options: DraftConnectionOptions = {}): DraftConnection {
  const doc = new Y.Doc();
  let state: ConnectionState = { status: 'connecting', synced: false, unsent: false, mode: null, reason: null, restored: false, paused: false };
  const set = (patch: Partial<ConnectionState>) => {
    state = { ...state, ...patch };
    options.onState?.(state);
  };

  const persistence = options.persist === false ? null : new IndexeddbPersistence(`penholder:${draftId}`, doc);
  const provider = new WebsocketProvider(options.serverUrl ?? defaultServerUrl(), draftId, doc, {
    params: { [CollabParams.notices]: '1' },
    // Tabs of one browser must not trade edits behind the server's back: it decides who may write.
    disableBc: true,
    connect: false,
  });

  // Penholder notices: the server says whether this connection may edit, and why not.
  provider.messageHandlers[MessageType.notice] = (_encoder, decoder) => {
    try {
      const notice = JSON.parse(decoding.readVarString(decoder)) as Notice;
      if (notice.kind === NoticeKinds.recordChanged) options.onRecordChanged?.();
      const patch: Partial<ConnectionState> = { mode: notice.mode, reason: readOnlyReason(notice, state.reason) };
      if (notice.kind === NoticeKinds.updateRefused && notice.refusal.reason === 'invalid_text') patch.reason = t('editor:editRefused', { why: notice.refusal.why });
      if (notice.kind === NoticeKinds.storageUnavailable) patch.paused = true;
      if (notice.kind === NoticeKinds.storageRestored) patch.paused = false;
      set(patch);
    } catch {
      // A notice we cannot read changes nothing; the server still enforces the mode.
    }
  };
  // "Permission denied" (y-protocols auth) is for stock clients: this one opted into notices,
  // which say the same with structure. Read it so that the provider does not log it as unknown.
  provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
  };

  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    const local = origin !== provider && origin !== persistence;
    if (local && !(provider.wsconnected && provider.synced)) set({ unsent: true });
  });
  provider.on('status', ({ status }) => {
    if (status === 'connected') set({ status: 'connected', reason: state.status === 'closed' ? null : state.reason });
    else if (status === 'connecting') set({ status: state.synced || state.status === 'reconnecting' ? 'reconnecting' : 'connecting' });
    else set({ status: navigator.onLine ? 'reconnecting' : 'offline', synced: false });
  });
  provider.on('sync', (synced: boolean) => {
    // Once synced, the provider has answered the server's sync step 1 with everything we had.
    if (synced) set({ synced: true, unsent: false });
  });
  provider.on('closed', ({ code, reason }) => {
    const words = CLOSE_WORDS[code];
    set({ status: 'closed', reason: words ? t(words) : reason || t('editor:closedByServer') });
    // The local copy holds the edit the server refused for good: kept, it would be sent again on
    // every reload and refused again. Dropped, the next load starts from the server's text.
    if (REFUSED_EDIT_CODES.has(code)) void persistence?.clearData();
  });

  // A network that the browser knows is down: stop trying (and say so) until it is back.
  const offline = () => {
    provider.disconnect();
    set({ status: 'offline', synced: false });
  };
  const online = () => {
    set({ status: 'reconnecting' });
    provider.connect();
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);

  const ready = new Promise<void>((resolve) => {
    provider.once('sync', () => resolve());
    const restored = () => {
      set({ restored: true });
      if (doc.getXmlFragment(TEXT_FRAGMENT).length === 0) return; // nothing to show before the server answers
      // Offline with a local copy: show it now; it merges when the server comes back. Online but
      // with a server that does not answer, show it after a short wait rather than a blank page.
      if (!navigator.onLine) resolve();
      else setTimeout(resolve, LOCAL_COPY_GRACE_MS);
    };
    if (persistence) void persistence.whenSynced.then(restored);
    else restored();
  });

  // Load the local copy before connecting, so that edits kept offline go up in the first sync.
  void (persistence ? persistence.whenSynced : Promise.resolve()).then(() => {
    if (navigator.onLine) provider.connect();
    else set({ status: 'offline' });
  });

  return {
    doc,
    provider,
    ready,
    state: () => state,
    destroy() {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      provider.destroy();
      void persistence?.destroy();
      doc.destroy();
    },
  };
}
