#!/usr/bin/env bash
# What the journal of edits bought (BENCHMARKS.md): Penholder with its journal of edits and
# Penholder committing each edit through SQL (EDIT_JOURNAL=off, as before it), alternating rounds.
# Each round, each side: 2 y-websocket clients (200 edits at 20/s) and the relay CPU (20 clients ×
# 10 chars/s, raw observers).
#   bash bench/run-journal-ab.sh            # 7 rounds, about 8 minutes on 2 cores
# Results: bench/results/journal-ab/*.json and SUMMARY.md.
set -u
cd "$(dirname "$0")"
# Penholder's bench server as npm start runs the server: bundled into one file (scripts/build-server.mjs).
node ../scripts/build-server.mjs bench/penholderServer.ts bench/.build/penholderServer.mjs || exit 1
ROUNDS=${ROUNDS:-7}
TOKEN=benchbenchbenchbench0123
OUT=results/journal-ab
rm -rf "$OUT"; mkdir -p "$OUT"
for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r of $ROUNDS ($(date +%T))"
  for side in journal sql; do
    journal=on; [ $side = sql ] && journal=off
    S=(--spawn 'node .build/penholderServer.mjs' --env HOST=127.0.0.1 --env PORT=1235 --env 'DATA_DIR={dir}' --env BENCH_TOKEN=$TOKEN
       --env EDIT_JOURNAL=$journal --url ws://127.0.0.1:1235/collab --query token=$TOKEN --shape prosemirror)
    node yws-bench.mjs latency "${S[@]}" --clients 2 --edits 200 --warmup 20 --rate 20 --quiet --json "$OUT/$side.latency.r$r.json" > /dev/null 2> "$OUT/$side.latency.r$r.log" || echo "   $side latency round $r failed"
    node yws-bench.mjs throughput "${S[@]}" --observers raw --clients 20 --rate 10 --duration 20 --quiet --json "$OUT/$side.relay.r$r.json" > /dev/null 2> "$OUT/$side.relay.r$r.log" || echo "   $side relay round $r failed"
  done
done
node --input-type=module - "$OUT" "$ROUNDS" <<'JS' | tee "$OUT/SUMMARY.md"
import fs from 'node:fs';
const [out, rounds] = process.argv.slice(2);
const read = (f) => { try { return JSON.parse(fs.readFileSync(`${out}/${f}`, 'utf8')); } catch { return null; } };
const median = (a) => { const s = a.filter(Number.isFinite).sort((x, y) => x - y); return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN; };
const series = (side, pick) => Array.from({ length: Number(rounds) }, (_, i) => pick(side, i + 1));
const lat = (side, r, p) => read(`${side}.latency.r${r}.json`)?.results?.[0]?.median?.perReceiver?.[p] ?? NaN;
const cpu = (side, r) => read(`${side}.relay.r${r}.json`)?.median?.serverCpuPct ?? read(`${side}.relay.r${r}.json`)?.serverCpuPct ?? NaN;
const rows = [
  ['2 clients, p50 (ms)', (s, r) => lat(s, r, 'p50')],
  ['2 clients, p99 (ms)', (s, r) => lat(s, r, 'p99')],
  ['relay, 20 clients × 10 chars/s: server CPU (%)', cpu],
];
console.log(`# The journal of edits against commits through SQL: ${new Date().toISOString()}, ${rounds} alternating rounds\n`);
console.log('| measure | journal, median | SQL, median | journal / SQL |\n|---|---|---|---|');
for (const [name, pick] of rows) {
  const j = median(series('journal', pick)), q = median(series('sql', pick));
  console.log(`| ${name} | ${j.toFixed(2)} | ${q.toFixed(2)} | ${(j / q).toFixed(2)} |`);
}
console.log('\nPer round (journal | SQL):');
for (const [name, pick] of rows) console.log(`- ${name}: ${series('journal', pick).map((v) => v.toFixed(2)).join(', ')} | ${series('sql', pick).map((v) => v.toFixed(2)).join(', ')}`);
JS
