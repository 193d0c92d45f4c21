/**
 * Co-sponsorship online over HTTP, on a real server: a delegate asks to join or withdraw, the
 * main sponsor's delegates or the secretariat confirm or decline; the refusals with their ids;
 * the deadlines of a session and a draft.
 */
import { beforeEach, expect, it } from 'vitest';
import { makeWorld, makeUser, TEST_PASSWORD, type World } from '../../helpers/factories';
import { call, loginAs, type SignedIn } from '../../helpers/server';
import { describeOnBackends } from '../http/backends';
import { snapshot } from '../http/snapshot';
import { adoptedWithoutVote, draftText, setWorkingText } from '../meeting/helpers';

const today = () => new Date().toISOString().slice(0, 10);
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

await describeOnBackends('co-sponsorship requests', ({ server }) => {
  let w: World;
  let officer: SignedIn;
  let chair: SignedIn;
  let penholder: SignedIn;
  let peru: SignedIn;
  let austria: SignedIn;
  beforeEach(async () => {
    w = await makeWorld(server().store);
    const signIn = (u: { login: string }) => loginAs(server(), u.login, TEST_PASSWORD);
    [officer, chair, penholder, peru, austria] = await Promise.all([
      signIn(w.users.secretariat),
      signIn(w.users.chair),
      signIn(w.users.sponsor),
      signIn(w.users.nonSponsor),
      signIn(w.users.third),
    ]);
  });
  const draftPath = (rest = '') => `/api/drafts/${w.draft.id}${rest}`;
  const as = (who: SignedIn, method: string, path: string, body?: unknown) => call(server(), method, path, { cookie: who.cookie, body });
  const ask = (who: SignedIn, kind: 'join' | 'withdraw', extra: Record<string, unknown> = {}) => as(who, 'POST', draftPath('/sponsors/requests'), { kind, ...extra });
  const decide = (who: SignedIn, requestId: string, decision: 'confirmed' | 'declined', note?: string) =>
    as(who, 'POST', draftPath(`/sponsors/requests/${requestId}/decision`), { decision, ...(note ? { note } : {}) });
  const coSponsorIds = async () => (await as(austria, 'GET', draftPath('/sponsors'))).body.coSponsors.map((s: { delegationId: string }) => s.delegationId);

  it('lets a delegate ask to co-sponsor and the penholder confirm: the delegation sponsors from today, and may edit', async () => {
    const asked = await ask(peru, 'join');
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      kind: 'join',
      state: 'pending',
      delegation: { id: w.delegations.other.id, name: { en: 'Peru', zh: '秘鲁' } },
      requestedBy: { id: w.users.nonSponsor.id },
    });
    expect(await coSponsorIds()).toEqual([]);
    // Everyone reads the requests and the deadline (none here).
    const listed = await as(austria, 'GET', draftPath('/sponsors/requests'));
    expect(listed.body.requests.map((r: { id: string; state: string }) => [r.id, r.state])).toEqual([[asked.body.id, 'pending']]);
    expect(listed.body.deadline).toEqual({ draft: null, session: null, effective: null, passed: false });
    // The penholder's page offers the decision; Peru's offers nothing more to ask.
    expect((await as(penholder, 'GET', draftPath())).body.permissions.decideCosponsorship.allowed).toBe(true);

    const confirmed = await decide(penholder, asked.body.id, 'confirmed');
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ id: asked.body.id, state: 'confirmed', decidedBy: { id: w.users.sponsor.id }, note: null });
    expect(await coSponsorIds()).toEqual([w.delegations.other.id]);
    const sponsors = (await as(austria, 'GET', draftPath('/sponsors'))).body;
    expect(sponsors.coSponsors[0].since).toBe(today());
    expect(sponsors.text.en).toBe('Chile and Peru');
    expect(sponsors.changes.at(-1)).toMatchObject({ type: 'join', delegationId: w.delegations.other.id, recordedBy: { id: w.users.sponsor.id } });
    // The request and the decision are entries of the draft's record.
    const record = (await as(austria, 'GET', draftPath('/events'))).body as { type: string; payload: { requestId?: string } }[];
    expect(record.filter((e) => e.payload.requestId === asked.body.id).map((e) => e.type)).toEqual(['cosponsor_requested', 'cosponsor_request_decided']);
    // Now a sponsor: Peru's delegates may edit the text, and may ask to withdraw.
    const page = (await as(peru, 'GET', draftPath())).body;
    expect(page.permissions.editText.allowed).toBe(true);
    expect(page.yourSponsorship).toBe('co-sponsor');
  });

  it('lets the penholder decline with a note: nothing changes on the list, and the delegation may ask again', async () => {
    const asked = await ask(austria, 'join');
    const before = await as(austria, 'GET', draftPath('/sponsors'));
    const declined = await decide(penholder, asked.body.id, 'declined', 'Please speak to us first');
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ state: 'declined', note: 'Please speak to us first' });
    expect((await as(austria, 'GET', draftPath('/sponsors'))).body.changes).toEqual(before.body.changes);
    expect((await ask(austria, 'join')).status).toBe(201);
  });

  it('lets a co-sponsor ask to withdraw, and the secretariat confirm', async () => {
    const joined = await ask(peru, 'join');
    await decide(officer, joined.body.id, 'confirmed');
    const leaving = await ask(peru, 'withdraw');
    expect(leaving.status).toBe(201);
    expect(leaving.body.kind).toBe('withdraw');
    expect((await decide(officer, leaving.body.id, 'confirmed')).status).toBe(200);
    const sponsors = (await as(austria, 'GET', draftPath('/sponsors'))).body;
    expect(sponsors.coSponsors).toEqual([]);
    expect(sponsors.withdrawn).toMatchObject([{ delegationId: w.delegations.other.id, since: today(), withdrawn: today() }]);
  });

  it('refuses with stable ids, storing nothing: 403 forbidden, 409 conflict, 404, 400', async () => {
    const asked = await ask(peru, 'join');
    const before = await snapshot(server().store);
    const forbidden = [
      await decide(austria, asked.body.id, 'confirmed'), // not the penholder
      await decide(chair, asked.body.id, 'confirmed'), // the chair decides proposals, not sponsors
      await decide(peru, asked.body.id, 'confirmed'), // nobody confirms their own request
      await ask(penholder, 'join'), // already the main sponsor
      await ask(penholder, 'withdraw'), // the main sponsor does not withdraw
      await ask(austria, 'withdraw'), // not a sponsor
      await ask(officer, 'join'), // the secretariat adds sponsors directly instead
    ];
    for (const res of forbidden) {
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(res.body.error.id).toBe('forbidden');
    }
    const twice = await ask(peru, 'join');
    expect(twice.status).toBe(409);
    expect(twice.body.error).toEqual({ id: 'conflict', message: 'Peru has already asked to join the sponsors; the request awaits a decision' });
    expect((await decide(penholder, '00000000-0000-4000-8000-000000000000', 'confirmed')).status).toBe(404);
    for (const body of [{}, { kind: 'main' }, { kind: 'join', surprise: true }]) {
      expect((await as(peru, 'POST', draftPath('/sponsors/requests'), body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await as(penholder, 'POST', draftPath(`/sponsors/requests/${asked.body.id}/decision`), { decision: 'maybe' })).status).toBe(400);
    expect(await snapshot(server().store)).toEqual(before);

    // Decided once: deciding again is a conflict, and changes nothing.
    expect((await decide(penholder, asked.body.id, 'declined')).status).toBe(200);
    const again = await decide(officer, asked.body.id, 'confirmed');
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ id: 'conflict', message: 'this request was already declined' });
  });

  it('refuses a request and a decision on a frozen draft (403)', async () => {
    const asked = await ask(peru, 'join');
    await setWorkingText(server().store, w.draft.id, draftText(), { userId: w.users.sponsor.id, delegationId: w.delegations.main.id });
    expect((await as(officer, 'POST', draftPath('/revisions'), { symbol: `${w.session.symbolPrefix}/L.1` })).status).toBe(201);
    expect((await as(officer, 'POST', draftPath('/events'), { type: 'adopted', payload: adoptedWithoutVote })).status).toBe(201);
    expect((await as(officer, 'POST', draftPath('/freeze'), {})).status).toBe(201);
    const before = await snapshot(server().store);
    for (const res of [await ask(austria, 'join'), await decide(penholder, asked.body.id, 'confirmed'), await decide(officer, asked.body.id, 'declined')]) {
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual({ id: 'forbidden', message: 'the draft is frozen: its sponsors can no longer change' });
    }
    expect((await as(officer, 'PUT', draftPath('/cosponsorship-deadline'), { deadline: hoursFromNow(1) })).status).toBe(403);
    expect(await snapshot(server().store)).toEqual(before);
  });

  it("closes requests to join at the deadline (403 cosponsorship_closed, the deadline in the message); the draft's deadline wins over the session's", async () => {
    const sessionPath = `/api/sessions/${w.session.id}/cosponsorship-deadline`;
    expect((await as(penholder, 'PUT', sessionPath, { deadline: hoursFromNow(-1) })).status).toBe(403);
    const passed = '2022-10-20T18:00:00Z';
    const set = await as(officer, 'PUT', sessionPath, { deadline: passed });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ sessionId: w.session.id, deadline: '2022-10-20T18:00:00.000Z' });
    const audited = (await server().store.listAudit({ action: 'draft.action', limit: 500 })).filter((e) => e.target === `session:${w.session.id}`);
    expect(audited.map((e) => [e.userId, e.detail])).toContainEqual([w.users.secretariat.id, expect.objectContaining({ method: 'PUT', deadline: '2022-10-20T18:00:00.000Z' })]);

    const before = await snapshot(server().store);
    const closed = await ask(peru, 'join');
    expect(closed.status).toBe(403);
    expect(closed.body.error).toEqual({ id: 'cosponsorship_closed', message: 'co-sponsorship of this draft closed on 20 October 2022, 18:00 UTC' });
    expect(await snapshot(server().store)).toEqual(before);
    expect((await as(peru, 'GET', draftPath('/sponsors/requests'))).body.deadline).toEqual({
      draft: null,
      session: '2022-10-20T18:00:00.000Z',
      effective: '2022-10-20T18:00:00.000Z',
      passed: true,
    });

    // The draft's own deadline, later, opens it again (only the secretariat sets it).
    const later = hoursFromNow(2);
    expect((await as(penholder, 'PUT', draftPath('/cosponsorship-deadline'), { deadline: later })).body.error.id).toBe('forbidden');
    const own = await as(officer, 'PUT', draftPath('/cosponsorship-deadline'), { deadline: later });
    expect(own.status).toBe(200);
    expect(own.body.deadline).toMatchObject({ draft: later, effective: later, passed: false });
    const opened = await ask(peru, 'join');
    expect(opened.status).toBe(201);
    // The draft's deadline brought forward to now closes it again, whatever the session says.
    await as(officer, 'PUT', sessionPath, { deadline: null });
    await as(officer, 'PUT', draftPath('/cosponsorship-deadline'), { deadline: new Date().toISOString() });
    expect((await ask(austria, 'join')).body.error.id).toBe('cosponsorship_closed');
    // The request made in time is still confirmed; withdrawing stays open.
    expect((await decide(penholder, opened.body.id, 'confirmed')).body.state).toBe('confirmed');
    expect((await ask(peru, 'withdraw')).status).toBe(201);
    // A request made before the deadline was moved back before it cannot be confirmed (only declined).
    await as(officer, 'PUT', draftPath('/cosponsorship-deadline'), { deadline: null });
    const late = await ask(austria, 'join');
    await as(officer, 'PUT', draftPath('/cosponsorship-deadline'), { deadline: hoursFromNow(-1) });
    const refused = await decide(penholder, late.body.id, 'confirmed');
    expect(refused.status).toBe(403);
    expect(refused.body.error.id).toBe('cosponsorship_closed');
    expect((await decide(penholder, late.body.id, 'declined')).status).toBe(200);
    // Cleared: the session's (none now) applies.
    const cleared = await as(officer, 'PUT', draftPath('/cosponsorship-deadline'), { deadline: null });
    expect(cleared.body.deadline).toEqual({ draft: null, session: null, effective: null, passed: false });
    expect((await ask(austria, 'join')).status).toBe(201);

    for (const deadline of ['2022-10-20', 'tomorrow', '2022-10-20T18:00:00+02:00', 12]) {
      expect((await as(officer, 'PUT', draftPath('/cosponsorship-deadline'), { deadline })).status, String(deadline)).toBe(400);
    }
    expect((await as(officer, 'PUT', '/api/sessions/00000000-0000-4000-8000-000000000000/cosponsorship-deadline', { deadline: null })).status).toBe(404);
  });

  it('lets the secretariat alone add and remove co-sponsors directly; a delegate asks instead', async () => {
    const direct = await as(peru, 'POST', draftPath('/sponsors'), { delegationId: w.delegations.other.id });
    expect(direct.status).toBe(403);
    expect(direct.body.error.id).toBe('forbidden');
    expect((await as(officer, 'POST', draftPath('/sponsors'), { delegationId: w.delegations.other.id })).status).toBe(201);
    expect((await as(officer, 'POST', draftPath(`/sponsors/${w.delegations.other.id}/withdraw`), {})).status).toBe(201);
  });

  it('refuses to confirm a join the sponsorship rules no longer allow (422), keeping the request pending', async () => {
    const asked = await ask(peru, 'join');
    expect((await as(officer, 'POST', draftPath('/sponsors'), { delegationId: w.delegations.other.id })).status).toBe(201);
    const refused = await decide(penholder, asked.body.id, 'confirmed');
    expect(refused.status).toBe(422);
    expect(refused.body.error).toEqual({ id: 'refused', message: 'Peru already sponsors this draft' });
    const listed = (await as(penholder, 'GET', draftPath('/sponsors/requests'))).body.requests;
    expect(listed[0].state).toBe('pending');
    expect((await decide(penholder, asked.body.id, 'declined')).status).toBe(200);
  });

  it('confirms one of many racing decisions on one request', async () => {
    const asked = await ask(peru, 'join');
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => decide(i % 2 ? officer : penholder, asked.body.id, 'confirmed')));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    expect((await server().store.listSponsorshipEvents(w.draft.id)).filter((e) => e.type === 'join')).toHaveLength(1);
  });

  it('a second delegate of the same delegation sees its pending request and cannot ask twice', async () => {
    const colleague = await makeUser(server().store, 'delegate', { delegationId: w.delegations.other.id });
    const other = await loginAs(server(), colleague.login, TEST_PASSWORD);
    expect((await ask(peru, 'join')).status).toBe(201);
    expect((await ask(other, 'join')).status).toBe(409);
  });
});
