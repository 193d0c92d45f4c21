/**
 * Helpers for collaboration tests: a store seeded with one draft and users of every kind, a
 * collaboration server on port 0, real `WebsocketProvider` clients, raw ws clients, and edits in
 * the shape y-prosemirror gives the working text (Y.XmlFragment 'prosemirror' of schema nodes).
 */
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType, TEXT_FRAGMENT, type Notice } from '../../shared/protocol';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { resolutionSchema as schema } from '../../shared/schema';
import { authenticateRequest } from '../../server/auth/authenticate';
import { issueSecret } from '../../server/auth/sessions';
import { openStore } from '../../server/storage/index';
import type { Store } from '../../server/storage/types';
import { attachCollaboration, type Collaboration, type CollabOptions } from '../../server/collab/index';
import { historyRouter } from '../../server/http/routes/history';
import { errorHandler } from '../../server/http/errors';
import express from 'express';

// Every stock provider adds an exit listener; tests open dozens.
process.setMaxListeners(200);

/** The name of the working text's fragment (y-prosemirror's default). */
export const FRAGMENT = TEXT_FRAGMENT;

/** Users of a seeded draft, each with a bearer token for the upgrade. */
export interface SeededUsers {
  /** Delegate of the main sponsor: may edit. */
  sponsor: { id: string; token: string };
  /** A second delegate of the main sponsor: may edit. */
  sponsor2: { id: string; token: string };
  /** Delegate of a delegation that does not sponsor: read-only. */
  observer: { id: string; token: string };
  /** The secretariat: may edit. */
  secretariat: { id: string; token: string };
}

/** Seed a body, a session, two delegations, users and one draft sponsored by the first. */
export async function seedDraft(store: Store): Promise<{ draftId: string; sessionId: string; users: SeededUsers; sponsorDelegationId: string }> {
  const tag = Math.random().toString(36).slice(2, 8);
  const body = await store.createBody({ name: { en: 'Conference of the Parties', zh: '缔约方会议' } });
  const session = await store.createSession({
    bodyId: body.id,
    number: 11,
    title: { en: 'Eleventh session', zh: '第十一届会议' },
    symbolPrefix: `CTOC/COP/${tag}`,
    place: 'Vienna',
    opens: '2022-10-17',
    closes: '2022-10-21',
  });
  const a = await store.createDelegation({ code: `A${tag}`, name: { en: 'Chile', zh: '智利' }, kind: 'member' });
  const b = await store.createDelegation({ code: `B${tag}`, name: { en: 'Peru', zh: '秘鲁' }, kind: 'member' });
  const mk = async (login: string, role: 'delegate' | 'secretariat', delegationId: string | null) => {
    const u = await store.createUser({ login: `${login}-${tag}`, displayName: login, role, delegationId, passwordHash: 'x' });
    const { secret } = await issueSecret(store, u.id, 'token', 3_600_000);
    return { id: u.id, token: secret };
  };
  const users: SeededUsers = {
    sponsor: await mk('sponsor', 'delegate', a.id),
    sponsor2: await mk('sponsor2', 'delegate', a.id),
    observer: await mk('observer', 'delegate', b.id),
    secretariat: await mk('secretariat', 'secretariat', null),
  };
  const draft = await store.createDraft({
    sessionId: session.id,
    lNumber: 1,
    kind: 'resolution',
    title: { en: 'Draft', zh: '草案' },
    agendaItem: '2',
    language: 'en',
    submittedBy: null,
    chairUserId: null,
    createdBy: users.secretariat.id,
  });
  await store.addSponsorshipEvent({ draftId: draft.id, delegationId: a.id, type: 'main', date: '2022-10-17', onBehalfOf: null, recordedBy: null });
  return { draftId: draft.id, sessionId: session.id, users, sponsorDelegationId: a.id };
}

/** A collaboration server on port 0 over a temp SQLite store (or a given one). */
export interface CollabServer {
  /** `http://127.0.0.1:PORT` (the history routes are under /api). */
  url: string;
  wsUrl: string;
  port: number;
  store: Store;
  collab: Collaboration;
  dataDir: string;
  close(): Promise<void>;
}

