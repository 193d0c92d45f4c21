/**
 * Comments over HTTP (issue #17) on a real server: a thread on quoted words and on a whole
 * paragraph, a reply, resolve and reopen with who may; refusals with their ids (401 signed out,
 * 403 frozen and not allowed, 404 unknown thread, 409 reply to a resolved thread, 422 too long
 * and words not found), nothing stored on a refusal; comments outside the text and its hash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_LIMITS } from '../../../shared/comments';
import { call, loginAs, startTestServer, type TestServer } from '../../helpers/server';
import { TEST_PASSWORD } from '../../helpers/factories';
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

const commentCount = async (w: World) => (await server.store.listDraftEvents(w.draft.id)).filter((e) => e.type.startsWith('comment_')).length;

describe('comments', () => {
  it('opens a thread on quoted words, replies in it, resolves and reopens it', async () => {
    const w = await meetingWorld(server);
    const textBefore = await w.api('sponsor', 'GET', w.draftPath('/text'));
    const opened = await w.api('nonSponsor', 'POST', w.draftPath('/comments'), { paragraphId: 'op2', quote: 'twelfth session', body: '  Why not the thirteenth?  ' });
    expect(opened.status).toBe(201);
    const thread = opened.body;
    expect(thread).toMatchObject({ paragraphId: 'op2', paragraph: 'OP 2', quote: 'twelfth session', resolved: false, resolvedBy: null });
    expect(thread.anchor.start).toEqual(expect.any(String));
    expect(thread.anchor.end).toEqual(expect.any(String));
    expect(thread.comments).toHaveLength(1);
    expect(thread.comments[0]).toMatchObject({
      body: 'Why not the thirteenth?',
      author: { id: w.users.nonSponsor.id },
      delegation: { id: w.delegations.other.id, code: w.delegations.other.code },
    });
    // The author may resolve their own thread; the third delegation may not.
    expect(thread.permissions).toEqual({ reply: true, resolve: true });

    const reply = await w.api('sponsor', 'POST', w.draftPath('/comments'), { replyTo: thread.id, body: 'Because the report is due then.' });
    expect(reply.status).toBe(201);
    expect(reply.body.id).toBe(thread.id);
    expect(reply.body.comments.map((c: { body: string }) => c.body)).toEqual(['Why not the thirteenth?', 'Because the report is due then.']);

    const whole = await w.api('chair', 'POST', w.draftPath('/comments'), { paragraphId: 'op3', body: 'Shall we merge this with OP 1?' });
    expect(whole.status).toBe(201);
    expect(whole.body).toMatchObject({ quote: null, anchor: null, paragraph: 'OP 3' });

    const list = await w.api('third', 'GET', w.draftPath('/comments'));
    expect(list.status).toBe(200);
    expect(list.body.threads.map((t: { id: string }) => t.id)).toEqual([thread.id, whole.body.id]);
    expect(list.body.threads[0].permissions).toEqual({ reply: true, resolve: false });
    const onOp3 = await w.api('third', 'GET', w.draftPath('/comments?paragraph=op3'));
    expect(onOp3.body.threads.map((t: { id: string }) => t.id)).toEqual([whole.body.id]);

    const third = await w.api('third', 'POST', w.draftPath(`/comments/${thread.id}/resolve`), {});
    expect([third.status, third.body.error.id]).toEqual([403, 'forbidden']);
    const resolved = await w.api('sponsor', 'POST', w.draftPath(`/comments/${thread.id}/resolve`), {});
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ resolved: true, resolvedBy: { id: w.users.sponsor.id } });
    expect(resolved.body.permissions.reply).toBe(false);
    const again = await w.api('sponsor', 'POST', w.draftPath(`/comments/${thread.id}/resolve`), {});
    expect([again.status, again.body.error.id]).toEqual([409, 'conflict']);
    const late = await w.api('third', 'POST', w.draftPath('/comments'), { replyTo: thread.id, body: 'One more thing' });
    expect([late.status, late.body.error.id]).toEqual([409, 'conflict']);
    const reopened = await w.api('nonSponsor', 'POST', w.draftPath(`/comments/${thread.id}/reopen`), {});
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null });

    // Comments live in the record, never in the text.
    const textAfter = await w.api('sponsor', 'GET', w.draftPath('/text'));
    expect(textAfter.body).toEqual(textBefore.body);
    const types = (await server.store.listDraftEvents(w.draft.id)).map((e) => e.type);
    expect(types.filter((t) => t.startsWith('comment_'))).toEqual(['comment_added', 'comment_added', 'comment_added', 'comment_resolved', 'comment_reopened']);
  });

  it('refuses with stable ids and stores nothing', async () => {
    const w = await meetingWorld(server);
    const anon = await call(server, 'POST', w.draftPath('/comments'), { body: { paragraphId: 'op2', body: 'Hello' } });
    expect([anon.status, anon.body.error.id]).toEqual([401, 'unauthenticated']);
    const anonList = await call(server, 'GET', w.draftPath('/comments'));
    expect(anonList.status).toBe(401);

    const long = await w.api('nonSponsor', 'POST', w.draftPath('/comments'), { paragraphId: 'op2', body: 'x'.repeat(COMMENT_LIMITS.body + 1) });
    expect([long.status, long.body.error.id, long.body.error.details]).toEqual([422, 'text_too_long', { field: 'comment', limit: COMMENT_LIMITS.body }]);
    const justRight = await w.api('nonSponsor', 'POST', w.draftPath('/comments'), { paragraphId: 'op2', body: 'x'.repeat(COMMENT_LIMITS.body) });
    expect(justRight.status).toBe(201);

    const missing = await w.api('nonSponsor', 'POST', w.draftPath('/comments'), { paragraphId: 'op2', quote: 'fourteenth session', body: 'Hm' });
    expect([missing.status, missing.body.error.id]).toEqual([422, 'words_not_found']);
    expect(missing.body.error.message).toContain('fourteenth session');
    // "the" occurs more than once in OP 2: say which.
    const twice = await w.api('nonSponsor', 'POST', w.draftPath('/comments'), { paragraphId: 'op2', quote: 'the', body: 'Which one?' });
    expect([twice.status, twice.body.error.id]).toEqual([422, 'words_not_found']);
    const second = await w.api('nonSponsor', 'POST', w.draftPath('/comments'), { paragraphId: 'op2', quote: 'the', occurrence: 2, body: 'This one.' });
    expect(second.status).toBe(201);

    const noParagraph = await w.api('nonSponsor', 'POST', w.draftPath('/comments'), { paragraphId: 'op9', body: 'Where?' });
    expect(noParagraph.status).toBe(422);
    const empty = await w.api('nonSponsor', 'POST', w.draftPath('/comments'), { paragraphId: 'op2', body: '   ' });
    expect(empty.status).toBe(400);
    const noThread = await w.api('nonSponsor', 'POST', w.draftPath('/comments'), { replyTo: 'no-such-thread', body: 'Hello?' });
    expect([noThread.status, noThread.body.error.id]).toEqual([404, 'not_found']);
    const html = await w.api('nonSponsor', 'POST', w.draftPath('/comments'), { paragraphId: 'op2', body: 'Hi', bodyHtml: '<b>' });
    expect(html.status).toBe(400);
    expect(await commentCount(w)).toBe(2);

    // Frozen: nobody comments, resolves or reopens any more.
    const thread = justRight.body.id;
    expect((await w.issue()).status).toBe(201);
    expect((await w.record('adopted', adoptedWithoutVote)).status).toBe(201);
    expect((await w.api('secretariat', 'POST', w.draftPath('/freeze'), {})).status).toBe(201);
    for (const [who, path, body] of [
      ['nonSponsor', '/comments', { paragraphId: 'op2', body: 'Too late?' }],
      ['secretariat', '/comments', { replyTo: thread, body: 'Too late.' }],
      ['secretariat', `/comments/${thread}/resolve`, {}],
    ] as const) {
      const refused = await w.api(who, 'POST', w.draftPath(path), body);
      expect([refused.status, refused.body.error.id, refused.body.error.message]).toEqual([403, 'forbidden', 'the draft is frozen: its comments are closed']);
    }
    expect(await commentCount(w)).toBe(2);
    // Still readable by everyone.
    expect((await w.api('third', 'GET', w.draftPath('/comments'))).body.threads).toHaveLength(2);
  });
});
