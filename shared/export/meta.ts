/**
 * What an exported document says about itself besides its text: the symbol block (symbol,
 * distribution, date, original language — or that the record does not give it — and "as orally
 * amended"), the organ and session with its place in the document's language (placeNames.ts),
 * the agenda item, and the "draft resolution" line ("revised draft resolution" for a Rev.) with
 * its sponsors or the officer submitting it; for the adopted text, its number ("Resolution 11/5")
 * and the line of its adoption instead. Word, AKN, plain text and the print view lay out the same
 * lines, so they are worded here once, in the six languages (the words: wording.ts).
 */
import { LANGUAGE_NAMES, langOf, textPreferring, type Lang, type LocalizedText } from '../languages';
import { formatSponsorList, formatSubmittedBy, SUBMITTED_BY_PLACEMENT, type SponsorEntry } from '../reportNames';
import { placeName } from './placeNames';
import {
  AS_ORALLY_AMENDED,
  adoptionWords,
  agendaItemLine,
  blockDate,
  distributionLine,
  draftNoun,
  formatSpan,
  MASTHEAD,
  numberWords,
  originalWords,
  placeLine,
  proponentColon,
  sessionLabel,
  versionLine,
  WORKING_TEXT_LINE,
} from './wording';

export { chineseNumeral, draftNoun, sessionLabel } from './wording';

/** A sponsor as exports name it: the report name, and the stable handle AKN refers to. */
export interface ExportSponsor extends SponsorEntry {
  /** A stable code ("CHL", "EU") or id; AKN references use it. */
  code: string;
  /** Whether this delegation is the main sponsor (the penholder). */
  main: boolean;
}

/** Everything an export needs to know about the text besides the text itself. */
export interface ExportMeta {
  kind: 'resolution' | 'decision';
  /** The symbol of the issued text, or of the draft when the working text is exported. */
  symbol: string;
  /** An issued text (immutable) or the working text (live, not an issued document). */
  textState: 'issued' | 'working';
  /** The issue date, YYYY-MM-DD; for the working text, the day of the export. */
  date: string;
  /** The draft's reference language, as it records it ("zh", "en", …): the original, which the symbol block prints, unless `originalInRecord` is false. */
  originalLanguage: string;
  /** False when the record says the original language is not in it: "Original: not in the record". */
  originalInRecord: boolean;
  /** The text is an issued text as orally amended at the meeting (the text acted on), not the text as issued. */
  asOrallyAmended: boolean;
  /** For the text the body adopted: the meeting, the date and the number it took; null otherwise. */
  adoption: Adoption | null;
  /** The language of the text exported (a language version, or the reference text) and so of the whole document. */
  lang: Lang;
  organ: LocalizedText;
  session: { number: number; place: string; opens: string; closes: string };
  agendaItem: string;
  /** Sponsors at issue (the working text: today), in any order; lists are sorted when printed. */
  sponsors: ExportSponsor[];
  /** An officer who submits the draft in their own name. */
  submittedBy: LocalizedText | null;
}

/** A resolution or decision number the secretariat gave an adopted text ("11/5"). */
export interface PublishedNumber {
  kind: 'resolution' | 'decision';
  number: string;
}

/** The adoption of the text exported: where and when, and the number it took (null until the secretariat numbers it). */
export interface Adoption {
  meeting: number;
  /** YYYY-MM-DD. */
  date: string;
  number: PublishedNumber | null;
}

/** A language tag's name as the symbol block prints it ("Original: Chinese"); the tag itself when unknown. */
export function languageName(tag: string, lang: Lang): string {
  const base = langOf(tag);
  return base ? LANGUAGE_NAMES[base][lang] : tag;
}

/** Whether a symbol names a revision of a draft ("L.9/Rev.1", also with "/Corr.1" after it). */
export function isRevisionSymbol(symbol: string): boolean {
  return /\/Rev\.\d+(\/|$)/.test(symbol);
}

/** The number line of an adopted text: "Resolution 11/5", "第 11/5 号决议", "Résolution 11/5" … */
export function numberLine(adoptedAs: PublishedNumber, lang: Lang): string {
  return numberWords(adoptedAs.kind, adoptedAs.number, lang);
}

