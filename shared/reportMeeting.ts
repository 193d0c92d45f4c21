/**
 * The report's paragraphs of a whole session, in English and Chinese: the action taken on each
 * draft (shared/reportParagraph.ts) woven, meeting by meeting, with what the session record
 * holds (shared/meetingRecord.ts) — recorded votes, explanations of vote and position,
 * introductions, programme budget implications, the chair's conclusions, corrections of vote.
 *
 * House style, from the report of the COP to UNTOC on its eleventh session (paras 15–20, 50,
 * 62, 142); where it is inconsistent we keep one form and the tests list the deviation:
 * - figures and Latin letters spaced off in Chinese, as reportParagraph.ts does ("第 2 次会议");
 * - a vote's paragraph: the rules the chair recalled; "在第 2 次会议上，缔约方会议首先" for the first
 *   of several votes at a meeting on the same matter, "随后" / "Subsequently" for the next, "最后" /
 *   "Finally" for the last; the rule voted under; the question; the counts ("63 个缔约国投了赞成票，
 *   15 个投了反对票，25 个弃权"); then "因此，根据议事规则第 63 条，在出席并参加表决的 78 个缔约国中，
 *   赞成票超过了三分之二多数 53 票，…" / "Of the 78 States present and voting, the votes in favour
 *   exceeded the two-thirds majority of 53 required under rule 63 of the rules of procedure, and …";
 *   the meeting is named without its date (the report gives the dates of the meetings before);
 * - rules in Chinese are listed with "、" only ("第 57、61、63 条"), in English "rules 57, 61 and 63";
 * - explanations: one speaker of a member State "俄罗斯联邦代表", any other single speaker (a
 *   regional organization) "欧洲联盟的代表", several "中国、欧洲联盟…和古巴的代表", in the order they
 *   spoke; a second entry of the same kind on the same vote says "也" / "also";
 * - a correction of vote follows its vote's paragraph and changes nothing in it;
 * - programme budget implications are a sentence after the draft's paragraph (para. 142);
 * - the chair's conclusion on a deferred draft is a paragraph of its own (para. 62), and the
 *   deferral's paragraph then stops at the deferral (para. 50).
 */
import type { DelegationKind, Lang, LocalizedText } from './delegations';
import type { SessionRecordEntry, Speaker, StatementEntry, VoteCorrectionEntry, VoteEntry } from './meetingRecord';
import { sortByEnglishName } from './reportNames';
import { joinList } from './reportNames';
import { type ActionParagraphInput, continuesFrom, draftNoun, englishName, enOrdinal, enOrdinalWord, finalAction, reportParagraph, zhNumber } from './reportParagraph';
import { fail, ok, type Result } from './result';
import { countVote, majorityMargin } from './votes';

/** What the paragraphs of a session are written from, beside the entries and the drafts. */
export interface SessionReportContext {
  /** How the report names the body in running text: "the Conference" / "缔约方会议". */
  body: LocalizedText;
  /** Who presides: "President" / "主席" by default. */
  chair?: LocalizedText;
  /** Who votes: "States" / "缔约国" by default. */
  voters?: LocalizedText;
  /** The delegations the entries name, by id. */
  delegations: ReadonlyMap<string, { name: LocalizedText; kind: DelegationKind }>;
}

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

const PRESIDENT: LocalizedText = { en: 'President', zh: '主席' };
const STATES: LocalizedText = { en: 'States', zh: '缔约国' };

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lower = (s: string) => (s.startsWith('The ') ? `the ${s.slice(4)}` : s);

function rulesOf(rules: readonly number[], lang: Lang): string {
  if (lang === 'zh') return `第 ${rules.join('、')} 条`;
  return rules.length === 1 ? `rule ${rules[0]}` : `rules ${joinList(rules.map(String), 'en')}`;
}

// The subject of a statement: who spoke, as the report names them.
function speakersOf(speakers: readonly Speaker[], ctx: SessionReportContext, lang: Lang): string {
  const named = speakers.map((s) => {
    if ('officer' in s) return { officer: true, member: false, name: s.officer };
    const d = ctx.delegations.get(s.delegationId);
    return { officer: false, member: d?.kind === 'member', name: s.asNamed ?? d?.name ?? { en: s.delegationId, zh: s.delegationId } };
  });
  const delegations = named.filter((n) => !n.officer);
  if (delegations.length === 0) {
    const officers = named.map((n) => n.name[lang]);
    return lang === 'zh' ? joinList(officers, 'zh') : `The ${joinList(officers, 'en').replace(/ and /g, ' and the ')}`;
  }
  if (lang === 'zh') {
    const names = joinList(
      named.map((n) => n.name.zh),
      'zh',
    );
    return named.length === 1 && named[0]!.member ? `${names}代表` : `${names}的代表`;
  }
  const names = joinList(
    named.map((n) => (n.officer ? `the ${n.name.en}` : englishName(n.name.en))),
    'en',
  );
  return named.length === 1 ? `The representative of ${names}` : `The representatives of ${names}`;
}

