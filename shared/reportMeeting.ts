/**
 * The report's paragraphs of a whole session, in the six languages: the action taken on each
 * draft (shared/reportParagraph.ts) woven, meeting by meeting, with what the session record
 * holds (shared/meetingRecord.ts) — recorded votes (shared/reportVote.ts), explanations of vote
 * and position, introductions, programme budget implications, the chair's conclusions
 * (shared/reportStatement.ts), corrections of vote.
 *
 * House style, from the report of the COP to UNTOC on its eleventh session (paras 15–20, 50,
 * 62, 142); where it is inconsistent we keep one form and the tests list the deviation:
 * - a draft's action stands after what came before it (its introduction, explanations before,
 *   votes on its amendments) and before what followed (explanations after, the chair's
 *   conclusion);
 * - a correction of vote follows its vote's paragraph and changes nothing in it;
 * - programme budget implications are a sentence after the draft's paragraph (para. 142);
 * - the chair's conclusion on a deferred draft is a paragraph of its own (para. 62), and the
 *   deferral's paragraph then stops at the deferral (para. 50).
 */
import type { Lang } from './delegations';
import type { SessionRecordEntry, StatementEntry, VoteCorrectionEntry, VoteEntry } from './meetingRecord';
import type { SessionReportContext } from './reportContext';
import type { ActionParagraphInput } from './reportActionFacts';
import { continuesFrom, finalAction, numberedParagraph, reportParagraph } from './reportParagraph';
import { budgetSentence, conclusionParagraph, explanationSentence, introductionParagraph } from './reportStatement';
import { type SeriesPosition, voteParagraph } from './reportVote';
import { fail, ok, type Result } from './result';

/** An entry of the session record with its seq. */
export interface RecordItem {
  seq: number;
  entry: SessionRecordEntry;
}

/** A draft of the session with what its paragraph is written from (it has one once acted on). */
export interface DraftItem {
  draftId: string;
  input: ActionParagraphInput;
}

/** One paragraph of the session's report, with what it was written from. */
export interface SessionParagraph {
  kind: 'action' | 'vote' | 'statement' | 'introduction' | 'conclusion';
  meeting: number | null;
  draftId: string | null;
  symbol: string | null;
  /** The seqs of the session record's entries it was written from (corrections and budget statements included). */
  seqs: number[];
  text: string;
}

// One unit of a meeting before it is written: a draft's action, a vote, a group of explanations, a statement.
type Unit =
  | { kind: 'action'; draft: DraftItem }
  | { kind: 'vote'; item: RecordItem & { entry: VoteEntry } }
  | { kind: 'explanations'; items: (RecordItem & { entry: StatementEntry })[] }
  | { kind: 'statement'; item: RecordItem & { entry: StatementEntry } };

const isExplanation = (e: SessionRecordEntry): e is StatementEntry =>
  e.kind === 'statement' && (e.statement === 'explanation_of_vote' || e.statement === 'explanation_of_position');
const sameExplanation = (a: StatementEntry, b: StatementEntry) => a.statement === b.statement && a.timing === b.timing && a.voteSeq === b.voteSeq && a.draftId === b.draftId;
// An entry that comes after the draft's action in the report: an explanation after, the chair's conclusion.
const afterAction = (e: SessionRecordEntry) => e.kind === 'statement' && (e.timing === 'after' || e.statement === 'chair_conclusion');
const unitDraft = (u: Unit): string | null => (u.kind === 'action' ? u.draft.draftId : u.kind === 'explanations' ? u.items[0]!.entry.draftId : u.item.entry.draftId);

/**
 * Every paragraph of the session's report, in session order: meeting by meeting, the record's
 * entries in their order with each draft's action placed after what came before it (its
 * introduction, explanations before, votes on its amendments) and before what followed (its
 * explanations after, the chair's conclusion); corrections of vote after their vote, budget
 * implications after the draft's paragraph. Numbered from `firstNumber` when given.
 */
