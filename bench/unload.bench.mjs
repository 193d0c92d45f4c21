#!/usr/bin/env node
/**
 * Memory per open draft and idle drafts unloaded (issue #8): Penholder's endpoint on SQLite
 * (bench/penholderServer.ts, with --expose-gc and a short UNLOAD_AFTER_MS) gets M drafts opened
 * by one y-websocket client each, 5 KB typed into each in 10 edits; then every client leaves.
 * Printed: heap and RSS per loaded draft (after a full GC), how long until the server held no
 * draft, and the heap and RSS after that. 127.0.0.1 only; bounded in time.
 *
 *   node bench/unload.bench.mjs [M=1000] [unloadAfterMs=3000]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

const M = Number(process.argv[2] ?? 1000);
const UNLOAD_AFTER_MS = Number(process.argv[3] ?? 3000);
const PORT = 1237;
const TOKEN = 'benchbenchbenchbench0123';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const MB = (b) => (b / 1048576).toFixed(1);
process.setMaxListeners(0);

const dir = mkdtempSync(join(tmpdir(), 'ph-unload-'));
const server = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'penholderServer.ts'], {
  cwd: new URL('.', import.meta.url).pathname,
  env: { ...process.env, HOST: '127.0.0.1', PORT: String(PORT), DATA_DIR: dir, BENCH_TOKEN: TOKEN, UNLOAD_AFTER_MS: String(UNLOAD_AFTER_MS) },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const stats = async () => (await fetch(`http://127.0.0.1:${PORT}/stats`)).json();
async function until(what, ok, ms) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const s = await stats();
      if (ok(s)) return s;
    } catch {
      /* not up yet */
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function cycle(round, base) {
  const prefix = `unload-${Date.now()}-`;
  const clients = [];
  const text = 'Decides to continue its work on the matter; '.repeat(120).slice(0, 5120);
  for (let i = 0; i < M; i += 50) {
    const batch = [];
    for (let j = i; j < Math.min(M, i + 50); j++) {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`ws://127.0.0.1:${PORT}/collab`, prefix + j, doc, { WebSocketPolyfill: WebSocket, disableBc: true, params: { token: TOKEN } });
      clients.push({ doc, provider });
      batch.push(
        new Promise((resolve) => provider.once('sync', resolve)).then(() => {
          const t = doc.getXmlFragment('prosemirror');
          const p = new Y.XmlElement('operative');
          p.insert(0, [new Y.XmlText('')]);
          t.insert(0, [p]);
          for (let k = 0; k < 10; k++) p.get(0).insert(k * 512, text.slice(k * 512, (k + 1) * 512));
        }),
      );
    }
    await Promise.all(batch);
  }
  // Every draft stored and loaded: wait for the writes to drain, then measure.
  await sleep(2000);
  const loaded = await until('every draft loaded', (s) => s.loadedDrafts === M, 30_000);
  for (const c of clients) {
    c.provider.destroy();
    c.doc.destroy();
  }
  const left = Date.now();
  const after = await until('every draft unloaded', (s) => s.loadedDrafts === 0, UNLOAD_AFTER_MS + 60_000);
  const unloadedMs = Date.now() - left;
  await sleep(1000);
  const settled = await stats();
  const perDraft = (a, b) => ((a - b) / 1024 / M).toFixed(1);
  if (round === 1) {
    console.log(`drafts: ${M} per round, 5 KB typed into each in 10 edits; unloadAfterMs ${UNLOAD_AFTER_MS}`);
    console.log(`before any draft:   heap ${MB(base.heapUsed)} MB, RSS ${MB(base.rss)} MB`);
  }
  console.log(
    `round ${round}: ${M} drafts loaded: heap ${MB(loaded.heapUsed)} MB, RSS ${MB(loaded.rss)} MB -> ${perDraft(loaded.heapUsed, base.heapUsed)} KB heap, ${perDraft(loaded.rss, base.rss)} KB RSS per draft`,
  );
  console.log(`round ${round}: clients gone:       no draft loaded after ${(unloadedMs / 1000).toFixed(1)} s (unloadAfterMs + the sweep, which checkpoints each draft)`);
  console.log(
    `round ${round}: after unloading:    heap ${MB(settled.heapUsed)} MB (${perDraft(settled.heapUsed, base.heapUsed)} KB per draft above the start), RSS ${MB(settled.rss)} MB, loaded drafts ${after.loadedDrafts}`,
  );
}

try {
  const base = await until('the server', () => true, 30_000);
  // Two rounds: memory left after the second that the first did not leave would be a leak.
  for (const round of [1, 2]) await cycle(round, base);
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
