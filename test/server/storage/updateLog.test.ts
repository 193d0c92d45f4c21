/**
 * A draft's update log: batches numbered per draft from 1, ranges of it, checkpoints into it,
 * and the client ids its writers claim.
 * Run alike on SQLite and PostgreSQL (see test/helpers/storeContract.ts).
 */
import { expect, it } from 'vitest';
import type { StoredUpdate } from '../../../server/storage/types';
import { describeStoreContract, bytes, range, seedDelegation, seedUser, seedDraft, update } from '../../helpers/storeContract';

await describeStoreContract('storage.updateLog', ({ store, second }) => {
  it('appends a batch of updates of several drafts in one go, numbering each draft from 1', async () => {
    const [a, c] = [await seedDraft(store()), await seedDraft(store())];
    const author = await seedUser(store(), (await seedDelegation(store())).id);
    expect(await store().appendUpdates([])).toEqual([]);
    const big = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    const stored = await store().appendUpdates([
      { ...update(a.id, 0, 255, 0), userId: author.id, delegationId: author.delegationId, at: '2022-10-19T10:00:00Z' },
      update(c.id, 1),
      { draftId: a.id, update: big, userId: null, delegationId: null },
      update(a.id),
    ]);
    expect(stored.map((s) => [s.draftId, s.seq])).toEqual([
      [a.id, 1],
      [c.id, 1],
      [a.id, 2],
      [a.id, 3],
    ]);
    const log = await store().listUpdates(a.id);
    // Bytes compared apart: a deep toEqual of 100 kB walks it element by element.
    const meta = (list: StoredUpdate[]) => list.map(({ update: _bytes, ...rest }) => rest);
    expect(meta(log)).toEqual(meta(stored.filter((s) => s.draftId === a.id)));
    expect(log[0]).toEqual({ draftId: a.id, seq: 1, update: bytes(0, 255, 0), userId: author.id, delegationId: author.delegationId, at: '2022-10-19T10:00:00.000Z' });
    expect(log[1]!.update).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(log[1]!.update).equals(Buffer.from(big))).toBe(true);
    expect(log[2]!.update).toEqual(bytes());
    expect([await store().lastSeq(a.id), await store().lastSeq(c.id), await store().lastSeq('none')]).toEqual([3, 1, 0]);
  });

  it('lists updates in (afterSeq, uptoSeq] ranges', async () => {
    const draft = await seedDraft(store());
    await store().appendUpdates(range(1, 6).map((i) => update(draft.id, i)));
    const seqs = async (after?: number, upto?: number) => (await store().listUpdates(draft.id, after, upto)).map((u) => u.seq);
    expect(await seqs()).toEqual(range(1, 6));
    expect(await seqs(2)).toEqual([3, 4, 5, 6]);
    expect(await seqs(2, 4)).toEqual([3, 4]);
    expect(await seqs(0, 1)).toEqual([1]);
    expect(await seqs(6)).toEqual([]);
    expect(await seqs(4, 4)).toEqual([]);
    expect((await store().listUpdates(draft.id, 3, 4))[0]!.update).toEqual(bytes(4));
  });

  it('finds the latest checkpoint at or before a seq', async () => {
    const draft = await seedDraft(store());
    expect(await store().latestCheckpoint(draft.id)).toBeNull();
    await store().saveCheckpoint({ draftId: draft.id, seq: 3, state: bytes(3, 3), at: '2022-10-19T00:00:00Z' });
    await store().saveCheckpoint({ draftId: draft.id, seq: 7, state: bytes(7) });
    await store().saveCheckpoint({ draftId: draft.id, seq: 3, state: bytes(9) }); // harmless repeat
    expect(await store().latestCheckpoint(draft.id)).toMatchObject({ seq: 7, state: bytes(7) });
    expect(await store().latestCheckpoint(draft.id, 6)).toEqual({ draftId: draft.id, seq: 3, state: bytes(3, 3), at: '2022-10-19T00:00:00.000Z' });
    expect(await store().latestCheckpoint(draft.id, 7)).toMatchObject({ seq: 7 });
    expect(await store().latestCheckpoint(draft.id, 2)).toBeNull();
  });

  it('lets a user claim client ids, reporting ids that someone else owns', async () => {
    const [draft, other] = [await seedDraft(store()), await seedDraft(store())];
    const [ana, ben] = [await seedUser(store()), await seedUser(store())];
    expect(await store().claimClientIds(draft.id, ana.id, [1, 2, 2])).toEqual([]);
    expect(await store().claimClientIds(draft.id, ana.id, [2, 3])).toEqual([]);
    expect(await store().claimClientIds(draft.id, ben.id, [4, 3, 1, 5])).toEqual([3, 1]);
    expect(await store().claimClientIds(draft.id, ben.id, [4, 5])).toEqual([]);
    expect(await store().claimClientIds(other.id, ben.id, [1, 0xffffffff])).toEqual([]);
    expect(await store().claimClientIds(draft.id, ben.id, [])).toEqual([]);
    await expect(store().claimClientIds(draft.id, ben.id, [-1])).rejects.toThrow(RangeError);
    // Two writers racing for one id: exactly one owns it.
    const writers = [store(), await second()];
    const [ra, rb] = await Promise.all([writers[0]!.claimClientIds(draft.id, ana.id, [77]), writers[1]!.claimClientIds(draft.id, ben.id, [77])]);
    expect([ra, rb].filter((r) => r.length === 0)).toHaveLength(1);
  });
});
