/**
 * What an exported document says about itself besides its text: the symbol block (symbol,
 * distribution, date, original language — or that the record does not give it — and "as orally
 * amended"), the organ and session with its place in the document's language (placeNames.ts),
 * the agenda item, and the "draft resolution" line ("revised draft resolution" for a Rev.) with
 * its sponsors or the officer submitting it; for the adopted text, its number ("Resolution 11/5")
 * and the line of its adoption instead. Word, AKN, plain text and the print view lay out the same
 * lines, so they are worded here once, in English and Chinese.
 */
import { formatCalendarDate } from '../dates';
import { enOrdinal } from '../reportParagraph';
import type { Lang, LocalizedText } from '../delegations';
import { formatSponsorList, type SponsorEntry } from '../reportNames';
import { placeName } from './placeNames';

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
  /** The language the text is written in, as the draft records it ("zh", "en", …); the symbol block prints it as the original. */
  originalLanguage: string;
  /** False when the record says the original language is not in it: "Original: not in the record". */
  originalInRecord: boolean;
  /** The text is an issued text as orally amended at the meeting (the text acted on), not the text as issued. */
  asOrallyAmended: boolean;
  /** For the text the body adopted: the meeting, the date and the number it took; null otherwise. */
  adoption: Adoption | null;
  /** The language of the symbol block and headings. */
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

// Session dates print as one span: "17–21 October 2022" (month and year not repeated when shared).
function formatSpan(opens: string, closes: string, lang: Lang): string {
  if (opens === closes) return formatCalendarDate(opens, lang);
  const [a, b] = [formatCalendarDate(opens, lang), formatCalendarDate(closes, lang)];
  const sameMonth = opens.slice(0, 7) === closes.slice(0, 7);
  if (lang === 'zh') return `${a}至${sameMonth ? `${Number(closes.slice(8))}日` : b.replace(opens.slice(0, 4) + '年', '')}`;
  return sameMonth ? `${a.split(' ')[0]}–${b}` : `${a}–${b}`;
}

const LANGUAGE_NAMES: Record<string, LocalizedText> = {
  en: { en: 'English', zh: '英文' },
  zh: { en: 'Chinese', zh: '中文' },
  fr: { en: 'French', zh: '法文' },
  es: { en: 'Spanish', zh: '西班牙文' },
  ru: { en: 'Russian', zh: '俄文' },
  ar: { en: 'Arabic', zh: '阿拉伯文' },
};

/** A language tag's name as the symbol block prints it ("Original: Chinese"); the tag itself when unknown. */
export function languageName(tag: string, lang: Lang): string {
  return LANGUAGE_NAMES[tag.split('-')[0]!.toLowerCase()]?.[lang] ?? tag;
}

const ORDINALS = [
  '',
  'First',
  'Second',
  'Third',
  'Fourth',
  'Fifth',
  'Sixth',
  'Seventh',
  'Eighth',
  'Ninth',
  'Tenth',
  'Eleventh',
  'Twelfth',
  'Thirteenth',
  'Fourteenth',
  'Fifteenth',
  'Sixteenth',
  'Seventeenth',
  'Eighteenth',
  'Nineteenth',
  'Twentieth',
];
const ZH_DIGITS = '〇一二三四五六七八九';