/** The line giving the meeting and date of adoption: "Adopted at the 11th meeting, on 21 October 2022", "2022年10月21日第11次会议通过" … */
export function adoptionLine(adoption: Pick<Adoption, 'meeting' | 'date'> & { kind?: ExportMeta['kind'] }, lang: Lang): string {
  return adoptionWords(adoption.kind ?? 'resolution', adoption.meeting, adoption.date, lang);
}

/**
 * The line that names who puts the text forward, as the documents print it:
 * "Chile, Ecuador and European Union: draft resolution", "Draft resolution submitted by the
 * Chair of …"; zh "智利、厄瓜多尔和欧洲联盟：决议草案", "国际合作工作组主席提交的决议草案".
 */
export function proponentLine(meta: Pick<ExportMeta, 'kind' | 'lang' | 'sponsors' | 'submittedBy'> & { symbol?: string }): string {
  const { lang } = meta;
  const noun = draftNoun(meta.kind, lang, meta.symbol !== undefined && isRevisionSymbol(meta.symbol));
  if (meta.submittedBy) {
    const by = formatSubmittedBy(meta.submittedBy, lang);
    return SUBMITTED_BY_PLACEMENT[lang] === 'before-noun' ? `${by}${noun}` : `${capitalise(noun)} ${by}`;
  }
  if (meta.sponsors.length === 0) return capitalise(noun);
  return `${formatSponsorList(meta.sponsors, lang)}${proponentColon(lang)}${noun}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The heading lines of a document, in the order they are printed, each with its role for layout. */
export interface HeadingLines {
  /** The language the document is in; the distribution block may be in English (shared/export/wording.ts). */
  lang: Lang;
  /** "United Nations", "Nations Unies", "الأمم المتحدة" … */
  masthead: string;
  symbol: string;
  /** "Distr.: Limited", "Distr. limitée"; the working text says it is not an issued document. */
  distribution: string;
  date: string;
  /** The version's language ("Français", "Arabic"), or null where the documents print none. */
  version: string | null;
  original: string;
  /** "As orally amended" for a text amended at the meeting; null otherwise. */
  amended: string | null;
  organ: string;
  /** "Eleventh session", then "Vienna, 17–21 October 2022". */
  session: string;
  place: string;
  agendaItem: string;
  proponent: string;
  /** For the adopted text: "Resolution 11/5" (null before it is numbered) and the adoption line. */
  published: { number: string | null; adopted: string } | null;
}

/** "Original: Chinese", "Original : anglais"; "Original: not in the record" when the record does not say (in the block's language, shared/export/wording.ts). */
export function originalLine(meta: Pick<ExportMeta, 'lang' | 'originalLanguage' | 'originalInRecord'>): string {
  return originalWords(meta.originalInRecord ? meta.originalLanguage : null, meta.lang);
}

/**
 * The organ's name in the document's language; when the record does not give it in that
 * language, its name in another, in square brackets, so that nobody takes it for the name
 * in the document's language.
 */
export function organName(organ: LocalizedText, lang: Lang): string {
  const found = textPreferring(organ, lang, ['en']);
  if (!found) return '';
  return found.lang === lang ? found.text : `[${found.text}]`;
}

/** The symbol block and headings of a document, worded in `meta.lang` as UN documents in that language print them. */
export function headingLines(meta: ExportMeta): HeadingLines {
  const { lang } = meta;
  const working = meta.textState === 'working';
  const original = meta.originalInRecord ? langOf(meta.originalLanguage) : null;
  return {
    lang,
    masthead: MASTHEAD[lang],
    symbol: meta.symbol,
    distribution: working ? WORKING_TEXT_LINE[lang] : distributionLine(lang),
    date: blockDate(meta.date, lang),
    version: versionLine(lang, original),
    original: originalLine(meta),
    amended: meta.asOrallyAmended ? AS_ORALLY_AMENDED[lang] : null,
    organ: organName(meta.organ, lang),
    session: sessionLabel(meta.session.number, lang),
    place: placeLine(placeName(meta.session.place, lang), formatSpan(meta.session.opens, meta.session.closes, lang), lang),
    agendaItem: agendaItemLine(meta.agendaItem, lang),
    proponent: proponentLine(meta),
    published: meta.adoption
      ? { number: meta.adoption.number ? numberLine(meta.adoption.number, lang) : null, adopted: adoptionLine({ ...meta.adoption, kind: meta.kind }, lang) }
      : null,
  };
}