/** Start an HTTP server with only the collaboration endpoint attached. */
export async function startCollabServer(opts: { store?: Store; options?: Partial<CollabOptions> } = {}): Promise<CollabServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ph-collab-'));
  const store = opts.store ?? (await openStore({ dataDir }));
  const authenticate = (req: http.IncomingMessage) => authenticateRequest(store, req);
  // The history routes beside the socket, as the app mounts them.
  const app = express();
  app.use('/api', historyRouter({ store, authenticate }));
  app.use(errorHandler(() => undefined));
  const server = http.createServer(app);
  const collab = attachCollaboration(server, { store, authenticate, options: { log: quietLog, ...opts.options } });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    port,
    store,
    collab,
    dataDir,
    async close() {
      await collab.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      if (!opts.store) await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A log that keeps quiet in tests but remembers what was said. */
export const quietLog = {
  lines: [] as unknown[][],
  warn(...a: unknown[]) {
    quietLog.lines.push(a);
  },
  error(...a: unknown[]) {
    quietLog.lines.push(a);
  },
};

/** A stock provider on a fresh doc, with `ws` as its WebSocket. */
export function connect(wsUrl: string, draftId: string, token: string, doc = new Y.Doc()): { doc: Y.Doc; provider: WebsocketProvider } {
  const provider = new WebsocketProvider(wsUrl, draftId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
    maxBackoffTime: 300,
  });
  return { doc, provider };
}

/**
 * The people (`user.person`) in a provider's presence, its own included, sorted. The server
 * stamps each client's presence with its user's display name (seeded users: their login, such
 * as "sponsor"); a client's own entry is what it set itself (`announceAs`).
 */
export function presentNames(provider: WebsocketProvider): string[] {
  return [...provider.awareness.getStates().values()]
    .map((s) => (s as { user?: { person?: string } }).user?.person)
    .filter((n): n is string => Boolean(n))
    .sort();
}

/** Announce a client in presence as `person` (what the server will stamp on it for the others). */
export function announceAs(provider: WebsocketProvider, person: string): void {
  provider.awareness.setLocalStateField('user', { name: person, person });
}

/** Resolve when the provider has synced (or reject after `ms`). */
export function synced(provider: WebsocketProvider, ms = 5_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('provider did not sync')), ms);
    provider.once('sync', (s: boolean) => {
      clearTimeout(t);
      if (s) resolve();
    });
  });
}

/** Poll until `check` holds (or throw after `ms`). */
export async function until(check: () => boolean | Promise<boolean>, ms = 5_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The working text as ProseMirror JSON. */
export function textJSON(doc: Y.Doc): unknown {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(FRAGMENT), schema).toJSON();
}

/** The working text as plain text, one line per block. */
export function plainText(doc: Y.Doc): string {
  const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(FRAGMENT), schema);
  return node.textBetween(0, node.content.size, '\n');
}

/** Write a starting text (a title and `n` operative paragraphs) into an empty doc. */
export function seedText(doc: Y.Doc, n = 3): void {
  const node = schema.node('doc', null, [
    schema.node('title', null, [schema.text('Draft resolution')]),
    ...Array.from({ length: n }, (_, i) => schema.node('operative', { id: `p${i + 1}` }, [schema.text(`Paragraph ${i + 1}.`)])),
  ]);
  prosemirrorToYXmlFragment(node, doc.getXmlFragment(FRAGMENT));
}

/** Type `text` into block `index` at `pos` (clamped), as the editor binding would. */
export function typeInto(doc: Y.Doc, index: number, pos: number, text: string): void {
  const frag = doc.getXmlFragment(FRAGMENT);
  const el = frag.get(Math.min(index, frag.length - 1)) as Y.XmlElement;
  let t = el.get(0) as Y.XmlText | undefined;
  if (!t) {
    t = new Y.XmlText();
    el.insert(0, [t]);
  }
  t.insert(Math.min(pos, t.length), text);
}

/**
 * Every doc types at once until the returned stop is called: doc i types `${letter}${n} ` at the
 * start of block 1 + n % 3, pausing `pauseMs(i)` between keystrokes. Stop resolves when all
 * have stopped.
 */
export function keepTyping(docs: Y.Doc[], pauseMs: (i: number) => number): () => Promise<void> {
  let typing = true;
  const typers = docs.map(async (doc, i) => {
    for (let n = 0; typing; n++) {
      typeInto(doc, 1 + (n % 3), 0, `${String.fromCharCode(119 + i)}${n} `);
      await new Promise((r) => setTimeout(r, pauseMs(i)));
    }
  });
  return async () => {
    typing = false;
    await Promise.all(typers);
  };
}

/**
 * An update adding `text` to block 1 of a copy of `doc`, made under `clientId`: what a client
 * sends (or a misbehaving one forges) without going through a provider.
 */
