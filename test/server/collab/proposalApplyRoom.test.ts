/**
 * Accepting proposals through a real room: a real server on port 0, the main sponsor's stock
 * y-websocket client connected, proposals tabled by another delegation's delegate and accepted
 * in turn; the change relayed live and credited to the proposing delegation in the authorship.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { OralAmendment } from '../../../shared/oralAmendments';
import type { ParagraphAuthorship } from '../../../shared/history';
import { ErrorIds } from '../../../shared/errors';
import { anchorAmendment, paragraphText } from '../../../server/collab/anchors';
import type { PlacedProposal } from '../../../server/collab/proposalApply';
import type { AuthenticatedUser } from '../../../server/auth/authenticate';
import { DraftFrozen } from '../../../server/storage/types';
import { recordParagraphState } from '../../../server/commands/paragraphStateRecorder';
import { connect, startWithEditor, synced, typeInto, until, type CollabServer } from '../../helpers/collab';

let server: CollabServer;
const cleanup: (() => void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) c();
  await server?.close();
});

async function userOf(id: string): Promise<AuthenticatedUser> {
  const u = (await server.store.getUser(id))!;
  return { id: u.id, role: u.role, delegationId: u.delegationId, login: u.login, displayName: u.displayName };
}

/** Table a proposal on the live text, as the proposals route does. */
async function table(draftId: string, amendment: Record<string, unknown>, id: string): Promise<PlacedProposal> {
  const a = { proposedBy: null, accepted: false, ...amendment } as OralAmendment;
  const anchored = await server.collab.readWorkingDoc(draftId, (doc) => anchorAmendment(doc, a));
  if (!anchored.ok) throw new Error(anchored.error);
  return { proposalId: id, amendment: a, quoted: anchored.value.quoted, anchor: anchored.value.anchor };
}

