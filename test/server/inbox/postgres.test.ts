/**
 * The inbox and comments on PostgreSQL (issue #17): a comment appended in a PostgreSQL
 * transaction writes its notifications with it, the stream delivers the count, marking read
 * counts down — the same path as on SQLite, through a real server on a database of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresGate, type TestDatabase } from '../../helpers/postgres';
import { startTestServer, type TestServer } from '../../helpers/server';
import { openEventStream } from '../../helpers/sse';
import { meetingWorld } from '../meeting/helpers';

const gate = await postgresGate('inbox.postgres');

describe.skipIf(!gate.run)('the inbox on PostgreSQL', () => {
  let db: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('notifies in the comment’s transaction and streams the count', async () => {
    const w = await meetingWorld(server);
    const stream = await openEventStream(`${server.url}/api/inbox/stream`, { cookie: w.as.sponsor.cookie });
    expect(await stream.next('count')).toEqual({ unread: 0 });
    const opened = await w.api('nonSponsor', 'POST', w.draftPath('/comments'), { paragraphId: 'op2', quote: 'twelfth', body: 'Why?' });
    expect(opened.status).toBe(201);
    expect(opened.body.paragraph).toBe('OP 2');
    expect(await stream.next('count')).toEqual({ unread: 1 });
    // A refused comment (too long) stores neither the entry nor a notification.
    expect((await w.api('nonSponsor', 'POST', w.draftPath('/comments'), { paragraphId: 'op2', body: 'x'.repeat(4001) })).status).toBe(422);
    const inbox = await w.api('sponsor', 'GET', '/api/inbox');
    expect(inbox.body.unread).toBe(1);
    expect(inbox.body.items.map((i: { kind: string }) => i.kind)).toEqual(['comment_added']);
    expect((await w.api('sponsor', 'POST', '/api/inbox/read', { all: true })).body).toEqual({ unread: 0 });
    expect(await stream.next('count')).toEqual({ unread: 0 });
    stream.close();
  });
});
