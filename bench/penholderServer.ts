/**
 * Penholder's collaboration endpoint for the benchmark harness: the real endpoint on the real
 * SQLite store (durable group commits), with one bench user whose token is BENCH_TOKEN. The
 * harness invents document names, so a draft is created (sponsored by the bench user's
 * delegation) the first time a name is opened — the only shortcut, and only here.
 *   PORT=1234 HOST=127.0.0.1 DATA_DIR=/tmp/x BENCH_TOKEN=… node --import tsx bench/penholderServer.ts
 */
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authenticateRequest } from '../server/auth/authenticate';
import { hashSecret } from '../server/auth/sessions';
import { attachCollaboration } from '../server/collab/index';
import { openStore } from '../server/storage/index';
import { UniqueViolation, type Store } from '../server/storage/types';

const token = process.env.BENCH_TOKEN ?? 'bench-token-0123456789abcdef';
const store = await openStore({ dataDir: process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ph-bench-')) });
// Reuse the bench identities on a restart (the durability run restarts on the same data).
const existing = await store.getUserByLogin('bench');
const user = existing ?? (await (async () => {
  const delegation = await store.createDelegation({ code: 'BENCH', name: { en: 'Bench', zh: 'Bench' }, kind: 'member' });
  return store.createUser({ login: 'bench', displayName: 'Bench', role: 'delegate', delegationId: delegation.id, passwordHash: 'x' });
})());
const delegationId = user.delegationId!;
const session = (await store.listSessions()).find((s) => s.symbolPrefix === 'BENCH') ?? (await (async () => {
  const body = await store.createBody({ name: { en: 'Bench', zh: 'Bench' } });
  return store.createSession({ bodyId: body.id, number: 1, title: { en: 'Bench', zh: 'Bench' }, symbolPrefix: 'BENCH', place: 'here', opens: '2022-01-01', closes: '2099-01-01' });
})());
if (!(await store.getAuthSession(hashSecret(token)))) {
  await store.createAuthSession({ tokenHash: hashSecret(token), userId: user.id, kind: 'token', createdAt: new Date().toISOString(), expiresAt: '2099-01-01T00:00:00.000Z' });
}

let lNumber = await store.maxLNumber(session.id);
const creating = new Map<string, Promise<unknown>>();
async function ensureDraft(id: string): Promise<void> {
  if (await store.getDraft(id)) return;
  let p = creating.get(id);
  if (!p) {
    p = (async () => {
      try {
        await store.createDraft({ id, sessionId: session.id, lNumber: ++lNumber, kind: 'resolution', title: { en: id, zh: id }, agendaItem: '1', language: 'en', submittedBy: null, chairUserId: null, createdBy: user.id });
        await store.addSponsorshipEvent({ draftId: id, delegationId, type: 'main', date: '2022-01-01', onBehalfOf: null, recordedBy: user.id });
      } catch (e) {
        if (!(e instanceof UniqueViolation)) throw e;
      }
    })();
    creating.set(id, p);
  }
  await p;
}

// Everything is the real store except that opening an unknown draft creates it first.
const benchStore = new Proxy(store, {
  get(target, prop, receiver) {
    if (prop === 'getDraft') return async (id: string) => (await ensureDraft(id), target.getDraft(id));
    const v = Reflect.get(target, prop, receiver);
    return typeof v === 'function' ? v.bind(target) : v;
  },
}) as Store;

const server = http.createServer((_req, res) => res.writeHead(404).end());
const collab = attachCollaboration(server, { store: benchStore, authenticate: (req) => authenticateRequest(store, req) });
server.listen(Number(process.env.PORT ?? 1234), process.env.HOST ?? '127.0.0.1');
// The harness stops the server with SIGTERM: close as npm start does, so that a profile taken
// with `node --cpu-prof` is written (the durability run uses SIGKILL and is unaffected).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void collab.close().then(() => store.close()).finally(() => process.exit(0)));
}
