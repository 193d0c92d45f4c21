import { expect, it } from 'vitest';
import { changeSponsorship } from '../../../server/commands/sponsorshipChanger';
import type { DomainError } from '../../../server/errors';
import { makeWorld } from '../../helpers/factories';
import { describeOnStores } from './stores';

await describeOnStores('changeSponsorship', ({ store, second }) => {
  it('appends a checked change and returns the list after it', async () => {
    const w = await makeWorld(store());
    const { row, list } = await changeSponsorship(store(), {
      draftId: w.draft.id,
      actor: w.users.secretariat,
      delegationId: w.delegations.other.id,
      type: 'join',
      date: '2022-10-18',
    });
    expect(row).toMatchObject({ type: 'join', delegationId: w.delegations.other.id, date: '2022-10-18', recordedBy: w.users.secretariat.id });
    expect(list.coSponsors.map((s) => s.delegationId)).toEqual([w.delegations.other.id]);
  });

  it("refuses a delegate's direct change (403): delegates ask, and the penholder or the secretariat confirms", async () => {
    const w = await makeWorld(store());
    const refused = changeSponsorship(store(), { draftId: w.draft.id, actor: w.users.nonSponsor, delegationId: w.delegations.other.id, type: 'join', date: '2022-10-18' });
    await expect(refused).rejects.toMatchObject({ id: 'forbidden' });
    expect(await store().listSponsorshipEvents(w.draft.id)).toHaveLength(1);
  });

  it('dates a change today when no date is given', async () => {
    const w = await makeWorld(store());
    const { row } = await changeSponsorship(store(), { draftId: w.draft.id, actor: w.users.secretariat, delegationId: w.delegations.third.id, type: 'join' });
    expect(row.date).toBe(new Date().toISOString().slice(0, 10));
  });

  it('lets one of many racing joins through, within one server and across two', async () => {
    const w = await makeWorld(store());
    // On PostgreSQL half the joins go through a second store: another instance on the same database.
    const through = (i: number) => (i % 2 === 1 ? (second() ?? store()) : store());
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        changeSponsorship(through(i), { draftId: w.draft.id, actor: w.users.secretariat, delegationId: w.delegations.other.id, type: 'join', date: '2022-10-18' }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect((o.reason as DomainError).message).toBe('Peru already sponsors this draft');
    expect(await store().listSponsorshipEvents(w.draft.id)).toHaveLength(2);
  });
});
