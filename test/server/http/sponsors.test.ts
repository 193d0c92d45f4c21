import { beforeEach, expect, it } from 'vitest';
import { makeWorld, TEST_PASSWORD, type World } from '../../helpers/factories';
import { call, loginAs, type SignedIn } from '../../helpers/server';
import { draftText, setWorkingText } from '../meeting/helpers';
import { describeOnBackends } from './backends';
import { snapshot } from './snapshot';

await describeOnBackends('sponsors routes', ({ server }) => {
  let world: World;
  let officer: SignedIn;
  let chair: SignedIn;
  let sponsor: SignedIn;
  let nonSponsor: SignedIn;
  let third: SignedIn;
  // A fresh draft per test: sponsorship dates only move forward.
  beforeEach(async () => {
    world = await makeWorld(server().store);
    const signIn = (u: { login: string }) => loginAs(server(), u.login, TEST_PASSWORD);
    const { users } = world;
    [officer, chair, sponsor, nonSponsor, third] = await Promise.all([
      signIn(users.secretariat),
      signIn(users.chair),
      signIn(users.sponsor),
      signIn(users.nonSponsor),
      signIn(users.third),
    ]);
  });
  const path = (rest = '') => `/api/drafts/${world.draft.id}/sponsors${rest}`;
  const join = (who: SignedIn, delegationId: string, date?: string) => call(server(), 'POST', path(), { cookie: who.cookie, body: { delegationId, ...(date ? { date } : {}) } });
  const withdraw = (who: SignedIn, delegationId: string, date?: string) =>
    call(server(), 'POST', path(`/${delegationId}/withdraw`), { cookie: who.cookie, body: date ? { date } : {} });

  it('lets the secretariat make a delegation join, then withdraw; the list as of each date shows it', async () => {
    const peru = world.delegations.other.id;
    const joined = await join(officer, peru, '2022-10-18');
    expect(joined.status).toBe(201);
    expect(joined.body.coSponsors.map((s: { delegationId: string }) => s.delegationId)).toEqual([peru]);
    expect(joined.body.text).toEqual({ ar: '[Chile] و[Peru]', zh: '智利和秘鲁', en: 'Chile and Peru', fr: '[Chile] et [Peru]', ru: '[Chile] и [Peru]', es: '[Chile] y [Peru]' });
    const left = await withdraw(officer, peru, '2022-10-20');
    expect(left.status).toBe(201);
    expect(left.body.coSponsors).toEqual([]);
    expect(left.body.withdrawn).toMatchObject([{ delegationId: peru, since: '2022-10-18', withdrawn: '2022-10-20' }]);

    const asOf = async (date: string) => (await call(server(), 'GET', path(`?asOf=${date}`), { cookie: third.cookie })).body;
    expect((await asOf('2022-10-16')).count).toBe(0);
    expect((await asOf('2022-10-17')).text.en).toBe('Chile');
    expect((await asOf('2022-10-19')).text.en).toBe('Chile and Peru');
    expect((await asOf('2022-10-21')).text.en).toBe('Chile');
    const today = await call(server(), 'GET', path(), { cookie: third.cookie });
    expect(today.body.asOf).toBe(new Date().toISOString().slice(0, 10));
    expect(today.body.changes.map((c: { type: string }) => c.type)).toEqual(['main', 'join', 'withdraw']);
    expect(today.body.changes[1].recordedBy.displayName).toBe(world.users.secretariat.displayName);
  });

  it('lets the secretariat make any delegation join or withdraw, and hand the draft to a new main sponsor', async () => {
    expect((await join(officer, world.delegations.third.id, '2022-10-18')).status).toBe(201);
    const handed = await call(server(), 'POST', path(`/${world.delegations.third.id}/main`), { cookie: officer.cookie, body: { date: '2022-10-19' } });
    expect(handed.status).toBe(201);
    expect(handed.body.main.delegationId).toBe(world.delegations.third.id);
    expect(handed.body.coSponsors.map((s: { delegationId: string }) => s.delegationId)).toEqual([world.delegations.main.id]);
    expect((await withdraw(officer, world.delegations.main.id, '2022-10-20')).status).toBe(201);
  });

  it('refuses a delegate (for their own delegation or another), a chair, and the main sponsor withdrawing (403)', async () => {
    const before = await snapshot(server().store);
    const refusals = [
      await join(nonSponsor, world.delegations.other.id),
      await join(nonSponsor, world.delegations.third.id),
      await join(sponsor, world.delegations.other.id),
      await join(chair, world.delegations.other.id),
      await withdraw(sponsor, world.delegations.main.id),
      await withdraw(officer, world.delegations.main.id),
      await call(server(), 'POST', path(`/${world.delegations.other.id}/main`), { cookie: sponsor.cookie, body: {} }),
    ] as const;
    for (const res of refusals) {
      expect(res.status).toBe(403);
      expect(res.body.error.id).toBe('forbidden');
    }
    expect(refusals[0].body.error.message).toBe('only the secretariat changes the sponsor list; a delegation asks to join or withdraw, and the main sponsor confirms');
    expect(refusals[4].body.error.message).toBe('the main sponsor cannot withdraw; the draft itself is withdrawn instead');
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('refuses what the sponsorship rules refuse (422 with the reason), storing nothing', async () => {
    const peru = world.delegations.other.id;
    expect((await join(officer, peru, '2022-10-18')).status).toBe(201);
    const before = await snapshot(server().store);
    const twice = await join(officer, peru, '2022-10-19');
    expect(twice.status).toBe(422);
    expect(twice.body.error).toEqual({ id: 'refused', message: 'Peru already sponsors this draft' });
    const notSponsor = await withdraw(officer, world.delegations.third.id, '2022-10-19');
    expect(notSponsor.status).toBe(422);
    expect(notSponsor.body.error.message).toBe('Austria does not sponsor this draft');
    const backdated = await withdraw(officer, peru, '2022-10-17');
    expect(backdated.status).toBe(422);
    expect(backdated.body.error.message).toMatch(/cannot be dated 2022-10-17: the last one is dated 2022-10-18/);
    const mainAgain = await call(server(), 'POST', path(`/${world.delegations.main.id}/main`), { cookie: officer.cookie, body: {} });
    expect(mainAgain.status).toBe(422);
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('refuses every change to the sponsors of a frozen draft (403)', async () => {
    const post = (rest: string, body: unknown) => call(server(), 'POST', `/api/drafts/${world.draft.id}${rest}`, { cookie: officer.cookie, body });
    await setWorkingText(server().store, world.draft.id, draftText(), { userId: world.users.sponsor.id, delegationId: world.delegations.main.id });
    expect((await post('/revisions', { symbol: `${world.session.symbolPrefix}/L.1` })).status).toBe(201);
    expect((await post('/events', { type: 'adopted', payload: { meeting: 11, date: '2022-10-21', vote: { kind: 'without_vote' }, orallyAmended: false } })).status).toBe(201);
    expect((await post('/freeze', {})).status).toBe(201);
    const before = await snapshot(server().store);
    for (const res of [await join(officer, world.delegations.other.id), await join(nonSponsor, world.delegations.other.id)]) {
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe('the draft is frozen: its sponsors can no longer change');
    }
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('validates (400) and answers unknown drafts and delegations (404, 422)', async () => {
    const before = await snapshot(server().store);
    for (const body of [{}, { delegationId: '' }, { delegationId: world.delegations.other.id, date: '2022-13-01' }, { delegationId: world.delegations.other.id, surprise: 1 }]) {
      expect((await call(server(), 'POST', path(), { cookie: officer.cookie, body })).status, JSON.stringify(body)).toBe(400);
    }
    expect((await call(server(), 'GET', path('?asOf=yesterday'), { cookie: officer.cookie })).status).toBe(400);
    expect((await call(server(), 'POST', path(`/${world.delegations.other.id}/withdraw`), { cookie: officer.cookie, body: { date: 'soon' } })).status).toBe(400);
    expect((await join(officer, 'no-such-delegation')).status).toBe(422);
    expect((await withdraw(officer, 'no-such-delegation')).status).toBe(404);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await call(server(), 'POST', `/api/drafts/${unknown}/sponsors`, { cookie: officer.cookie, body: { delegationId: world.delegations.other.id } })).status).toBe(404);
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('lets one delegation join once when it is added many times at once', async () => {
    const peru = world.delegations.other.id;
    const results = await Promise.all(Array.from({ length: 20 }, () => join(officer, peru, '2022-10-18')));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 422)).toHaveLength(19);
    expect((await server().store.listSponsorshipEvents(world.draft.id)).filter((e) => e.type === 'join')).toHaveLength(1);
  });

  it('tells the collaboration endpoint to re-check rights after a change', async () => {
    const collab = server().penholder.collab;
    const original = collab.refreshAccess;
    const refreshed: string[] = [];
    collab.refreshAccess = async (draftId) => {
      refreshed.push(draftId);
      return original.call(collab, draftId);
    };
    try {
      await join(officer, world.delegations.other.id, '2022-10-18');
      await withdraw(officer, world.delegations.other.id, '2022-10-19');
      // A request and its confirmation tell the sockets too (the record moved; the rights may have).
      const asked = await call(server(), 'POST', path('/requests'), { cookie: third.cookie, body: { kind: 'join' } });
      await call(server(), 'POST', path(`/requests/${asked.body.id}/decision`), { cookie: sponsor.cookie, body: { decision: 'confirmed' } });
      expect(refreshed).toEqual(Array(4).fill(world.draft.id));
    } finally {
      collab.refreshAccess = original;
    }
  });
});
