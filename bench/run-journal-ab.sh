#!/usr/bin/env bash
# What the journal of edits bought (BENCHMARKS.md): Penholder with its journal of edits and
# Penholder committing each edit through SQL (EDIT_JOURNAL=off, as before it), alternating rounds.
# Each round, each side: 2 y-websocket clients (200 edits at 20/s) and the relay CPU (20 clients ×
# 10 chars/s, raw observers).
#   bash bench/run-journal-ab.sh            # 7 rounds, about 8 minutes on 2 cores
# Results: bench/results/journal-ab/*.json and SUMMARY.md.
set -u
cd "$(dirname "$0")"
ROUNDS=${ROUNDS:-7}
OUT=results/journal-ab
rm -rf "$OUT"; mkdir -p "$OUT"
. ./sides.sh
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
node journalAb.mjs "$OUT" "$ROUNDS" | tee "$OUT/SUMMARY.md"