const countWords = (n: number, noun: LocalizedText, lang: Lang) => (lang === 'zh' ? `${n} 个${noun.zh}` : `${n} ${n === 1 ? noun.en.replace(/s$/, '') : noun.en}`);

const DEFAULT_DECIDED: Record<VoteEntry['subject'], [carried: LocalizedText, failed: LocalizedText]> = {
  procedural: [
    { en: 'the proposal was carried', zh: '该提议获得通过' },
    { en: 'the proposal was not carried', zh: '该提议未获通过' },
  ],
  amendment: [
    { en: 'the amendment was adopted', zh: '该修正案获得通过' },
    { en: 'the amendment was rejected', zh: '该修正案被否决' },
  ],
  separate: [
    { en: 'the paragraph was retained', zh: '该段得以保留' },
    { en: 'the paragraph was deleted', zh: '该段被删除' },
  ],
};

const INTENDED: Record<VoteCorrectionEntry['intended'], LocalizedText> = {
  yes: { en: 'vote in favour', zh: '投赞成票' },
  no: { en: 'vote against', zh: '投反对票' },
  abstain: { en: 'abstain', zh: '弃权' },
};

/** Where a vote stands among the votes on the same matter at its meeting. */
export type SeriesPosition = 'only' | 'first' | 'middle' | 'last';

function delegationName(id: string, ctx: SessionReportContext): LocalizedText {
  return ctx.delegations.get(id)?.name ?? { en: id, zh: id };
}

function rollCall(vote: VoteEntry, ctx: SessionReportContext, lang: Lang): string {
  if (!vote.roll) return '';
  const list = (ids: readonly string[]) => {
    const names = sortByEnglishName(ids.map((id) => ({ name: delegationName(id, ctx) }))).map((n) => (lang === 'zh' ? n.name.zh : n.name.en));
    return names.length ? names.join(lang === 'zh' ? '、' : ', ') : lang === 'zh' ? '无' : 'None';
  };
  const { yes, no, abstain } = vote.roll;
  return lang === 'zh'
    ? `表决情况如下：赞成：${list(yes)}；反对：${list(no)}；弃权：${list(abstain)}。`
    : ` The voting was as follows: In favour: ${list(yes)}; Against: ${list(no)}; Abstaining: ${list(abstain)}.`;
}

function correction(c: VoteCorrectionEntry, vote: VoteEntry, ctx: SessionReportContext, lang: Lang): string {
  const name = delegationName(c.delegationId, ctx);
  const sameMeeting = c.meeting === vote.meeting && c.date === vote.date;
  if (lang === 'zh') return `${sameMeeting ? '随后，' : `在第 ${c.meeting} 次会议上，`}${name.zh}代表团表示，其本打算${INTENDED[c.intended].zh}。`;
  const when = sameMeeting ? 'Subsequently, the' : `At the ${enOrdinal(c.meeting)} meeting, the`;
  return ` ${when} delegation of ${englishName(name.en)} indicated that it had intended to ${INTENDED[c.intended].en}.`;
}

/**
 * The paragraph of one recorded vote, with its country-by-country list and the corrections of
 * vote after it; `position` among the votes on the same matter at that meeting.
 */
