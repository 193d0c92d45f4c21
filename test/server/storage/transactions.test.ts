/**
 * Transactions in the store: all or nothing (seq counters included), rolled back on a broken
 * uniqueness rule, and kept from other callers until they commit.
 * Run alike on SQLite and PostgreSQL (see test/helpers/storeContract.ts).
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeStoreContract, t, tag, bytes, seedSession, seedUser, draftInput, update, expectUnique } from '../../helpers/storeContract';

await describeStoreContract('storage.transactions', ({ kind, store }) => {
  it('commits all of a transaction, or nothing of it when fn throws', async () => {
    const session = await seedSession(store());
    const user = await seedUser(store());
    const kept = await store().transaction(async (tx) => {
      const d = await tx.createDraft(draftInput(session.id, 1));
      await tx.appendDraftEvent({ draftId: d.id, type: 'created', payload: {}, userId: user.id });
      await tx.appendUpdates([update(d.id, 1)]);
      return d;
    });
    expect(await store().listDraftEvents(kept.id)).toHaveLength(1);
    expect(await store().lastSeq(kept.id)).toBe(1);

    const boom = new Error('boom');
    const draftId = randomUUID();
    const loginOfGhost = `ghost${tag()}`;
    await expect(
      store().transaction(async (tx) => {
        const d = await tx.createDraft({ ...draftInput(session.id, 2), id: draftId });
        await tx.appendDraftEvent({ draftId: d.id, type: 'created', payload: {}, userId: null });
        await tx.appendDraftEvent({ draftId: kept.id, type: 'adopted', payload: {}, userId: null });
        await tx.addSponsorshipEvent({
          draftId: d.id,
          delegationId: (await tx.createDelegation({ code: tag(), name: t('a', 'b'), kind: 'member' })).id,
          type: 'main',
          date: '2022-10-20',
          onBehalfOf: null,
          recordedBy: null,
        });
        await tx.appendUpdates([update(kept.id, 2), update(d.id, 1)]);
        await tx.saveCheckpoint({ draftId: kept.id, seq: 1, state: bytes(1) });
        await tx.createRevision({ draftId: d.id, symbol: `R${tag()}`, revision: 0, text: {}, hash: 'h', sponsorIds: [], issuedAt: '2022-10-20T00:00:00Z', issuedBy: null });
        await tx.claimClientIds(kept.id, user.id, [99]);
        await tx.createUser({ login: loginOfGhost, displayName: 'G', role: 'chair', delegationId: null, passwordHash: 'x' });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await store().getDraft(draftId)).toBeNull();
    expect(await store().listDrafts(session.id)).toEqual([kept]);
    expect(await store().listDraftEvents(kept.id)).toHaveLength(1);
    expect(await store().listRevisions(draftId)).toEqual([]);
    expect(await store().latestCheckpoint(kept.id)).toBeNull();
    expect(await store().getUserByLogin(loginOfGhost)).toBeNull();
    expect(await store().claimClientIds(kept.id, (await seedUser(store())).id, [99])).toEqual([]);
    // The seq counters rolled back too: the log stays contiguous.
    expect(await store().lastSeq(kept.id)).toBe(1);
    expect((await store().appendUpdates([update(kept.id, 3)]))[0]!.seq).toBe(2);
    expect((await store().appendDraftEvent({ draftId: kept.id, type: 'x', payload: {}, userId: null })).seq).toBe(2);
  });

  it('rolls back a transaction that breaks a uniqueness rule', async () => {
    const session = await seedSession(store());
    await store().createDraft(draftInput(session.id, 1));
    await expectUnique(
      store().transaction(async (tx) => {
        await tx.createDraft(draftInput(session.id, 2));
        await tx.createDraft(draftInput(session.id, 1));
      }),
      'drafts_session_l_number_key',
    );
    expect(await store().maxLNumber(session.id)).toBe(1);
  });

  it('keeps an open transaction from other callers until it commits', async () => {
    const session = await seedSession(store());
    let release!: () => void;
    const gateOpen = new Promise<void>((r) => (release = r));
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    const tx = store().transaction(async (t) => {
      const d = await t.createDraft(draftInput(session.id, 1));
      inside();
      await gateOpen;
      return d;
    });
    await entered;
    let settled = false;
    const outside = store()
      .listDrafts(session.id)
      .then((list) => ((settled = true), list));
    await new Promise((r) => setTimeout(r, 50));
    // SQLite makes the caller wait; PostgreSQL answers at once, without the uncommitted row.
    expect(settled).toBe(kind === 'postgres');
    if (kind === 'postgres') expect(await outside).toEqual([]);
    release();
    const draft = await tx;
    if (kind === 'sqlite') expect(await outside).toEqual([draft]);
    expect(await store().listDrafts(session.id)).toEqual([draft]);
  });
});
