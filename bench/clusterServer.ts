/**
 * One Penholder instance for the cluster benchmark (bench/cluster.bench.mjs): the real endpoint
 * on PostgreSQL (DATABASE_URL), with the Redis fan-out when REDIS_URL is set, as bench/
 * penholderServer.ts is for SQLite. Drafts the harness invents are created on first open; two
 * instances may race to create one (the loser finds it). Prints `listening` once ready.
 *   PORT=1235 DATABASE_URL=… REDIS_URL=… CHANNEL_PREFIX=… BENCH_TOKEN=… node --import tsx bench/clusterServer.ts
 */
import http from 'node:http';
import { authenticateRequest } from '../server/auth/authenticate';
import { hashSecret } from '../server/auth/sessions';
import { attachCollaboration } from '../server/collab/index';
import { RedisFanout } from '../server/collab/redisFanout';
import { openStore } from '../server/storage/index';
import { UniqueViolation, type Store } from '../server/storage/types';

const token = process.env.BENCH_TOKEN ?? 'bench-token-0123456789abcdef';
const store = await openStore({ dataDir: '', databaseUrl: process.env.DATABASE_URL! });
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

// Instances cannot share an L-number counter here: a random one avoids their racing for one.
const creating = new Map<string, Promise<unknown>>();
async function ensureDraft(id: string): Promise<void> {
  if (await store.getDraft(id)) return;
  let p = creating.get(id);
  if (!p) {
    p = (async () => {
      try {
        await store.createDraft({ id, sessionId: session.id, lNumber: 1 + Math.floor(Math.random() * 1e9), kind: 'resolution', title: { en: id, zh: id }, agendaItem: '1', language: 'en', submittedBy: null, chairUserId: null, createdBy: user.id });
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
const fanout = process.env.REDIS_URL ? new RedisFanout({ url: process.env.REDIS_URL, prefix: process.env.CHANNEL_PREFIX }) : undefined;
await fanout?.ready();
const collab = attachCollaboration(server, { store: benchStore, fanout, authenticate: (req) => authenticateRequest(store, req) });
server.listen(Number(process.env.PORT ?? 1235), '127.0.0.1', () => console.log('listening'));
// The harness stops the server with SIGTERM: close as npm start does, so that a profile taken
// with `node --cpu-prof` is written (the durability run uses SIGKILL and is unaffected).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void collab.close().then(() => store.close()).finally(() => process.exit(0)));
}
