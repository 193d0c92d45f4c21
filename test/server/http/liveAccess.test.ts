/**
 * Governed changes over HTTP reach open collaboration sockets at once: a delegation that joins
 * may edit, a frozen text takes no more edits — over the same server, with stock providers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, seedText, synced, typeInto, until } from '../../helpers/collab';
import { makeWorld, TEST_PASSWORD, type World } from '../../helpers/factories';
import { call, loginAs, startTestServer, type SignedIn, type TestServer } from '../../helpers/server';

describe('rights of open sockets follow the record', () => {
  let server: TestServer;
  let world: World;
  let officer: SignedIn;
  let sponsor: SignedIn;
  let nonSponsor: SignedIn;
  let third: SignedIn;
  beforeAll(async () => {
    server = await startTestServer();
    world = await makeWorld(server.store);
    const signIn = (u: { login: string }) => loginAs(server, u.login, TEST_PASSWORD);
    const { users } = world;
    [officer, sponsor, nonSponsor, third] = await Promise.all([signIn(users.secretariat), signIn(users.sponsor), signIn(users.nonSponsor), signIn(users.third)]);
  });
  afterAll(async () => {
    await server?.close();
  });
  const stored = () => server.store.lastSeq(world.draft.id);
  const settle = () => new Promise((r) => setTimeout(r, 300));

  it('lets a delegation edit once it joins, and nobody once the text is frozen', async () => {
    const editor = connect(`${server.wsUrl}/collab`, world.draft.id, sponsor.token);
    const joiner = connect(`${server.wsUrl}/collab`, world.draft.id, nonSponsor.token);
    const outsider = connect(`${server.wsUrl}/collab`, world.draft.id, third.token);
    try {
      await Promise.all([synced(editor.provider), synced(joiner.provider), synced(outsider.provider)]);
      seedText(editor.doc);
      await until(async () => (await stored()) > 0, 5_000, "the sponsor's text to be stored");
      await until(() => outsider.doc.getXmlFragment('prosemirror').length > 0 && joiner.doc.getXmlFragment('prosemirror').length > 0);

      // A delegate whose delegation does not sponsor reads only: the edit is not stored.
      let before = await stored();
      typeInto(outsider.doc, 1, 0, 'Austria was here ');
      await settle();
      expect(await stored()).toBe(before);

      // Peru asks to join over HTTP and the penholder confirms; its delegate's open socket may now edit, without reconnecting.
      const asked = await call(server, 'POST', `/api/drafts/${world.draft.id}/sponsors/requests`, { cookie: nonSponsor.cookie, body: { kind: 'join' } });
      expect(asked.status).toBe(201);
      const joined = await call(server, 'POST', `/api/drafts/${world.draft.id}/sponsors/requests/${asked.body.id}/decision`, {
        cookie: sponsor.cookie,
        body: { decision: 'confirmed' },
      });
      expect(joined.status).toBe(200);
      before = await stored();
      typeInto(joiner.doc, 2, 0, 'Peru joins. ');
      await until(async () => (await stored()) > before, 5_000, "the new co-sponsor's edit to be stored");

      // The secretariat issues the text the sockets wrote, records its adoption and freezes it.
      const post = (rest: string, body: unknown) => call(server, 'POST', `/api/drafts/${world.draft.id}${rest}`, { cookie: officer.cookie, body });
      expect((await post('/revisions', { symbol: `${world.session.symbolPrefix}/L.1` })).status).toBe(201);
      expect((await post('/events', { type: 'adopted', payload: { meeting: 11, date: '2022-10-21', vote: { kind: 'without_vote' }, orallyAmended: false } })).status).toBe(201);
      expect((await post('/freeze', {})).status).toBe(201);

      // Frozen: the sponsor's open socket no longer changes the text.
      before = await stored();
      typeInto(editor.doc, 1, 0, 'After the freeze ');
      await settle();
      expect(await stored()).toBe(before);
    } finally {
      for (const c of [editor, joiner, outsider]) c.provider.destroy();
    }
  });
});
