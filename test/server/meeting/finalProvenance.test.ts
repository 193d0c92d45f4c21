/**
 * Provenance notes: read back from the record, matched to the issued text they are about (full or
 * short symbol), shown by the revision presenter (`textInRecord`) and on the drafts list and page
 * (an illustrative draft says so).
 */
import { describe, expect, it } from 'vitest';
import { isAbout, provenanceOf, RecordTypes, textNotInRecord, type ProvenancePayload } from '../../../server/commands/meetingRecord';
import { presentRevision, presentRevisionSummary } from '../../../server/presenters/revision';
import type { DraftEventRow, DraftRow, RevisionRow } from '../../../server/storage/types';
import { describeOnBackends } from '../http/backends';
import { meetingWorld } from './helpers';

const row = (seq: number, type: string, payload: Record<string, unknown>): DraftEventRow =>
  ({ draftId: 'd', seq, type, payload, userId: null, at: `2022-10-2${seq}T10:00:00.000Z` }) as DraftEventRow;

describe('provenanceOf and textNotInRecord', () => {
  const rows = [
    row(3, RecordTypes.provenance, { kind: 'printed_version', symbol: null, note: { en: 'Chinese version as printed in the report', zh: '报告所载中文本' } }),
    row(1, 'issued', { symbol: 'CTOC/COP/2022/L.10', revision: 0 }),
    row(2, RecordTypes.provenance, { kind: 'text_not_in_record', symbol: 'L.10', note: null }),
  ];

  it('reads the notes in the order recorded, and nothing else of the record', () => {
    expect(provenanceOf(rows)).toEqual([
      { kind: 'text_not_in_record', symbol: 'L.10', note: null },
      { kind: 'printed_version', symbol: null, note: { en: 'Chinese version as printed in the report', zh: '报告所载中文本' } },
    ]);
    expect(provenanceOf([rows[1]!])).toEqual([]);
  });

  it('matches a note to its text by the full symbol or the part after the prefix, never to a longer symbol', () => {
    const notes = provenanceOf(rows);
    expect(textNotInRecord(notes, 'CTOC/COP/2022/L.10')).toBe(true);
    expect(textNotInRecord(notes, 'CTOC/COP/2022/L.10/Rev.1')).toBe(false);
    expect(textNotInRecord(notes, 'CTOC/COP/2022/L.1')).toBe(false);
    expect(textNotInRecord(notes, 'CTOC/COP/2022/L.110')).toBe(false);
    const full: ProvenancePayload = { kind: 'text_not_in_record', symbol: 'CTOC/COP/2022/L.10/Rev.1', note: null };
    expect(isAbout(full, 'CTOC/COP/2022/L.10/Rev.1')).toBe(true);
    expect(isAbout({ ...full, symbol: null }, 'CTOC/COP/2022/L.10/Rev.1')).toBe(false);
    // A note of another kind says nothing about whether the text is known.
    expect(textNotInRecord([{ ...full, kind: 'original_language_not_in_record' }], 'CTOC/COP/2022/L.10/Rev.1')).toBe(false);
  });
});

describe('the revision presenter', () => {
  const draft = { language: 'zh' } as DraftRow;
  const revision = {
    symbol: 'CTOC/COP/2022/L.10',
    revision: 0,
    hash: 'h0',
    sponsorIds: [],
    issuedAt: '2022-10-17T10:00:00.000Z',
    issuedBy: null,
    text: { type: 'doc' },
  } as unknown as RevisionRow;
  const notInRecord: ProvenancePayload[] = [{ kind: 'text_not_in_record', symbol: 'L.10', note: null }];

  it('says whether the record holds the text, and then gives no hash or text of the empty row', () => {
    expect(presentRevisionSummary(revision, draft, new Map())).toMatchObject({ textInRecord: true, hash: 'h0' });
    expect(presentRevisionSummary(revision, draft, new Map(), [], notInRecord)).toMatchObject({ textInRecord: false, hash: null });
    expect(presentRevision(revision, draft, new Map(), new Map(), [], notInRecord)).toMatchObject({ textInRecord: false, hash: null, text: null });
    expect(presentRevision(revision, draft, new Map(), new Map())).toMatchObject({ textInRecord: true, text: { type: 'doc' } });
  });
});

await describeOnBackends('an illustrative draft', ({ server }) => {
  it('is marked so on the drafts list and its page, once the secretariat says so', async () => {
    const w = await meetingWorld(server());
    const listed = async () => (await w.api('nonSponsor', 'GET', `/api/sessions/${w.session.id}/drafts`)).body.find((d: { id: string }) => d.id === w.draft.id);
    expect((await listed()).illustrative).toBe(false);
    const note = { en: 'Illustrative — not part of any session’s record', zh: '示例——不属于任何届会的记录' };
    expect((await w.api('chair', 'POST', w.draftPath('/provenance'), { kind: 'illustrative', symbol: null, note })).status).toBe(403);
    expect((await w.api('secretariat', 'POST', w.draftPath('/provenance'), { kind: 'made_up', symbol: null })).status).toBe(400);
    const made = await w.api('secretariat', 'POST', w.draftPath('/provenance'), { kind: 'illustrative', symbol: null, note });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(await listed()).toMatchObject({ illustrative: true, provenance: [{ kind: 'illustrative', symbol: null, note }] });
    const page = await w.api('nonSponsor', 'GET', w.draftPath());
    expect(page.body).toMatchObject({ illustrative: true, provenance: [{ kind: 'illustrative', symbol: null, note }] });
    expect((await w.api('secretariat', 'POST', w.draftPath('/provenance'), { kind: 'illustrative', symbol: null, note })).status).toBe(409);
  });
});
