#!/usr/bin/env node
// The table of bench/run-journal-ab.sh: the journal of edits against commits through SQL,
// Penholder against itself, medians over the alternating rounds and the figures of every round.
//   node bench/journalAb.mjs bench/results/journal-ab 7
import { latencyAt, median, roundsIn, serverCpu } from './rounds.mjs';

const [dir, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg);
const { perRound } = roundsIn(dir, rounds);
const rows = [
  ['2 clients, p50 (ms)', 'latency', latencyAt(2, 'p50')],
  ['2 clients, p99 (ms)', 'latency', latencyAt(2, 'p99')],
  ['relay, 20 clients × 10 chars/s: server CPU (%)', 'relay', serverCpu],
].map(([name, test, pick]) => [name, perRound('journal', test, pick), perRound('sql', test, pick)]);
const f = (x) => x.toFixed(2);
console.log(`# The journal of edits against commits through SQL: ${new Date().toISOString()}, ${rounds} alternating rounds\n`);
console.log('| measure | journal, median | SQL, median | journal / SQL |\n|---|---|---|---|');
for (const [name, journal, sql] of rows) console.log(`| ${name} | ${f(median(journal))} | ${f(median(sql))} | ${f(median(journal) / median(sql))} |`);
console.log('\nPer round (journal | SQL):');
for (const [name, journal, sql] of rows) console.log(`- ${name}: ${journal.map(f).join(', ')} | ${sql.map(f).join(', ')}`);
