/**
 * The inbox over HTTP (issue #17) on a real server: record entries of every kind that exists
 * tell the right users (never the one who acted), counts and pages, marking read (only one's
 * own), and the live stream delivering the count at once, ended by sign-out and by the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, loginAs, startTestServer, type TestServer } from '../../helpers/server';
import { openEventStream } from '../../helpers/sse';
import { notifyStale } from '../../../server/commands/notifier';
import { makeUser, TEST_PASSWORD } from '../../helpers/factories';
import { adoptedWithoutVote, meetingWorld as meetingWorldOf, type MeetingWorld } from '../meeting/helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A meeting world (test/server/meeting/helpers.ts) where the third delegation's delegate is signed in too. */
type World = Omit<MeetingWorld, 'api'> & { api(who: keyof MeetingWorld['as'] | 'third', method: string, path: string, body?: unknown): ReturnType<MeetingWorld['api']> };
async function meetingWorld(on: TestServer = server): Promise<World> {
  const w = await meetingWorldOf(on);
  const third = await loginAs(on, w.users.third.login, TEST_PASSWORD);
  return { ...w, api: (who, method, path, body) => (who === 'third' ? call(on, method, path, { cookie: third.cookie, body }) : w.api(who, method, path, body)) };
}

type Who = keyof MeetingWorld['as'] | 'third';
const inbox = async (w: World, who: Who) => (await w.api(who, 'GET', '/api/inbox')).body;
const kinds = async (w: World, who: Who) => (await inbox(w, who)).items.map((i: { kind: string }) => i.kind);

