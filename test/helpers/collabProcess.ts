/**
 * A collaboration server as a child process, for crash tests: `tsx test/helpers/collabProcess.ts`
 * with DATA_DIR (SQLite file), PORT (0 for any) and SEED=1 to create a draft and users first.
 * Prints one JSON line `{ port, seeded? }` once it listens.
 */
import http from 'node:http';
import { authenticateRequest } from '../../server/auth/authenticate';
import { attachCollaboration } from '../../server/collab/index';
import { openStore } from '../../server/storage/index';
import { seedDraft } from './collab';

const store = await openStore({ dataDir: process.env.DATA_DIR! });
const seeded = process.env.SEED === '1' ? await seedDraft(store) : undefined;
const server = http.createServer((_req, res) => res.writeHead(404).end());
attachCollaboration(server, { store, authenticate: (req) => authenticateRequest(store, req), options: { checkpointEvery: 50 } });
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const port = (server.address() as { port: number }).port;
  process.stdout.write(JSON.stringify({ port, seeded }) + '\n');
});