export function voteParagraph(vote: VoteEntry, position: SeriesPosition, ctx: SessionReportContext, lang: Lang, corrections: readonly VoteCorrectionEntry[] = []): Result<string> {
  const counted = countVote(vote, { twoThirds: vote.twoThirds ?? undefined });
  if (!counted.ok) return counted;
  const { presentAndVoting: n, required, carried } = counted.value;
  const margin = majorityMargin(vote.yes, required);
  const chair = ctx.chair ?? PRESIDENT;
  const voters = ctx.voters ?? STATES;
  const decided = vote.wording?.decided ?? DEFAULT_DECIDED[vote.subject][carried ? 0 : 1];
  const after = corrections.map((c) => correction(c, vote, ctx, lang)).join('');
  if (lang === 'zh') {
    const recalled = vote.rulesRecalled.length ? `${chair.zh}提到了表决程序的规则，特别是议事规则${rulesOf(vote.rulesRecalled, 'zh')}。` : '';
    const opening = { only: `在第 ${vote.meeting} 次会议上，`, first: `在第 ${vote.meeting} 次会议上，`, middle: '随后，', last: '最后，' }[position];
    const first = position === 'first' ? '首先' : '';
    const under = vote.votedUnder.length ? `根据议事规则${rulesOf(vote.votedUnder, 'zh')}，` : '';
    const votedOn = vote.wording?.votedOn.zh ?? `就${vote.question.zh}进行了表决`;
    const question = vote.wording?.question ? `对于${vote.wording.question.zh}的问题，` : '';
    const counts = `${countWords(vote.yes, voters, 'zh')}投了赞成票，${vote.no} 个投了反对票，${vote.abstain} 个弃权。`;
    const rule = vote.majorityUnder.length ? `根据议事规则${rulesOf(vote.majorityUnder, 'zh')}，` : '';
    const how = { exceeded: '超过了', reached: '达到了', short: '未达到' }[margin];
    const majority = vote.majority === 'two-thirds' ? '三分之二多数' : '简单多数';
    return ok(
      `${recalled}${opening}${ctx.body.zh}${first}${under}${votedOn}。${question}${counts}因此，${rule}在出席并参加表决的 ${countWords(n, voters, 'zh')}中，赞成票${how}${majority} ${required} 票，${decided.zh}。${rollCall(vote, ctx, 'zh')}${after}`,
    );
  }
  const recalled = vote.rulesRecalled.length ? `The ${chair.en} referred to the rules of procedure on voting, in particular ${rulesOf(vote.rulesRecalled, 'en')}. ` : '';
  const opening = {
    only: `At its ${enOrdinal(vote.meeting)} meeting, ${ctx.body.en}`,
    first: `At its ${enOrdinal(vote.meeting)} meeting, ${ctx.body.en} first`,
    middle: `Subsequently, ${ctx.body.en}`,
    last: `Finally, ${ctx.body.en}`,
  }[position];
  const under = vote.votedUnder.length ? `, under ${rulesOf(vote.votedUnder, 'en')} of the rules of procedure,` : '';
  const votedOn = vote.wording?.votedOn.en ?? `voted on ${vote.question.en}`;
  const counts = `${countWords(vote.yes, voters, 'en')} voted in favour, ${vote.no || 'none'} against and ${vote.abstain || 'none'} abstained.`;
  const question = vote.wording?.question ? `On the question of ${vote.wording.question.en}, ${counts}` : capital(counts);
  const how = { exceeded: 'exceeded', reached: 'reached', short: 'fell short of' }[margin];
  const rule = vote.majorityUnder.length ? ` required under ${rulesOf(vote.majorityUnder, 'en')} of the rules of procedure` : '';
  const result = `Of the ${countWords(n, voters, 'en')} present and voting, the votes in favour ${how} the ${vote.majority === 'two-thirds' ? 'two-thirds' : 'simple'} majority of ${required}${rule}, and ${decided.en}.`;
  return ok(`${recalled}${opening}${under} ${votedOn}. ${question} ${result}${rollCall(vote, ctx, 'en')}${after}`);
}

const EXPLANATION: Record<'explanation_of_vote' | 'explanation_of_position', Record<'before' | 'after', LocalizedText>> = {
  explanation_of_vote: {
    before: { en: 'in explanation of vote before the vote', zh: '在表决前作了解释投票的发言' },
    after: { en: 'in explanation of vote', zh: '就表决作了发言' },
  },
  explanation_of_position: {
    before: { en: 'in explanation of position before action was taken', zh: '在采取行动前作了解释立场的发言' },
    after: { en: 'in explanation of position after action was taken', zh: '在采取行动后作了解释立场的发言' },
  },
};

/** The sentence of one explanation of vote or of position; `also` for a second entry on the same vote in the same paragraph. */
export function explanationSentence(s: StatementEntry, also: boolean, ctx: SessionReportContext, lang: Lang): string {
  const kind = s.statement === 'explanation_of_position' ? 'explanation_of_position' : 'explanation_of_vote';
  const what = EXPLANATION[kind][s.timing ?? 'after'];
  const who = speakersOf(s.speakers, ctx, lang);
  const summary = s.summary ? (lang === 'zh' ? s.summary.zh : ` ${s.summary.en}`) : '';
  if (lang === 'zh') return `${who}${also ? '也' : ''}${what.zh}。${summary}`;
  const statements = s.speakers.length > 1 ? 'statements' : 'a statement';
  return `${who}${also ? ' also' : ''} made ${statements} ${what.en}.${summary}`;
}

