/**
 * Locked paragraphs on the wire, over a real collaboration server with stock y-websocket
 * clients: whatever shape an update takes (typing, deleting the paragraph or what holds it,
 * rewriting its id, formatting), a change to a locked paragraph is refused with the chair's
 * reason and nothing is stored, while honest edits around it — the paragraph before it split
 * with Enter, another delegation typing at the same time — are stored and converge.
 */
import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { resolutionSchema as schema } from '../../../shared/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/accounts';
import type { AuthenticatedUser } from '../../../server/auth/authenticate';
import { CloseReasons, NoticeKinds } from '../../../shared/protocol';
import { recordParagraphState } from '../../../server/commands/paragraphStateRecorder';
import { updateFrame } from '../../../server/collab/wire';
import { connect, editOf, FRAGMENT, plainText, rawSocket, startWithEditor, storedLog, synced, typeInto, until, type CollabServer, type SeededUsers } from '../../helpers/collab';

const TITLE_AND = 1; // block i + TITLE_AND holds paragraph p<i+1>

describe('locked paragraphs on the wire', () => {
  let server: CollabServer;
  let draftId: string;
  let users: SeededUsers;
  let editor: ReturnType<typeof connect>;
  const secretariat = (): Actor => ({ id: users.secretariat.id, role: 'secretariat', delegationId: null });
  const lock = async (paragraphId: string, locked = true) => {
    await recordParagraphState(server.store, { draftId, actor: secretariat(), paragraphId, state: 'agreed', locked });
    await server.collab.refreshAccess(draftId);
  };
  const stored = () => server.store.lastSeq(draftId);

  beforeEach(async () => {
    ({ server, draftId, users, editor } = await startWithEditor(4));
    // An annex holding one paragraph, x1.
    const annex = new Y.XmlElement('annex');
    const heading = new Y.XmlElement('annexHeading');
    heading.insert(0, [new Y.XmlText('Recommendations')]);
    const plain = new Y.XmlElement('plain');
    plain.setAttribute('id', 'x1');
    plain.insert(0, [new Y.XmlText('States should cooperate.')]);
    annex.insert(0, [heading, plain]);
    const before = await stored();
    editor.doc.getXmlFragment(FRAGMENT).push([annex]);
    await until(async () => (await stored()) > before, 5_000, 'the annex to be stored');
  });
  afterEach(async () => {
    editor.provider.destroy();
    await server.close();
  });

  // Send `update` from a fresh raw socket of the sponsor; what it heard and how it closed.
  async function sendRaw(update: Uint8Array) {
    const { ws, heard } = await rawSocket(server.wsUrl, draftId, users.sponsor2.token);
    await until(() => heard.notices.some((n) => n.kind === NoticeKinds.mode && n.mode === 'edit'), 2_000, 'edit mode');
    ws.send(updateFrame(update));
    const code = await Promise.race([heard.closed, new Promise((r) => setTimeout(() => r('still open after 3 s'), 3_000))]);
    if (code === 'still open after 3 s') ws.close();
    return { code, refusal: heard.notices.find((n) => n.kind === NoticeKinds.updateRefused) };
  }

  const element = (doc: Y.Doc, index: number) => doc.getXmlFragment(FRAGMENT).get(index) as Y.XmlElement;
  // Type at the start of the paragraph with `id`, wherever the others' edits have put it.
  const typeAtStartOf = (doc: Y.Doc, id: string, text: string) => {
    const el = doc
      .getXmlFragment(FRAGMENT)
      .toArray()
      .find((e) => e instanceof Y.XmlElement && e.getAttribute('id') === id) as Y.XmlElement;
    (el.get(0) as Y.XmlText).insert(0, text);
  };
  const inAnnex = (doc: Y.Doc) => element(doc, 5).get(1) as Y.XmlElement;

  it('refuses every way of changing a locked paragraph, with the reason, storing nothing', async () => {
    await lock('p2');
    await lock('x1');
    const log = await storedLog(server.store, draftId);
    const attempts: [string, (d: Y.Doc) => void, string][] = [
      ['typing in it', (d) => typeInto(d, 1 + TITLE_AND, 3, 'x'), 'OP 2'],
      ['deleting it', (d) => d.getXmlFragment(FRAGMENT).delete(1 + TITLE_AND, 1), 'OP 2'],
      ['deleting it with its neighbours', (d) => d.getXmlFragment(FRAGMENT).delete(1, 3), 'OP 2'],
      ['rewriting its id', (d) => element(d, 1 + TITLE_AND).setAttribute('id', 'fresh'), 'OP 2'],
      ['removing its id', (d) => element(d, 1 + TITLE_AND).removeAttribute('id'), 'OP 2'],
      ['formatting its words', (d) => (element(d, 1 + TITLE_AND).get(0) as Y.XmlText).format(0, 4, { em: {} }), 'OP 2'],
      ['typing in a locked paragraph of an annex', (d) => (inAnnex(d).get(0) as Y.XmlText).insert(0, 'All '), 'Annex, para. 1'],
      ['deleting the annex that holds it', (d) => d.getXmlFragment(FRAGMENT).delete(5, 1), 'Annex, para. 1'],
    ];
    for (const [i, [what, change, ref]] of attempts.entries()) {
      const { code, refusal } = await sendRaw(editOf(editor.doc, change, 600_001 + i));
      expect(code, what).toBe(CloseReasons.paragraphLocked.code);
      expect(refusal, what).toMatchObject({ refusal: { reason: 'paragraph_locked' } });
      const why = (refusal as { refusal: { why: string } }).refusal.why;
      expect(why.endsWith('is agreed and locked by the chair: table a proposal to reopen it'), what).toBe(true);
      if (ref !== 'Annex, para. 1') expect(why, what).toBe(`${ref} is agreed and locked by the chair: table a proposal to reopen it`);
      expect(await storedLog(server.store, draftId), what).toEqual(log);
    }
  });

  it("holds the server's own changes (an imported or restored text) to the locks", async () => {
    await lock('p2');
    const node = (d: Y.Doc) => yXmlFragmentToProseMirrorRootNode(d.getXmlFragment(FRAGMENT), schema);
    const withChange = (id: string, words: string) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(editor.doc));
      typeAtStartOf(copy, id, words);
      return node(copy);
    };
    const by: AuthenticatedUser = { id: users.secretariat.id, role: 'secretariat', delegationId: null, login: 'secretariat', displayName: 'secretariat' };
    const log = await storedLog(server.store, draftId);
    await expect(server.collab.replaceWorkingText(draftId, withChange('p2', 'Imported '), by)).rejects.toThrow(
      'OP 2 is agreed and locked by the chair: table a proposal to reopen it; nothing was changed',
    );
    expect(await storedLog(server.store, draftId)).toEqual(log);
    await server.collab.replaceWorkingText(draftId, withChange('p3', 'Imported '), by);
    await until(() => plainText(editor.doc).includes('Imported Paragraph 3.'), 5_000, 'the import to reach the editor');
  });

  it('passes honest edits around a locked paragraph, at the same time, and converges', async () => {
    await lock('p2');
    const other = connect(server.wsUrl, draftId, users.secretariat.token);
    try {
      await synced(other.provider);
      const before = await stored();
      const p2 = plainText(editor.doc).split('\n')[1 + TITLE_AND];
      // Written against the text as it stood before everyone's edits below.
      const never = editOf(editor.doc, (d) => typeInto(d, 1 + TITLE_AND, 0, 'Never '), 610_001);
      // Enter at the end of OP 1: a new paragraph right before the locked one.
      const fresh = new Y.XmlElement('operative');
      fresh.setAttribute('id', 'new1');
      fresh.insert(0, [new Y.XmlText('A new paragraph.')]);
      editor.doc.getXmlFragment(FRAGMENT).insert(1 + TITLE_AND, [fresh]);
      // Meanwhile another delegation types in OP 3, and a raw client is refused on OP 2.
      typeAtStartOf(other.doc, 'p3', 'Further ');
      const refused = await sendRaw(never);
      expect(refused.code).toBe(CloseReasons.paragraphLocked.code);
      typeAtStartOf(editor.doc, 'p1', 'Firmly ');
      await until(
        () => plainText(editor.doc) === plainText(other.doc) && plainText(editor.doc).includes('Further') && plainText(editor.doc).includes('Firmly'),
        5_000,
        'convergence',
      );
      expect(await stored()).toBe(before + 3);
      const lines = plainText(other.doc).split('\n');
      expect(lines.slice(1, 5)).toEqual(['Firmly Paragraph 1.', 'A new paragraph.', p2, 'Further Paragraph 3.']);
      // Unlocked, it takes edits again.
      await lock('p2', false);
      typeAtStartOf(other.doc, 'p2', 'Now ');
      await until(() => plainText(editor.doc).includes('Now Paragraph 2.'), 5_000, 'the edit of the unlocked paragraph');
      expect(await stored()).toBe(before + 4);
    } finally {
      other.provider.destroy();
    }
  });
});
