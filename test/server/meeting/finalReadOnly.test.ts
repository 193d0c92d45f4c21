/**
 * The working text is read-only from final action on, not only from the freeze: over one real
 * server, a stock y-websocket provider's edits are stored before the adoption and refused after
 * it (nothing stored, nothing relayed), and a raw socket is told why in the read-only notice and
 * the refusal; an import or a restore after final action is refused too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FINAL_ACTION_TEXT_REFUSAL } from '../../../shared/policy';
import { DeniedPrefix, NoticeKinds } from '../../../shared/protocol';
import { updateFrame } from '../../../server/collab/wire';
import { connect, craftEdit, plainText, rawSocket, seedText, synced, typeInto, until } from '../../helpers/collab';
import { startTestServer, type TestServer } from '../../helpers/server';
import { adoptedWithoutVote, meetingWorld, type MeetingWorld } from './helpers';

describe('the working text after final action', () => {
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

  it('takes edits before the adoption, refuses them after it with the reason, and stores or relays none', async () => {
    const w: MeetingWorld = await meetingWorld(server, null);
    const editor = connect(collabUrl(), w.draft.id, w.as.sponsor.token);
    const reader = connect(collabUrl(), w.draft.id, w.as.secretariat.token);
    try {
      await Promise.all([synced(editor.provider), synced(reader.provider)]);
      seedText(editor.doc);
      await until(async () => (await stored(w.draft.id)) > 0, 5_000, 'the seed to be stored');
      expect((await w.api('secretariat', 'POST', w.draftPath('/revisions'), { symbol: w.short() })).status).toBe(201);

      // Issued, introduced, not yet acted on: an edit is stored and reaches the others.
      expect((await w.record('introduced', { meeting: 10, date: '2022-10-20' })).status).toBe(201);
      let before = await stored(w.draft.id);
      typeInto(editor.doc, 1, 0, 'BEFORE THE ADOPTION ');
      await until(async () => (await stored(w.draft.id)) > before, 5_000, 'the edit before the adoption to be stored');
      await until(() => plainText(reader.doc).includes('BEFORE THE ADOPTION'), 5_000, 'the edit to reach the other editor');

      const { ws: raw, heard } = await rawSocket(collabUrl(), w.draft.id, w.as.sponsor.token);
      await until(() => heard.notices.some((n) => n.kind === NoticeKinds.mode && n.mode === 'edit'), 2_000, 'edit mode');

      expect((await w.record('adopted', adoptedWithoutVote)).status).toBe(201);
      await until(() => heard.notices.some((n) => n.kind === NoticeKinds.mode && n.mode === 'read'), 2_000, 'the read-only notice');
      expect(heard.notices.find((n) => n.kind === NoticeKinds.mode && n.mode === 'read')).toMatchObject({ why: FINAL_ACTION_TEXT_REFUSAL });

      before = await stored(w.draft.id);
      const log = await server.store.listUpdates(w.draft.id);
      typeInto(editor.doc, 1, 0, 'AFTER THE ADOPTION ');
      raw.send(updateFrame(craftEdit(reader.doc, 888_101, 'RAW AFTER THE ADOPTION ')));
      await until(() => heard.notices.some((n) => n.kind === NoticeKinds.updateRefused), 3_000, 'the refusal');
      expect(heard.denied.at(-1)).toBe(`${DeniedPrefix.readOnly}: ${FINAL_ACTION_TEXT_REFUSAL}`);
      expect(heard.notices).toContainEqual(expect.objectContaining({ kind: NoticeKinds.updateRefused, refusal: { reason: 'read_only', why: FINAL_ACTION_TEXT_REFUSAL } }));
      await settle();
      expect(await stored(w.draft.id)).toBe(before);
      expect(await server.store.listUpdates(w.draft.id)).toEqual(log);
      expect(plainText(reader.doc)).not.toMatch(/AFTER THE ADOPTION/);
      // A fresh reader gets the text as it stood at the adoption.
      const late = connect(collabUrl(), w.draft.id, w.as.nonSponsor.token, new Y.Doc());
      try {
        await synced(late.provider);
        expect(plainText(late.doc)).toContain('BEFORE THE ADOPTION');
        expect(plainText(late.doc)).not.toMatch(/AFTER THE ADOPTION/);
      } finally {
        late.provider.destroy();
      }
      raw.close();

      // The server's own writes obey the same rule: an import and a restore are refused, nothing stored.
      const imported = await w.api('secretariat', 'POST', w.draftPath('/import'), { text: { type: 'doc', content: [{ type: 'title' }] } });
      expect([imported.status, imported.body.error.message]).toEqual([403, FINAL_ACTION_TEXT_REFUSAL]);
      const restored = await w.api('secretariat', 'POST', w.draftPath('/restore'), { seq: 1 });
      expect([restored.status, restored.body.error.message]).toEqual([403, FINAL_ACTION_TEXT_REFUSAL]);
      expect(await server.store.listUpdates(w.draft.id)).toEqual(log);
    } finally {
      editor.provider.destroy();
      reader.provider.destroy();
    }
  });
});