/** The paragraph of a draft's introduction: "The representative of Chile introduced the revised draft decision (…)." */
export function introductionParagraph(s: StatementEntry, draft: ActionParagraphInput, ctx: SessionReportContext, lang: Lang): string {
  const who = speakersOf(s.speakers, ctx, lang);
  if (lang === 'zh') return `${who}介绍了${draftNoun(draft, 'zh')}（${draft.symbol}）。${s.summary?.zh ?? ''}`;
  return `${who} introduced the ${draftNoun(draft, 'en')} (${draft.symbol}).${s.summary ? ` ${s.summary.en}` : ''}`;
}

/** The sentence on programme budget implications after a draft's paragraph (para. 142: "…that it had no financial implications"). */
export function budgetSentence(s: StatementEntry, draft: ActionParagraphInput, ctx: SessionReportContext, lang: Lang): string {
  const who = speakersOf(s.speakers, ctx, lang);
  const adopted = finalAction(draft)?.type === 'adopted';
  const kindZh = draft.kind === 'resolution' ? '决议' : '决定';
  if (lang === 'zh') {
    const before = adopted ? `在通过该${kindZh}之前` : `在就该${draftNoun(draft, 'zh')}采取行动之前`;
    return s.summary ? `${before}，${who}向${ctx.body.zh}说明了所涉方案预算问题：${s.summary.zh}` : `${before}，${who}告知${ctx.body.zh}，该${kindZh}不涉及财务问题。`;
  }
  const before = adopted ? `Before the ${draft.kind} was adopted` : `Before action was taken on the ${draftNoun(draft, 'en')}`;
  return s.summary
    ? ` ${before}, ${lower(who)} informed ${ctx.body.en} of its programme budget implications: ${s.summary.en}`
    : ` ${before}, ${lower(who)} informed ${ctx.body.en} that it had no financial implications.`;
}

/**
 * The chair's conclusion as a paragraph of its own: in the report's words when recorded, else,
 * for a draft deferred or not acted on, what followed (para. 62: not considered, no action, the
 * text annexed, "which the Conference accepted").
 */
export function conclusionParagraph(s: StatementEntry, draft: ActionParagraphInput | null, ctx: SessionReportContext, lang: Lang): string {
  const who = speakersOf(s.speakers, ctx, lang);
  const accepted = s.accepted ? (lang === 'zh' ? `，这是${ctx.body.zh}所接受的` : `, which ${ctx.body.en} accepted`) : '';
  if (s.summary) return lang === 'zh' ? `${who}最后说，${s.summary.zh}${accepted}。` : `${who} concluded that ${s.summary.en}${accepted}.`;
  const a = draft ? finalAction(draft) : null;
  if (!draft) return ''; // refused when recorded: a conclusion without words names a draft
  const noun = draftNoun(draft, lang);
  const deferred = a?.type === 'deferred' ? a : null;
  const noAction = a?.type === 'no_action' || deferred?.noAction === true;
  const annexed = deferred?.annexedToReport === true;
  const report = (zh: boolean) =>
    draft.session
      ? zh
        ? `第${zhNumber(draft.session)}届会议报告`
        : `the report of ${ctx.body.en} on its ${enOrdinalWord(draft.session)} session`
      : zh
        ? '本报告'
        : 'the present report';
  if (lang === 'zh') {
    const parts = [
      deferred ? `将不审议该${noun}（${draft.symbol}）` : `${ctx.body.zh}已结束对该${noun}（${draft.symbol}）的审议`,
      noAction && '不采取任何行动',
      annexed && `该${noun}案文将作为${report(true)}的附件`,
    ];
    return `${who}最后说，${parts.filter(Boolean).join('，')}${accepted}${annexed ? '（见附件）' : ''}。`;
  }
  const clauses = [
    deferred ? `the ${noun} (${draft.symbol}) would not be considered` : `the consideration of the ${noun} (${draft.symbol}) was concluded`,
    noAction && 'no action would be taken on it',
    annexed && `its text would be annexed to ${report(false)}`,
  ].filter((c): c is string => typeof c === 'string');
  return `${who} concluded that ${joinList(
    clauses.map((c, i) => (i === 0 ? c : `that ${c}`)),
    'en',
  )}${accepted}${annexed ? ' (see annex)' : ''}.`;
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
  return ok(options.firstNumber === undefined ? out : out.map((p, i) => ({ ...p, text: `${options.firstNumber! + i}. ${p.text}` })));
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
