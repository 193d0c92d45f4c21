/**
 * Penholder's collaboration endpoint for the benchmark harness: the real endpoint on the real
 * SQLite store (durable group commits), with one bench user whose token is BENCH_TOKEN. The
 * harness invents document names, so a draft is created (sponsored by the bench user's
 * delegation) the first time a name is opened — the only shortcut, and only here.
 *   PORT=1234 HOST=127.0.0.1 DATA_DIR=/tmp/x BENCH_TOKEN=… node --import tsx bench/penholderServer.ts
 * EDIT_JOURNAL=off commits edits through SQL, as the store did before its journal of edits.
 */
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authenticateRequest } from '../server/auth/authenticate';
import { attachCollaboration } from '../server/collab/index';
import { openStore } from '../server/storage/index';
import { benchStore } from './benchStore';
import { traceEdits } from './editTrace';

// TRACE_EDITS=<file>: profile each edit's path and write it there on exit (bench/editPath.bench.mjs).
const trace = process.env.TRACE_EDITS ? traceEdits(process.env.TRACE_EDITS) : null;
const token = process.env.BENCH_TOKEN ?? 'bench-token-0123456789abcdef';
// EDIT_JOURNAL=off: edits committed through SQL as before the journal of edits (the A/B of BENCHMARKS.md).
const store = await openStore({ dataDir: process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ph-bench-')), journal: process.env.EDIT_JOURNAL !== 'off' });
const benched = await benchStore(store, token);

// GET /stats: how many drafts are loaded and the process's memory (after a full GC when node
// runs with --expose-gc), for bench/unload.bench.mjs. Everything else is 404.
const server = http.createServer((req, res) => {
  if (req.url !== '/stats') return void res.writeHead(404).end();
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ loadedDrafts: collab.loadedDrafts(), rss, heapUsed }));
});
// UNLOAD_AFTER_MS shortens how long an idle draft stays loaded (the unload benchmark).
const unloadAfterMs = process.env.UNLOAD_AFTER_MS ? Number(process.env.UNLOAD_AFTER_MS) : undefined;
// The harness opens every client (up to 1,000 observers) under one token: no cap per user here.
const options = { connectionsPerUser: Number.MAX_SAFE_INTEGER, ...(unloadAfterMs === undefined ? {} : { unloadAfterMs }) };
const collab = attachCollaboration(server, { store: benched, authenticate: (req) => authenticateRequest(store, req), options });
server.listen(Number(process.env.PORT ?? 1234), process.env.HOST ?? '127.0.0.1');
// The harness stops the server with SIGTERM: close as npm start does, so that a profile taken
// with `node --cpu-prof` is written (the durability run uses SIGKILL and is unaffected).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(
    signal,
    () =>
      void collab
        .close()
        .then(() => store.close())
        .finally(() => {
          trace?.write();
          process.exit(0);
        }),
  );
}
