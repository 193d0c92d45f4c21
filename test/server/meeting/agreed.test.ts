/**
 * Agreed means agreed, over one real server with stock providers and raw sockets: a paragraph
 * the chair agreed reads "changed since agreed" by itself once its text moves, naming who moved
 * it and when; a paragraph the chair locked cannot be changed on the wire, and the sender is
 * told why, while honest edits elsewhere go through.
 */
import type * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseReasons, NoticeKinds } from '../../../shared/protocol';
import { updateFrame } from '../../../server/collab/wire';
import { connect, editOf, FRAGMENT, plainText, rawSocket, storedLog, synced, typeInto, until } from '../../helpers/collab';
import { startTestServer, type TestServer } from '../../helpers/server';
import { meetingWorld, type MeetingWorld } from './helpers';

// Blocks of meetingWorld's text: title, PP 1, OP 1, OP 2, OP 3.
const OP1 = 2;
const OP2 = 3;
const OP3 = 4;

interface StateJSON {
  state: string;
  locked: boolean;
  changedSinceAgreed: boolean;
  changedBy: { id: string; displayName: string } | null;
  changedAt: string | null;
  markedBy: { id: string } | null;
  textHash: string | null;
}

describe('agreed means agreed', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  const collabUrl = () => `${server.wsUrl}/collab`;
  const states = async (w: MeetingWorld) => (await w.api('nonSponsor', 'GET', w.draftPath('/paragraph-states'))).body.states as Record<string, StateJSON>;
  const mark = (w: MeetingWorld, paragraphId: string, state: string, locked?: boolean) =>
    w.api('chair', 'POST', w.draftPath('/paragraph-states'), { paragraphId, state, ...(locked === undefined ? {} : { locked }) });

  it('turns an agreed paragraph "changed since agreed" once its text changes, with who changed it and when, and back when marked again', async () => {
    const w = await meetingWorld(server);
    expect((await mark(w, 'op1', 'agreed')).status).toBe(201);
    expect((await mark(w, 'op2', 'agreed_ad_ref')).status).toBe(201);
    const marked = await states(w);
    expect(marked.op1).toMatchObject({ state: 'agreed', locked: false, changedSinceAgreed: false, changedBy: null, markedBy: { id: w.users.chair.id } });
    expect(marked.op1!.textHash).toMatch(/^[0-9a-f]{14}$/);

    const editor = connect(collabUrl(), w.draft.id, w.as.sponsor.token);
    try {
      await synced(editor.provider);
      const before = await server.store.lastSeq(w.draft.id);
      const t0 = new Date().toISOString();
      typeInto(editor.doc, OP1, 0, 'Also ');
      await until(async () => (await server.store.lastSeq(w.draft.id)) > before, 5_000, 'the edit to be stored');
      const changed = await states(w);
      expect(changed.op1).toMatchObject({ state: 'agreed', changedSinceAgreed: true, changedBy: { id: w.users.sponsor.id } });
      expect(changed.op1!.changedAt! >= t0).toBe(true);
      // Only the paragraph that moved.
      expect(changed.op2).toMatchObject({ state: 'agreed_ad_ref', changedSinceAgreed: false, changedBy: null });

      // The chair agrees the new text: it is agreed as it stands, no longer changed.
      const again = await mark(w, 'op1', 'agreed');
      expect(again.status).toBe(201);
      expect((await states(w)).op1).toMatchObject({ changedSinceAgreed: false, changedBy: null });
      // And the same mark on an unchanged paragraph is still refused.
      const same = await mark(w, 'op1', 'agreed');
      expect([same.status, same.body.error.message]).toEqual([422, 'OP 1 is already agreed']);
    } finally {
      editor.provider.destroy();
    }
  });

  it('refuses a change to a locked paragraph on the wire with the reason, storing nothing, while edits elsewhere go through', async () => {
    const w = await meetingWorld(server);
    // Only the chair of the draft and the secretariat lock; a paragraph must be agreed to be locked.
    expect((await w.api('sponsor', 'POST', w.draftPath('/paragraph-states'), { paragraphId: 'op2', state: 'agreed', locked: true })).status).toBe(403);
    const openLocked = await mark(w, 'op2', 'open', true);
    expect([openLocked.status, openLocked.body.error.message]).toEqual([422, 'OP 2 cannot be locked while it is open: only an agreed paragraph is locked']);
    expect((await mark(w, 'op2', 'agreed', true)).status).toBe(201);
    expect((await states(w)).op2).toMatchObject({ state: 'agreed', locked: true });

    const editor = connect(collabUrl(), w.draft.id, w.as.sponsor.token);
    try {
      await synced(editor.provider);
      const log = await storedLog(server.store, w.draft.id);
      const agreedText = plainText(editor.doc);

      const attempts: [string, (copy: Y.Doc) => void][] = [
        ['typing in it', (copy) => typeInto(copy, OP2, 5, 'not ')],
        ['deleting it', (copy) => copy.getXmlFragment(FRAGMENT).delete(OP2, 1)],
        ['deleting its words', (copy) => ((copy.getXmlFragment(FRAGMENT).get(OP2) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 9)],
        ['making it bold', (copy) => ((copy.getXmlFragment(FRAGMENT).get(OP2) as Y.XmlElement).get(0) as Y.XmlText).format(0, 8, { strong: {} })],
        ['typing in it and in OP 3 at once', (copy) => copy.transact(() => (typeInto(copy, OP3, 0, 'Also '), typeInto(copy, OP2, 0, 'Also ')))],
      ];
      for (const [i, [what, change]] of attempts.entries()) {
        const { ws, heard } = await rawSocket(collabUrl(), w.draft.id, w.as.sponsor.token);
        await until(() => heard.notices.some((n) => n.kind === NoticeKinds.mode && n.mode === 'edit'), 2_000, 'edit mode');
        ws.send(updateFrame(editOf(editor.doc, change, 700_001 + i)));
        const code = await Promise.race([heard.closed, new Promise((r) => setTimeout(() => r('still open after 3 s'), 3_000))]);
        expect(code, what).toBe(CloseReasons.paragraphLocked.code);
        const refusal = heard.notices.find((n) => n.kind === NoticeKinds.updateRefused);
        expect(refusal, what).toMatchObject({
          refusal: { reason: 'paragraph_locked', paragraphIds: ['op2'], why: 'OP 2 is agreed and locked by the chair: table a proposal to reopen it' },
        });
        // Stock clients read the same reason in "permission denied".
        expect(heard.denied, what).toEqual(['paragraph_locked: OP 2 is agreed and locked by the chair: table a proposal to reopen it']);
        expect(await storedLog(server.store, w.draft.id), what).toEqual(log);
      }

      // Honest edits elsewhere, from a stock client and a second one, are stored and converge.
      const other = connect(collabUrl(), w.draft.id, w.as.secretariat.token);
      await synced(other.provider);
      typeInto(editor.doc, OP3, 0, 'Further ');
      typeInto(other.doc, OP1, 0, 'Again ');
      await until(
        () => plainText(editor.doc) === plainText(other.doc) && plainText(editor.doc).includes('Further') && plainText(editor.doc).includes('Again'),
        5_000,
        'both edits everywhere',
      );
      expect((await storedLog(server.store, w.draft.id)).length).toBe(log.length + 2);
      expect(plainText(editor.doc).split('\n')[OP2]).toBe(agreedText.split('\n')[OP2]);
      other.provider.destroy();

      // Unlocked (still agreed), its text may change again; it then reads "changed since agreed".
      expect((await mark(w, 'op2', 'agreed', false)).status).toBe(201);
      const before = await server.store.lastSeq(w.draft.id);
      typeInto(editor.doc, OP2, 0, 'Now ');
      await until(async () => (await server.store.lastSeq(w.draft.id)) > before, 5_000, 'the edit of the unlocked paragraph to be stored');
      expect((await states(w)).op2).toMatchObject({ locked: false, changedSinceAgreed: true, changedBy: { id: w.users.sponsor.id } });
    } finally {
      editor.provider.destroy();
    }
  });
});
