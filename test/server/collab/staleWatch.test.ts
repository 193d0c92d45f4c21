/**
 * Stale proposals found as they turn stale, with a real server and real y-websocket clients: the
 * sponsor's client types; only an edit of the quoted words tells the proposer (inbox) and the
 * room (recordChanged); typing at the edges of the words or in another paragraph does not, and
 * no keystroke rereads the record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { resolutionSchema as schema } from '../../../shared/schema';
import { touchedBy } from '../../../server/collab/staleWatch';
import type { OralAmendment } from '../../../shared/oralAmendments';
import { NoticeKinds } from '../../../shared/protocol';
import { anchorAmendment, paragraphElement, paragraphText } from '../../../server/collab/anchors';
import type { PlacedProposal } from '../../../server/collab/proposalApply';
import { addParagraph, type CollabServer, rawSocket, startWithEditor, until, type Heard, type SeededUsers } from '../../helpers/collab';

let server: CollabServer;
let draftId: string;
let users: SeededUsers;
let editor: { doc: Y.Doc; provider: WebsocketProvider };
let heard: Heard;
let closeRaw: () => void;
const recordReads = { n: 0 };

/** Table a proposal as the proposals route records it (B1's command writes the same entry), then refresh the room. */
async function table(amendment: Record<string, unknown>, proposalId: string): Promise<PlacedProposal> {
  const observer = (await server.store.getUser(users.observer.id))!;
  const a = { proposedBy: observer.delegationId, accepted: false, ...amendment } as OralAmendment;
  const anchored = await server.collab.readWorkingDoc(draftId, (doc) => anchorAmendment(doc, a));
  if (!anchored.ok) throw new Error(anchored.error);
  await server.store.appendDraftEvent({
    draftId,
    type: 'proposal_tabled',
    payload: {
      proposalId,
      amendment: a,
      rationale: null,
      delegationId: observer.delegationId,
      onBehalfOf: null,
      supersedes: null,
      quoted: anchored.value.quoted,
      paragraphTextHash: '',
      anchor: anchored.value.anchor,
    },
    userId: observer.id,
  });
  await server.collab.refreshAccess(draftId);
  return { proposalId, amendment: a, quoted: anchored.value.quoted, anchor: anchored.value.anchor };
}

/** Type into a paragraph of the sponsor's client at an offset, and wait until the server has it. */
async function typeIn(id: string, at: number, text: string): Promise<void> {
  const before = await server.store.lastSeq(draftId);
  const run = paragraphElement(editor.doc, id)!.get(0) as Y.XmlText;
  run.insert(at, text);
  await until(async () => (await server.store.lastSeq(draftId)) > before, 5_000, 'edit stored');
}

const staleNotices = async (proposalId = 'prop-1') =>
  (await server.store.listNotifications(users.observer.id, { limit: 50 })).filter((n) => n.kind === 'proposal_stale' && n.payload.proposalId === proposalId);
const recordChanged = () => heard.notices.filter((n) => n.kind === NoticeKinds.recordChanged).length;
/** Let the watch run its checks (it runs after the commit, on the next turn). */
const settle = () => new Promise((r) => setTimeout(r, 150));

beforeAll(async () => {
  ({ server, draftId, users, editor } = await startWithEditor(3));
  const original = server.store.listDraftEvents.bind(server.store);
  server.store.listDraftEvents = async (id: string) => {
    // The watch's own reads (the chair's locks are read from the record too, on other occasions).
    if (id === draftId && new Error().stack?.includes('staleWatch')) recordReads.n++;
    return original(id);
  };
  // p1: "Paragraph 1." — the proposal quotes "Paragraph".
  await table({ kind: 'replace_words', paragraphId: 'p1', words: 'Paragraph', text: 'Section' }, 'prop-1');
  await table({ kind: 'insert_words', paragraphId: 'p2', position: 'end', text: 'Thanks' }, 'prop-2');
  await table({ kind: 'delete_words', paragraphId: 'p3', words: 'Paragraph' }, 'prop-3');
  const raw = await rawSocket(server.wsUrl, draftId, users.observer.token);
  heard = raw.heard;
  closeRaw = () => raw.ws.close();
  await settle();
});

afterAll(async () => {
  closeRaw();
  editor.provider.destroy();
  await server.close();
});

