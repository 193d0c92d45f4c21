/**
 * The demo seed, against a real store: SQLite in a temp dir, and PostgreSQL in a database of
 * this file's own (skipped with a printed reason when PostgreSQL is not there, failing instead
 * when PENHOLDER_REQUIRE_POSTGRES=1). The facts checked are the report's: nine drafts, their
 * sponsors, their lineage and the action taken; and what the report does not give (the texts
 * before the last, the words of L.10/Rev.2's oral amendment, the original language) is marked
 * as not in the record rather than made up.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusLabel, type DraftEvent, type DraftStatus } from '../../../shared/lifecycle';
import { textFromJSON } from '../../../shared/schema';
import { splitAtIssue, sponsorsAsOf } from '../../../shared/sponsorship';
import { verifyPassword } from '../../../server/auth/passwords';
import { DEMO_ACCOUNTS, demoPassword } from '../../../server/demo/accounts';
import { DEMO_DELEGATIONS } from '../../../server/demo/delegations';
import { codeOfSponsor } from '../../../server/demo/planSponsorship';
import { loadDraftText, loadSessionFacts } from '../../../server/demo/sessionFacts';
import { finalText } from '../../../server/commands/freezer';
import { numberOf, oralAmendmentsOf, RecordTypes } from '../../../server/commands/meetingRecord';
import { statusOfRecord } from '../../../server/readModels/draftStatus';
import { loadDraftAccess } from '../../../server/readModels/draftAccess';
import { workingTextNow } from '../../../server/commands/revisionIssuer';
import { ILLUSTRATIVE_PREFIX } from '../../../server/demo/illustrative';
import { compareTexts } from '../../../shared/compare';
import { bracketsInText } from '../../../shared/negotiation';
import { mayEditText } from '../../../shared/policy';
import { sessionEntries } from '../../../server/commands/sessionRecorder';
import type { StatementEntry, VoteEntry } from '../../../shared/meetingRecord';
import { countVote } from '../../../shared/votes';
import { importPlainText } from '../../../shared/importText';
import { validateOralAmendment } from '../../../shared/oralAmendments';
import { canonicalTextJSON, textHash } from '../../../shared/canonical';
import { DemoAlreadySeeded, seedDemo, type DemoAccount } from '../../../server/demo/seed';
import { openStore } from '../../../server/storage';
import type { DelegationRow, DraftEventRow, DraftRow, RecordRepos, RevisionRow, SessionRow, Store } from '../../../server/storage/types';
import { createTestDatabase, postgresGate, type TestDatabase } from '../../helpers/postgres';

const gate = await postgresGate('demo/seed.test');

const facts = JSON.parse(readFileSync(new URL('../../../server/demo/fixtures/cop11-session.json', import.meta.url), 'utf8')) as {
  drafts: { symbol: string; text: string; mainSponsor?: { en: string }; sponsors?: { en: string }[]; action: { type: string; orallyAmended?: boolean } }[];
};
const PREFIX = 'CTOC/COP/2022';

async function sqliteStore(): Promise<{ store: Store; done(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'penholder-demo-'));
  const store = await openStore({ dataDir: dir });
  return {
    store,
    done: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** What the seeded store holds, read once per backend. */
interface Seeded {
  accounts: DemoAccount[];
  session: SessionRow;
  delegations: DelegationRow[];
  drafts: Map<string, { draft: DraftRow; revisions: RevisionRow[]; events: DraftEventRow[]; status: DraftStatus }>;
}

const statusOf = statusOfRecord;

/** The provenance notes of a record (the `provenance` entries), in order. */
function provenanceOf(rows: readonly DraftEventRow[]): { kind: string; symbol: string | null; note: { en: string; zh: string } | null }[] {
  return rows.filter((r) => r.type === 'provenance').map((r) => r.payload as { kind: string; symbol: string | null; note: { en: string; zh: string } | null });
}

async function readSeeded(store: Store, accounts: DemoAccount[]): Promise<Seeded> {
  const session = (await store.listSessions()).find((s) => s.symbolPrefix === PREFIX)!;
  const drafts: Seeded['drafts'] = new Map();
  for (const draft of await store.listDrafts(session.id)) {
    const revisions = (await store.listRevisions(draft.id)).sort((a, b) => a.revision - b.revision);
    const events = await store.listDraftEvents(draft.id);
    drafts.set(revisions.at(-1)!.symbol, { draft, revisions, events, status: statusOf(events) });
  }
  return { accounts, session, delegations: await store.listDelegations(), drafts };
}

