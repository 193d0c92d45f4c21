#!/usr/bin/env bash
# Penholder's collaboration endpoint (durable SQLite group commits) side by side with the
# reference @y/websocket-server@0.1.1 (no persistence), same harness, same machine, one run.
#   bash bench/run-collab.sh            # everything (about 10 minutes on 2 cores)
#   RUNS=3 bash bench/run-collab.sh     # medians of 3 runs
#   ROUNDS=7 bash bench/run-collab.sh   # 7 alternating rounds of the latency test (default: 3, or RUNS if more)
# Results: bench/results/{penholder,reference}/*.json and bench/results/SUMMARY.md
set -u
cd "$(dirname "$0")"
# Penholder's bench server as npm start runs the server: bundled into one file (scripts/build-server.mjs).
node ../scripts/build-server.mjs bench/penholderServer.ts bench/.build/penholderServer.mjs || exit 1
RUNS=${RUNS:-1}
TOKEN=benchbenchbenchbench0123
OUT=results
rm -rf "$OUT"; mkdir -p "$OUT/penholder" "$OUT/reference"
PH=(--spawn 'node .build/penholderServer.mjs' --env HOST=127.0.0.1 --env PORT=1235 --env 'DATA_DIR={dir}' --env BENCH_TOKEN=$TOKEN
    --url ws://127.0.0.1:1235/collab --query token=$TOKEN --shape prosemirror)
REF=(--spawn 'node ../node_modules/@y/websocket-server/src/server.js' --env HOST=127.0.0.1 --env PORT=1234
    --url ws://127.0.0.1:1234 --shape prosemirror)
run () { # server-dir, name, args...
  local dir=$1 name=$2; shift 2
  echo "== $dir $name ($(date +%T))"
  node yws-bench.mjs "$@" --runs "$RUNS" --quiet --json "$OUT/$dir/$name.json" > "$OUT/$dir/$name.out" 2> "$OUT/$dir/$name.log"
  echo "   rc=$?"; grep -E 'Error' "$OUT/$dir/$name.log" | head -3 | sed 's/^/   /'
}
# Propagation latency with y-websocket clients, the figure the target is about: the two servers
# alternate, one run each per round, so that a busy spell of the shared machine falls on both.
ROUNDS=${ROUNDS:-$(( RUNS > 3 ? RUNS : 3 ))}
for r in $(seq 1 "$ROUNDS"); do
  RUNS=1 run penholder latency-provider.r$r latency "${PH[@]}" --clients 2,20,100,200 --edits 200 --warmup 20 --rate 20
  RUNS=1 run reference latency-provider.r$r latency "${REF[@]}" --clients 2,20,100,200 --edits 200 --warmup 20 --rate 20
done
node mergeRounds.mjs "$OUT" latency-provider "$ROUNDS" > "$OUT/latency-rounds.md"
for side in penholder reference; do
  if [ $side = penholder ]; then S=("${PH[@]}"); else S=("${REF[@]}"); fi
  run $side latency-raw latency "${S[@]}" --observers raw --writers 4 --clients 2,20,100,200 --edits 200 --warmup 20 --rate 20
  run $side throughput-raw throughput "${S[@]}" --observers raw --clients 20 --rate 10 --duration 20
  run $side memory memory "${S[@]}" --docs 100,1000
  run $side coldsync coldsync "${S[@]}" --file fixtures/cop11-report.zh.txt --joins 5
done
run penholder durability-burst durability "${PH[@]}" --edits 500 --rate 100000 --kill-delays 0,100,250
{ echo "# Collaboration benchmark, $(date -Is), $(nproc) cores, node $(node --version), runs=$RUNS, latency rounds=$ROUNDS"; echo
  node summarize.mjs "$OUT/penholder" "$OUT/reference"; echo; cat "$OUT/latency-rounds.md"; } > "$OUT/SUMMARY.md"
cat "$OUT/SUMMARY.md"
