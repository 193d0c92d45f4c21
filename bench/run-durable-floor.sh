#!/usr/bin/env bash
# The floor a durable server stands on here: Penholder, the reference server made durable and
# nothing more (bench/durableReference.mjs: each update appended to a file and flushed before it
# is read, as Penholder's journal of edits does, without any of Penholder's other work), and the
# in-memory reference, in alternating rounds. Between the reference and its durable copy lies
# what the guarantee costs on this machine; between the durable copy and Penholder, Penholder's own.
#   bash bench/run-durable-floor.sh           # 5 rounds, about 15 minutes on 2 cores
#   ROUNDS=2 bash bench/run-durable-floor.sh  # a quicker look
# Each round, each server: propagation latency with 2 and with 200 y-websocket clients (200 edits
# at 20/s) and relay CPU (20 raw clients x 10 chars/s), as in bench/run-floor.sh.
# Results: bench/results/durable-floor/*.json and SUMMARY.md (bench/durableFloor.mjs).
set -u
cd "$(dirname "$0")"
ROUNDS=${ROUNDS:-5}
OUT=results/durable-floor
rm -rf "$OUT"; mkdir -p "$OUT"
. ./sides.sh
for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r of $ROUNDS ($(date +%T))"
  for side in penholder durable reference; do
    case $side in penholder) S=("${PH[@]}");; durable) S=("${DUR[@]}");; *) S=("${REF[@]}");; esac
    run $side latency "$r" latency "${S[@]}" --clients 2,200 --edits 200 --warmup 20 --rate 20
    run $side relay "$r" throughput "${S[@]}" --observers raw --clients 20 --rate 10 --duration 20
  done
done
{ echo "# The durable floor: $(date -Is), $(nproc) cores, node $(node --version), $ROUNDS alternating rounds"; echo
  node durableFloor.mjs "$OUT" "$ROUNDS"; } > "$OUT/SUMMARY.md"
cat "$OUT/SUMMARY.md"