export function sessionReport(
  record: readonly RecordItem[],
  drafts: readonly DraftItem[],
  ctx: SessionReportContext,
  lang: Lang,
  options: { firstNumber?: number } = {},
): Result<SessionParagraph[]> {
  const entries = [...record].sort((a, b) => a.seq - b.seq);
  const byDraft = new Map(drafts.map((d) => [d.draftId, d]));
  const corrections = entries.filter((r): r is RecordItem & { entry: VoteCorrectionEntry } => r.entry.kind === 'vote_correction');
  const budgets = entries.filter(
    (r): r is RecordItem & { entry: StatementEntry } => r.entry.kind === 'statement' && r.entry.statement === 'budget_implications' && byDraft.has(r.entry.draftId ?? ''),
  );
  const concluded = new Set(
    entries.flatMap((r) => (r.entry.kind === 'statement' && r.entry.statement === 'chair_conclusion' && !r.entry.summary && r.entry.draftId ? [r.entry.draftId] : [])),
  );
  const meetingOf = (d: DraftItem) => {
    const a = finalAction(d.input);
    return a && 'meeting' in a && a.meeting !== undefined ? a.meeting : Number.MAX_SAFE_INTEGER;
  };
  // Drafts not acted on yet name themselves in statements, and have no paragraph of their own.
  const acted = drafts.filter((d) => finalAction(d.input) !== null);
  const meetings = [...new Set([...entries.map((r) => r.entry.meeting), ...acted.map(meetingOf)])].sort((a, b) => a - b);

  const units: Unit[] = [];
  for (const meeting of meetings) {
    const here: Unit[] = [];
    for (const r of entries.filter((x) => x.entry.meeting === meeting)) {
      const e = r.entry;
      if (e.kind === 'vote_correction' || budgets.includes(r as never)) continue;
      if (e.kind === 'vote') here.push({ kind: 'vote', item: r as RecordItem & { entry: VoteEntry } });
      else if (isExplanation(e)) {
        const last = here.at(-1);
        if (last?.kind === 'explanations' && sameExplanation(last.items[0]!.entry, e)) last.items.push(r as RecordItem & { entry: StatementEntry });
        else here.push({ kind: 'explanations', items: [r as RecordItem & { entry: StatementEntry }] });
      } else here.push({ kind: 'statement', item: r as RecordItem & { entry: StatementEntry } });
    }
    // Each draft acted on at this meeting is a block: what came before its action, the action,
    // what followed. A block stands where its first entry stands in the record; a draft without
    // entries keeps its place in the drafts' order beside the blocks around it.
    const actedHere = acted.filter((x) => meetingOf(x) === meeting);
    const entryOf = (u: Unit) => (u.kind === 'explanations' ? u.items[0]!.entry : (u as { item: RecordItem }).item.entry);
    const seqOf = (u: Unit) => (u.kind === 'explanations' ? u.items[0]!.seq : (u as { item: RecordItem }).item.seq);
    const blocks = actedHere.map((d) => {
      const tied = here.filter((u) => unitDraft(u) === d.draftId);
      const units = [...tied.filter((u) => !afterAction(entryOf(u))), { kind: 'action', draft: d } as Unit, ...tied.filter((u) => afterAction(entryOf(u)))];
      return { units, tied, key: tied.length ? Math.min(...tied.map(seqOf)) : null };
    });
    const keyed: { key: number; sub: number; order: number; units: Unit[] }[] = blocks.map((b, i) => {
      const own = b.key;
      if (own !== null) return { key: own, sub: 0, order: i, units: b.units };
      const isKey = (k: number | null): k is number => k !== null;
      const next = blocks
        .slice(i + 1)
        .map((x) => x.key)
        .find(isKey);
      const previous = blocks
        .slice(0, i)
        .map((x) => x.key)
        .findLast(isKey);
      return next !== undefined ? { key: next, sub: -1, order: i, units: b.units } : { key: previous ?? Number.POSITIVE_INFINITY, sub: 1, order: i, units: b.units };
    });
    const inBlocks = new Set(blocks.flatMap((b) => b.tied));
    for (const u of here) if (!inBlocks.has(u)) keyed.push({ key: seqOf(u), sub: 0, order: 0, units: [u] });
    keyed.sort((a, b) => a.key - b.key || a.sub - b.sub || a.order - b.order);
    here.splice(0, here.length, ...keyed.flatMap((k) => k.units));
    units.push(...here);
  }

  const out: SessionParagraph[] = [];
  let previousDraft: ActionParagraphInput | undefined;
  for (const [i, u] of units.entries()) {
    const before = i > 0 ? units[i - 1] : undefined;
    if (u.kind === 'action') {
      const input = concluded.has(u.draft.draftId) ? { ...u.draft.input, conclusionApart: true } : u.draft.input;
      const prev = before?.kind === 'action' ? previousDraft : undefined;
      const written = reportParagraph(input, lang, { continues: continuesFrom(prev, input) });
      if (!written.ok) return fail(`${input.symbol}: ${written.error}`);
      const own = budgets.filter((b) => b.entry.draftId === u.draft.draftId);
      const text = completeActionParagraph(written.value, { draftId: u.draft.draftId, input }, own, ctx, lang);
      out.push({
        kind: 'action',
        meeting: meetingOf(u.draft) === Number.MAX_SAFE_INTEGER ? null : meetingOf(u.draft),
        draftId: u.draft.draftId,
        symbol: input.symbol,
        seqs: own.map((b) => b.seq),
        text,
      });
      previousDraft = input;
      continue;
    }
    if (u.kind === 'vote') {
      const vote = u.item.entry;
      const series = entries.filter((r) => r.entry.kind === 'vote' && r.entry.meeting === vote.meeting && r.entry.draftId === vote.draftId);
      const index = series.findIndex((r) => r.seq === u.item.seq);
      const position: SeriesPosition = series.length === 1 ? 'only' : index === 0 ? 'first' : index === series.length - 1 ? 'last' : 'middle';
      const own = corrections.filter((c) => c.entry.voteSeq === u.item.seq);
      const written = voteParagraph(
        vote,
        position,
        ctx,
        lang,
        own.map((c) => c.entry),
      );
      if (!written.ok) return fail(`entry ${u.item.seq}: ${written.error}`);
      out.push({
        kind: 'vote',
        meeting: vote.meeting,
        draftId: vote.draftId,
        symbol: byDraft.get(vote.draftId ?? '')?.input.symbol ?? null,
        seqs: [u.item.seq, ...own.map((c) => c.seq)],
        text: written.value,
      });
      continue;
    }
    if (u.kind === 'explanations') {
      const text = u.items.map((r, j) => explanationSentence(r.entry, j > 0, ctx, lang)).join(lang === 'zh' ? '' : ' ');
      const first = u.items[0]!.entry;
      out.push({
        kind: 'statement',
        meeting: first.meeting,
        draftId: first.draftId,
        symbol: byDraft.get(first.draftId ?? '')?.input.symbol ?? null,
        seqs: u.items.map((r) => r.seq),
        text,
      });
      continue;
    }
    const s = u.item.entry;
    const draft = byDraft.get(s.draftId ?? '')?.input ?? null;
    if (s.statement === 'introduction' && draft) {
      out.push({ kind: 'introduction', meeting: s.meeting, draftId: s.draftId, symbol: draft.symbol, seqs: [u.item.seq], text: introductionParagraph(s, draft, ctx, lang) });
    } else if (s.statement === 'chair_conclusion') {
      const text = conclusionParagraph(s, draft, ctx, lang);
      if (text) out.push({ kind: 'conclusion', meeting: s.meeting, draftId: s.draftId, symbol: draft?.symbol ?? null, seqs: [u.item.seq], text });
    }
    // An introduction or budget statement on a draft not acted on yet has no paragraph until the action.
  }
  return ok(options.firstNumber === undefined ? out : out.map((p, i) => ({ ...p, text: numberedParagraph(options.firstNumber! + i, p.text, lang) })));
}

/**
 * A draft's action paragraph as the session record completes it: the sentences on budget
 * implications after it, and the deferral stopping short when the chair's conclusion has its
 * own paragraph. `paragraph` is the action paragraph as written without them ("also" or not).
 */
export function completeActionParagraph(paragraph: string, draft: DraftItem, record: readonly RecordItem[], ctx: SessionReportContext, lang: Lang): string {
  const own = record.filter((r) => r.entry.draftId === draft.draftId && r.entry.kind === 'statement' && r.entry.statement === 'budget_implications');
  return paragraph + own.map((r) => budgetSentence(r.entry as StatementEntry, draft.input, ctx, lang)).join('');
}

/** Whether the chair's conclusion on the draft, recorded without words, is a paragraph of its own (the deferral's then stops short). */
export function concludedApart(draftId: string, record: readonly RecordItem[]): boolean {
  return record.some((r) => r.entry.kind === 'statement' && r.entry.statement === 'chair_conclusion' && !r.entry.summary && r.entry.draftId === draftId);
}
