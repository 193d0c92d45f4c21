/**
 * The comparison names who made each change and when, where the history knows it: comparing an
 * issued text with the working text, each changed paragraph carries the delegations that wrote
 * its new words after the issue (from the update log), with the time of the last; unchanged
 * paragraphs carry nothing, and nor does a comparison of two issued texts.
 */
import { beforeEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadDoc } from '../../../server/collab/registry';
import type { Store } from '../../../server/storage/types';
import { FRAGMENT } from '../../helpers/collab';
import { describeOnBackends } from '../http/backends';
import { meetingWorld, type MeetingWorld } from './helpers';

// Type `words` at the end of the paragraph with `id`, as `by` would: one update appended to the log.
async function typeInto(store: Store, draftId: string, id: string, words: string, by: { userId: string; delegationId: string | null }): Promise<void> {
  const { doc } = await loadDoc(store, draftId);
  const before = Y.encodeStateVector(doc);
  const block = doc
    .getXmlFragment(FRAGMENT)
    .toArray()
    .find((b) => b instanceof Y.XmlElement && b.getAttribute('id') === id) as Y.XmlElement;
  const text = block.toArray().find((c) => c instanceof Y.XmlText) as Y.XmlText;
  text.insert(text.length, words);
  await store.appendUpdates([{ draftId, update: Y.encodeStateAsUpdate(doc, before), userId: by.userId, delegationId: by.delegationId }]);
  doc.destroy();
}

await describeOnBackends('who made each change', ({ server }) => {
  let w: MeetingWorld;
  beforeEach(async () => {
    w = await meetingWorld(server());
  });

  it('names the delegation that wrote a changed paragraph after the issue, and when', async () => {
    expect((await w.issue()).status).toBe(201);
    const main = { userId: w.users.sponsor.id, delegationId: w.delegations.main.id };
    const other = { userId: w.users.nonSponsor.id, delegationId: w.delegations.other.id };
    await typeInto(server().store, w.draft.id, 'op2', ' and to report again', main);
    await typeInto(server().store, w.draft.id, 'op3', ' and observers', other);
    await typeInto(server().store, w.draft.id, 'op2', ' in writing', other);

    const res = await w.api('chair', 'GET', w.draftPath(`/compare?left=${encodeURIComponent(w.short())}&right=working`));
    expect(res.status).toBe(200);
    const row = (id: string) => res.body.paragraphs.find((p: { right?: { id: string } }) => p.right?.id === id);
    expect(row('op1').status).toBe('unchanged');
    expect(row('op1').by).toBeUndefined();
    const log = await server().store.listUpdates(w.draft.id);
    // Newest writer first, each with the characters it wrote since the issue and the time of its last.
    expect(row('op2').by).toEqual([
      { delegationId: w.delegations.other.id, name: w.delegations.other.name.en, chars: ' in writing'.length, at: log.at(-1)!.at },
      { delegationId: w.delegations.main.id, name: w.delegations.main.name.en, chars: ' and to report again'.length, at: log.at(-3)!.at },
    ]);
    expect(row('op3').by).toEqual([{ delegationId: w.delegations.other.id, name: w.delegations.other.name.en, chars: ' and observers'.length, at: log.at(-2)!.at }]);

    // Two issued texts: the history does not say who wrote an issued text.
    expect((await w.issue(`${w.short()}/Rev.1`)).status).toBe(201);
    const issued = await w.api('chair', 'GET', w.draftPath(`/compare?left=${encodeURIComponent(w.short())}&right=${encodeURIComponent(`${w.short()}/Rev.1`)}`));
    expect(issued.body.paragraphs.some((p: { by?: unknown }) => p.by !== undefined)).toBe(false);
  });
});
