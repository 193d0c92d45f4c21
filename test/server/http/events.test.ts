import { beforeEach, expect, it } from 'vitest';
import { makeWorld, TEST_PASSWORD, type World } from '../../helpers/factories';
import { call, loginAs, type SignedIn } from '../../helpers/server';
import { describeOnBackends } from './backends';
import { snapshot } from './snapshot';

const adopted = { meeting: 11, date: '2022-10-21', vote: { kind: 'without_vote' }, orallyAmended: false };

await describeOnBackends('events routes', ({ server }) => {
  let world: World;
  let officer: SignedIn;
  let chair: SignedIn;
  let sponsor: SignedIn;
  let nonSponsor: SignedIn;
  beforeEach(async () => {
    world = await makeWorld(server().store);
    [officer, chair, sponsor, nonSponsor] = await Promise.all(
      [world.users.secretariat, world.users.chair, world.users.sponsor, world.users.nonSponsor].map((u) => loginAs(server(), u.login, TEST_PASSWORD)),
    );
  });
  const path = () => `/api/drafts/${world.draft.id}/events`;
  const record = (who: SignedIn, type: string, payload: Record<string, unknown> = {}) =>
    call(server(), 'POST', path(), { cookie: who.cookie, body: { type, payload } });
  const l1 = (rev = 0) => `${world.session.symbolPrefix}/L.1${rev ? `/Rev.${rev}` : ''}`;

  it('records the life of a draft and derives its status from the record', async () => {
    const steps: [string, Record<string, unknown>, string][] = [
      ['issued', { symbol: l1(), revision: 0 }, 'issued'],
      ['issued', { symbol: l1(1), revision: 1 }, 'revised'],
      ['introduced', { meeting: 10, date: '2022-10-20', by: world.delegations.main.id }, 'introduced'],
      ['adopted', { ...adopted, orallyAmended: true, becomes: { kind: 'resolution', number: '11/5' } }, 'adopted'],
      ['frozen', { hash: 'f'.repeat(64) }, 'adopted'],
    ];
    for (const [type, payload, state] of steps) {
      const res = await record(officer, type, payload);
      expect(res.status, type).toBe(201);
      expect(res.body.event).toMatchObject({ type, payload, user: { id: world.users.secretariat.id, displayName: world.users.secretariat.displayName } });
      expect(res.body.status.state).toBe(state);
    }
    const page = await call(server(), 'GET', `/api/drafts/${world.draft.id}`, { cookie: nonSponsor.cookie });
    expect(page.body.status).toMatchObject({ state: 'adopted', frozen: true, symbol: l1(1), label: { en: 'adopted as orally amended', zh: '经口头修正后通过' } });
    const list = await call(server(), 'GET', path(), { cookie: nonSponsor.cookie });
    expect(list.status).toBe(200);
    expect(list.body.map((e: { type: string }) => e.type)).toEqual(['issued', 'issued', 'introduced', 'adopted', 'frozen']);
    expect(list.body[0]).toMatchObject({ seq: 1, user: { displayName: world.users.secretariat.displayName } });
    expect(list.body[0].user).not.toHaveProperty('login');
  });

  it('refuses a transition the lifecycle refuses (422 with its reason), storing nothing', async () => {
    const before = await snapshot(server().store);
    const early = await record(officer, 'adopted', adopted);
    expect(early.status).toBe(422);
    expect(early.body.error).toEqual({ id: 'refused', message: 'cannot adopt a draft that has not been issued' });
    const freeze = await record(officer, 'frozen', { hash: 'abc' });
    expect(freeze.body.error.message).toBe('cannot freeze a draft before final action is taken on it');
    const skip = await record(officer, 'issued', { symbol: l1(2), revision: 2 });
    expect(skip.status).toBe(422);
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('refuses to issue a text under another draft\'s symbol (422)', async () => {
    for (const symbol of [`${world.session.symbolPrefix}/L.2`, 'A/C.3/68/L.1']) {
      const res = await record(officer, 'issued', { symbol, revision: 0 });
      expect(res.status, symbol).toBe(422);
      expect(res.body.error.message).toBe(`"${symbol}" is not a text of this draft (${l1()})`);
    }
  });

  it('refuses a vote that contradicts the outcome (422)', async () => {
    await record(officer, 'issued', { symbol: l1(), revision: 0 });
    const vote = { kind: 'recorded', yes: 10, no: 40, abstain: 5, majority: 'simple' };
    const res = await record(officer, 'adopted', { ...adopted, vote });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/does not reach a simple majority/);
  });

  it('validates the type and the payload (400)', async () => {
    const before = await snapshot(server().store);
    const bad: unknown[] = [
      {},
      { type: 'approved', payload: {} },
      { type: 'issued' },
      { type: 'issued', payload: { symbol: l1(), revision: -1 } },
      { type: 'issued', payload: { symbol: 'not a symbol', revision: 0 } },
      { type: 'introduced', payload: { meeting: 'ten', date: '2022-10-20' } },
      { type: 'adopted', payload: { ...adopted, surprise: true } },
      { type: 'issued', payload: [] },
      { type: 'issued', payload: { symbol: l1(), revision: 0 }, extra: 1 },
    ];
    for (const body of bad) {
      const res = await call(server(), 'POST', path(), { cookie: officer.cookie, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.id).toBe('validation_failed');
    }
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('lets only the secretariat record action; the main sponsor may withdraw its own draft', async () => {
    const before = await snapshot(server().store);
    for (const who of [chair, sponsor, nonSponsor]) {
      const res = await record(who, 'issued', { symbol: l1(), revision: 0 });
      expect(res.status).toBe(403);
      expect(res.body.error.id).toBe('forbidden');
    }
    for (const who of [chair, nonSponsor]) expect((await record(who, 'withdrawn', { date: '2022-10-19' })).status).toBe(403);
    expect(await snapshot(server().store)).toEqual(before);
    const res = await record(sponsor, 'withdrawn', { date: '2022-10-19' });
    expect(res.status).toBe(201);
    expect(res.body.status.state).toBe('withdrawn');
  });

  it('records one event when fifty identical requests race', async () => {
    await record(officer, 'issued', { symbol: l1(), revision: 0 });
    const results = await Promise.all(Array.from({ length: 50 }, () => record(officer, 'adopted', adopted)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(49);
    expect(results.find((r) => r.status === 422)!.body.error.message).toBe('cannot adopt a draft that has already been adopted');
    const events = await server().store.listDraftEvents(world.draft.id);
    expect(events.map((e) => e.type)).toEqual(['issued', 'adopted']);
  });

  it('answers 404 for an unknown draft and 401 when not signed in', async () => {
    const unknown = `/api/drafts/00000000-0000-4000-8000-000000000000/events`;
    expect((await call(server(), 'POST', unknown, { cookie: officer.cookie, body: { type: 'issued', payload: { symbol: l1(), revision: 0 } } })).status).toBe(404);
    expect((await call(server(), 'GET', path())).status).toBe(401);
    expect((await call(server(), 'POST', path(), { body: { type: 'issued', payload: { symbol: l1(), revision: 0 } } })).status).toBe(401);
  });

  it('tells the collaboration endpoint when the record changes (a freeze makes the text read-only)', async () => {
    const collab = server().penholder.collab;
    const original = collab.refreshAccess;
    const refreshed: string[] = [];
    collab.refreshAccess = async (draftId) => {
      refreshed.push(draftId);
      return original.call(collab, draftId);
    };
    try {
      await record(officer, 'issued', { symbol: l1(), revision: 0 });
      await record(officer, 'adopted', adopted);
      await record(officer, 'frozen', { hash: 'abc' });
      expect(refreshed).toEqual([world.draft.id, world.draft.id, world.draft.id]);
    } finally {
      collab.refreshAccess = original;
    }
  });
});
