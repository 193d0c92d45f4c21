/**
 * freezeDraft against edits committing at the same time from another writer (the SQLite writer
 * thread; on PostgreSQL a second store, as another instance has): the hash it records is of the
 * text the log holds for good — no edit lands between reading the text and recording the freeze,
 * and none after it. A draft never opened in the editor gets its working text before the log closes.
 */
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { textHash } from '../../../shared/canonical';
import { freezeDraft } from '../../../server/commands/freezer';
import { recordDraftEvent } from '../../../server/commands/eventRecorder';
import { workingTextNow } from '../../../server/commands/revisionIssuer';
import { DraftFrozen, type Store } from '../../../server/storage/types';
import { seedWorkingText } from '../../../server/collab/seed';
import { loadDoc } from '../../../server/collab/registry';
import { FRAGMENT, seedText, typeInto, until } from '../../helpers/collab';
import { makeWorld } from '../../helpers/factories';
import { describeOnStores } from './stores';

/** A writer typing into the working text as fast as its store commits, until the log refuses it. */
function typist(store: Store, draftId: string, base: Uint8Array, name: string): { stored: () => number; done: Promise<unknown> } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  let stored = 0;
  const done = (async () => {
    for (let n = 0; ; n++) {
      let update: Uint8Array | null = null;
      doc.once('update', (u: Uint8Array) => (update = u));
      typeInto(doc, 1, 0, `${name}${n} `);
      try {
        await store.appendUpdates([{ draftId, update: update!, userId: null, delegationId: null }]);
        stored++;
      } catch (e) {
        return e;
      }
    }
  })();
  return { stored: () => stored, done };
}

await describeOnStores('freezeDraft', ({ store, second }) => {
  it('records the hash of the text the log holds for good, while edits are committing', async () => {
    const w = await makeWorld(store());
    const draftId = w.draft.id;
    const start = new Y.Doc();
    seedText(start);
    const base = Y.encodeStateAsUpdate(start);
    await store().appendUpdates([{ draftId, update: base, userId: null, delegationId: null }]);
    // Withdrawn before any issue: the frozen hash is the working text's own.
    await recordDraftEvent(store(), { draftId, actor: w.users.secretariat, event: { type: 'withdrawn', date: '2022-10-21' } });

    const writer = second() ?? store();
    const typists = [typist(writer, draftId, base, 'a'), typist(writer, draftId, base, 'b')];
    await until(() => typists.every((t) => t.stored() >= 3), 5_000, 'both typists committing');
    const frozen = await freezeDraft(store(), { draftId, actor: w.users.secretariat, refreshAccess: async () => undefined });
    const lastAtFreeze = await store().lastSeq(draftId);

    const ended = await Promise.all(typists.map((t) => t.done));
    for (const e of ended) expect(e).toBeInstanceOf(DraftFrozen);
    expect(await store().lastSeq(draftId)).toBe(lastAtFreeze);
    expect(frozen.final.label).toBe('working text');
    expect(frozen.final.hash).toBe(textHash(await workingTextNow(store(), draftId)));
  });

  it('writes the working text of a draft never opened before closing its log, so that it still opens', async () => {
    const w = await makeWorld(store());
    const draftId = w.draft.id;
    const symbol = `${w.session.symbolPrefix}/L.1`;
    const text = { type: 'doc', content: [{ type: 'title', content: [{ type: 'text', text: 'Issued, never edited' }] }] };
    // Issued outside the collaboration server (an import of old records): the log is still empty.
    await store().createRevision({ draftId, symbol, revision: 0, text, hash: 'h', sponsorIds: [], issuedAt: '2022-10-20T10:00:00.000Z', issuedBy: w.users.secretariat.id });
    await recordDraftEvent(store(), { draftId, actor: w.users.secretariat, event: { type: 'issued', symbol, revision: 0 } });
    await recordDraftEvent(store(), { draftId, actor: w.users.secretariat, event: { type: 'withdrawn', date: '2022-10-21' } });
    expect(await store().lastSeq(draftId)).toBe(0);

    await freezeDraft(store(), { draftId, actor: w.users.secretariat, refreshAccess: async () => undefined });
    expect(await store().lastSeq(draftId)).toBe(1);
    // Opening it later loads that text and writes nothing (the log would refuse it).
    expect(await seedWorkingText(store(), draftId)).toBe(false);
    const { doc } = await loadDoc(store(), draftId);
    expect(doc.getXmlFragment(FRAGMENT).toString()).toContain('Issued, never edited');
  });
});
