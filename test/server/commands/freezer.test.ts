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
import { RecordTypes } from '../../../server/commands/meetingRecord';
import { recordOralAmendment } from '../../../server/commands/oralAmendmentRecorder';
import { loadDraftTexts, resolveText } from '../../../server/texts';
import { applyOralAmendments, type OralAmendment } from '../../../shared/oralAmendments';
import { doc, op, title } from '../../builders';
import type { World } from '../../helpers/factories';
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

  /** L.1 issued with three operative paragraphs (outside the editor, so the log holds nothing), then edited in the working text. */
  async function issuedWithEdits(w: World) {
    const draftId = w.draft.id;
    const symbol = `${w.session.symbolPrefix}/L.1`;
    const issued = doc(
      title('T'),
      op({ id: 'op1' }, 'Decides to continue its work;'),
      op({ id: 'op2' }, 'Requests a report at its twelfth session;'),
      op({ id: 'op3' }, 'Invites all States.'),
    );
    await store().createRevision({
      draftId,
      symbol,
      revision: 0,
      text: issued.toJSON(),
      hash: textHash(issued),
      sponsorIds: [],
      issuedAt: '2022-10-20T10:00:00.000Z',
      issuedBy: w.users.secretariat.id,
    });
    await recordDraftEvent(store(), { draftId, actor: w.users.secretariat, event: { type: 'issued', symbol, revision: 0 } });
    // Edits after the issue: the body acts on the issued document, so they are no part of the final text.
    await seedWorkingText(store(), draftId);
    const { doc: y } = await loadDoc(store(), draftId);
    let update: Uint8Array | null = null;
    y.once('update', (u: Uint8Array) => (update = u));
    typeInto(y, 1, 0, 'EDITED AFTER THE ISSUE ');
    await store().appendUpdates([{ draftId, update: update!, userId: null, delegationId: null }]);
    return { draftId, symbol, issued };
  }

  it('hashes the text the body acted on: accepted amendments applied, rejected ones and words not in the record change nothing, working edits left out', async () => {
    const w = await makeWorld(store());
    const { draftId, symbol, issued } = await issuedWithEdits(w);
    const amendments: OralAmendment[] = [
      { kind: 'replace_words', paragraphId: 'op2', words: 'twelfth', text: 'thirteenth', proposedBy: null, accepted: true },
      { kind: 'delete_paragraph', paragraphId: 'op3', proposedBy: null, accepted: false },
      { kind: 'words_not_in_record', paragraphId: '', proposedBy: null, accepted: true },
    ];
    for (const amendment of amendments) await recordOralAmendment(store(), { draftId, actor: w.users.secretariat, amendment });
    await recordDraftEvent(store(), {
      draftId,
      actor: w.users.secretariat,
      event: { type: 'adopted', meeting: 11, date: '2022-10-21', vote: { kind: 'without_vote' }, orallyAmended: true },
    });

    const frozen = await freezeDraft(store(), { draftId, actor: w.users.secretariat, refreshAccess: async () => undefined });
    const expected = applyOralAmendments(issued, amendments);
    if (!expected.ok) throw new Error(expected.error);
    expect(frozen.final).toEqual({ hash: textHash(expected.value), symbol, label: `${symbol} as orally amended`, amendments: 2 });
    expect(JSON.stringify(expected.value.toJSON())).toContain('thirteenth session');
    expect(JSON.stringify(expected.value.toJSON())).toContain('Invites all States');
    expect(frozen.final.hash).not.toBe(textHash(issued));
    expect(frozen.final.hash).not.toBe(textHash(await workingTextNow(store(), draftId)));
    // The same text `final` names for the page and the exports.
    const final = await resolveText(store(), await loadDraftTexts(store(), draftId), { kind: 'final' });
    expect([final.state, textHash(final.text)]).toEqual(['amended', frozen.final.hash]);
  });

  it('hashes the issued text itself when no amendment was accepted', async () => {
    const w = await makeWorld(store());
    const { draftId, symbol, issued } = await issuedWithEdits(w);
    await recordOralAmendment(store(), {
      draftId,
      actor: w.users.secretariat,
      amendment: { kind: 'delete_paragraph', paragraphId: 'op3', proposedBy: null, accepted: false },
    });
    await recordDraftEvent(store(), {
      draftId,
      actor: w.users.secretariat,
      event: { type: 'rejected', meeting: 11, date: '2022-10-21', vote: { kind: 'recorded', yes: 3, no: 40, abstain: 2, majority: 'simple' } },
    });
    const frozen = await freezeDraft(store(), { draftId, actor: w.users.secretariat, refreshAccess: async () => undefined });
    expect(frozen.final).toEqual({ hash: textHash(issued), symbol, label: symbol, amendments: 0 });
  });

  it('refuses to lock a text the record does not hold, recording nothing', async () => {
    const w = await makeWorld(store());
    const { draftId } = await issuedWithEdits(w);
    await store().appendDraftEvent({ draftId, type: RecordTypes.provenance, payload: { kind: 'text_not_in_record', symbol: 'L.1', note: null }, userId: null });
    await recordDraftEvent(store(), { draftId, actor: w.users.secretariat, event: { type: 'withdrawn', date: '2022-10-21' } });
    const before = await store().listDraftEvents(draftId);
    const refused = await freezeDraft(store(), { draftId, actor: w.users.secretariat, refreshAccess: async () => undefined }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ id: 'text_not_in_record', message: `the text of ${w.session.symbolPrefix}/L.1 is not in the record` });
    expect(await store().listDraftEvents(draftId)).toEqual(before);
  });
});
