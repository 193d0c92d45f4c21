/**
 * The final text over HTTP: an oral amendment recorded by its printed paragraph number, the
 * draft adopted as orally amended and frozen; then the amended words are what the draft's page
 * names, what `?text=final` reads, and what every export (Word, Akoma Ntoso, plain text) carries
 * by default and with `?text=amended:<symbol>` — while the issued text keeps the words read out
 * against it. Also: an unknown paragraph number, an amendment whose words are not in the record,
 * and a text the record says it does not hold.
 */
import JSZip from 'jszip';
import { beforeEach, expect, it } from 'vitest';
import { textHash } from '../../../shared/canonical';
import { WORDS_NOT_IN_RECORD } from '../../../shared/oralAmendments';
import { FINAL_ACTION_TEXT_REFUSAL, FROZEN_EDIT_REFUSAL } from '../../../shared/policy';
import { describeOnBackends } from '../http/backends';
import { snapshot } from '../http/snapshot';
import { adoptedWithoutVote, meetingWorld, type MeetingWorld } from './helpers';

const AMENDED = 'at its thirteenth session';
const ISSUED = 'at its twelfth session';

await describeOnBackends('the final text', ({ server }) => {
  let w: MeetingWorld;
  beforeEach(async () => {
    w = await meetingWorld(server());
  });

  /** An export's bytes as the nonSponsor downloads it, and what it says in words. */
  async function exported(format: 'docx' | 'akn.xml' | 'txt', text?: string): Promise<{ status: number; words: string }> {
    const query = text === undefined ? '' : `?text=${encodeURIComponent(text)}`;
    const res = await fetch(`${server().url}${w.draftPath(`/export.${format}`)}${query}`, { headers: { cookie: w.as.nonSponsor.cookie } });
    const bytes = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200 || format !== 'docx') return { status: res.status, words: bytes.toString('utf8') };
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    // The words of the runs, joined: a phrase may be split across runs.
    return { status: 200, words: [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('') };
  }

  it('shows the text as orally amended on the page, by ?text=final and in every export, by default and as amended:<symbol>', async () => {
    expect((await w.issue()).status).toBe(201);
    const made = await w.amend({ paragraph: 'op 2', kind: 'replace_words', words: 'twelfth', text: 'thirteenth', proposedBy: w.delegations.other.id, accepted: true });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ paragraph: 'OP 2', described: 'OP 2: replace "twelfth" with "thirteenth"', amendment: { paragraphId: 'op2' } });

    // Before final action there is no final text, and the working text may still change.
    let page = await w.api('nonSponsor', 'GET', w.draftPath());
    expect([page.body.finalText, page.body.textReadOnly]).toEqual([null, null]);
    const early = await w.api('nonSponsor', 'GET', w.draftPath('/text?text=final'));
    expect([early.status, early.body.error.id]).toEqual([409, 'no_final_text']);
    expect((await exported('txt')).words).toContain(ISSUED); // the latest issued text by default

    expect((await w.record('adopted', { ...adoptedWithoutVote, orallyAmended: true })).status).toBe(201);
    page = await w.api('nonSponsor', 'GET', w.draftPath());
    const label = `${w.short()} as orally amended`;
    expect(page.body.finalText).toEqual({ spec: 'final', symbol: `${w.session.symbolPrefix}/${w.short()}`, label, hash: expect.any(String), asOrallyAmended: true });
    expect(page.body.textReadOnly).toEqual({ reason: 'final_action', message: FINAL_ACTION_TEXT_REFUSAL });
    expect(page.body.permissions.editText).toEqual({ allowed: false, reason: FINAL_ACTION_TEXT_REFUSAL });
    const hashBeforeFreeze = page.body.finalText.hash;

    const frozen = await w.api('secretariat', 'POST', w.draftPath('/freeze'), {});
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);
    page = await w.api('nonSponsor', 'GET', w.draftPath());
    // The freeze locked the text the page named, and its hash.
    expect(frozen.body.status.frozenHash).toBe(hashBeforeFreeze);
    expect(page.body.finalText).toMatchObject({ label, hash: hashBeforeFreeze, asOrallyAmended: true });
    expect(page.body.textReadOnly).toEqual({ reason: 'frozen', message: FROZEN_EDIT_REFUSAL });

    const final = await w.api('nonSponsor', 'GET', w.draftPath('/text?text=final'));
    expect(final.status, JSON.stringify(final.body)).toBe(200);
    expect(final.body).toMatchObject({ spec: 'final', state: 'amended', label, hash: hashBeforeFreeze });
    expect(textHash(final.body.doc)).toBe(hashBeforeFreeze);
    expect(JSON.stringify(final.body.doc)).toContain(AMENDED);
    expect(JSON.stringify(final.body.doc)).not.toContain(ISSUED);
    const byAmended = await w.api('nonSponsor', 'GET', w.draftPath(`/text?text=${encodeURIComponent(`amended:${w.short()}`)}`));
    expect(byAmended.body).toMatchObject({ state: 'amended', hash: hashBeforeFreeze });
    // The comparison names it the same way: the issued text against the final one differs in OP 2 only.
    const compared = await w.api('nonSponsor', 'GET', w.draftPath(`/compare?left=${encodeURIComponent(w.short())}&right=final`));
    expect(compared.status, JSON.stringify(compared.body)).toBe(200);
    expect(compared.body.paragraphs.filter((p: { status: string }) => p.status !== 'unchanged').map((p: { label: string }) => p.label)).toEqual(['OP 2']);

    for (const format of ['docx', 'akn.xml', 'txt'] as const) {
      for (const text of [undefined, `amended:${w.short()}`, 'final']) {
        const got = await exported(format, text);
        expect(got.status, `${format} ${text}`).toBe(200);
        expect(got.words, `${format} ${text}`).toContain(AMENDED);
        expect(got.words, `${format} ${text}`).not.toContain(ISSUED);
      }
      // The issued text, asked for by its symbol, is still the one the amendment was read out against.
      const issued = await exported(format, w.short());
      expect(issued.words, format).toContain(ISSUED);
      expect(issued.words, format).not.toContain(AMENDED);
    }
    for (const bad of ['amended:', 'L.1 Rev.1', 'seq:x']) {
      const res = await w.api('nonSponsor', 'GET', w.draftPath(`/export.txt?text=${encodeURIComponent(bad)}`));
      expect([res.status, res.body.error.id], bad).toEqual([400, 'validation_failed']);
    }
  });

  it('is the issued text itself, labelled by its symbol, when no amendment was accepted', async () => {
    await w.issue();
    expect((await w.amend({ paragraph: 'OP 2', kind: 'replace_words', words: 'twelfth', text: 'thirteenth', proposedBy: null, accepted: false })).status).toBe(201);
    await w.record('adopted', adoptedWithoutVote);
    const page = await w.api('nonSponsor', 'GET', w.draftPath());
    const issued = await w.api('nonSponsor', 'GET', w.draftPath('/revisions/0'));
    expect(page.body.finalText).toEqual({ spec: 'final', symbol: issued.body.symbol, label: w.short(), hash: issued.body.hash, asOrallyAmended: false });
    expect((await w.api('secretariat', 'POST', w.draftPath('/freeze'), {})).body.status.frozenHash).toBe(issued.body.hash);
    expect((await exported('txt')).words).toContain(ISSUED);
  });

  it('refuses a paragraph number the issued text does not print, naming those it does; stores nothing', async () => {
    await w.issue();
    const before = await snapshot(server().store);
    const unknown = await w.amend({ paragraph: 'OP 9', kind: 'delete_words', words: 'twelfth', proposedBy: null, accepted: true });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toEqual({
      id: 'unknown_paragraph',
      message: `${w.session.symbolPrefix}/${w.short()}: there is no paragraph "OP 9" in the text: its paragraphs are PP 1, OP 1, OP 2, OP 3`,
      details: { field: 'paragraph', label: 'OP 9' },
    });
    const both = await w.amend({ paragraph: 'OP 2', paragraphId: 'op2', kind: 'delete_words', words: 'twelfth', proposedBy: null, accepted: true });
    expect([both.status, both.body.error.id]).toEqual([400, 'validation_failed']);
    const wrongWords = await w.amend({ paragraph: 'OP 1', kind: 'delete_words', words: 'twelfth', proposedBy: null, accepted: true });
    expect([wrongWords.status, wrongWords.body.error.message]).toEqual([422, 'oral amendment 1 cannot apply to OP 1 (paragraph op1): the words "twelfth" are not in it']);
    // Each refusal names the field a form shows it beside.
    expect(wrongWords.body.error.details).toEqual({ field: 'words' });
    const noText = await w.amend({ paragraph: 'OP 2', kind: 'replace_words', words: 'twelfth', proposedBy: null, accepted: true });
    expect([noText.status, noText.body.error.details]).toEqual([400, { field: 'text' }]);
    const badPosition = await w.amend({ paragraphId: 'op2', kind: 'insert_words', position: 'inside', text: 'x', proposedBy: null, accepted: true });
    expect([badPosition.status, badPosition.body.error.details]).toEqual([400, { field: 'position' }]);
    expect((await w.amend({ paragraph: 3, kind: 'delete_paragraph', proposedBy: null, accepted: true })).status).toBe(400);
    expect(await snapshot(server().store)).toEqual(before);
  });

  it('records an oral amendment whose words are not in the record: made, accepted, no change to the text', async () => {
    await w.issue();
    const made = await w.amend({ kind: 'words_not_in_record', proposedBy: null, accepted: true });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ paragraph: null, described: WORDS_NOT_IN_RECORD, amendment: { kind: 'words_not_in_record', paragraphId: '' } });
    const events = await w.api('nonSponsor', 'GET', w.draftPath('/events'));
    expect(events.body.find((e: { type: string }) => e.type === 'oral_amendment')).toMatchObject({ described: WORDS_NOT_IN_RECORD });
    await w.record('adopted', { ...adoptedWithoutVote, orallyAmended: true });
    const page = await w.api('nonSponsor', 'GET', w.draftPath());
    const issued = await w.api('nonSponsor', 'GET', w.draftPath('/revisions/0'));
    // "As orally amended", truly, and the words of the issued text: the record does not say what changed.
    expect(page.body.finalText).toMatchObject({ label: `${w.short()} as orally amended`, asOrallyAmended: true, hash: issued.body.hash });
  });

  it('refuses to show a text the record says it does not hold, on every path; the later text shows', async () => {
    // L.1 recorded as issued with an empty stored text, as the demo stores a revision whose text the report does not give; then Rev.1.
    const store = server().store;
    const empty = { type: 'doc', content: [{ type: 'title', content: [{ type: 'text', text: 'Strengthening international cooperation' }] }] };
    const l1 = `${w.session.symbolPrefix}/${w.short()}`;
    await store.createRevision({
      draftId: w.draft.id,
      symbol: l1,
      revision: 0,
      text: empty,
      hash: textHash(empty),
      sponsorIds: [],
      issuedAt: new Date().toISOString(),
      issuedBy: null,
    });
    await store.appendDraftEvent({ draftId: w.draft.id, type: 'issued', payload: { symbol: l1, revision: 0 }, userId: null });
    const rev1 = await w.issue(`${w.short()}/Rev.1`);
    expect(rev1.status, JSON.stringify(rev1.body)).toBe(201);

    const note = (body: unknown, who: 'secretariat' | 'sponsor' = 'secretariat') => w.api(who, 'POST', w.draftPath('/provenance'), body);
    expect((await note({ kind: 'text_not_in_record', symbol: w.short() }, 'sponsor')).status).toBe(403);
    expect((await note({ kind: 'text_not_in_record', symbol: 'L.77' })).status).toBe(404);
    expect((await note({ kind: 'text_not_in_record', symbol: null })).status).toBe(422);
    const holdsIt = await note({ kind: 'text_not_in_record', symbol: `${w.short()}/Rev.1` });
    expect([holdsIt.status, holdsIt.body.error.message]).toEqual([
      422,
      `the record holds the text of ${w.session.symbolPrefix}/${w.short()}/Rev.1: it cannot be marked as not in the record`,
    ]);
    const recorded = await note({ kind: 'text_not_in_record', symbol: w.short() });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body).toMatchObject({ kind: 'text_not_in_record', symbol: `${w.session.symbolPrefix}/${w.short()}`, note: null });
    expect((await note({ kind: 'text_not_in_record', symbol: w.short() })).status).toBe(409);
    const printed = { en: 'Chinese version as printed in the report', zh: '报告所载中文本' };
    expect((await note({ kind: 'printed_version', symbol: null, note: printed })).status).toBe(201);

    const refusal = { id: 'text_not_in_record', message: `the text of ${w.short()} is not in the record` };
    const text = await w.api('nonSponsor', 'GET', w.draftPath(`/text?text=${encodeURIComponent(w.short())}`));
    expect([text.status, text.body.error]).toEqual([404, refusal]);
    const compared = await w.api('nonSponsor', 'GET', w.draftPath(`/compare?left=${encodeURIComponent(w.short())}&right=${encodeURIComponent(`${w.short()}/Rev.1`)}`));
    expect([compared.status, compared.body.error]).toEqual([404, refusal]);
    const exportedIt = await w.api('nonSponsor', 'GET', w.draftPath(`/export.txt?text=${encodeURIComponent(w.short())}`));
    expect([exportedIt.status, exportedIt.body.error]).toEqual([404, refusal]);
    expect((await w.api('nonSponsor', 'GET', w.draftPath(`/text?text=${encodeURIComponent(`${w.short()}/Rev.1`)}`))).status).toBe(200);

    const page = await w.api('nonSponsor', 'GET', w.draftPath());
    expect(page.body.lineage.map((l: { textInRecord: boolean; hash: string | null }) => [l.textInRecord, l.hash === null])).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(page.body.provenance).toEqual([
      { kind: 'text_not_in_record', symbol: `${w.session.symbolPrefix}/${w.short()}`, note: null },
      { kind: 'printed_version', symbol: null, note: printed },
    ]);
    expect(page.body.illustrative).toBe(false);

    // Adopted and frozen: the final text is Rev.1, which the record holds; no note can be added to a frozen draft.
    await w.record('adopted', adoptedWithoutVote);
    expect((await w.api('secretariat', 'POST', w.draftPath('/freeze'), {})).status).toBe(201);
    expect((await w.api('nonSponsor', 'GET', w.draftPath('/text?text=final'))).body).toMatchObject({ state: 'issued', label: `${w.short()}/Rev.1` });
    expect((await note({ kind: 'illustrative', symbol: null })).status).toBe(403);
  });

  it('records against a text not in the record only that an amendment was made, and the final text stays unknown', async () => {
    const store = server().store;
    const empty = { type: 'doc', content: [{ type: 'title', content: [{ type: 'text', text: 'T' }] }] };
    const l1 = `${w.session.symbolPrefix}/${w.short()}`;
    await store.createRevision({
      draftId: w.draft.id,
      symbol: l1,
      revision: 0,
      text: empty,
      hash: textHash(empty),
      sponsorIds: [],
      issuedAt: new Date().toISOString(),
      issuedBy: null,
    });
    await store.appendDraftEvent({ draftId: w.draft.id, type: 'issued', payload: { symbol: l1, revision: 0 }, userId: null });
    expect((await w.api('secretariat', 'POST', w.draftPath('/provenance'), { kind: 'text_not_in_record', symbol: w.short() })).status).toBe(201);

    const words = await w.amend({ paragraphId: 'op2', kind: 'replace_words', words: 'twelfth', text: 'thirteenth', proposedBy: null, accepted: true });
    expect([words.status, words.body.error.id]).toEqual([404, 'text_not_in_record']);
    const byLabel = await w.amend({ paragraph: 'OP 2', kind: 'delete_paragraph', proposedBy: null, accepted: true });
    expect([byLabel.status, byLabel.body.error.id]).toEqual([404, 'text_not_in_record']);
    expect((await w.amend({ kind: 'words_not_in_record', proposedBy: null, accepted: true })).status).toBe(201);
    await w.record('adopted', { ...adoptedWithoutVote, orallyAmended: true });
    expect((await w.api('nonSponsor', 'GET', w.draftPath())).body.finalText).toBeNull();
    const final = await w.api('nonSponsor', 'GET', w.draftPath('/text?text=final'));
    expect([final.status, final.body.error]).toEqual([404, { id: 'text_not_in_record', message: `the text of ${w.short()} is not in the record` }]);
    // Nothing to lock: the freeze is refused rather than hashing the empty row.
    expect((await w.api('secretariat', 'POST', w.draftPath('/freeze'), {})).status).toBe(404);
  });
});
