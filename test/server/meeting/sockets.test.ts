/**
 * The secretariat's acts reach open collaboration sockets: after a freeze recorded through
 * POST /freeze, and after a co-sponsor withdraws, their sockets take no more edits, whatever
 * bytes they send — over one real server, with stock providers and raw sockets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeKinds } from '../../../shared/protocol';
import { updateFrame } from '../../../server/collab/wire';
import { connect, craftEdit, rawSocket, seedText, synced, typeInto, until } from '../../helpers/collab';
import { TEST_PASSWORD } from '../../helpers/factories';
import { loginAs, startTestServer, type TestServer } from '../../helpers/server';
import { adoptedWithoutVote, meetingWorld, type MeetingWorld } from './helpers';

describe("open sockets follow the secretariat's record", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  const collabUrl = () => `${server.wsUrl}/collab`;
  const stored = (draftId: string) => server.store.lastSeq(draftId);
  const settle = () => new Promise((r) => setTimeout(r, 300));

  it("a frozen draft's sockets turn read-only and change nothing, with the provider or raw bytes", async () => {
    const w: MeetingWorld = await meetingWorld(server, null);
    const editor = connect(collabUrl(), w.draft.id, w.as.sponsor.token);
    try {
      await synced(editor.provider);
      seedText(editor.doc);
      await until(async () => (await stored(w.draft.id)) > 0, 5_000, 'the seed to be stored');
      const { ws: raw, heard } = await rawSocket(collabUrl(), w.draft.id, w.as.secretariat.token);
      await until(() => heard.notices.some((n) => n.kind === NoticeKinds.mode && n.mode === 'edit'), 2_000, 'edit mode');

      expect((await w.api('secretariat', 'POST', w.draftPath('/revisions'), { symbol: w.short() })).status).toBe(201);
      expect((await w.api('secretariat', 'POST', w.draftPath('/events'), { type: 'adopted', payload: adoptedWithoutVote })).status).toBe(201);
      const frozen = await w.api('secretariat', 'POST', w.draftPath('/freeze'), {});
      expect(frozen.status).toBe(201);
      // Even the secretariat's own socket is read-only once the freeze answers.
      await until(() => heard.notices.some((n) => n.kind === NoticeKinds.mode && n.mode === 'read'), 2_000, 'read-only notice');

      const before = await stored(w.draft.id);
      typeInto(editor.doc, 1, 0, 'AFTER THE FREEZE ');
      raw.send(updateFrame(craftEdit(editor.doc, 888_001, 'RAW AFTER THE FREEZE ')));
      await settle();
      expect(await stored(w.draft.id)).toBe(before);
      raw.close();
    } finally {
      editor.provider.destroy();
    }
  });

  it('a co-sponsor that withdraws turns read-only on its open socket', async () => {
    const w: MeetingWorld = await meetingWorld(server, null);
    const owner = connect(collabUrl(), w.draft.id, w.as.sponsor.token);
    // Peru asks to join, the penholder confirms.
    const asked = await w.api('nonSponsor', 'POST', w.draftPath('/sponsors/requests'), { kind: 'join' });
    expect((await w.api('sponsor', 'POST', w.draftPath(`/sponsors/requests/${asked.body.id}/decision`), { decision: 'confirmed' })).status).toBe(200);
    const peru = connect(collabUrl(), w.draft.id, w.as.nonSponsor.token);
    try {
      await Promise.all([synced(owner.provider), synced(peru.provider)]);
      seedText(owner.doc);
      await until(() => peru.doc.getXmlFragment('prosemirror').length > 0, 5_000, 'the text to reach Peru');
      let before = await stored(w.draft.id);
      typeInto(peru.doc, 1, 0, 'Peru writes. ');
      await until(async () => (await stored(w.draft.id)) > before, 5_000, "Peru's edit to be stored");

      // Peru asks to withdraw, the secretariat confirms.
      const leaving = await w.api('nonSponsor', 'POST', w.draftPath('/sponsors/requests'), { kind: 'withdraw' });
      expect((await w.api('secretariat', 'POST', w.draftPath(`/sponsors/requests/${leaving.body.id}/decision`), { decision: 'confirmed' })).status).toBe(200);
      before = await stored(w.draft.id);
      typeInto(peru.doc, 1, 0, 'Peru after withdrawing. ');
      await settle();
      expect(await stored(w.draft.id)).toBe(before);
      // The main sponsor still edits.
      typeInto(owner.doc, 2, 0, 'Chile still writes. ');
      await until(async () => (await stored(w.draft.id)) > before, 5_000, "the main sponsor's edit to be stored");
    } finally {
      owner.provider.destroy();
      peru.provider.destroy();
    }
  });

  it('a fresh socket of a frozen draft is read-only from the start', async () => {
    const w: MeetingWorld = await meetingWorld(server);
    await w.api('secretariat', 'POST', w.draftPath('/revisions'), { symbol: w.short() });
    await w.api('secretariat', 'POST', w.draftPath('/events'), { type: 'withdrawn', payload: { date: '2022-10-21' } });
    expect((await w.api('secretariat', 'POST', w.draftPath('/freeze'), {})).status).toBe(201);
    const officer = await loginAs(server, w.users.secretariat.login, TEST_PASSWORD);
    const { ws, heard } = await rawSocket(collabUrl(), w.draft.id, officer.token);
    await until(() => heard.notices.length > 0, 2_000, 'mode notice');
    expect(heard.notices[0]).toMatchObject({ kind: NoticeKinds.mode, mode: 'read' });
    ws.close();
  });

  it('tells every open socket when the record moves (a delegation asks to co-sponsor, a text is issued, a paragraph is agreed), and nobody on a refusal', async () => {
    const w: MeetingWorld = await meetingWorld(server);
    const { ws, heard } = await rawSocket(collabUrl(), w.draft.id, w.as.nonSponsor.token);
    try {
      await until(() => heard.notices.some((n) => n.kind === NoticeKinds.mode), 2_000, 'mode notice');
      const told = () => heard.notices.filter((n) => n.kind === NoticeKinds.recordChanged).length;
      expect(told()).toBe(0);
      expect((await w.api('nonSponsor', 'POST', w.draftPath('/sponsors/requests'), { kind: 'join' })).status).toBe(201);
      await until(() => told() === 1, 2_000, 'a record notice after the request to co-sponsor');
      expect((await w.api('secretariat', 'POST', w.draftPath('/revisions'), { symbol: w.short() })).status).toBe(201);
      await until(() => told() === 2, 2_000, 'a record notice after the issue');
      expect((await w.api('chair', 'POST', w.draftPath('/paragraph-states'), { paragraphId: 'op1', state: 'agreed' })).status).toBe(201);
      await until(() => told() === 3, 2_000, 'a record notice after the chair agreed a paragraph');
      // A refused request moves nothing and tells nobody.
      expect((await w.api('nonSponsor', 'POST', w.draftPath('/events'), { type: 'adopted', payload: adoptedWithoutVote })).status).toBe(403);
      await settle();
      expect(told()).toBe(3);
    } finally {
      ws.close();
    }
  });

  it('lists who is in a draft now: the delegations of the open sockets, and nobody once they leave', async () => {
    const w: MeetingWorld = await meetingWorld(server);
    const listed = async () => {
      const list = await w.api('secretariat', 'GET', `/api/sessions/${w.session.id}/drafts`);
      return (list.body as { id: string; present: string[] }[]).find((d) => d.id === w.draft.id)!.present;
    };
    expect(await listed()).toEqual([]);
    const chile = await rawSocket(collabUrl(), w.draft.id, w.as.sponsor.token);
    const peru = await rawSocket(collabUrl(), w.draft.id, w.as.nonSponsor.token);
    await until(() => chile.heard.notices.length > 0 && peru.heard.notices.length > 0, 2_000, 'both sockets admitted');
    expect(await listed()).toEqual(['Chile', 'Peru']);
    chile.ws.close();
    peru.ws.close();
    await until(async () => (await listed()).length === 0, 2_000, 'the list to empty');
  });
});