function seedSuite(kind: 'sqlite' | 'postgres', open: () => Promise<{ store: Store; done(): Promise<void> }>) {
  let store: Store;
  let done: () => Promise<void>;
  let seeded: Seeded;
  const code = (id: string) => seeded.delegations.find((d) => d.id === id)?.code;
  const idOf = (c: string) => seeded.delegations.find((d) => d.code === c)!.id;
  const draft = (symbol: string) => seeded.drafts.get(`${PREFIX}/${symbol}`)!;

  beforeAll(async () => {
    ({ store, done } = await open());
    seeded = await readSeeded(store, await seedDemo(store, { passwords: 'fixed' }));
  });
  afterAll(async () => done?.());

  it('creates the body and its eleventh session', async () => {
    expect(seeded.session).toMatchObject({ number: 11, place: 'Vienna', opens: '2022-10-17', closes: '2022-10-21' });
    const body = await store.getBody(seeded.session.bodyId);
    expect(body?.name.zh).toBe('联合国打击跨国有组织犯罪公约缔约方会议');
    expect(body?.name.en).toMatch(/^Conference of the Parties to the United Nations Convention against Transnational Organized Crime$/);
  });

  it('creates the nine drafts under the symbols the session acted on', () => {
    expect([...seeded.drafts.keys()].sort()).toEqual(facts.drafts.map((d) => d.symbol).sort());
    expect(seeded.drafts.size).toBe(9);
    for (const [symbol, { draft: d }] of seeded.drafts) {
      expect(symbol).toContain(`/L.${d.lNumber}`);
      expect(d.language).toBe('zh');
      expect(d.title.en).not.toBe('');
    }
    expect(draft('L.4').draft.submittedBy?.en).toBe('Chair of the Working Group on International Cooperation');
    expect(draft('L.9/Rev.1').draft).toMatchObject({ kind: 'decision', agendaItem: '2(a)' });
  });

  it('issues every text of each lineage, with the hash of its text', () => {
    expect(draft('L.7/Rev.2').revisions.map((r) => r.symbol)).toEqual([`${PREFIX}/L.7`, `${PREFIX}/L.7/Rev.1`, `${PREFIX}/L.7/Rev.2`]);
    expect(draft('L.4').revisions.map((r) => r.revision)).toEqual([0]);
    for (const { revisions, events } of seeded.drafts.values()) {
      const issued = events.filter((e) => e.type === 'issued').map((e) => e.payload.symbol);
      expect(issued).toEqual(revisions.map((r) => r.symbol));
      for (const r of revisions) {
        const node = textFromJSON(r.text);
        expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(createHash('sha256').update(canonicalTextJSON(node)).digest('hex')).toBe(r.hash);
        expect(textHash(node)).toBe(r.hash);
      }
    }
  });

  it('stores the printed text as the last of each lineage, and no text for the earlier ones: they are marked not in the record', async () => {
    const all = await loadSessionFacts();
    let earlier = 0;
    for (const f of all.drafts) {
      const { revisions, events } = seeded.drafts.get(f.symbol)!;
      const notes = provenanceOf(events);
      const printed = importPlainText(await loadDraftText(f));
      if (!printed.ok) throw new Error(printed.error);
      const last = revisions.at(-1)!;
      expect(last.symbol).toBe(f.symbol);
      // The printed text (paragraph ids are drawn at import, so the words and the paragraphs are compared).
      const stored = textFromJSON(last.text);
      expect(stored.textContent, f.symbol).toBe(printed.value.doc.textContent);
      expect(stored.childCount, f.symbol).toBe(printed.value.doc.childCount);
      expect(notes.filter((n) => n.kind === 'printed_version').map((n) => n.symbol)).toEqual([f.symbol]);
      for (const r of revisions.slice(0, -1)) {
        earlier++;
        // Empty: a title with no words and no paragraph, never a copy of the final text.
        expect(textFromJSON(r.text).childCount, r.symbol).toBe(1);
        expect(textFromJSON(r.text).textContent, r.symbol).toBe('');
        expect(r.hash).not.toBe(last.hash);
        expect(r.sponsorIds, r.symbol).toEqual([]);
      }
      const notInRecord = notes.filter((n) => n.kind === 'text_not_in_record');
      expect(notInRecord.map((n) => n.symbol)).toEqual(revisions.slice(0, -1).map((r) => r.symbol));
      for (const n of notInRecord) expect(n.note?.en).toMatch(/is not in the record/);
    }
    // L.6, L.7, L.7/Rev.1, L.8, L.8/Rev.1, L.9, L.10, L.10/Rev.1, L.2, L.3.
    expect(earlier).toBe(10);
  });

  it('marks every draft as the Chinese version printed in the report, its original language not in the record', () => {
    for (const [symbol, { events }] of seeded.drafts) {
      const notes = provenanceOf(events);
      expect(
        notes.filter((n) => n.kind === 'original_language_not_in_record'),
        symbol,
      ).toEqual([{ kind: 'original_language_not_in_record', symbol: null, note: expect.objectContaining({ en: expect.stringMatching(/not in the record/) }) }]);
      // The English title is the demo's rendering of the Chinese one, and says so.
      expect(notes.find((n) => n.kind === 'original_language_not_in_record')!.note?.en, symbol).toMatch(/English title is the demo's rendering of the Chinese title/);
      const printed = notes.find((n) => n.kind === 'printed_version')!;
      expect(printed.note?.en, symbol).toMatch(/^Chinese version/);
      expect(printed.note?.zh, symbol).toMatch(/^中文本|的中文本/);
      // The date stored for the issue is said to be a placeholder: the report dates no issue.
      expect(printed.note?.en, symbol).toMatch(/date of issue is not in the record/);
      expect(notes.some((n) => n.kind === 'illustrative')).toBe(false);
    }
    expect(provenanceOf(draft('L.9/Rev.1').events).find((n) => n.kind === 'printed_version')?.note?.en).toMatch(/annex to the report/);
    expect(provenanceOf(draft('L.8/Rev.2').events).find((n) => n.kind === 'printed_version')?.note?.en).toMatch(/resolution 11\/5/);
  });

  it('dates every issue, placeholder as it is, within the session', () => {
    for (const { revisions } of seeded.drafts.values()) {
      for (const r of revisions) {
        expect(r.issuedAt.slice(0, 10) >= seeded.session.opens && r.issuedAt.slice(0, 10) <= seeded.session.closes, r.symbol).toBe(true);
      }
    }
  });

  it('derives L.9/Rev.1 as deferred by its sponsors, no action taken, annexed to the report; no draft recorded as introduced', () => {
    const { status } = draft('L.9/Rev.1');
    expect(status.state).toBe('deferred');
    expect(status.finalAction).toMatchObject({ type: 'deferred', decidedBy: 'sponsors', noAction: true, annexedToReport: true, meeting: 11, date: '2022-10-21' });
    // The report records no introduction of any draft.
    for (const { status: s, events } of seeded.drafts.values()) {
      expect(s.introduction).toBeNull();
      expect(events.some((e) => e.type === 'introduced')).toBe(false);
    }
  });

  it("records L.10/Rev.2's oral amendment as made and accepted, its words not in the record", () => {
    const { events, revisions } = draft('L.10/Rev.2');
    const last = revisions.at(-1)!;
    const amendments = oralAmendmentsOf(events, last.revision);
    expect(amendments).toHaveLength(1);
    expect(amendments[0]!.payload).toMatchObject({ symbol: last.symbol, revision: 2, meeting: 10, amendment: { kind: 'words_not_in_record', paragraphId: '', accepted: true } });
    expect(validateOralAmendment(amendments[0]!.payload.amendment).ok).toBe(true);
    // Recorded before the adoption it was part of.
    const adoptedSeq = events.find((e) => e.type === 'adopted')!.seq;
    expect(amendments[0]!.seq).toBeLessThan(adoptedSeq);
    // The printed text is said to be the text as adopted, the issued one not in the record.
    expect(provenanceOf(events).find((n) => n.kind === 'printed_version')?.note?.en).toMatch(/as adopted, orally amended.*not in the record/);
    // No other draft has an oral amendment: the report records none.
    for (const [symbol, d] of seeded.drafts)
      if (symbol !== last.symbol)
        expect(
          d.events.some((e) => e.type === RecordTypes.oralAmendment),
          symbol,
        ).toBe(false);
  });

  it('freezes every draft acted on, on the hash of its final text', async () => {
    for (const [symbol, { draft: d, revisions, events, status }] of seeded.drafts) {
      expect(status.isFinal, symbol).toBe(true);
      expect(status.frozen, symbol).toBe(true);
      // The final text as the secretariat's freeze computes it from the record.
      const final = await finalText(store, d.id, events, revisions);
      expect(status.frozenHash, symbol).toBe(final.hash);
      expect(final.symbol).toBe(symbol);
      expect(status.frozenHash).toBe(revisions.at(-1)!.hash);
    }
    expect((await finalText(store, draft('L.10/Rev.2').draft.id, draft('L.10/Rev.2').events, draft('L.10/Rev.2').revisions)).label).toMatch(/as orally amended$/);
  });

  it('derives L.10/Rev.2 as adopted as orally amended at the 10th meeting, becoming resolution 11/6', () => {
    const { status } = draft('L.10/Rev.2');
    expect(status.state).toBe('adopted');
    expect(status.finalAction).toMatchObject({ meeting: 10, orallyAmended: true, vote: { kind: 'without_vote' }, becomes: { kind: 'resolution', number: '11/6' } });
    expect(statusLabel(status, 'en')).toBe('adopted as orally amended');
  });

  it('derives the other drafts as adopted without a vote, numbered as the report numbers them', () => {
    const becomes = [...seeded.drafts.values()].flatMap(({ status }) => {
      const a = status.finalAction as Extract<DraftEvent, { type: 'adopted' }> | null;
      return a?.type === 'adopted' ? [`${a.becomes?.kind} ${a.becomes?.number}`] : [];
    });
    expect(becomes.sort()).toEqual(['decision 11/1', 'decision 11/2', ...[1, 2, 3, 4, 5, 6].map((n) => `resolution 11/${n}`)]);
    expect(draft('L.4').status.finalAction).toMatchObject({ orallyAmended: false, vote: { kind: 'without_vote' } });
    // Numbered as the secretariat numbers a text: a `numbered` entry, its number claimed in the session.
    for (const [symbol, { events, status }] of seeded.drafts) {
      const a = status.finalAction as Extract<DraftEvent, { type: 'adopted' }>;
      const numbered = events.filter((e) => e.type === RecordTypes.number);
      expect(numbered.length, symbol).toBe(a.type === 'adopted' ? 1 : 0);
      if (a.type === 'adopted') expect(numberOf(events)).toEqual(a.becomes);
    }
  });

  it('claims each number in the session, so that the next one suggested follows them', async () => {
    await expect(store.claimTextNumber(seeded.session.id, 'resolution', '11/5', draft('L.4').draft.id)).rejects.toThrow();
  });

  it('gives L.7/Rev.2 its 14 sponsors, the State of Palestine among them, none named main sponsor', async () => {
    const { draft: d, revisions } = draft('L.7/Rev.2');
    const list = sponsorsAsOf(await store.listSponsorshipEvents(d.id));
    expect(list.main).toBeNull();
    expect(list.coSponsors).toHaveLength(14);
    expect(revisions.at(-1)!.sponsorIds).toHaveLength(14);
    expect(revisions.at(-1)!.sponsorIds).toContain(idOf('PSE'));
    expect(seeded.delegations.find((x) => x.code === 'PSE')).toMatchObject({ kind: 'observer', name: { en: 'State of Palestine', zh: '巴勒斯坦国' } });
  });

  it('keeps the 13 sponsors of L.9 at issue apart from the 3 who joined later', async () => {
    const { draft: d, revisions } = draft('L.9/Rev.1');
    const events = await store.listSponsorshipEvents(d.id);
    const rev1 = revisions.at(-1)!;
    expect(rev1.sponsorIds).toHaveLength(13);
    expect(rev1.sponsorIds.map(code)[0]).toBe('CHL');
    const split = splitAtIssue(events, { date: rev1.issuedAt.slice(0, 10) });
    expect(split.atIssue.map((s) => s.delegationId)).toEqual(rev1.sponsorIds);
    expect(split.joinedAfter.map((s) => code(s.delegationId))).toEqual(['CAN', 'ECU', 'GTM']);
    expect(split.joinedAfter.every((s) => s.since === '2022-10-21')).toBe(true);
    expect(events.find((e) => code(e.delegationId) === 'EU')?.onBehalfOf?.en).toBe('also on behalf of its member States');
  });

  it('names a main sponsor only where the report does: Chile for L.9/Rev.1', async () => {
    const list = sponsorsAsOf(await store.listSponsorshipEvents(draft('L.4').draft.id));
    expect(list.main).toBeNull();
    expect(list.coSponsors.map((s) => code(s.delegationId))).toEqual(['GBR', 'USA']);
    const mains = new Map<string, string | undefined>();
    for (const [symbol, { draft: d }] of seeded.drafts) {
      const main = sponsorsAsOf(await store.listSponsorshipEvents(d.id)).main;
      mains.set(symbol, main ? code(main.delegationId) : undefined);
    }
    const named = facts.drafts.filter((f) => f.mainSponsor).map((f) => [f.symbol, codeOfSponsor(f.mainSponsor!)]);
    expect(named).toEqual([[`${PREFIX}/L.9/Rev.1`, 'CHL']]);
    expect([...mains].filter(([, c]) => c !== undefined)).toEqual(named);
  });

  it('keeps each delegation once whatever name the report gives it, and has non-sponsors too', async () => {
    expect(seeded.delegations.filter((d) => d.code === 'GBR')).toHaveLength(1);
    // English and Chinese from the fixtures, the other four CLDR's (test/server/demo/cldrNames.test.ts).
    expect(seeded.delegations.find((d) => d.code === 'GBR')!.name).toEqual({
      ar: 'المملكة المتحدة',
      en: 'United Kingdom',
      es: 'Reino Unido',
      fr: 'Royaume-Uni',
      ru: 'Великобритания',
      zh: '联合王国',
    });
    expect(seeded.delegations.find((d) => d.code === 'EU')!.kind).toBe('regional');
    expect(new Set(seeded.delegations.map((d) => d.name.en)).size).toBe(seeded.delegations.length);
    const sponsoring = new Set<string>();
    for (const { draft: d } of seeded.drafts.values()) {
      for (const e of await store.listSponsorshipEvents(d.id)) sponsoring.add(code(e.delegationId)!);
    }
    expect(sponsoring.has('GBR') && sponsoring.has('USA')).toBe(true);
    const nonSponsors = seeded.delegations.map((d) => d.code).filter((c) => !sponsoring.has(c));
    expect(nonSponsors.sort()).toEqual(['ARM', 'AZE', 'CHN', 'CUB', 'DEU', 'IND', 'NGA', 'RUS', 'SYR']);
  });

  it('lets every account sign in with its password, as who it says', async () => {
    expect(seeded.accounts.map((a) => a.login)).toContain('chile@demo.penholder');
    for (const a of seeded.accounts) {
      const user = await store.getUserByLogin(a.login);
      expect(user, a.login).not.toBeNull();
      expect(await verifyPassword(a.password, user!.passwordHash), a.login).toBe(true);
      expect(await verifyPassword(`${a.password}x`, user!.passwordHash)).toBe(false);
      expect(user).toMatchObject({ role: a.role, displayName: a.displayName, active: true });
      const delegation = user!.delegationId === null ? null : seeded.delegations.find((d) => d.id === user!.delegationId)!.name.en;
      expect(delegation).toBe(a.delegation);
    }
    expect(seeded.accounts.map((a) => a.role).sort()).toEqual(['chair', 'delegate', 'delegate', 'delegate', 'delegate', 'delegate', 'delegate', 'delegate', 'secretariat']);
  });

  it("makes the chair account chair the illustrative draft's consultations, and none of the session's: the report does not say who chaired them", async () => {
    const chair = await store.getUserByLogin('chair@demo.penholder');
    for (const { draft: d } of seeded.drafts.values()) expect(d.chairUserId).toBeNull();
    const illustrative = (await store.listSessions()).find((x) => x.symbolPrefix === ILLUSTRATIVE_PREFIX)!;
    const [d] = await store.listDrafts(illustrative.id);
    expect(d!.chairUserId).toBe(chair!.id);
  });

  it('writes no working text: the update log stays empty', async () => {
    for (const { draft: d } of seeded.drafts.values()) {
      expect(await store.lastSeq(d.id)).toBe(0);
      expect(await store.latestCheckpoint(d.id)).toBeNull();
    }
  });

  it('refuses to seed twice, and changes nothing', async () => {
    const users = await store.countUsers();
    const sessions = await store.listSessions();
    await expect(seedDemo(store, { passwords: 'fixed' })).rejects.toThrow(DemoAlreadySeeded);
    await expect(seedDemo(store)).rejects.toThrow(/already in the store/);
    expect(await store.countUsers()).toBe(users);
    // The session and the illustrative one beside it, nothing more.
    expect(await store.listSessions()).toEqual(sessions);
    expect(sessions.map((x) => x.symbolPrefix)).toEqual([PREFIX, ILLUSTRATIVE_PREFIX]);
    expect(await store.listDrafts(seeded.session.id)).toHaveLength(9);
  });

  describe('the session record', () => {
    const speakerCodes = (s: StatementEntry) => s.speakers.map((x) => ('delegationId' in x ? code(x.delegationId) : x.officer.en));
    const votes = async () => (await sessionEntries(store, seeded.session.id)).filter((r) => r.entry.kind === 'vote') as { seq: number; entry: VoteEntry }[];
    const statements = async () => (await sessionEntries(store, seeded.session.id)).filter((r) => r.entry.kind === 'statement') as { seq: number; entry: StatementEntry }[];

    it('holds the three recorded votes of the 2nd meeting, counted as the report counts them', async () => {
      const v = await votes();
      expect(v.map((x) => [x.entry.meeting, x.entry.date, x.entry.subject, x.entry.draftId])).toEqual(Array(3).fill([2, '2022-10-17', 'procedural', null]));
      expect(v.map((x) => [x.entry.yes, x.entry.no, x.entry.abstain, x.entry.majority])).toEqual([
        [63, 15, 25, 'two-thirds'],
        [59, 12, 30, 'simple'],
        [58, 7, 34, 'simple'],
      ]);
      const counted = v.map((x) => {
        const c = countVote(x.entry, { twoThirds: x.entry.twoThirds ?? undefined });
        if (!c.ok) throw new Error(c.error);
        return [c.value.presentAndVoting, c.value.required, c.value.carried];
      });
      expect(counted).toEqual([
        [78, 53, true],
        [71, 36, true],
        [65, 33, true],
      ]);
      // The rules as the report cites them (paras. 15, 17, 19): the third cites none.
      expect(v.map((x) => [x.entry.rulesRecalled, x.entry.votedUnder, x.entry.majorityUnder])).toEqual([
        [[57, 61, 63, 64, 65], [61], [63]],
        [[], [], [63]],
        [[], [], []],
      ]);
    });

    it('holds the explanations of vote after each, speakers in the order the report names them', async () => {
      const v = await votes();
      const explained = (await statements()).filter((s) => s.entry.statement === 'explanation_of_vote');
      expect(explained.every((s) => s.entry.timing === 'after' && s.entry.meeting === 2)).toBe(true);
      expect(explained.map((s) => [v.findIndex((x) => x.seq === s.entry.voteSeq), speakerCodes(s.entry)])).toEqual([
        [0, ['RUS']],
        [0, ['EU']],
        [1, ['CHN', 'EU', 'USA', 'RUS', 'CUB']],
        [2, ['AZE', 'ARM', 'EU', 'SYR', 'RUS']],
      ]);
      // Para. 18 names the United States in its long form.
      expect(explained[2]!.entry.speakers[2]).toMatchObject({ asNamed: { zh: '美利坚合众国' } });
    });

    it("holds Chile's statement on L.9/Rev.1, the President's conclusion on it, and his word on L.3/Rev.1's financial implications", async () => {
      const s = (await statements()).filter((x) => x.entry.meeting === 11);
      const l9 = draft('L.9/Rev.1').draft.id;
      const l3 = draft('L.3/Rev.1').draft.id;
      expect(s.map((x) => [x.entry.statement, x.entry.draftId, speakerCodes(x.entry)])).toEqual([
        ['explanation_of_position', l9, ['CHL']],
        ['chair_conclusion', l9, ['President']],
        ['budget_implications', l3, ['President']],
      ]);
      expect(s[0]!.entry.summary?.zh).toContain('42个共同提案国');
      expect(s[1]!.entry.accepted).toBe(true);
      // No financial implications: the statement has no words of its own.
      expect(s[2]!.entry.summary).toBeNull();
      // None is an introduction: the report records none.
      expect((await statements()).some((x) => x.entry.statement === 'introduction')).toBe(false);
    });

    it("records the report's wording of L.2/Rev.1 and L.3/Rev.1", () => {
      const details = (symbol: string) =>
        draft(symbol)
          .events.filter((e) => e.type === RecordTypes.reportDetails)
          .map((e) => e.payload);
      expect(details('L.2/Rev.1')).toEqual([expect.objectContaining({ describedAs: expect.objectContaining({ zh: '缔约方会议第十二届会议临时议程' }) })]);
      expect((details('L.2/Rev.1')[0] as { remarks: { en: string } }).remarks.en).toContain('14 to 18 October 2024');
      expect(details('L.3/Rev.1')).toEqual([{ describedAs: expect.objectContaining({ en: 'the organization of work for its twelfth session' }), remarks: null }]);
      expect(details('L.4')).toEqual([]);
    });
  });

  describe('the illustrative draft', () => {
    let d: DraftRow;
    let revisions: RevisionRow[];
    let events: DraftEventRow[];
    beforeAll(async () => {
      const session = (await store.listSessions()).find((x) => x.symbolPrefix === ILLUSTRATIVE_PREFIX)!;
      [d] = (await store.listDrafts(session.id)) as [DraftRow];
      revisions = (await store.listRevisions(d.id)).sort((a, b) => a.revision - b.revision);
      events = await store.listDraftEvents(d.id);
    });

    it('stands in a session and a body of its own, both named illustrative, its title saying so', async () => {
      const session = (await store.getSession(d.sessionId))!;
      expect(session.id).not.toBe(seeded.session.id);
      expect(session.title.en).toMatch(/^Illustrative/);
      expect((await store.getBody(session.bodyId))!.name.en).toMatch(/^Illustrative .*not a real body/);
      expect(d.title.en).toMatch(/^Illustrative draft \(not a real text\)/);
      expect(d.title.zh).toMatch(/^示例草案/);
      expect(textFromJSON(revisions[0]!.text).firstChild!.textContent).toMatch(/^Illustrative draft/);
      expect(revisions.map((r) => r.symbol)).toEqual(['ILLUSTRATIVE/L.1', 'ILLUSTRATIVE/L.1/Rev.1']);
    });

    it('carries the illustrative note on the whole draft, and no note of the real record', () => {
      expect(provenanceOf(events)).toEqual([
        // The pages put "Illustrative — not part of any session's record" before the note: the note does not repeat it.
        { kind: 'illustrative', symbol: null, note: expect.objectContaining({ en: expect.stringMatching(/^a text written for the demo, in English/) }) },
      ]);
    });

    it('is in negotiation: issued twice, not acted on, not frozen', () => {
      const status = statusOf(events);
      expect(status).toMatchObject({ state: 'revised', revision: 1, isFinal: false, frozen: false, finalAction: null });
    });

    it('has an original and a Rev.1 that really differ: reworded, inserted, deleted and moved paragraphs', () => {
      const { counts } = compareTexts(revisions[0]!.text, revisions[1]!.text);
      expect(counts.changed).toBeGreaterThanOrEqual(2);
      expect(counts.inserted).toBe(1);
      expect(counts.deleted).toBe(1);
      expect(counts.moved + counts['moved-and-changed']).toBeGreaterThanOrEqual(1);
      expect(revisions[0]!.hash).not.toBe(revisions[1]!.hash);
      for (const r of revisions) expect(textHash(textFromJSON(r.text))).toBe(r.hash);
    });

    it("has a working text after Rev.1, typed by the main sponsor's delegate, with a bracketed passage and alternatives", async () => {
      // Rev.1, Chile's typing, and the proposal Chile accepted (illustrativeWorkflow.ts), written under the United States' delegate.
      expect(await store.lastSeq(d.id)).toBe(3);
      const working = await workingTextNow(store, d.id);
      const { counts } = compareTexts(revisions[1]!.text, working);
      expect(counts.changed).toBe(2);
      expect(counts.inserted + counts.deleted).toBe(0);
      const brackets = bracketsInText(working);
      if (!brackets.ok) throw new Error(brackets.error);
      const passages = brackets.value.flatMap((b) => b.passages);
      expect(passages.length).toBe(2);
      expect(passages.some((p) => p.alternatives.length === 2)).toBe(true);
      const [, typed] = await store.listUpdates(d.id, 0);
      const chile = await store.getUserByLogin('chile@demo.penholder');
      expect(typed).toMatchObject({ seq: 2, userId: chile!.id, delegationId: idOf('CHL') });
      const usa = await store.getUserByLogin('usa@demo.penholder');
      expect((await store.listUpdates(d.id, 2))[0]).toMatchObject({ seq: 3, userId: usa!.id, delegationId: idOf('USA') });
    });

    it("is sponsored by the demo's sponsor delegations, Chile first, so that their delegates may edit it", async () => {
      const list = sponsorsAsOf(await store.listSponsorshipEvents(d.id));
      expect(code(list.main!.delegationId)).toBe('CHL');
      expect(list.coSponsors.map((s) => code(s.delegationId)).sort()).toEqual(['EU', 'MEX', 'USA']);
      expect(revisions.every((r) => r.sponsorIds.map(code).join() === 'CHL,MEX,USA,EU')).toBe(true);
      for (const login of ['chile', 'mexico', 'usa', 'eu', 'china', 'germany']) {
        const user = (await store.getUserByLogin(`${login}@demo.penholder`))!;
        const access = (await loadDraftAccess(store, d.id))!.access;
        expect(mayEditText({ id: user.id, role: user.role, delegationId: user.delegationId }, access).ok, login).toBe(!['china', 'germany'].includes(login));
      }
    });
  });

  it(`runs on ${kind}`, () => expect(store.kind).toBe(kind));
}

describe('seedDemo on SQLite', () => seedSuite('sqlite', sqliteStore));

describe.skipIf(!gate.run)('seedDemo on PostgreSQL', () => {
  let db: TestDatabase | undefined;
  seedSuite('postgres', async () => {
    db = await createTestDatabase('penholder_demo');
    const store = await openStore({ dataDir: '', databaseUrl: db.url });
    return {
      store,
      done: async () => {
        await store.close();
        await db?.drop();
      },
    };
  });
});

describe('seedDemo, whole or not at all', () => {
  it('chooses random readable passwords per install by default', async () => {
    const { store, done } = await sqliteStore();
    try {
      const accounts = await seedDemo(store);
      for (const a of accounts) {
        expect(a.password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
        expect(await verifyPassword(a.password, (await store.getUserByLogin(a.login))!.passwordHash)).toBe(true);
      }
      expect(new Set(accounts.map((a) => a.password)).size).toBe(accounts.length);
      for (const spec of DEMO_ACCOUNTS) expect(demoPassword(spec, 'random')).not.toBe(demoPassword(spec, 'random'));
    } finally {
      await done();
    }
  });

  it('writes nothing when a write fails half-way', async () => {
    const { store, done } = await sqliteStore();
    try {
      let revisions = 0;
      // A store whose fifth revision cannot be written: the transaction must roll back whole.
      const failing = new Proxy(store, {
        get(target, key) {
          if (key !== 'transaction') return Reflect.get(target, key, target);
          return (fn: (tx: RecordRepos) => Promise<unknown>) =>
            target.transaction((tx) =>
              fn(
                new Proxy(tx, {
                  get(inner, k) {
                    if (k !== 'createRevision') return Reflect.get(inner, k, inner);
                    return (r: Parameters<RecordRepos['createRevision']>[0]) => {
                      if (++revisions === 5) throw new Error('disk full');
                      return inner.createRevision(r);
                    };
                  },
                }),
              ),
            );
        },
      });
      await expect(seedDemo(failing, { passwords: 'fixed' })).rejects.toThrow('disk full');
      expect(await store.listSessions()).toEqual([]);
      expect(await store.countUsers()).toBe(0);
      expect(await store.listDelegations()).toEqual([]);
      expect((await seedDemo(store, { passwords: 'fixed' })).length).toBe(DEMO_ACCOUNTS.length);
    } finally {
      await done();
    }
  });

  it('knows every sponsor the fixtures name', () => {
    for (const d of facts.drafts) for (const s of d.sponsors ?? []) expect(DEMO_DELEGATIONS.map((x) => x.code)).toContain(codeOfSponsor(s));
    expect(() => codeOfSponsor({ en: 'Atlantis' })).toThrow(/Atlantis/);
  });
});
