/**
 * What a draft's record costs as it grows (`npm run bench:access`). Every socket opened and most
 * requests on a draft ask `loadDraftAccess`, and every edit's commit asks whether the draft is
 * frozen (updateLogWrites.mjs). A draft on SQLite gets
 * records of 0, 1,000 and 5,000 events (proposals tabled, each with its amendment, as a busy
 * negotiation leaves them); at each size, access as loaded now (whether the record holds the
 * types access depends on) beside the whole record read and folded, as it was before, and one
 * edit appended to the update log, its flush included. Prints p50 and p99 in ms over 50 loads or
 * appends, after 20 untimed.
 *   npx tsx bench/access.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { draftAccessOf, loadDraftAccess } from '../server/readModels/draftAccess';
import { openStore } from '../server/storage/index';
import { seedDraft } from '../test/helpers/collab';

const dir = mkdtempSync(join(tmpdir(), 'ph-access-'));
const store = await openStore({ dataDir: dir });
const { draftId, users } = await seedDraft(store);

async function timed(load: () => Promise<unknown>): Promise<string> {
  for (let i = 0; i < 20; i++) await load(); // warm: the statements prepared, the code compiled
  const ms: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    await load();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return `${ms[25]!.toFixed(2)} / ${ms[49]!.toFixed(2)}`;
}

// The whole record read and folded: what loadDraftAccess did before.
const wholeRecord = async () => {
  const draft = (await store.getDraft(draftId))!;
  const [sponsorship, events] = await Promise.all([store.listSponsorshipEvents(draftId), store.listDraftEvents(draftId)]);
  return draftAccessOf(draft, sponsorship, events);
};

let edits = 0;
const append = () => store.appendUpdates([{ draftId, update: new Uint8Array([edits++ % 256, 1, 2, 3]), userId: users.observer.id, delegationId: null }]);

console.log('| events in the record | access as loaded now, p50 / p99 ms | the whole record read, p50 / p99 ms | one edit appended and flushed, p50 / p99 ms |');
console.log('| --- | --- | --- | --- |');
let n = 0;
for (const size of [0, 1_000, 5_000]) {
  await store.transaction(async (tx) => {
    for (; n < size; n++) {
      await tx.appendDraftEvent({
        draftId,
        type: 'proposal_tabled',
        payload: {
          proposalId: `p${n}`,
          amendment: { kind: 'replace_words', paragraphId: `op${n % 40}`, words: 'to contribute', text: `to contribute generously, as proposal ${n} says` },
          rationale: 'The words agreed in informal consultations, as the delegation proposed them on the floor.',
          delegationId: null,
          onBehalfOf: null,
          supersedes: null,
        },
        userId: users.observer.id,
      });
    }
  });
  const now = await timed(() => loadDraftAccess(store, draftId));
  const before = await timed(wholeRecord);
  const edit = await timed(append);
  console.log(`| ${size.toLocaleString('en')} | ${now} | ${before} | ${edit} |`);
}
await store.close();
rmSync(dir, { recursive: true, force: true });