describe('inbox', () => {
  it('tells sponsors of comments, paragraph states, an issue and a freeze, and commenters of replies', async () => {
    const w = await meetingWorld(server);
    // A second delegate of the main sponsor is told too; the first acts and is not.
    const colleague = await makeUser(server.store, 'delegate', { delegationId: w.delegations.main.id });
    const colleagueIn = await loginAs(server, colleague.login, TEST_PASSWORD);
    const opened = await w.api('nonSponsor', 'POST', w.draftPath('/comments'), { paragraphId: 'op2', quote: 'twelfth', body: '<img src=x onerror=alert(1)> Why?' });
    expect(opened.status).toBe(201);
    expect(await kinds(w, 'sponsor')).toEqual(['comment_added']);
    expect(await kinds(w, 'nonSponsor')).toEqual([]);
    expect(await kinds(w, 'third')).toEqual([]);

    const item = (await inbox(w, 'sponsor')).items[0];
    expect(item).toMatchObject({
      kind: 'comment_added',
      draftId: w.draft.id,
      draftSymbol: `${w.session.symbolPrefix}/L.1`,
      title: `${w.delegations.other.name.en} commented on OP 2: “twelfth”`,
      summary: '<img src=x onerror=alert(1)> Why?',
      read: false,
      link: `/drafts/${w.draft.id}/proposals`,
    });

    // A reply tells the thread's earlier writer (not a sponsor) as well as the sponsors.
    await w.api('sponsor', 'POST', w.draftPath('/comments'), { replyTo: opened.body.id, body: 'Because.' });
    expect(await kinds(w, 'nonSponsor')).toEqual(['comment_added']);
    const call2 = await call(server, 'GET', '/api/inbox', { cookie: colleagueIn.cookie });
    expect(call2.body.items.map((i: { kind: string }) => i.kind)).toEqual(['comment_added', 'comment_added']);
    expect(call2.body.unread).toBe(2);
    expect(await kinds(w, 'sponsor')).toEqual(['comment_added']); // not told of their own reply

    // The chair agrees OP 1, then opens it again.
    expect((await w.api('chair', 'POST', w.draftPath('/paragraph-states'), { paragraphId: 'op1', state: 'agreed' })).status).toBe(201);
    expect((await w.api('chair', 'POST', w.draftPath('/paragraph-states'), { paragraphId: 'op1', state: 'open' })).status).toBe(201);
    expect((await inbox(w, 'sponsor')).items.slice(0, 2).map((i: { title: string }) => i.title)).toEqual(['OP 1 was opened again', 'OP 1 was agreed']);
    expect(await kinds(w, 'chair')).toEqual([]);

    expect((await w.issue()).status).toBe(201);
    const issued = (await inbox(w, 'sponsor')).items[0];
    expect(issued).toMatchObject({ kind: 'revision_issued', title: `${w.session.symbolPrefix}/L.1 was issued` });
    expect(await kinds(w, 'secretariat')).toEqual([]);

    expect((await w.record('adopted', adoptedWithoutVote)).status).toBe(201);
    expect((await w.api('secretariat', 'POST', w.draftPath('/freeze'), {})).status).toBe(201);
    expect((await kinds(w, 'sponsor'))[0]).toBe('text_frozen');
    expect(await kinds(w, 'third')).toEqual([]);
  });

  it('tells the penholder and the chair of a proposal, the proposer of its decision, and both sides of a co-sponsorship request', async () => {
    const w = await meetingWorld();
    const tabled = await w.api('nonSponsor', 'POST', w.draftPath('/proposals'), {
      amendment: { kind: 'replace_words', paragraph: 'OP 2', words: 'twelfth', text: 'thirteenth' },
      rationale: 'The next session is the thirteenth.',
    });
    expect(tabled.status).toBe(201);
    for (const who of ['sponsor', 'chair'] as const) {
      const item = (await inbox(w, who)).items[0];
      expect(item).toMatchObject({
        kind: 'proposal_tabled',
        title: 'Peru tabled a proposal on OP 2',
        summary: 'The next session is the thirteenth.',
        link: `/drafts/${w.draft.id}/proposals`,
      });
    }
    expect(await kinds(w, 'nonSponsor')).toEqual([]);
    expect(await kinds(w, 'third')).toEqual([]);

    expect((await w.api('sponsor', 'POST', w.draftPath(`/proposals/${tabled.body.id}/decision`), { state: 'rejected', note: 'Not now.' })).status).toBe(200);
    expect((await inbox(w, 'nonSponsor')).items[0]).toMatchObject({ kind: 'proposal_decided', title: 'Your proposal on OP 2 was rejected', summary: 'Not now.' });
    expect(await kinds(w, 'sponsor')).toEqual(['proposal_tabled']);

    const asked = await w.api('third', 'POST', w.draftPath('/sponsors/requests'), { kind: 'join' });
    expect(asked.status).toBe(201);
    expect((await inbox(w, 'sponsor')).items[0]).toMatchObject({ kind: 'cosponsor_requested', title: 'Austria asks to join the sponsors' });
    expect((await kinds(w, 'secretariat'))[0]).toBe('cosponsor_requested');
    expect((await w.api('sponsor', 'POST', w.draftPath(`/sponsors/requests/${asked.body.id}/decision`), { decision: 'confirmed' })).status).toBe(200);
    expect((await inbox(w, 'third')).items[0]).toMatchObject({ kind: 'cosponsor_request_decided', title: 'The request to join the sponsors was confirmed' });
  });

  it('tells the proposer and their delegation of a stale proposal (notifyStale, as the collaboration calls it)', async () => {
    const w = await meetingWorld();
    const stream = await openEventStream(`${server.url}/api/inbox/stream`, { cookie: w.as.nonSponsor.cookie });
    expect(await stream.next('count')).toEqual({ unread: 0 });
    await notifyStale(server.store, { draftId: w.draft.id, proposalId: 'p-1', proposerUserId: w.users.nonSponsor.id, delegationId: w.delegations.other.id });
    expect(await stream.next('count')).toEqual({ unread: 1 });
    stream.close();
    expect((await inbox(w, 'nonSponsor')).items[0]).toMatchObject({ kind: 'proposal_stale', title: 'Your proposal went stale: the words it quotes were changed' });
    expect(await kinds(w, 'sponsor')).toEqual([]);
  });

  it('counts, pages and marks read only the user’s own', async () => {
    const w = await meetingWorld(server);
    for (let i = 1; i <= 5; i++) await w.api('nonSponsor', 'POST', w.draftPath('/comments'), { paragraphId: 'op3', body: `Comment ${i}` });
    expect((await w.api('sponsor', 'GET', '/api/inbox/count')).body).toEqual({ unread: 5 });
    const page1 = (await w.api('sponsor', 'GET', '/api/inbox?limit=3')).body;
    expect(page1.unread).toBe(5);
    expect(page1.items.map((i: { summary: string }) => i.summary)).toEqual(['Comment 5', 'Comment 4', 'Comment 3']);
    const page2 = (await w.api('sponsor', 'GET', `/api/inbox?limit=3&before=${page1.items[2].id}`)).body;
    expect(page2.items.map((i: { summary: string }) => i.summary)).toEqual(['Comment 2', 'Comment 1']);
    expect((await w.api('sponsor', 'GET', '/api/inbox?limit=1000')).status).toBe(400);

    // Someone else's ids mark nothing of theirs.
    const notMine = await w.api('chair', 'POST', '/api/inbox/read', { ids: [page1.items[0].id] });
    expect(notMine.body).toEqual({ unread: 0 });
    expect((await w.api('sponsor', 'GET', '/api/inbox/count')).body).toEqual({ unread: 5 });
    const one = await w.api('sponsor', 'POST', '/api/inbox/read', { ids: [page1.items[0].id] });
    expect(one.body).toEqual({ unread: 4 });
    expect((await w.api('sponsor', 'GET', '/api/inbox?limit=1')).body.items[0].read).toBe(true);
    expect((await w.api('sponsor', 'POST', '/api/inbox/read', {})).status).toBe(400);
    const all = await w.api('sponsor', 'POST', '/api/inbox/read', { all: true });
    expect(all.body).toEqual({ unread: 0 });
    expect((await call(server, 'GET', '/api/inbox/count')).status).toBe(401);
    // A write needs JSON from this site, as every write does.
    const forged = await call(server, 'POST', '/api/inbox/read', {
      cookie: w.as.sponsor.cookie,
      raw: 'all=true',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.status).toBe(403);
  });

  it('streams the unread count at once and on every change, and ends with the sign-in', async () => {
    const w = await meetingWorld(server);
    expect((await call(server, 'GET', '/api/inbox/stream')).status).toBe(401);
    const stream = await openEventStream(`${server.url}/api/inbox/stream`, { cookie: w.as.sponsor.cookie });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(await stream.next('count')).toEqual({ unread: 0 });
    await w.api('nonSponsor', 'POST', w.draftPath('/comments'), { paragraphId: 'op1', body: 'First' });
    expect(await stream.next('count')).toEqual({ unread: 1 });
    await w.api('third', 'POST', w.draftPath('/comments'), { paragraphId: 'op1', body: 'Second' });
    expect(await stream.next('count')).toEqual({ unread: 2 });
    await w.api('sponsor', 'POST', '/api/inbox/read', { all: true });
    expect(await stream.next('count')).toEqual({ unread: 0 });
    stream.close();

    // Signing out ends the stream opened with that sign-in (at once where the server wires
    // inboxStreams, at the next beat otherwise).
    const second = await openEventStream(`${server.url}/api/inbox/stream`, { authorization: `Bearer ${w.as.nonSponsor.token}` });
    expect(await second.next('count')).toEqual({ unread: 0 });
    expect((await call(server, 'POST', '/api/auth/logout', { token: w.as.nonSponsor.token, body: {} })).status).toBe(204);
    await second.ended(25_000);
  }, 40_000);

  it('lets the server stop with streams open', async () => {
    const own = await startTestServer();
    const w = await meetingWorld(own);
    const stream = await openEventStream(`${own.url}/api/inbox/stream`, { cookie: w.as.chair.cookie });
    expect(await stream.next('count')).toEqual({ unread: 0 });
    const started = Date.now();
    await own.close();
    await stream.ended();
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
