#!/usr/bin/env node
/**
 * A well-behaved delegate's edits while hostile Word files are uploaded (issue #14). The whole
 * app runs in its own process on 127.0.0.1 (bench/importServer.ts, SQLite); here one y-websocket
 * client types a keystroke every 20 ms and another watches, while a thread of this process posts
 * hostile .docx files to POST /api/imports/preview back to back for a fixed window:
 *   - a "zip bomb" that lies: ≈ 1 MB, a gigabyte inside, its directory declaring 4 KB
 *   - one 4.5 MB image referenced 100 times (≈ 4.7 MB)
 *   - two bombs at once, and a bomb and the images at once
 * Printed for each window, and for quiet windows before and after: the watcher's latency (p50,
 * p99, max), the imports' answers and wall times, and the server's peak RSS (Linux /proc).
 * Bounded in time (about a minute), stops by itself.
 *
 *   npm run bench:import                                  # node --import tsx bench/import.bench.mjs
 *   node --import tsx bench/import.bench.mjs --window 10  # seconds per window (default 6)
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

if (!isMainThread) {
  // The attacker: posts `files` (several at once when given several) until the window closes.
  const { url, token, files, until } = workerData;
  const post = async (bytes) => {
    const t0 = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': DOCX }, body: bytes });
    const body = await res.json();
    return { ms: performance.now() - t0, answer: body.error?.details?.reason ?? String(res.status) };
  };
  const results = [];
  while (Date.now() < until) results.push(...(await Promise.all(files.map(post))));
  parentPort.postMessage(results);
} else {
  await main();
}

async function main() {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const WINDOW_MS = arg('window', 6) * 1000;
  const { connect, seedText, synced, until } = await import('../test/helpers/collab.ts');
  const { startLatencyProbe, summarize, percentile } = await import('../test/helpers/editLatency.ts');
  const { lyingZipBomb, repeatedImage } = await import('../test/helpers/hostileDocx.ts');
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  // Whatever happens, the benchmark ends.
  const deadline = setTimeout(
    () => {
      console.error('import bench: out of time');
      process.exit(1);
    },
    30 * WINDOW_MS + 60_000,
  );
  deadline.unref();

  const server = spawn(process.execPath, ['--import', 'tsx', 'bench/importServer.ts'], {
    cwd: new URL('..', import.meta.url).pathname,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = JSON.parse(
    await new Promise((resolve, reject) => {
      createInterface({ input: server.stdout }).once('line', resolve);
      server.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
    }),
  );
  const base = `http://127.0.0.1:${ready.port}`;

  // The server's resident memory, sampled; its peak over a window is the largest sample in it.
  const status = (field) =>
    Number(
      /\d+/.exec(
        readFileSync(`/proc/${server.pid}/status`, 'utf8')
          .split('\n')
          .find((l) => l.startsWith(field)) ?? '0',
      )[0],
    ) * 1024;
  let peakRss = 0;
  const sampler = setInterval(() => {
    try {
      peakRss = Math.max(peakRss, status('VmRSS:'));
    } catch {
      /* gone */
    }
  }, 20);

  const typist = connect(`ws://127.0.0.1:${ready.port}/collab`, ready.draftId, ready.tokens.sponsor);
  const watcher = connect(`ws://127.0.0.1:${ready.port}/collab`, ready.draftId, ready.tokens.sponsor2);
  await Promise.all([synced(typist.provider), synced(watcher.provider)]);
  seedText(typist.doc);
  await until(() => watcher.doc.getXmlFragment('prosemirror').length > 1, 10_000, 'the watcher has the text');
  const probe = startLatencyProbe(typist.doc, watcher.doc, 20);
  await sleep(2_000);

  const bomb = lyingZipBomb();
  const pictures = repeatedImage({ references: 100 });
  const MB = (b) => (b / 1048576).toFixed(1);
  const ms = (v) => (Number.isNaN(v) ? '—' : v.toFixed(1)).padStart(7);
  console.log(`hostile files: bomb ${MB(bomb.length)} MB (1024 MB inside, declares 4 KB); images ${MB(pictures.length)} MB (one 4.5 MB image × 100)`);
  console.log(`window ${WINDOW_MS / 1000} s each; watcher latency in ms; server RSS before: ${MB(status('VmRSS:'))} MB`);
  console.log('window                      edits   p50     p99     max  | imports  answers                wall p50   wall max | peak RSS');

  async function window(name, files) {
    const from = performance.now();
    peakRss = status('VmRSS:');
    let imports = [];
    if (files.length) {
      const attacker = new Worker(new URL(import.meta.url), {
        workerData: { url: `${base}/api/imports/preview`, token: ready.tokens.secretariat, files, until: Date.now() + WINDOW_MS },
      });
      imports = await new Promise((resolve, reject) => {
        attacker.once('message', resolve);
        attacker.once('error', reject);
      });
    }
    await sleep(Math.max(0, WINDOW_MS - (performance.now() - from)));
    const to = performance.now();
    const lat = summarize(probe.between(from, to));
    const answers = Object.entries(imports.reduce((n, r) => ((n[r.answer] = (n[r.answer] ?? 0) + 1), n), {}))
      .map(([a, n]) => `${n}× ${a}`)
      .join(', ');
    const walls = imports.map((r) => r.ms);
    console.log(
      `${name.padEnd(26)} ${String(lat.n).padStart(5)} ${ms(lat.p50)} ${ms(lat.p99)} ${ms(lat.max)}  | ${String(imports.length).padStart(7)}  ${(answers || '—').padEnd(22)} ${ms(percentile(walls, 0.5))} ${ms(walls.length ? Math.max(...walls) : NaN)}   | ${MB(peakRss)} MB`,
    );
  }

  await window('quiet', []);
  await window('zip bomb (lying sizes)', [bomb]);
  await window('image × 100', [pictures]);
  await window('two bombs at once', [bomb, bomb]);
  await window('bomb and images at once', [bomb, pictures]);
  await window('quiet again', []);

  await probe.stop();
  clearInterval(sampler);
  const hwm = status('VmHWM:');
  console.log(`server peak RSS over the whole run (VmHWM): ${MB(hwm)} MB; keystrokes that never arrived: ${probe.missing()}`);
  typist.provider.destroy();
  watcher.provider.destroy();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  process.exit(0);
}
