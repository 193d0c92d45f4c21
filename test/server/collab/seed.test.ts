/** A draft opened for the first time starts from its latest issued text, written once into the log. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedWorkingText } from '../../../server/collab/seed';
import { textHash } from '../../../shared/canonical';
import { doc, op, pp, title } from '../../builders';
import { connect, seedDraft, startCollabServer, synced, textJSON, type CollabServer } from '../../helpers/collab';

let server: CollabServer;

beforeAll(async () => {
  server = await startCollabServer();
});

afterAll(async () => {
  await server.close();
});

const issued = doc(title('Strengthening cooperation'), pp('Recalling its resolution 10/4,'), op('Decides to continue its work;'), op('Requests a report.'));

async function draftWithRevisions(revisions: number): Promise<{ draftId: string; token: string }> {
  const { draftId, users } = await seedDraft(server.store);
  for (let r = 0; r < revisions; r++) {
    const text = r === revisions - 1 ? issued : doc(title(`Earlier text ${r}`), op('Decides.'));
    await server.store.createRevision({
      draftId,
      symbol: `X/${draftId}/L.1${r ? `/Rev.${r}` : ''}`,
      revision: r,
      text: text.toJSON(),
      hash: textHash(text),
      sponsorIds: [],
      issuedAt: new Date().toISOString(),
      issuedBy: users.secretariat.id,
    });
  }
  return { draftId, token: users.sponsor.token };
}

describe('the working text of a draft nobody has edited', () => {
  it('opens on the latest issued text, stored once as the first update of the log', async () => {
    const { draftId, token } = await draftWithRevisions(2);
    const a = connect(server.wsUrl, draftId, token);
    const b = connect(server.wsUrl, draftId, token);
    try {
      await Promise.all([synced(a.provider), synced(b.provider)]);
      expect(textHash(textJSON(a.doc))).toBe(textHash(issued));
      expect(textJSON(b.doc)).toEqual(textJSON(a.doc));
      const log = await server.store.listUpdates(draftId);
      expect(log.map((u) => u.seq)).toEqual([1]);
    } finally {
      a.provider.destroy();
      b.provider.destroy();
    }
  });

  it('is written by one writer only when several race for it', async () => {
    const { draftId } = await draftWithRevisions(1);
    const wrote = await Promise.all(Array.from({ length: 5 }, () => seedWorkingText(server.store, draftId)));
    expect(wrote.filter(Boolean)).toHaveLength(1);
    expect(await server.store.lastSeq(draftId)).toBe(1);
  });

  it('leaves alone a draft with no issued text, and one whose log already has content', async () => {
    const { draftId } = await draftWithRevisions(0);
    expect(await seedWorkingText(server.store, draftId)).toBe(false);
    expect(await server.store.lastSeq(draftId)).toBe(0);
    const second = await draftWithRevisions(1);
    expect(await seedWorkingText(server.store, second.draftId)).toBe(true);
    expect(await seedWorkingText(server.store, second.draftId)).toBe(false);
    expect(await server.store.lastSeq(second.draftId)).toBe(1);
  });

  it('shows a draft frozen before its log had any update, from memory, storing nothing', async () => {
    // Frozen by a version that did not write the issued text into the log before freezing.
    const { draftId, token } = await draftWithRevisions(1);
    await server.store.appendDraftEvent({ draftId, type: 'frozen', payload: { hash: textHash(issued) }, userId: null });
    expect(await seedWorkingText(server.store, draftId)).toBe(false);
    const a = connect(server.wsUrl, draftId, token);
    try {
      await synced(a.provider);
      expect(textHash(textJSON(a.doc))).toBe(textHash(issued));
      // Read-only: an edit is refused and the log stays empty.
      a.doc.getXmlFragment('prosemirror').insert(0, [new Y.XmlText('late')]);
      await new Promise((r) => setTimeout(r, 300));
      expect(await server.store.lastSeq(draftId)).toBe(0);
    } finally {
      a.provider.destroy();
    }
  });
});
