/**
 * Importing a text into a draft whose working text already has content, before its first
 * issue: the text goes through the draft's room as one server-written change — stored once,
 * relayed to the editors who have the draft open, and refused after the first issue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textHash } from '../../../shared/canonical';
import { doc, op, pp, title } from '../../builders';
import { connect, synced, textJSON, typeInto, until } from '../../helpers/collab';
import { makeWorld, type World } from '../../helpers/factories';
import { call, loginAs, startTestServer, type TestServer } from '../../helpers/server';
import { draftText, setWorkingText } from '../meeting/helpers';

let server: TestServer;
let world: World;
let sponsor: string;
let officer: string;

beforeAll(async () => {
  server = await startTestServer();
  world = await makeWorld(server.store);
  sponsor = (await loginAs(server, world.users.sponsor.login, world.users.sponsor.password)).token;
  officer = (await loginAs(server, world.users.secretariat.login, world.users.secretariat.password)).token;
  await setWorkingText(server.store, world.draft.id, draftText(), { userId: world.users.sponsor.id, delegationId: world.delegations.main.id });
});

afterAll(async () => {
  await server?.close();
});

const replacement = doc(title('A text from Word'), pp('Recalling its earlier work,'), op('Decides to replace the text;'), op('Requests a report.'));

describe('importing over a working text that has content', () => {
  it('replaces it for everyone who has the draft open, as one stored change', async () => {
    const editor = connect(`${server.wsUrl}/collab`, world.draft.id, sponsor);
    try {
      await synced(editor.provider);
      typeInto(editor.doc, 1, 0, 'Typed before the import. ');
      await until(async () => (await server.store.lastSeq(world.draft.id)) === 2, 5_000, 'the typing to be stored');

      const res = await call(server, 'POST', `/api/drafts/${world.draft.id}/import`, { token: sponsor, body: { text: replacement.toJSON() } });
      expect(res.status).toBe(201);
      expect(res.body.seq).toBe(3);
      const stored = await server.store.listUpdates(world.draft.id, 2);
      expect(stored.map((u) => [u.seq, u.userId])).toEqual([[3, world.users.sponsor.id]]);
      // The open editor got it without reconnecting; the server's text is the imported one.
      await until(() => textHash(textJSON(editor.doc) as Parameters<typeof textHash>[0]) === textHash(replacement), 5_000, 'the editor to show the import');
      const text = await call(server, 'GET', `/api/drafts/${world.draft.id}/text`, { token: officer });
      expect(text.body.seq).toBe(3);
      expect(textHash(text.body.doc)).toBe(textHash(replacement));
    } finally {
      editor.provider.destroy();
    }
  });

  it('is refused once the draft has been issued, and changes nothing', async () => {
    const issued = await call(server, 'POST', `/api/drafts/${world.draft.id}/revisions`, { token: officer, body: { symbol: `${world.session.symbolPrefix}/L.1` } });
    expect(issued.status).toBe(201);
    const before = await server.store.lastSeq(world.draft.id);
    const res = await call(server, 'POST', `/api/drafts/${world.draft.id}/import`, { token: sponsor, body: { text: draftText().toJSON() } });
    expect(res.status).toBe(422);
    expect(res.body.error.id).toBe('refused');
    expect(await server.store.lastSeq(world.draft.id)).toBe(before);
  });
});
