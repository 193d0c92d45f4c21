# Sourced by the scripts that run servers in alternating rounds (run-floor.sh, run-durable-floor.sh,
# run-journal-ab.sh), from bench/ with OUT set: builds Penholder's bench server as npm start runs
# the server (bundled into one file, scripts/build-server.mjs), and defines how to start each
# side for yws-bench.mjs and `run`, which records one side's run of one test in one round.
node ../scripts/build-server.mjs bench/penholderServer.ts bench/.build/penholderServer.mjs || exit 1
TOKEN=benchbenchbenchbench0123
PH=(--spawn 'node .build/penholderServer.mjs' --env HOST=127.0.0.1 --env PORT=1235 --env 'DATA_DIR={dir}' --env BENCH_TOKEN=$TOKEN
    --url ws://127.0.0.1:1235/collab --query token=$TOKEN --shape prosemirror)
REF=(--spawn 'node ../node_modules/@y/websocket-server/src/server.js' --env HOST=127.0.0.1 --env PORT=1234
    --url ws://127.0.0.1:1234 --shape prosemirror)
DUR=(--spawn 'node durableReference.mjs' --env HOST=127.0.0.1 --env PORT=1236 --env 'DATA_DIR={dir}'
    --url ws://127.0.0.1:1236 --shape prosemirror)
run () { # side, name, round, args...
  local side=$1 name=$2 r=$3; shift 3
  node yws-bench.mjs "$@" --quiet --json "$OUT/$side.$name.r$r.json" > /dev/null 2> "$OUT/$side.$name.r$r.log" || echo "   $side $name round $r failed: see $OUT/$side.$name.r$r.log"
}
