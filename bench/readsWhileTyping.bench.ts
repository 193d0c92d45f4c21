/**
 * A read while delegates type (`npm run bench:reads`): on SQLite, an edit is appended (and
 * flushed, through the journal of edits) every 50 ms, as 20 keystrokes a second, and right after
 * each the access of the draft is read, as a socket opened or most requests on the draft ask it.
 * The read first copies the journal into SQLite; it then waits until what it may show is on the
 * disk. Prints p50 / p95 / p99 in ms of the read and of the append, over 200 of each after 20
 * untimed.
 *   npx tsx bench/readsWhileTyping.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDraftAccess } from '../server/readModels/draftAccess';
import { openStore } from '../server/storage/index';
import { seedDraft } from '../test/helpers/collab';

const EDITS = 200;
const WARM = 20;
const dir = mkdtempSync(join(tmpdir(), 'ph-reads-'));
const store = await openStore({ dataDir: dir });
const { draftId, users } = await seedDraft(store);

const reads: number[] = [];
const appends: number[] = [];
for (let i = 0; i < WARM + EDITS; i++) {
  const t0 = performance.now();
  await store.appendUpdates([{ draftId, update: new Uint8Array([i % 256, 1, 2, 3]), userId: users.observer.id, delegationId: null }]);
  const t1 = performance.now();
  await loadDraftAccess(store, draftId);
  const t2 = performance.now();
  if (i >= WARM) {
    appends.push(t1 - t0);
    reads.push(t2 - t1);
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await store.close();
rmSync(dir, { recursive: true, force: true });

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const row = (name: string, xs: number[]) => `| ${name} | ${[50, 95, 99].map((p) => pct(xs, p).toFixed(3)).join(' | ')} |`;
console.log('| after each edit | p50 ms | p95 ms | p99 ms |');
console.log('| --- | --- | --- | --- |');
console.log(row("the draft's access read", reads));
console.log(row('the edit appended and flushed', appends));
