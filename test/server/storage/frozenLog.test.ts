/**
 * A frozen draft's update log is closed by the database, not by the server's memory: an append
 * for a frozen draft is refused with DraftFrozen and stores nothing of its batch, on every write
 * path (the SQLite writer thread, a transaction, a second PostgreSQL pool as another instance
 * has); and an append that arrives while a freeze holds the log waits for it, then is refused.
 */
import { expect, it } from 'vitest';
import { seedDraft } from '../../helpers/collab';
import { describeOnStores } from '../commands/stores';
import { DraftFrozen, type NewUpdate, type Store } from '../../../server/storage/types';

const update = (draftId: string, ...b: number[]): NewUpdate => ({ draftId, update: new Uint8Array(b), userId: null, delegationId: null });

/** A draft whose log already holds one update. */
async function draftWithLog(store: Store): Promise<string> {
  const { draftId } = await seedDraft(store);
  await store.appendUpdates([update(draftId, 1)]);
  return draftId;
}

const freeze = (store: Pick<Store, 'appendDraftEvent'>, draftId: string) => store.appendDraftEvent({ draftId, type: 'frozen', payload: { hash: 'h' }, userId: null });

/** Every row of a draft's log and its counter, to show that nothing moved. */
async function logOf(store: Store, draftId: string): Promise<{ seqs: number[]; last: number }> {
  return { seqs: (await store.listUpdates(draftId)).map((u) => u.seq), last: await store.lastSeq(draftId) };
}

await describeOnStores("a frozen draft's update log", ({ kind, store, second }) => {
  it('refuses an append to a frozen draft with DraftFrozen, storing nothing of the batch', async () => {
    const frozen = await draftWithLog(store());
    const open = await draftWithLog(store());
    await freeze(store(), frozen);
    const before = [await logOf(store(), frozen), await logOf(store(), open)];

    const refused = await store()
      .appendUpdates([update(open, 2), update(frozen, 2), update(frozen, 3)])
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DraftFrozen);
    expect(refused).toMatchObject({ code: 'draft_frozen', draftIds: [frozen] });
    // Inside a transaction (the main connection on SQLite) and from another instance alike.
    await expect(store().transaction((tx) => tx.appendUpdates([update(frozen, 4)]))).rejects.toBeInstanceOf(DraftFrozen);
    if (second()) await expect(second()!.appendUpdates([update(frozen, 5)])).rejects.toBeInstanceOf(DraftFrozen);

    expect([await logOf(store(), frozen), await logOf(store(), open)]).toEqual(before);
    // The other draft's log takes its next update, with no gap left by the refused batch.
    expect((await store().appendUpdates([update(open, 6)]))[0]!.seq).toBe(2);
  });

  it('names every frozen draft of a batch', async () => {
    const [a, b, c] = [await draftWithLog(store()), await draftWithLog(store()), await draftWithLog(store())];
    await freeze(store(), a);
    await freeze(store(), c);
    const refused = (await store()
      .appendUpdates([update(c, 1), update(b, 1), update(a, 1)])
      .catch((e: unknown) => e)) as DraftFrozen;
    expect(refused).toBeInstanceOf(DraftFrozen);
    expect([...refused.draftIds].sort()).toEqual([a, c].sort());
  });

  it('makes an append wait while a freeze holds the log, then refuses it', async () => {
    const draftId = await draftWithLog(store());
    const before = await logOf(store(), draftId);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    const freezing = store().transaction(async (tx) => {
      expect(await tx.holdUpdateLog(draftId)).toBe(before.last);
      await freeze(tx, draftId);
      holding();
      await released;
    });
    await held;
    // Another instance on PostgreSQL; the writer thread's own connection on SQLite.
    const appending = (second() ?? store()).appendUpdates([update(draftId, 9)]);
    let settled = false;
    appending.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(settled, `${kind}: the append waits for the freeze`).toBe(false);
    release();
    await freezing;
    await expect(appending).rejects.toBeInstanceOf(DraftFrozen);
    expect(await logOf(store(), draftId)).toEqual(before);
  });

  it('lets an append already holding the log commit first: the freeze then reads past it', async () => {
    const draftId = await draftWithLog(store());
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    const appending = store().transaction(async (tx) => {
      const [stored] = await tx.appendUpdates([update(draftId, 2)]);
      holding();
      await released;
      return stored!.seq;
    });
    await held;
    const freezing = (second() ?? store()).transaction(async (tx) => {
      const last = await tx.holdUpdateLog(draftId);
      await freeze(tx, draftId);
      return last;
    });
    await new Promise((r) => setTimeout(r, 100));
    release();
    expect(await freezing).toBe(await appending);
    await expect(store().appendUpdates([update(draftId, 3)])).rejects.toBeInstanceOf(DraftFrozen);
  });

  it('holds the log of a draft that has none yet without giving it a seq', async () => {
    const { draftId } = await seedDraft(store());
    expect(await store().transaction((tx) => tx.holdUpdateLog(draftId))).toBe(0);
    expect(await store().lastSeq(draftId)).toBe(0);
    expect((await store().appendUpdates([update(draftId, 1)]))[0]!.seq).toBe(1);
  });
});
