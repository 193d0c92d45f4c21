/**
 * The inbox badge must not keep an idle browser signed in (issue #17 beside issue 9's inactivity
 * timeout): its count poll and its stream are the page's own requests, so they do not push the
 * session's expiry forward, while anything the user does still does.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashSecret } from '../../../server/auth';
import { makeUser, TEST_PASSWORD } from '../../helpers/factories';
import { call, loginAs, startTestServer, type TestServer } from '../../helpers/server';
import { openEventStream } from '../../helpers/sse';

let server: TestServer;
beforeAll(async () => {
  // A 2-s inactivity spell: activity moves the expiry once it would move it by 200 ms or more.
  server = await startTestServer({ config: { sessionIdleMs: 2_000 } });
});
afterAll(() => server.close());

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('does not count the badge’s poll and stream as activity', async () => {
  const user = await makeUser(server.store, 'secretariat');
  const { cookie } = await loginAs(server, user.login, TEST_PASSWORD);
  const secret = cookie.split('=')[1]!;
  const expiry = async () => (await server.store.getAuthSession(hashSecret(secret)))!.expiresAt;
  const first = await expiry();
  await pause(600);
  expect((await call(server, 'GET', '/api/inbox/count', { cookie })).status).toBe(200);
  const stream = await openEventStream(`${server.url}/api/inbox/stream`, { cookie });
  expect(await stream.next('count')).toEqual({ unread: 0 });
  stream.close();
  expect(await expiry()).toBe(first);
  // What the user does still keeps the session alive.
  expect((await call(server, 'GET', '/api/inbox', { cookie })).status).toBe(200);
  expect(Date.parse(await expiry())).toBeGreaterThan(Date.parse(first));
});