/** A small number in Chinese numerals (1–99), as in 第十一届会议. */
export function chineseNumeral(n: number): string {
  if (n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return (tens > 1 ? ZH_DIGITS[tens] : '') + (tens > 0 ? '十' : '') + (units > 0 ? ZH_DIGITS[units] : '');
}

/** "Eleventh session", "第十一届会议". */
export function sessionLabel(n: number, lang: Lang): string {
  if (lang === 'zh') return `第${chineseNumeral(n)}届会议`;
  return n < ORDINALS.length ? `${ORDINALS[n]} session` : `Session ${n}`;
}

/** "draft resolution", "决议草案"; a revision ("…/Rev.1") is a "revised draft resolution", "决议修订草案". */
export function draftNoun(kind: ExportMeta['kind'], lang: Lang, revised = false): string {
  if (lang === 'zh') return `${kind === 'decision' ? '决定' : '决议'}${revised ? '修订' : ''}草案`;
  return `${revised ? 'revised ' : ''}draft ${kind}`;
}

/** Whether a symbol names a revision of a draft ("L.9/Rev.1", also with "/Corr.1" after it). */
export function isRevisionSymbol(symbol: string): boolean {
  return /\/Rev\.\d+(\/|$)/.test(symbol);
}

/** The number line of an adopted text: "Resolution 11/5", "第 11/5 号决议". */
export function numberLine(adoptedAs: PublishedNumber, lang: Lang): string {
  if (lang === 'zh') return `第 ${adoptedAs.number} 号${adoptedAs.kind === 'decision' ? '决定' : '决议'}`;
  return `${adoptedAs.kind === 'decision' ? 'Decision' : 'Resolution'} ${adoptedAs.number}`;
}

/** The line giving the meeting and date of adoption: "Adopted at the 11th meeting, on 21 October 2022", "2022年10月21日第11次会议通过". */
export function adoptionLine(adoption: Pick<Adoption, 'meeting' | 'date'>, lang: Lang): string {
  const date = formatCalendarDate(adoption.date, lang);
  return lang === 'zh' ? `${date}第${adoption.meeting}次会议通过` : `Adopted at the ${enOrdinal(adoption.meeting)} meeting, on ${date}`;
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
    return lang === 'zh' ? `${meta.submittedBy.zh}提交的${noun}` : `${capitalise(noun)} submitted by the ${meta.submittedBy.en}`;
  }
  if (meta.sponsors.length === 0) return capitalise(noun);
  const list = formatSponsorList(meta.sponsors, lang);
  return lang === 'zh' ? `${list}：${noun}` : `${list}: ${noun}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The heading lines of a document, in the order they are printed, each with its role for layout. */
export interface HeadingLines {
  symbol: string;
  /** "Distr.: Limited"; the working text says it is not an issued document. */
  distribution: string;
  date: string;
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

/** "Original: Chinese", "原文：中文"; "Original: not in the record" when the record does not say. */
export function originalLine(meta: Pick<ExportMeta, 'lang' | 'originalLanguage' | 'originalInRecord'>): string {
  const zh = meta.lang === 'zh';
  const name = meta.originalInRecord ? languageName(meta.originalLanguage, meta.lang) : zh ? '记录中没有' : 'not in the record';
  return zh ? `原文：${name}` : `Original: ${name}`;
}

/** The symbol block and headings of a document, worded in `meta.lang`. */
export function headingLines(meta: ExportMeta): HeadingLines {
  const { lang } = meta;
  const working = meta.textState === 'working';
  return {
    symbol: meta.symbol,
    distribution: working ? (lang === 'zh' ? '工作案文（未印发）' : 'Working text (not issued)') : 'Distr.: Limited',
    date: formatCalendarDate(meta.date, lang),
    original: originalLine(meta),
    amended: meta.asOrallyAmended ? (lang === 'zh' ? '经口头修正' : 'As orally amended') : null,
    organ: meta.organ[lang],
    session: sessionLabel(meta.session.number, lang),
    place:
      lang === 'zh'
        ? `${placeName(meta.session.place, lang)}，${formatSpan(meta.session.opens, meta.session.closes, lang)}`
        : `${placeName(meta.session.place, lang)}, ${formatSpan(meta.session.opens, meta.session.closes, lang)}`,
    // English documents space a sub-item from its number: "Agenda item 2 (d)" for a recorded "2(d)".
    agendaItem: lang === 'zh' ? `议程项目${meta.agendaItem}` : `Agenda item ${meta.agendaItem.replace(/(\d)\s*\(/g, '$1 (')}`,
    proponent: proponentLine(meta),
    published: meta.adoption ? { number: meta.adoption.number ? numberLine(meta.adoption.number, lang) : null, adopted: adoptionLine(meta.adoption, lang) } : null,
  };
}
