/**
 * One Penholder instance for the cluster benchmark (bench/cluster.bench.mjs): the real endpoint
 * on PostgreSQL (DATABASE_URL), with the Redis fan-out when REDIS_URL is set, as bench/
 * penholderServer.ts is for SQLite. Drafts the harness invents are created on first open; two
 * instances may race to create one (the loser finds it). Prints `listening` once ready.
 *   PORT=1235 DATABASE_URL=… REDIS_URL=… CHANNEL_PREFIX=… BENCH_TOKEN=… node --import tsx bench/clusterServer.ts
 */
import http from 'node:http';
import { authenticateRequest } from '../server/auth/authenticate';
import { attachCollaboration } from '../server/collab/index';
import { RedisFanout } from '../server/collab/redisFanout';
import { openStore } from '../server/storage/index';
import { benchStore } from './benchStore';

const token = process.env.BENCH_TOKEN ?? 'bench-token-0123456789abcdef';
const store = await openStore({ dataDir: '', databaseUrl: process.env.DATABASE_URL! });
const benched = await benchStore(store, token);

const server = http.createServer((_req, res) => res.writeHead(404).end());
const fanout = process.env.REDIS_URL ? new RedisFanout({ url: process.env.REDIS_URL, prefix: process.env.CHANNEL_PREFIX }) : undefined;
await fanout?.ready();
// The harness opens every client under one token: no cap per user here.
const collab = attachCollaboration(server, {
  store: benched,
  fanout,
  authenticate: (req) => authenticateRequest(store, req),
  options: { connectionsPerUser: Number.MAX_SAFE_INTEGER },
});
server.listen(Number(process.env.PORT ?? 1235), '127.0.0.1', () => console.log('listening'));
// The harness stops the server with SIGTERM: close as npm start does, so that a profile taken
// with `node --cpu-prof` is written (the durability run uses SIGKILL and is unaffected).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(
    signal,
    () =>
      void collab
        .close()
        .then(() => store.close())
        .finally(() => process.exit(0)),
  );
}
