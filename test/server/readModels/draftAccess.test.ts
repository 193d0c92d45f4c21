import { expect, it } from 'vitest';
import { loadDraftAccess } from '../../../server/readModels/draftAccess';
import { makeWorld } from '../../helpers/factories';
import { describeOnStores } from '../commands/stores';

await describeOnStores('loadDraftAccess', ({ store }) => {
  it('gives the chair, the main sponsor, the sponsors as of today and the freeze', async () => {
    const w = await makeWorld(store());
    const s = store();
    await s.addSponsorshipEvent({ draftId: w.draft.id, delegationId: w.delegations.other.id, type: 'join', date: '2022-10-18', onBehalfOf: null, recordedBy: null });
    await s.addSponsorshipEvent({ draftId: w.draft.id, delegationId: w.delegations.third.id, type: 'join', date: '2022-10-19', onBehalfOf: null, recordedBy: null });
    await s.addSponsorshipEvent({ draftId: w.draft.id, delegationId: w.delegations.third.id, type: 'withdraw', date: '2022-10-20', onBehalfOf: null, recordedBy: null });

    const loaded = await loadDraftAccess(s, w.draft.id, '2022-10-21');
    expect(loaded!.draft.id).toBe(w.draft.id);
    expect(loaded!.access).toEqual({
      chairUserId: w.users.chair.id,
      mainSponsorId: w.delegations.main.id,
      sponsorIds: new Set([w.delegations.main.id, w.delegations.other.id]),
      frozen: false,
    });
    // As of an earlier day, the third delegation was still sponsoring.
    expect((await loadDraftAccess(s, w.draft.id, '2022-10-19'))!.access.sponsorIds.has(w.delegations.third.id)).toBe(true);
    expect((await loadDraftAccess(s, w.draft.id, '2022-10-16'))!.access.sponsorIds.size).toBe(0);

    await s.appendDraftEvent({ draftId: w.draft.id, type: 'issued', payload: { symbol: `${w.session.symbolPrefix}/L.1`, revision: 0 }, userId: null });
    await s.appendDraftEvent({ draftId: w.draft.id, type: 'withdrawn', payload: { date: '2022-10-21' }, userId: null });
    await s.appendDraftEvent({ draftId: w.draft.id, type: 'frozen', payload: { hash: 'abc' }, userId: null });
    expect((await loadDraftAccess(s, w.draft.id))!.access.frozen).toBe(true);
  });

  it('gives null for an unknown draft', async () => {
    expect(await loadDraftAccess(store(), 'no-such-draft')).toBeNull();
  });
});
