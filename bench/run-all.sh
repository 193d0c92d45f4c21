#!/usr/bin/env bash
# `npm run bench`: every benchmark of the project, one after the other, on 127.0.0.1 only, each
# bounded in time. The figures of this run replace the block between the "latest run" markers
# of BENCHMARKS.md (the analysis around it is written by hand); the raw outputs stay under
# bench/results/ (git-ignored).
#   npm run bench               # about 70 minutes on 2 cores
#   RUNS=3 npm run bench        # medians of 3 runs for the collaboration figures
set -u
cd "$(dirname "$0")/.."
started=$(date -Is)

# run-collab.sh starts from an empty bench/results: it runs first.
echo "== collaboration, side by side with the reference server (bench/run-collab.sh)"
bash bench/run-collab.sh > /tmp/penholder-collab-bench.out 2>&1
mv /tmp/penholder-collab-bench.out bench/results/collab.out
tail -n 40 bench/results/collab.out

echo "== durable at the floor: the targets, 9 alternating rounds (bench/run-floor.sh)"
bash bench/run-floor.sh > bench/results/floor.out 2>&1
tail -n 30 bench/results/floor.out
echo "== the journal of edits against commits through SQL, 7 alternating rounds (bench/run-journal-ab.sh)"
bash bench/run-journal-ab.sh > bench/results/journal-ab.out 2>&1
tail -n 12 bench/results/journal-ab.out
echo "== the durable floor: the reference made durable beside Penholder and the reference, 5 rounds (bench/run-durable-floor.sh)"
bash bench/run-durable-floor.sh > bench/results/durable-floor.out 2>&1
tail -n 14 bench/results/durable-floor.out
echo "== where the relay's CPU goes, Penholder beside the reference (bench/cpuSplit.mjs; needs perf)"
node bench/cpuSplit.mjs | tee bench/results/cpusplit.out
echo "== one relayed message: ws.send per peer, or one frame written to every socket (bench/broadcast.bench.mjs)"
node --import tsx bench/broadcast.bench.mjs | tee bench/results/broadcast.out
echo "== one edit's path through the server (bench/editPath.bench.mjs)"
node bench/editPath.bench.mjs | tee bench/results/editpath.out

echo "== comparison (bench/compare.bench.ts)"
npx tsx bench/compare.bench.ts | tee bench/results/compare.out

mkdir -p bench/results
echo "== a delegate's edits while hostile Word files are imported (bench/import.bench.mjs)"
node --import tsx bench/import.bench.mjs | tee bench/results/import.out

echo "== what proving each update costs (bench/proof.bench.ts)"
npx tsx bench/proof.bench.ts | tee bench/results/proof.out

echo "== a draft's access as its record grows (bench/access.bench.ts)"
npx tsx bench/access.bench.ts | tee bench/results/access.out

echo "== a read after each edit while delegates type (bench/readsWhileTyping.bench.ts)"
npx tsx bench/readsWhileTyping.bench.ts | tee bench/results/reads.out

echo "== 1,000 proposals on one draft: listed, and accepted while 50 clients type (bench/proposals.bench.mjs)"
node --import tsx bench/proposals.bench.mjs | tee bench/results/proposals.out

echo "== history: the text at any point of a 100,000-update log (bench/history.bench.ts)"
node --expose-gc --import tsx bench/history.bench.ts | tee bench/results/history.out

echo "== memory per open draft, idle drafts unloaded (bench/unload.bench.mjs)"
node bench/unload.bench.mjs | tee bench/results/unload.out

cluster_md=""
# Two instances need the local PostgreSQL and Redis (the script makes and drops its own database).
if pg_isready -h 127.0.0.1 -q && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  echo "== two instances on PostgreSQL and Redis, and three behind HAProxy (bench/cluster.bench.mjs)"
  node --import tsx bench/cluster.bench.mjs --clients 2,20 --runs 3 | tee bench/results/cluster.out
  cluster_md=$(printf '\n### Two instances, and three behind HAProxy (`npm run bench:cluster`)\n\n```\n%s\n```\n' "$(cat bench/results/cluster.out)")
  echo "== a session behind HAProxy: 193 delegations, 12 drafts, one instance killed (bench/session.bench.mjs)"
  node --import tsx bench/session.bench.mjs | tee bench/results/session.out
  cluster_md+=$(printf '\n\n### A session behind HAProxy, one instance killed (`npm run bench:session`)\n\n%s\n' "$(cat bench/results/session.out)")
fi

block=$(cat <<MD
<!-- latest-run:start -->
## Latest run of \`npm run bench\`

$started, $(nproc) cores, node $(node --version), RUNS=${RUNS:-1}.

### Durable at the floor: the targets, Penholder beside the reference in alternating rounds (\`npm run bench:floor\`)

$(tail -n +2 bench/results/floor/SUMMARY.md 2>/dev/null || cat bench/results/floor.out)

### The journal of edits against commits through SQL (\`npm run bench:journal\`)

$(tail -n +2 bench/results/journal-ab/SUMMARY.md 2>/dev/null || cat bench/results/journal-ab.out)

### The durable floor: the reference made durable, beside Penholder and the reference (\`npm run bench:durable-floor\`)

$(tail -n +2 bench/results/durable-floor/SUMMARY.md 2>/dev/null || cat bench/results/durable-floor.out)

### One edit's path through the server (\`npm run bench:path\`)

$(cat bench/results/editpath.out)

### Comparison of two revisions of the 150 KB report (\`npm run bench:compare\`)

\`\`\`
$(cat bench/results/compare.out)
\`\`\`

### Edits while hostile Word files are imported (\`npm run bench:import\`)

\`\`\`
$(cat bench/results/import.out)
\`\`\`

### Proving each update before it is stored (\`npm run bench:proof\`)

\`\`\`
$(cat bench/results/proof.out)
\`\`\`

### A draft's access as its record grows (\`npm run bench:access\`)

$(cat bench/results/access.out)

### A read after each edit while delegates type (\`npm run bench:reads\`)

$(cat bench/results/reads.out)

### Proposals: 1,000 on one draft, listed and accepted under 50 typing clients (\`npm run bench:proposals\`)

\`\`\`
$(cat bench/results/proposals.out)
\`\`\`

### History of a 100,000-update log (\`npm run bench:history\`)

\`\`\`
$(cat bench/results/history.out)
\`\`\`

### Memory per open draft and unloading (\`node bench/unload.bench.mjs\`)

\`\`\`
$(cat bench/results/unload.out)
\`\`\`

### Collaboration, Penholder (durable) beside the reference server (\`npm run bench:collab\`)

$(tail -n +2 bench/results/SUMMARY.md 2>/dev/null || cat bench/results/collab.out)
$cluster_md
<!-- latest-run:end -->
MD
)
node -e '
const fs = require("fs");
const file = "BENCHMARKS.md";
const text = fs.readFileSync(file, "utf8");
const block = process.argv[1];
const re = /<!-- latest-run:start -->[\s\S]*<!-- latest-run:end -->/;
fs.writeFileSync(file, re.test(text) ? text.replace(re, () => block) : text + "\n" + block + "\n");
' "$block"
echo "BENCHMARKS.md updated."
