/**
 * The demo's plans without a store: what the plan does with a fact of the fixtures it is given,
 * whatever the draft (not only the drafts of the eleventh session), and what it refuses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIllustrativeFacts, planIllustrative } from '../../../server/demo/illustrative';
import { planDraft } from '../../../server/demo/plan';
import { isPlannedEvent, type PlannedEntry } from '../../../server/demo/planRecord';
import { loadDraftText, loadSessionFacts, type DraftFacts, type SessionFacts } from '../../../server/demo/sessionFacts';
import { planSessionRecord } from '../../../server/demo/sessionRecord';
import { textHash } from '../../../shared/canonical';
import { textFromJSON } from '../../../shared/schema';

let facts: SessionFacts;
let l4: DraftFacts;
let l4Text: string;
beforeAll(async () => {
  facts = await loadSessionFacts();
  l4 = facts.drafts.find((d) => d.symbol === 'CTOC/COP/2022/L.4')!;
  l4Text = await loadDraftText(l4);
});

const entries = (record: ReturnType<typeof planDraft>['record'], type: string) =>
  record.filter((r): r is PlannedEntry => !isPlannedEvent(r) && r.entry.type === type).map((r) => r.entry.payload);

describe('planDraft', () => {
  it('issues every text of a lineage the symbol implies, the earlier ones empty and marked not in the record', async () => {
    const l7 = facts.drafts.find((d) => d.symbol === 'CTOC/COP/2022/L.7/Rev.2')!;
    const plan = planDraft(l7, await loadDraftText(l7));
    expect(plan.revisions.map((r) => [r.symbol, r.textInRecord])).toEqual([
      ['CTOC/COP/2022/L.7', false],
      ['CTOC/COP/2022/L.7/Rev.1', false],
      ['CTOC/COP/2022/L.7/Rev.2', true],
    ]);
    for (const r of plan.revisions.slice(0, 2)) expect(textFromJSON(r.text).textContent).toBe('');
    expect(textFromJSON(plan.revisions[2]!.text).textContent).not.toBe('');
    expect(entries(plan.record, 'provenance').map((p) => [p.kind, p.symbol])).toEqual([
      ['text_not_in_record', 'CTOC/COP/2022/L.7'],
      ['text_not_in_record', 'CTOC/COP/2022/L.7/Rev.1'],
      ['printed_version', 'CTOC/COP/2022/L.7/Rev.2'],
      ['original_language_not_in_record', null],
    ]);
  });

  it('records an oral amendment with its words not in the record wherever the fixture says "orallyAmended", and freezes the text it leaves', () => {
    const plain = planDraft(l4, l4Text);
    expect(entries(plain.record, 'oral_amendment')).toEqual([]);
    const amended = planDraft({ ...l4, action: { ...l4.action, orallyAmended: true } as DraftFacts['action'] }, l4Text);
    expect(entries(amended.record, 'oral_amendment')).toEqual([
      { symbol: 'CTOC/COP/2022/L.4', revision: 0, meeting: 11, amendment: expect.objectContaining({ kind: 'words_not_in_record', accepted: true }) },
    ]);
    const last = amended.revisions.at(-1)!;
    expect(amended.finalHash).toBe(textHash(textFromJSON(last.text)));
    expect(amended.events.at(-1)!.event).toEqual({ type: 'frozen', hash: amended.finalHash });
    expect(amended.status).toMatchObject({ state: 'adopted', frozen: true, frozenHash: amended.finalHash });
    expect(entries(amended.record, 'provenance').find((p) => p.kind === 'printed_version')!.note).toMatchObject({ en: expect.stringMatching(/orally amended/) });
  });

  it('names a main sponsor only when the fixture does', () => {
    expect(planDraft(l4, l4Text).sponsorship.map((s) => s.type)).toEqual(['join', 'join']);
    const named = planDraft({ ...l4, mainSponsor: { en: 'United States', zh: '美国' } }, l4Text);
    expect(named.sponsorship.map((s) => [s.code, s.type])).toEqual([
      ['USA', 'main'],
      ['GBR', 'join'],
    ]);
  });

  it('refuses an action outside the session', () => {
    expect(() => planDraft(l4, l4Text, { opens: '2022-10-22', closes: '2022-10-28' })).toThrow(/outside the session/);
  });
});

describe('planSessionRecord', () => {
  it('plans the three votes and their explanations from the fixture', () => {
    const planned = planSessionRecord(facts);
    expect(planned.filter((p) => p.kind === 'vote').map((p) => [p.entry.yes, p.entry.no, p.entry.abstain, p.entry.majority, p.entry.twoThirds])).toEqual([
      [63, 15, 25, 'two-thirds', 'more-than'],
      [59, 12, 30, 'simple', null],
      [58, 7, 34, 'simple', null],
    ]);
  });

  it("refuses a fixture whose counts are not the report's", () => {
    const votes = facts.recordedVotes!.map((v, i) => (i === 1 ? { ...v, yes: 60 } : v));
    expect(() => planSessionRecord({ ...facts, recordedVotes: votes })).toThrow(/recorded vote 2 .*not the report's/);
    expect(() => planSessionRecord({ ...facts, recordedVotes: votes.slice(0, 2) })).toThrow(/3 recorded votes/);
  });
});

describe('planIllustrative', () => {
  it('dates the draft from the seeding day and refuses a Rev.1 that does not differ from the original', async () => {
    const f = await loadIllustrativeFacts();
    const plan = planIllustrative(f, new Date('2030-03-10T12:00:00Z'));
    expect(plan.session).toMatchObject({ symbolPrefix: 'ILLUSTRATIVE', opens: '2030-03-08', closes: '2030-03-12' });
    expect(plan.revisions.map((r) => r.issuedAt.slice(0, 10))).toEqual(['2030-03-08', '2030-03-09']);
    expect(() => planIllustrative({ ...f, texts: { ...f.texts, rev1: f.texts.original } }, new Date())).toThrow(/the same text/);
    expect(() => planIllustrative({ ...f, sponsors: { main: 'ATL', co: [] } }, new Date())).toThrow(/ATL/);
  });
});