describe('the stale watch', () => {
  it('stays quiet for edits beside the quoted words and in other paragraphs, without rereading the record', async () => {
    const reads = recordReads.n;
    const notices = recordChanged();
    await typeIn('p1', 0, 'New ');
    await typeIn('p1', 'New Paragraph'.length, ' One');
    await typeIn('p3', 0, 'Also ');
    await typeIn('p2', 0, 'Then ');
    await settle();
    expect(paragraphText(editor.doc, 'p1')).toBe('New Paragraph One 1.');
    expect(await staleNotices()).toEqual([]);
    expect(await staleNotices('prop-3')).toEqual([]);
    expect(recordChanged()).toBe(notices);
    expect(reads).toBeGreaterThan(0);
    expect(recordReads.n).toBe(reads);
  });

  it('tells the proposer and the room once the quoted words are changed, and only about that proposal', async () => {
    const notices = recordChanged();
    await typeIn('p1', 'New Para'.length, 'X');
    await until(async () => (await staleNotices()).length > 0, 5_000, 'the proposer told');
    await until(() => recordChanged() > notices, 5_000, 'the room told');
    const told = await staleNotices();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ draftId, kind: 'proposal_stale', payload: { proposalId: 'prop-1' } });
    // Typing on in the stale words tells nobody again.
    await typeIn('p1', 'New ParaX'.length, 'Y');
    await settle();
    expect(await staleNotices()).toHaveLength(1);
  });

  it('tells the room, not the proposer, when the words are restored (fresh again)', async () => {
    const notices = recordChanged();
    const run = paragraphElement(editor.doc, 'p1')!.get(0) as Y.XmlText;
    const before = await server.store.lastSeq(draftId);
    run.delete('New Para'.length, 2);
    await until(async () => (await server.store.lastSeq(draftId)) > before, 5_000, 'restored');
    await until(() => recordChanged() > notices, 5_000, 'the room told');
    expect(await staleNotices()).toHaveLength(1);
  });

  it('takes letters typed onto the quoted word ("Paragraphs") as a change of it', async () => {
    await typeIn('p3', 'Also Paragraph'.length, 's');
    await until(async () => (await staleNotices('prop-3')).length === 1, 5_000, 'the proposer told');
  });

  it('does not call a proposal stale for its own change when it is accepted', async () => {
    const proposal = await table({ kind: 'replace_words', paragraphId: 'p2', words: 'Paragraph', text: 'Section' }, 'prop-4');
    await settle();
    const observer = (await server.store.getUser(users.observer.id))!;
    const proposer = { id: observer.id, role: observer.role, delegationId: observer.delegationId, login: observer.login, displayName: observer.displayName };
    await server.collab.applyProposal(draftId, proposal, null, proposer);
    await until(() => paragraphText(editor.doc, 'p2') === 'Then Section 2.', 5_000, 'accepted and relayed');
    await settle();
    // (The decision is not recorded here: until it is, the record still says pending.)
    expect(await staleNotices('prop-4')).toEqual([]);
  });

  it('stays quiet when a paragraph is added (Enter): the words of the others are as they were', async () => {
    const notices = recordChanged();
    const before = await server.store.lastSeq(draftId);
    addParagraph(editor.doc, 'p9', 'A new paragraph.');
    await until(async () => (await server.store.lastSeq(draftId)) > before, 5_000, 'paragraph stored');
    await settle();
    expect(recordChanged()).toBe(notices);
    expect(await staleNotices('prop-1')).toHaveLength(1);
  });

  it('tells the proposer when the paragraph itself is deleted (a change to the blocks)', async () => {
    expect(await staleNotices('prop-1')).toHaveLength(1);
    const before = await server.store.lastSeq(draftId);
    const fragment = editor.doc.getXmlFragment('prosemirror');
    fragment.delete(fragment.toArray().indexOf(paragraphElement(editor.doc, 'p1')!), 1);
    await until(async () => (await server.store.lastSeq(draftId)) > before, 5_000, 'deletion stored');
    await until(async () => (await staleNotices('prop-1')).length === 2, 5_000, 'the proposer told again');
  });
});

describe('which paragraphs a change touched', () => {
  it('names the paragraph of a text run or a footnote; nothing for the title; all for blocks', () => {
    const doc = new Y.Doc();
    prosemirrorToYXmlFragment(
      schema.node('doc', null, [
        schema.node('title', null, [schema.text('Title')]),
        schema.node('operative', { id: 'a' }, [schema.text('One'), schema.nodes.footnote.create({ id: 'f' }, schema.text('Note'))]),
        schema.node('operative', { id: 'b' }, [schema.text('Two')]),
      ]),
      doc.getXmlFragment('prosemirror'),
    );
    const touched = (change: () => void) => {
      const into = new Set<string>();
      const on = (tr: Y.Transaction) => touchedBy(tr, into);
      doc.on('afterTransaction', on);
      doc.transact(change);
      doc.off('afterTransaction', on);
      return [...into].sort();
    };
    const fragment = doc.getXmlFragment('prosemirror');
    const el = (i: number) => fragment.get(i) as Y.XmlElement;
    expect(touched(() => (el(1).get(0) as Y.XmlText).insert(0, 'x'))).toEqual(['a']);
    expect(touched(() => ((el(1).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'y'))).toEqual(['a']);
    expect(touched(() => (el(2).get(0) as Y.XmlText).insert(0, 'z'))).toEqual(['b']);
    expect(touched(() => (el(0).get(0) as Y.XmlText).insert(0, 't'))).toEqual([]);
    expect(touched(() => fragment.delete(2, 1))).toEqual(['all']);
  });
});
