/**
 * What the paragraph recording the action on a draft is written from, in all six languages: the
 * input and, once checked, the facts of one action. And what the Arabic, French, Russian and
 * Spanish paragraphs share (shared/reportActions.ts, reportActionsRuAr.ts): a recorded text read
 * in the language, where the adopted text is printed, how a draft is named.
 */
import type { Lang, LocalizedText } from './languages';
import type { DraftStatus, FinalAction } from './lifecycle';
import { romanNumber } from './numberingLabels';
import { arChapter, arSection, inLang } from './reportLanguage';
import type { SponsorEntry } from './reportNames';

/** What a report paragraph is written from: the draft's facts and its final action. */
export interface ActionParagraphInput {
  body: LocalizedText; // short form: "the Conference" / "缔约方会议"
  symbol: string; // a "/Rev.n" makes it a revised draft ("决议修订草案")
  kind: 'resolution' | 'decision';
  title?: LocalizedText | null; // named when the sponsors defer it
  describedAs?: LocalizedText | null; // the subject, for a text named by it ("the provisional agenda for …")
  submittedBy?: LocalizedText | null; // the officer, without article ("Chair of the Working Group on …")
  sponsors?: readonly SponsorEntry[];
  action: FinalAction | DraftStatus;
  printedIn?: { chapter: number; section: string } | null; // 1, "A": "chap. I, sect. A" / "第一章 A 节"
  session?: number | null; // for "the report of the Conference on its eleventh session"
  agendaItem?: string | null; // tells a section whether a paragraph continues the one before
  remarks?: LocalizedText | null; // sentences the report adds after the record
  conclusionApart?: boolean; // the chair's conclusion has its own paragraph (shared/reportMeeting.ts): the deferral's stops at the deferral
}

/** The four languages of shared/reportActions.ts and reportActionsRuAr.ts. */
export type OtherLang = 'fr' | 'es' | 'ru' | 'ar';

/** What a paragraph is written from once checked: the input, its final action, whether the symbol is a revision, whether it continues the paragraph before. */
export interface ActionFacts {
  input: ActionParagraphInput;
  action: FinalAction;
  revised: boolean;
  continues: boolean;
}

export const NBSP = '\u00a0';
/** A recorded text in `lang`, in brackets when missing there; null when none was recorded. */
export const text = (t: Parameters<typeof inLang>[0], lang: Lang) => (t && Object.values(t).some((v) => v?.trim()) ? inLang(t, lang) : null);
/** The remarks recorded for the paragraph, with the space before them. */
export const remarksOf = (f: ActionFacts, lang: Lang) => {
  const r = text(f.input.remarks, lang);
  return r ? ` ${r}` : '';
};

// Where the text is printed: "(Pour le texte, voir chap. I, sect. A, résolution 11/1.)" and its kin.
export function printed({ input: { printedIn: at }, action: a }: ActionFacts, lang: OtherLang): string {
  const becomes = a.type === 'adopted' ? a.becomes : undefined;
  const chapter = at && romanNumber(at.chapter).toUpperCase();
  const WORDS = {
    fr: { chap: 'chap.', sect: 'sect.', resolution: 'résolution', decision: 'décision', open: ' (Pour le texte, voir ' },
    es: { chap: 'cap.', sect: 'secc.', resolution: 'resolución', decision: 'decisión', open: ' (Véase el texto en el ' },
    ru: { chap: 'глава', sect: 'раздел', resolution: 'резолюция', decision: 'решение', open: ' (Текст см. в ' },
    ar: { chap: 'الفصل', sect: 'الفرع', resolution: 'القرار', decision: 'المقرر', open: ' (للاطلاع على النص، انظر ' },
  }[lang];
  const where =
    at &&
    (lang === 'ar'
      ? `${WORDS.chap} ${arChapter(at.chapter)}، ${WORDS.sect} ${arSection(at.section)}`
      : lang === 'ru'
        ? `главе ${chapter}, раздел ${at.section}`
        : `${WORDS.chap} ${chapter}, ${WORDS.sect} ${at.section}`);
  const number = becomes && `${becomes.kind === 'resolution' ? WORDS.resolution : WORDS.decision} ${becomes.number}`;
  const list = [where, number].filter(Boolean).join(lang === 'ar' ? '، ' : ', ');
  return list ? `${WORDS.open}${list}.)` : '';
}

/** How a paragraph in one of these languages names a draft: "projet de décision révisé", "проект решения", "مشروع القرار المنقح". */
export function otherDraftNoun(kind: 'resolution' | 'decision', revised: boolean, lang: OtherLang): string {
  if (lang === 'fr') return `projet de ${kind === 'resolution' ? 'résolution' : 'décision'}${revised ? ' révisé' : ''}`;
  if (lang === 'es') return `proyecto de ${kind === 'resolution' ? 'resolución' : 'decisión'}${revised ? ' revisado' : ''}`;
  if (lang === 'ru') return `${revised ? 'пересмотренный ' : ''}проект ${kind === 'resolution' ? 'резолюции' : 'решения'}`;
  return `مشروع ال${kind === 'resolution' ? 'قرار' : 'مقرر'}${revised ? ' المنقح' : ''}`;
}
