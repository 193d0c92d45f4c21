/**
 * What a report paragraph in one language had to print in brackets because the record does not
 * hold it in that language (shared/reportLanguage.ts `inLang`): a delegation's name, an
 * officer's title, a draft's title, the report's recorded words. Listed beside the paragraphs
 * so that the secretariat sees what to record, never left for a reader to guess.
 */
import type { Lang, LocalizedText } from './languages';
import type { SessionRecordEntry } from './meetingRecord';
import type { SessionReportContext } from './reportContext';
import { bodyName, inLang, isMissingIn, withFormulae } from './reportLanguage';
import type { ActionParagraphInput } from './reportActionFacts';
import { finalAction } from './reportParagraph';
import { officerTitle } from './reportRecordWords';

/** What kind of recorded text is missing. */
export type MissingKind = 'body' | 'voters' | 'delegation' | 'on_behalf_of' | 'officer' | 'title' | 'described_as' | 'remarks' | 'summary' | 'vote_wording';

/** One recorded text missing in the language asked, and how the paragraph printed it instead. */
export interface MissingText {
  kind: MissingKind;
  /** As printed in its place: "[United Kingdom]". */
  shown: string;
}

const given = (t: LocalizedText | null | undefined): t is LocalizedText => !!t && Object.values(t).some((v) => v?.trim());

// Collects missing texts once each, in the order met.
function collector(lang: Lang) {
  const out: MissingText[] = [];
  const add = (kind: MissingKind, t: LocalizedText | null | undefined) => {
    if (!given(t) || !isMissingIn(t, lang)) return;
    const shown = inLang(t, lang);
    if (!out.some((m) => m.kind === kind && m.shown === shown)) out.push({ kind, shown });
  };
  return { out, add };
}

/** The body's name, when the language has it neither recorded nor among the organs it knows. */
function addBody(body: LocalizedText, lang: Lang, add: (k: MissingKind, t: LocalizedText) => void) {
  if (lang === 'en' || lang === 'zh' ? isMissingIn(body, lang) : !bodyName(body, lang).recorded) add('body', body);
}

/** The texts a draft's action paragraph printed in brackets in `lang`. */
export function missingInParagraph(input: ActionParagraphInput, lang: Lang): MissingText[] {
  const { out, add } = collector(lang);
  const action = finalAction(input);
  // A withdrawal outside a meeting ("On 1 October 2022, the sponsors … withdrew it") names no body.
  if (!(action?.type === 'withdrawn' && !action.meeting)) addBody(input.body, lang, add);
  // What each kind of paragraph prints (shared/reportParagraph.ts, shared/reportActions.ts): a
  // withdrawal or the sponsors' deferral names "the sponsors", not who they are.
  const bySponsors = action?.type === 'withdrawn' || (action?.type === 'deferred' && action.decidedBy === 'sponsors');
  const sponsors = input.sponsors ?? [];
  if (!bySponsors) {
    for (const s of sponsors) {
      add('delegation', s.name);
      add('on_behalf_of', withFormulae(s.onBehalfOf));
    }
    if (!given(input.describedAs)) add('officer', input.submittedBy);
    add('described_as', input.describedAs);
  } else if (action?.type === 'withdrawn' && sponsors.length === 0) add('officer', input.submittedBy);
  if (action?.type === 'deferred' && action.decidedBy === 'sponsors') add('title', input.title);
  add('remarks', input.remarks);
  return out;
}

/** The texts the session record's paragraphs printed in brackets in `lang` (speakers, summaries, votes' words and lists). */
export function missingInRecord(record: readonly { entry: SessionRecordEntry }[], ctx: SessionReportContext, lang: Lang): MissingText[] {
  const { out, add } = collector(lang);
  const delegation = (id: string) => add('delegation', ctx.delegations.get(id)?.name ?? { en: id });
  const officer = (t: LocalizedText) => {
    // Titles the report words the same way everywhere ("President") are translated by rule.
    if (lang === 'en' || lang === 'zh' ? isMissingIn(t, lang) : officerTitle(t, lang).startsWith('[')) add('officer', t);
  };
  if (record.length) addBody(ctx.body, lang, add);
  // Who votes ("States") is named by the English, Chinese, French and Spanish vote paragraphs; the Russian and Arabic ones count votes.
  if (ctx.voters && lang !== 'ru' && lang !== 'ar' && record.some((r) => r.entry.kind === 'vote')) add('voters', withFormulae(ctx.voters));
  for (const { entry: e } of record) {
    if (e.kind === 'vote') {
      if (e.rulesRecalled.length) officer(ctx.chair ?? { en: 'President', zh: '主席' });
      // The question is printed only in the default wording ("voted on …").
      if (!e.wording?.votedOn) add('vote_wording', e.question);
      if (e.wording) {
        add('vote_wording', e.wording.votedOn);
        add('vote_wording', e.wording.question);
        add('vote_wording', e.wording.decided);
      }
      for (const id of e.roll ? [...e.roll.yes, ...e.roll.no, ...e.roll.abstain] : []) delegation(id);
    } else if (e.kind === 'vote_correction') delegation(e.delegationId);
    else {
      for (const s of e.speakers) {
        if ('officer' in s) officer(s.officer);
        else if (s.asNamed) add('delegation', s.asNamed);
        else delegation(s.delegationId);
      }
      add('summary', e.summary);
    }
  }
  return out;
}

/** Two lists of missing texts as one, each once. */
export function mergeMissing(...lists: readonly MissingText[][]): MissingText[] {
  const out: MissingText[] = [];
  for (const m of lists.flat()) if (!out.some((o) => o.kind === m.kind && o.shown === m.shown)) out.push(m);
  return out;
}
