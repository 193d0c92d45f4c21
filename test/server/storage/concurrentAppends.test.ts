/**
 * Concurrent writers on one update log (two pools on PostgreSQL, as two instances have): every
 * stream stays contiguous, without gaps, duplicates or deadlocks.
 * Run alike on SQLite and PostgreSQL (see test/helpers/storeContract.ts).
 */
import { expect, it } from 'vitest';
import type { StoredUpdate } from '../../../server/storage/types';
import { describeStoreContract, bytes, range, seedDelegation, seedDraft, update } from '../../helpers/storeContract';

await describeStoreContract('storage.concurrentAppends', ({ store, second }) => {
  it('gives 20 concurrent appends to one draft the seqs 1..20, without gaps or duplicates', async () => {
    const draft = await seedDraft(store());
    const writers = [store(), await second()];
    const results = await Promise.all(range(0, 19).map((i) => writers[i % 2]!.appendUpdates([update(draft.id, i)])));
    expect(results.map((r) => r[0]!.seq).sort((x, y) => x - y)).toEqual(range(1, 20));
    const log = await store().listUpdates(draft.id);
    expect(log.map((u) => u.seq)).toEqual(range(1, 20));
    for (const [i, r] of results.entries()) expect(log[r[0]!.seq - 1]!.update).toEqual(bytes(i));
    expect(await store().lastSeq(draft.id)).toBe(20);
  });

  it('commits crossing batches of two writers without deadlock or gaps', async () => {
    const [a, c] = [await seedDraft(store()), await seedDraft(store())];
    const writers = [store(), await second()];
    await Promise.all(range(0, 9).map((i) => writers[i % 2]!.appendUpdates(i % 2 ? [update(a.id, i), update(c.id, i)] : [update(c.id, i), update(a.id, i), update(a.id, i)])));
    expect((await store().listUpdates(a.id)).map((u) => u.seq)).toEqual(range(1, 15));
    expect((await store().listUpdates(c.id)).map((u) => u.seq)).toEqual(range(1, 10));
  });

  it('keeps every stream contiguous when appends, transactions and record writes interleave', async () => {
    const [a, c] = [await seedDraft(store()), await seedDraft(store())];
    const delegation = await seedDelegation(store());
    const writers = [store(), await second()];
    const appended: StoredUpdate[] = [];
    // On SQLite the plain appends commit in the writer thread, the rest on the main connection.
    await Promise.all(
      range(0, 29).map(async (i) => {
        const w = writers[i % 2]!;
        switch (i % 5) {
          case 0:
          case 1:
            appended.push(...(await w.appendUpdates([update(a.id, i), update(c.id, i)])));
            return;
          case 2:
            appended.push(
              ...(await w.transaction(async (tx) => {
                await tx.appendDraftEvent({ draftId: a.id, type: 'x', payload: { i }, userId: null });
                return tx.appendUpdates([update(a.id, i)]);
              })),
            );
            return;
          case 3:
            await w.appendDraftEvent({ draftId: a.id, type: 'x', payload: { i }, userId: null });
            return;
          case 4:
            await w.addSponsorshipEvent({ draftId: c.id, delegationId: delegation.id, type: 'join', date: '2022-10-20', onBehalfOf: null, recordedBy: null });
        }
      }),
    );
    const logA = await store().listUpdates(a.id);
    expect(logA.map((u) => u.seq)).toEqual(range(1, 18));
    expect((await store().listUpdates(c.id)).map((u) => u.seq)).toEqual(range(1, 12));
    for (const s of appended.filter((u) => u.draftId === a.id)) expect(logA[s.seq - 1]!.update).toEqual(s.update);
    expect((await store().listDraftEvents(a.id)).map((e) => e.seq)).toEqual(range(1, 12));
    expect((await store().listSponsorshipEvents(c.id)).map((e) => e.seq)).toEqual(range(1, 6));
  });

  it('numbers many concurrent batches of several drafts without gaps, each row where its seq says', async () => {
    const drafts = [await seedDraft(store()), await seedDraft(store()), await seedDraft(store())];
    const writers = [store(), await second()];
    const results = await Promise.all(range(0, 59).map((i) => writers[i % 2]!.appendUpdates(range(0, i % 4).map((k) => update(drafts[(i + k) % 3]!.id, i, k)))));
    const stored = results.flat();
    for (const d of drafts) {
      const log = await store().listUpdates(d.id);
      const mine = stored.filter((s) => s.draftId === d.id);
      expect(log.map((u) => u.seq)).toEqual(range(1, mine.length));
      for (const s of mine) expect(log[s.seq - 1]!.update).toEqual(s.update);
      expect(await store().lastSeq(d.id)).toBe(mine.length);
    }
  });
});
