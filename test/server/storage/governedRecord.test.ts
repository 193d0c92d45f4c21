/**
 * The governed record of a draft: sponsorship events and draft events numbered per draft,
 * and issued revisions with unique symbols and revision numbers.
 * Run alike on SQLite and PostgreSQL (see test/helpers/storeContract.ts).
 */
import { expect, it } from 'vitest';
import { describeStoreContract, t, tag, ISO, seedSession, seedDelegation, seedUser, draftInput, seedDraft, expectUnique } from '../../helpers/storeContract';

await describeStoreContract('storage.governedRecord', ({ store }) => {
  it('numbers sponsorship events per draft, and lists them per session', async () => {
    const session = await seedSession(store());
    const [a, b2] = [await store().createDraft(draftInput(session.id, 2)), await store().createDraft(draftInput(session.id, 1))];
    const eu = await seedDelegation(store());
    const chl = await seedDelegation(store());
    const main = await store().addSponsorshipEvent({
      draftId: a.id,
      delegationId: eu.id,
      type: 'main',
      date: '2022-10-17',
      onBehalfOf: t('also on behalf of its member States', '还代表其成员国'),
      recordedBy: null,
      recordedAt: '2022-10-17T08:00:00Z',
    });
    expect(main).toMatchObject({ seq: 1, recordedAt: '2022-10-17T08:00:00.000Z', date: '2022-10-17' });
    const join = await store().addSponsorshipEvent({ draftId: a.id, delegationId: chl.id, type: 'join', date: '2022-10-18', onBehalfOf: null, recordedBy: null });
    expect(join).toMatchObject({ seq: 2, onBehalfOf: null });
    expect(join.recordedAt).toMatch(ISO);
    const other = await store().addSponsorshipEvent({ draftId: b2.id, delegationId: chl.id, type: 'main', date: '2022-10-18', onBehalfOf: null, recordedBy: null });
    expect(other.seq).toBe(1);
    expect(await store().listSponsorshipEvents(a.id)).toEqual([main, join]);
    expect(await store().listSponsorshipEventsForSession(session.id)).toEqual([other, main, join]);
  });

  it('numbers draft events per draft, keeping their payloads', async () => {
    const session = await seedSession(store());
    const user = await seedUser(store());
    const l1 = await store().createDraft(draftInput(session.id, 1));
    const l2 = await store().createDraft(draftInput(session.id, 2));
    const payload = { vote: { yes: 63, no: 15, abstain: 25 }, majority: 'simple', note: '经口头修正', flags: [true, null] };
    const e1 = await store().appendDraftEvent({ draftId: l2.id, type: 'adopted', payload, userId: user.id, at: '2022-10-21T15:00:00Z' });
    expect(e1).toEqual({ seq: 1, draftId: l2.id, type: 'adopted', payload, userId: user.id, at: '2022-10-21T15:00:00.000Z' });
    const e2 = await store().appendDraftEvent({ draftId: l2.id, type: 'frozen', payload: {}, userId: null });
    const e3 = await store().appendDraftEvent({ draftId: l1.id, type: 'deferred', payload: {}, userId: null });
    expect([e2.seq, e3.seq]).toEqual([2, 1]);
    expect(await store().listDraftEvents(l2.id)).toEqual([e1, e2]);
    expect(await store().listDraftEventsForSession(session.id)).toEqual([e3, e1, e2]);
    // What access reads of a record: which of some types it holds, this draft's only.
    expect(await store().draftEventTypesAmong(l2.id, ['frozen', 'deferred', 'withdrawn'])).toEqual(new Set(['frozen']));
    expect(await store().draftEventTypesAmong(l1.id, ['frozen', 'deferred', 'adopted'])).toEqual(new Set(['deferred']));
    expect(await store().draftEventTypesAmong(l2.id, [])).toEqual(new Set());
  });

  it('round-trips revisions; symbols and revision numbers are unique', async () => {
    const draft = await seedDraft(store());
    const [s1, s2] = [await seedDelegation(store()), await seedDelegation(store())];
    const symbol = `CTOC/COP/2022/L.${tag()}`;
    const text = { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: '注意到 — noting' }] }] };
    const rev0 = await store().createRevision({
      draftId: draft.id,
      symbol,
      revision: 0,
      text,
      hash: 'ab'.repeat(32),
      sponsorIds: [s2.id, s1.id],
      issuedAt: '2022-10-18T00:00:00Z',
      issuedBy: null,
    });
    expect(rev0).toMatchObject({ symbol, revision: 0, text, sponsorIds: [s2.id, s1.id], issuedAt: '2022-10-18T00:00:00.000Z' });
    const rev1 = await store().createRevision({ ...rev0, id: undefined, symbol: `${symbol}/Rev.1`, revision: 1, sponsorIds: [] });
    expect(await store().listRevisions(draft.id)).toEqual([rev0, rev1]);
    expect(await store().getRevisionBySymbol(`${symbol}/Rev.1`)).toEqual(rev1);
    expect(await store().getRevisionBySymbol('nope')).toBeNull();
    await expectUnique(store().createRevision({ ...rev1, id: undefined, revision: 2 }), 'revisions_symbol_key');
    await expectUnique(store().createRevision({ ...rev1, id: undefined, symbol: `${symbol}/Rev.9` }), 'revisions_draft_revision_key');
  });
});