export function craftEdit(doc: Y.Doc, clientId: number, text: string): Uint8Array {
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(doc));
  // Set after loading: Yjs gives a doc a fresh id when it receives its own id from elsewhere.
  local.clientID = clientId;
  let update: Uint8Array | null = null;
  local.on('update', (u: Uint8Array) => (update = u));
  typeInto(local, 1, 0, text);
  return update!;
}

/** Add an operative paragraph at the end, as pressing Enter at the end would. */
export function addParagraph(doc: Y.Doc, id: string, text: string): void {
  const el = new Y.XmlElement('operative');
  el.setAttribute('id', id);
  el.insert(0, [new Y.XmlText(text)]);
  const frag = doc.getXmlFragment(FRAGMENT);
  frag.insert(frag.length, [el]);
}

/** What a raw client heard: Penholder notices, permission-denied reasons, the close code. */
export interface Heard {
  notices: Notice[];
  denied: string[];
  frames: Uint8Array[];
  closed: Promise<number>;
}

/** Open a raw ws connection (for clients that misbehave on purpose), listening from the first frame. */
export function rawSocket(wsUrl: string, draftId: string, token: string): Promise<{ ws: WebSocket; heard: Heard }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl}/${draftId}?token=${token}&notices=1`);
    ws.binaryType = 'nodebuffer';
    const heard: Heard = { notices: [], denied: [], frames: [], closed: new Promise((r) => ws.on('close', (code) => r(code))) };
    ws.on('message', (data: Buffer) => {
      const frame = new Uint8Array(data);
      heard.frames.push(frame);
      const d = decoding.createDecoder(frame);
      const type = decoding.readVarUint(d);
      if (type === MessageType.notice) heard.notices.push(JSON.parse(decoding.readVarString(d)) as Notice);
      if (type === MessageType.auth) {
        decoding.readVarUint(d);
        heard.denied.push(decoding.readVarString(d));
      }
    });
    ws.once('open', () => resolve({ ws, heard }));
    ws.once('error', reject);
  });
}

/** The HTTP status an upgrade is refused with (or 101). */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', (e) => (e.message.includes('Unexpected server response') ? undefined : reject(e)));
  });
}

/**
 * A hand-written V1 update holding one Skip (info 10) or GC (info 0) struct of `length` clocks
 * under `client` from `clock`, and no deletions: what no honest client sends about an id not its own.
 */
export function bareStruct(kind: 'skip' | 'gc', client: number, clock: number, length: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
  encoding.writeUint8(e, kind === 'skip' ? 10 : 0);
  encoding.writeVarUint(e, length);
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}

/**
 * Insert at `index` of the text an element holding `depth` more elements nested one in the
 * next (`name(i)` names level i), built from the outside in so that Yjs never recurses.
 */
export function nestElements(doc: Y.Doc, index: number, depth: number, name: (level: number) => string): void {
  let outer = new Y.XmlElement(name(0));
  doc.getXmlFragment(FRAGMENT).insert(index, [outer]);
  for (let i = 1; i <= depth; i++) {
    const inner = new Y.XmlElement(name(i));
    outer.insert(0, [inner]);
    outer = inner;
  }
}

/** The update `change` makes to a copy of `doc`, written under `clientId` when given (what a client would send). */
export function editOf(doc: Y.Doc, change: (copy: Y.Doc) => void, clientId?: number): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  // Set after loading: Yjs gives a doc a fresh id when it receives its own id from elsewhere.
  if (clientId !== undefined) copy.clientID = clientId;
  const before = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

/** A draft's stored update log, each update as hex: compare before and after to see that nothing was stored. */
export async function storedLog(store: Store, draftId: string): Promise<string[]> {
  return (await store.listUpdates(draftId)).map((u) => Buffer.from(u.update).toString('hex'));
}

/**
 * A collaboration server with a seeded draft, and the main sponsor's stock client connected to it,
 * announced in presence as "sponsor", having written a title and `paragraphs` operative paragraphs
 * (stored before this resolves). Close `editor.provider` and `server` after.
 */
export async function startWithEditor(paragraphs = 4): Promise<{ server: CollabServer; draftId: string; users: SeededUsers; editor: { doc: Y.Doc; provider: WebsocketProvider } }> {
  const server = await startCollabServer();
  const { draftId, users } = await seedDraft(server.store);
  const editor = connect(server.wsUrl, draftId, users.sponsor.token);
  await synced(editor.provider);
  announceAs(editor.provider, 'sponsor');
  seedText(editor.doc, paragraphs);
  await until(async () => (await server.store.lastSeq(draftId)) > 0, 5_000, 'seed stored');
  return { server, draftId, users, editor };
}