describe('accepting proposals through the room', () => {
  it('applies two proposals on one paragraph in turn, relays each live, and credits the proposing delegation', async () => {
    const started = await startWithEditor(3);
    server = started.server;
    const { draftId, users, editor } = started;
    cleanup.push(() => editor.provider.destroy());
    // A second client, only watching.
    const watcher = connect(server.wsUrl, draftId, users.observer.token);
    cleanup.push(() => watcher.provider.destroy());
    await synced(watcher.provider);
    const proposer = await userOf(users.observer.id);
    const first = await table(draftId, { kind: 'replace_words', paragraphId: 'p2', words: 'Paragraph', text: 'Section' }, 'a');
    const second = await table(draftId, { kind: 'insert_words', paragraphId: 'p2', position: 'after', words: '2', text: 'as amended' }, 'b');

    const seq1 = await server.collab.applyProposal(draftId, first, null, proposer);
    expect(seq1).toBe(await server.store.lastSeq(draftId));
    await until(() => paragraphText(watcher.doc, 'p2') === 'Section 2.', 5_000, 'first relayed');
    // The second still applies where it was anchored.
    const seq2 = await server.collab.applyProposal(draftId, second, null, proposer);
    expect(seq2).toBe(seq1 + 1);
    await until(() => paragraphText(editor.doc, 'p2') === 'Section 2 as amended.', 5_000, 'second relayed to the sponsor');
    await until(() => paragraphText(watcher.doc, 'p2') === 'Section 2 as amended.', 5_000, 'second relayed to the watcher');

    const res = await fetch(`${server.url}/api/drafts/${draftId}/authorship`, { headers: { authorization: `Bearer ${users.sponsor.token}` } });
    expect(res.status).toBe(200);
    const p2 = ((await res.json()) as { paragraphs: ParagraphAuthorship[] }).paragraphs.find((p) => p.id === 'p2')!;
    expect(p2.text).toBe('Section 2 as amended.');
    const proposing = proposer.delegationId!;
    const by = Object.fromEntries(p2.byDelegation.map((d) => [d.delegationId, d.chars]));
    // "Section" and " as amended" are the proposing delegation's; " 2." stays the sponsor's.
    expect(by[proposing]).toBe('Section'.length + ' as amended'.length);
    expect(by[(await userOf(users.sponsor.id)).delegationId!]).toBe(' 2.'.length);
  });

  it('converges with editors typing in the same paragraph while a proposal is accepted', async () => {
    const started = await startWithEditor(3);
    server = started.server;
    const { draftId, users, editor } = started;
    cleanup.push(() => editor.provider.destroy());
    const second = connect(server.wsUrl, draftId, users.sponsor2.token);
    cleanup.push(() => second.provider.destroy());
    await synced(second.provider);
    const proposal = await table(draftId, { kind: 'replace_words', paragraphId: 'p3', words: 'Paragraph', text: 'Clause' }, 'e');
    // Both sponsors type at the start and the end of the paragraph as the accept goes in.
    const typing = (async () => {
      for (let i = 0; i < 10; i++) {
        typeInto(editor.doc, 3, 0, 'a');
        const run = (second.doc.getXmlFragment('prosemirror').get(3) as Y.XmlElement).get(0) as Y.XmlText;
        run.insert(run.length, 'z');
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await server.collab.applyProposal(draftId, proposal, null, await userOf(users.observer.id));
    await typing;
    const want = `${'a'.repeat(10)}Clause 3.${'z'.repeat(10)}`;
    await until(() => paragraphText(editor.doc, 'p3') === want && paragraphText(second.doc, 'p3') === want, 5_000, 'both editors converge');
    expect(await server.collab.readWorkingDoc(draftId, (doc) => paragraphText(doc, 'p3'))).toBe(want);
  });

  it('refuses a proposal whose quoted words the sponsor changed (409 proposal_stale), storing nothing', async () => {
    const started = await startWithEditor(3);
    server = started.server;
    const { draftId, users, editor } = started;
    cleanup.push(() => editor.provider.destroy());
    const proposal = await table(draftId, { kind: 'delete_words', paragraphId: 'p1', words: 'Paragraph' }, 'c');
    // The sponsor types inside the quoted words.
    typeInto(editor.doc, 1, 4, 'X');
    await until(async () => (await server.collab.readWorkingDoc(draftId, (doc) => paragraphText(doc, 'p1'))) === 'ParaXgraph 1.', 5_000, 'edit stored');
    const before = await server.store.lastSeq(draftId);
    const refused = await server.collab.applyProposal(draftId, proposal, null, await userOf(users.observer.id)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ id: ErrorIds.proposalStale });
    expect(String((refused as Error).message)).toContain('ParaXgraph');
    expect(await server.store.lastSeq(draftId)).toBe(before);
  });

  it("refuses a proposal on a paragraph the chair locked (422, the chair's reason), and the next accept elsewhere still applies", async () => {
    const started = await startWithEditor(3);
    server = started.server;
    const { draftId, users, editor } = started;
    cleanup.push(() => editor.provider.destroy());
    const proposer = await userOf(users.observer.id);
    const locked = await table(draftId, { kind: 'insert_words', paragraphId: 'p2', position: 'end', text: 'locked words' }, 'l');
    const free = await table(draftId, { kind: 'insert_words', paragraphId: 'p1', position: 'end', text: 'free words' }, 'f');
    await recordParagraphState(server.store, {
      draftId,
      actor: { id: users.secretariat.id, role: 'secretariat', delegationId: null },
      paragraphId: 'p2',
      state: 'agreed',
      locked: true,
    });
    await server.collab.refreshAccess(draftId);
    const before = await server.store.lastSeq(draftId);
    const refused = await server.collab.applyProposal(draftId, locked, null, proposer).catch((e: unknown) => e);
    expect(refused).toMatchObject({ id: ErrorIds.refused });
    expect(String((refused as Error).message)).toContain('locked by the chair');
    expect(await server.store.lastSeq(draftId)).toBe(before);
    await server.collab.applyProposal(draftId, free, null, proposer);
    await until(() => paragraphText(editor.doc, 'p1') === 'Paragraph 1. free words', 5_000, 'the other accept relayed');
    expect(paragraphText(editor.doc, 'p2')).toBe('Paragraph 2.');
  });

  it('refuses on a frozen draft, storing nothing', async () => {
    const started = await startWithEditor(2);
    server = started.server;
    const { draftId, users, editor } = started;
    cleanup.push(() => editor.provider.destroy());
    const proposal = await table(draftId, { kind: 'insert_words', paragraphId: 'p1', position: 'end', text: 'Done' }, 'd');
    await server.store.appendDraftEvent({ draftId, type: 'frozen', payload: { hash: 'h' }, userId: null });
    await server.collab.refreshAccess(draftId);
    const before = await server.store.lastSeq(draftId);
    await expect(server.collab.applyProposal(draftId, proposal, null, await userOf(users.observer.id))).rejects.toBeInstanceOf(DraftFrozen);
    expect(await server.store.lastSeq(draftId)).toBe(before);
  });
});
