#!/usr/bin/env bash
# The targets of "durable at the floor" (BENCHMARKS.md): Penholder's collaboration endpoint
# (durable) and the reference @y/websocket-server@0.1.1 (memory only) measured in alternating
# rounds — Penholder, then the reference, then the next round — so that a busy spell of the
# shared machine falls on both; each target compares the medians over the rounds.
#   bash bench/run-floor.sh             # 9 rounds, about 45 minutes on 2 cores
#   ROUNDS=3 bash bench/run-floor.sh    # a quicker look
# Each round, each server: propagation latency with 2 and with 200 y-websocket clients (200 edits
# at 20/s), 1,000 raw observers (4 y-websocket writers), relay CPU (20 clients x 10 chars/s, raw
# observers), cold join of the 150 KB report; and one durable commit alone on this disk
# (bench/commit.bench.mjs --only-full), the allowance of the 2-client target.
# Results: bench/results/floor/*.json and bench/results/floor/SUMMARY.md (bench/floor.mjs).
set -u
cd "$(dirname "$0")"
ROUNDS=${ROUNDS:-9}
OUT=results/floor
rm -rf "$OUT"; mkdir -p "$OUT"
. ./sides.sh
for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r of $ROUNDS ($(date +%T))"
  node commit.bench.mjs --only-full "$OUT/commit.r$r.json" --commits 200
  for side in penholder reference; do
    if [ $side = penholder ]; then S=("${PH[@]}"); else S=("${REF[@]}"); fi
    run $side latency "$r" latency "${S[@]}" --clients 2,200 --edits 200 --warmup 20 --rate 20
    run $side observers "$r" latency "${S[@]}" --observers raw --writers 4 --clients 1000 --edits 200 --warmup 20 --rate 20
    run $side relay "$r" throughput "${S[@]}" --observers raw --clients 20 --rate 10 --duration 20
    run $side coldsync "$r" coldsync "${S[@]}" --file fixtures/cop11-report.zh.txt --joins 5 --order append
  done
done
{ echo "# Durable at the floor: $(date -Is), $(nproc) cores, node $(node --version), $ROUNDS alternating rounds"; echo
  node floor.mjs "$OUT" "$ROUNDS"; } > "$OUT/SUMMARY.md"
cat "$OUT/SUMMARY.md"
