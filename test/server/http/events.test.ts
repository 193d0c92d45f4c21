import { beforeEach, expect, it } from 'vitest';
import { recordDraftEvent } from '../../../server/commands/eventRecorder';
import { issueRevision } from '../../../server/commands/revisionIssuer';
import { makeWorld, TEST_PASSWORD, type World } from '../../helpers/factories';
import { call, loginAs, type ApiResponse, type SignedIn } from '../../helpers/server';
import { draftText, setWorkingText } from '../meeting/helpers';
import { describeOnBackends } from './backends';
import { snapshot } from './snapshot';

const adopted = { meeting: 11, date: '2022-10-21', vote: { kind: 'without_vote' as const }, orallyAmended: false };

await describeOnBackends('events routes', ({ server }) => {
  let world: World;
  let officer: SignedIn;
  let chair: SignedIn;
  let sponsor: SignedIn;
  let nonSponsor: SignedIn;
  beforeEach(async () => {
    world = await makeWorld(server().store);
    const signIn = (u: { login: string }) => loginAs(server(), u.login, TEST_PASSWORD);
    const { users } = world;
    [officer, chair, sponsor, nonSponsor] = await Promise.all([signIn(users.secretariat), signIn(users.chair), signIn(users.sponsor), signIn(users.nonSponsor)]);
    await setWorkingText(server().store, world.draft.id, draftText(), editor());
  });
  const path = () => `/api/drafts/${world.draft.id}/events`;
  const record = (who: SignedIn, type: string, payload: Record<string, unknown> = {}) => call(server(), 'POST', path(), { cookie: who.cookie, body: { type, payload } });
  const l1 = (rev = 0) => `${world.session.symbolPrefix}/L.1${rev ? `/Rev.${rev}` : ''}`;
  const editor = () => ({ userId: world.users.sponsor.id, delegationId: world.delegations.main.id });
  // Issuing stores the text and freezing hashes it, each through a route of its own.
  const issue = (symbol: string) => call(server(), 'POST', `/api/drafts/${world.draft.id}/revisions`, { cookie: officer.cookie, body: { symbol } });
  const freeze = () => call(server(), 'POST', `/api/drafts/${world.draft.id}/freeze`, { cookie: officer.cookie, body: {} });
  // Setup for tests of later events: L.1 issued through the issuer, as the revisions route issues it.
  const issuedL1 = () => issueRevision(server().store, { draftId: world.draft.id, actor: world.users.secretariat, symbol: 'L.1' });

  it('records the life of a draft and derives its status from the record', async () => {
    const recorded = (res: ApiResponse, type: string, payload: Record<string, unknown>, state: string) => {
      expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(201);
      expect(res.body.event).toMatchObject({ type, payload, user: { id: world.users.secretariat.id, displayName: world.users.secretariat.displayName } });
      expect(res.body.status.state).toBe(state);
    };
    recorded(await issue(l1()), 'issued', { symbol: l1(), revision: 0 }, 'issued');
    await setWorkingText(server().store, world.draft.id, draftText('Requests the Secretariat to report;'), editor());
    const rev1 = await issue(l1(1));
    recorded(rev1, 'issued', { symbol: l1(1), revision: 1 }, 'revised');
    const introduced = { meeting: 10, date: '2022-10-20', by: world.delegations.main.id };
    recorded(await record(officer, 'introduced', introduced), 'introduced', introduced, 'introduced');
    const adoption = { ...adopted, orallyAmended: true, becomes: { kind: 'resolution', number: '11/5' } };
    recorded(await record(officer, 'adopted', adoption), 'adopted', adoption, 'adopted');
    // No oral amendment was recorded against Rev.1: the text acted on, and hashed, is Rev.1 itself.
    recorded(await freeze(), 'frozen', { hash: rev1.body.revision.hash }, 'adopted');
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
    const introduce = await record(officer, 'introduced', { meeting: 10, date: '2022-10-20' });
    expect(introduce.body.error.message).toBe('cannot introduce a draft that has not been issued');
    const reject = await record(officer, 'rejected', { meeting: 11, date: '2022-10-21', vote: { kind: 'without_vote' } });
    expect(reject.status).toBe(422);
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('refuses issued and frozen events: their own routes store and hash the text (422), storing nothing', async () => {
    let before = await snapshot(server().store);
    // An issue of L.1 the lifecycle would take: refused all the same, and no text stored.
    const issued = await record(officer, 'issued', { symbol: l1(), revision: 0 });
    expect([issued.status, issued.body.error]).toEqual([422, { id: 'refused', message: 'issued is recorded by POST /api/drafts/:id/revisions, not here' }]);
    expect(await snapshot(server().store)).toEqual(before);

    await issuedL1();
    await recordDraftEvent(server().store, { draftId: world.draft.id, actor: world.users.secretariat, event: { type: 'adopted', ...adopted } });
    before = await snapshot(server().store);
    // After final action the lifecycle would take a freeze: refused, since the hash would be the client's.
    const frozen = await record(officer, 'frozen', { hash: 'f'.repeat(64) });
    expect([frozen.status, frozen.body.error]).toEqual([422, { id: 'refused', message: 'frozen is recorded by POST /api/drafts/:id/freeze, not here' }]);
    expect(await snapshot(server().store)).toEqual(before);
    expect((await server().store.listDraftEvents(world.draft.id)).map((e) => e.type)).toEqual(['issued', 'adopted']);
  });

  it("refuses to issue a text under another draft's symbol (422)", async () => {
    const before = await snapshot(server().store);
    for (const symbol of [`${world.session.symbolPrefix}/L.2`, 'A/C.3/68/L.1']) {
      const res = await issue(symbol);
      expect(res.status, symbol).toBe(422);
      expect(res.body.error.message).toBe(`"${symbol}" is not a text of this draft; the next is ${l1()}`);
    }
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('refuses a vote that contradicts the outcome (422)', async () => {
    await issuedL1();
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
    await issuedL1();
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
    await issuedL1();
    // Each refresh with the record it finds: a refresh that comes before a change does not tell of it.
    const refreshed: [string, string[]][] = [];
    collab.refreshAccess = async (draftId) => {
      refreshed.push([draftId, (await server().store.listDraftEvents(draftId)).map((e) => e.type)]);
      return original.call(collab, draftId);
    };
    try {
      expect((await record(officer, 'introduced', { meeting: 10, date: '2022-10-20' })).status).toBe(201);
      expect((await record(officer, 'adopted', adopted)).status).toBe(201);
      expect(refreshed).toEqual([
        [world.draft.id, ['issued', 'introduced']],
        [world.draft.id, ['issued', 'introduced', 'adopted']],
      ]);
      // The freeze goes through its own route, which refreshes once it is recorded.
      expect((await freeze()).status).toBe(201);
      expect(refreshed.at(-1)).toEqual([world.draft.id, ['issued', 'introduced', 'adopted', 'frozen']]);
    } finally {
      collab.refreshAccess = original;
    }
  });
});
