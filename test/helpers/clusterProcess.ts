/**
 * One cluster instance as a child process, for kill -9 tests: DATABASE_URL, REDIS_URL and
 * CHANNEL_PREFIX from the environment. Prints one JSON line `{ port }` once it listens.
 */
import http from 'node:http';
import { authenticateRequest } from '../../server/auth/authenticate';
import { attachCollaboration } from '../../server/collab/index';
import { RedisFanout } from '../../server/collab/redisFanout';
import { openStore } from '../../server/storage/index';

const store = await openStore({ dataDir: '', databaseUrl: process.env.DATABASE_URL! });
const fanout = new RedisFanout({ url: process.env.REDIS_URL!, prefix: process.env.CHANNEL_PREFIX, catchUpEveryMs: 500 });
await fanout.ready();
const server = http.createServer((_req, res) => res.writeHead(404).end());
attachCollaboration(server, { store, fanout, authenticate: (req) => authenticateRequest(store, req), options: { checkpointEvery: 50 } });
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: (server.address() as { port: number }).port }) + '\n');
});
