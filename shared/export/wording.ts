/**
 * The words of an exported document's heading in the six languages, as the United Nations
 * prints its documents in each. The distribution block follows the documents themselves:
 * French and Spanish documents word it in their language ("Distr. limitée", "1er novembre 2018",
 * "Français", "Original : anglais"; "Distr. limitada", "Español", "Original: inglés"), while the
 * Arabic, Chinese and Russian ones keep it in English ("Distr.: General", "8 November 2022",
 * "Chinese", "Original: English" — CTOC/COP/2022/15 in Chinese, bench/fixtures/cop11-report.zh.txt);
 * an English document prints no language line. Everything under the block — the session, the
 * place, the agenda item, who puts the text forward, the adopted text's number — is in the
 * document's language. Pure.
 */
import { formatCalendarDate } from '../dates';
import { LANGUAGE_NAMES, type Lang } from '../languages';
import { enOrdinal } from '../reportParagraph';

/** The languages whose documents word the distribution block in their own language; the others print it in English. */
const OWN_BLOCK: ReadonlySet<Lang> = new Set(['en', 'fr', 'es']);

/** The language the distribution block of a document in `lang` is worded in. */
export function blockLanguage(lang: Lang): Lang {
  return OWN_BLOCK.has(lang) ? lang : 'en';
}

/** "United Nations" as the first page's masthead prints it. */
export const MASTHEAD: Record<Lang, string> = {
  ar: 'الأمم المتحدة',
  zh: '联合国',
  en: 'United Nations',
  fr: 'Nations Unies',
  ru: 'Организация Объединенных Наций',
  es: 'Naciones Unidas',
};

/** The distribution of an L document ("Distr.: Limited"), in the block's language. */
export function distributionLine(lang: Lang): string {
  const block = blockLanguage(lang);
  return block === 'fr' ? 'Distr. limitée' : block === 'es' ? 'Distr. limitada' : 'Distr.: Limited';
}

/** What the working text says where an issued document gives its distribution: it is not an issued document. */
export const WORKING_TEXT_LINE: Record<Lang, string> = {
  ar: 'نص العمل (غير صادر)',
  zh: '工作案文（未印发）',
  en: 'Working text (not issued)',
  fr: 'Texte de travail (non publié)',
  ru: 'Рабочий текст (не издан)',
  es: 'Texto de trabajo (no publicado)',
};

/** The date of the block, in the block's language ("20 October 2022" in an Arabic, Chinese or Russian document). */
export function blockDate(date: string, lang: Lang): string {
  return formatCalendarDate(date, blockLanguage(lang));
}

/** The language line of a version ("Français", "Español", "Arabic"), or null where the documents print none (English; a version in its original language). */
export function versionLine(lang: Lang, original: Lang | null): string | null {
  if (lang === 'en' || lang === original) return null;
  const block = blockLanguage(lang);
  const name = LANGUAGE_NAMES[lang][block];
  return name.charAt(0).toUpperCase() + name.slice(1);
}

const NOT_IN_RECORD: Record<'en' | 'fr' | 'es', string> = { en: 'not in the record', fr: 'non indiqué dans le dossier', es: 'no consta en el expediente' };

/**
 * "Original: English", "Original : anglais" (a no-break space before the colon, as French
 * prints it), "Original: inglés"; the record not giving it: "Original: not in the record".
 * `original` is a language tag; one outside the six is printed as the tag.
 */
export function originalWords(original: string | null, lang: Lang): string {
  const block = blockLanguage(lang) as 'en' | 'fr' | 'es';
  const base = original?.split('-')[0]?.toLowerCase() ?? null;
  const name = original === null ? NOT_IN_RECORD[block] : base && base in LANGUAGE_NAMES ? LANGUAGE_NAMES[base as Lang][block] : original;
  return block === 'fr' ? `Original\u00a0: ${name}` : `Original: ${name}`;
}

/** The line a text amended at the meeting carries beside the block (Penholder's own line, in the document's language). */
export const AS_ORALLY_AMENDED: Record<Lang, string> = {
  ar: 'بصيغته المعدلة شفويا',
  zh: '经口头修正',
  en: 'As orally amended',
  fr: 'Tel que modifié oralement',
  ru: 'С устными поправками',
  es: 'En su forma enmendada oralmente',
};

/**
 * The note a language version's paragraph carries while it still holds the reference language's
 * words (carried forward, not yet translated): Penholder's own wording, in the document's language.
 * Each says "not yet translated: text in the reference language"; the Word, Akoma Ntoso and plain-text
 * files and the print view all print it (shared/export/pending.ts). English, French and Spanish
 * are plain phrasing; the Arabic, Chinese and Russian are literal translations, not found in UN
 * documents, and a reviser in each language should read them.
 */
export const NOT_YET_TRANSLATED: Record<Lang, string> = {
  ar: 'لم يُترجَم بعد: النص بلغة المرجع',
  zh: '尚未翻译：参照语文的文字',
  en: 'Not yet translated: text in the reference language',
  fr: 'Pas encore traduit\u00a0: texte dans la langue de référence',
  ru: 'Еще не переведено: текст на исходном языке',
  es: 'Aún no traducido: texto en el idioma de referencia',
};

// Ordinal words of sessions (and, in Arabic, meetings) from the first to the twentieth.
const SESSION_ORDINALS: Record<Exclude<Lang, 'zh'>, readonly string[]> = {
  en: 'First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth Thirteenth Fourteenth Fifteenth Sixteenth Seventeenth Eighteenth Nineteenth Twentieth'.split(
    ' ',
  ),
  fr: 'Première Deuxième Troisième Quatrième Cinquième Sixième Septième Huitième Neuvième Dixième Onzième Douzième Treizième Quatorzième Quinzième Seizième Dix-septième Dix-huitième Dix-neuvième Vingtième'.split(
    ' ',
  ),
  es: 'Primer Segundo Tercer Cuarto Quinto Sexto Séptimo Octavo Noveno Décimo Undécimo Duodécimo Decimotercer Decimocuarto Decimoquinto Decimosexto Decimoséptimo Decimoctavo Decimonoveno Vigésimo'.split(
    ' ',
  ),
  ru: 'Первая Вторая Третья Четвертая Пятая Шестая Седьмая Восьмая Девятая Десятая Одиннадцатая Двенадцатая Тринадцатая Четырнадцатая Пятнадцатая Шестнадцатая Семнадцатая Восемнадцатая Девятнадцатая Двадцатая'.split(
    ' ',
  ),
  ar: [
    'الأولى',
    'الثانية',
    'الثالثة',
    'الرابعة',
    'الخامسة',
    'السادسة',
    'السابعة',
    'الثامنة',
    'التاسعة',
    'العاشرة',
    'الحادية عشرة',
    'الثانية عشرة',
    'الثالثة عشرة',
    'الرابعة عشرة',
    'الخامسة عشرة',
    'السادسة عشرة',
    'السابعة عشرة',
    'الثامنة عشرة',
    'التاسعة عشرة',
    'العشرون',
  ],
};
const ZH_DIGITS = '〇一二三四五六七八九';

/** A small number in Chinese numerals (1–99), as in 第十一届会议. */
export function chineseNumeral(n: number): string {
  if (n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return (tens > 1 ? ZH_DIGITS[tens] : '') + (tens > 0 ? '十' : '') + (units > 0 ? ZH_DIGITS[units] : '');
}

/** "Eleventh session", "第十一届会议", "Onzième session", "Undécimo período de sesiones", "Одиннадцатая сессия", "الدورة الحادية عشرة". */
export function sessionLabel(n: number, lang: Lang): string {
  if (lang === 'zh') return `第${chineseNumeral(n)}届会议`;
  const word = SESSION_ORDINALS[lang][n - 1];
  switch (lang) {
    case 'en':
      return word ? `${word} session` : `Session ${n}`;
    case 'fr':
      return word ? `${word} session` : `${n}e session`;
    case 'es':
      return word ? `${word} período de sesiones` : `${n}º período de sesiones`;
    case 'ru':
      return word ? `${word} сессия` : `${n}-я сессия`;
    case 'ar':
      return `الدورة ${word ?? String(n)}`;
  }
}

// The day of a formatted date, at its start ("21", "1er"), so a span can put the first day before it.
const LEADING_DAY = /^\d+(er)?/;
// The year at the end of a formatted date ("2022", "de 2022", "2022 года"), left out of the first date of a span in one year.
const TRAILING_YEAR = /\s*(de\s+)?\d{4}(\s*года)?$/;
const SPAN_SEPARATOR: Record<Exclude<Lang, 'zh'>, string> = { en: '–', fr: '-', es: ' a ', ru: '–', ar: '-' };

/**
 * A session's dates as one span: "17–21 October 2022", "2022年10月17日至21日", "17-21 octobre 2022",
 * "17 a 21 de octubre de 2022", "17–21 октября 2022 года", "17-21 تشرين الأول/أكتوبر 2022"; across
 * months the first date without its year ("28 de junio a 8 de julio de 2004").
 */
export function formatSpan(opens: string, closes: string, lang: Lang): string {
  if (opens === closes) return formatCalendarDate(opens, lang);
  const [a, b] = [formatCalendarDate(opens, lang), formatCalendarDate(closes, lang)];
  const sameMonth = opens.slice(0, 7) === closes.slice(0, 7);
  const sameYear = opens.slice(0, 4) === closes.slice(0, 4);
  if (lang === 'zh') return `${a}至${sameMonth ? `${Number(closes.slice(8))}日` : sameYear ? b.replace(`${opens.slice(0, 4)}年`, '') : b}`;
  const sep = SPAN_SEPARATOR[lang];
  if (sameMonth) {
    const first = LEADING_DAY.exec(a)?.[0];
    if (first) return b.replace(LEADING_DAY, (day) => `${first}${sep}${day}`);
  }
  return `${sameYear ? a.replace(TRAILING_YEAR, '') : a}${sep}${b}`;
}

/** The place and dates of the session: "Vienna, 17–21 October 2022", "维也纳，2022年10月17日至21日", "فيينا، 17-21 …". */
export function placeLine(place: string, span: string, lang: Lang): string {
  if (lang === 'zh') return `${place}，${span}`;
  if (lang === 'ar') return `${place}، ${span}`;
  return `${place}, ${span}`;
}

// Arabic UN documents letter sub-items in abjad order: 2 (a) is "2 (أ)".
const ARABIC_LETTERS = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق', 'ر'];

/**
 * The agenda item as recorded ("2(d)", "4") in the document's words: "Agenda item 2 (d)",
 * "议程项目2(d)", "Point 2 d) de l’ordre du jour", "Tema 2 d) del programa", "Пункт 2 d) повестки дня",
 * "البند 2 (د) من جدول الأعمال".
 */
export function agendaItemLine(item: string, lang: Lang): string {
  const parts = /^\s*(\d+)\s*\(([a-z])\)\s*$/i.exec(item);
  const number = parts ? parts[1]! : item.trim();
  const letter = parts ? parts[2]!.toLowerCase() : null;
  switch (lang) {
    case 'zh':
      return `议程项目${item}`;
    case 'en':
      return `Agenda item ${item.replace(/(\d)\s*\(/g, '$1 (')}`;
    case 'fr':
      return `Point ${letter ? `${number} ${letter})` : number} de l’ordre du jour`;
    case 'es':
      return `Tema ${letter ? `${number} ${letter})` : number} del programa`;
    case 'ru':
      return `Пункт ${letter ? `${number} ${letter})` : number} повестки дня`;
    case 'ar': {
      const arabic = letter ? (ARABIC_LETTERS[letter.charCodeAt(0) - 97] ?? letter) : null;
      return `البند ${arabic ? `${number} (${arabic})` : number} من جدول الأعمال`;
    }
  }
}

/** "draft resolution", "决议草案", "projet de résolution", "proyecto de resolución", "проект резолюции", "مشروع قرار"; revised for a Rev. */
export function draftNoun(kind: 'resolution' | 'decision', lang: Lang, revised = false): string {
  const decision = kind === 'decision';
  switch (lang) {
    case 'zh':
      return `${decision ? '决定' : '决议'}${revised ? '修订' : ''}草案`;
    case 'en':
      return `${revised ? 'revised ' : ''}draft ${kind}`;
    case 'fr':
      return `projet de ${decision ? 'décision' : 'résolution'}${revised ? ' révisé' : ''}`;
    case 'es':
      return `proyecto de ${decision ? 'decisión' : 'resolución'}${revised ? ' revisado' : ''}`;
    case 'ru':
      return `${revised ? 'пересмотренный ' : ''}проект ${decision ? 'решения' : 'резолюции'}`;
    case 'ar':
      return `مشروع ${decision ? 'مقرر' : 'قرار'}${revised ? ' منقح' : ''}`;
  }
}

/** What stands between the list of sponsors and the noun: "Chile and Mexico: draft resolution", French "Chili et Mexique : projet …", Chinese "：". */
export function proponentColon(lang: Lang): string {
  return lang === 'zh' ? '：' : lang === 'fr' ? '\u00a0: ' : ': ';
}

/** The number line of an adopted text: "Resolution 11/5", "第 11/5 号决议", "Résolution 11/5", "Resolución 11/5", "Резолюция 11/5", "القرار 11/5". */
export function numberWords(kind: 'resolution' | 'decision', number: string, lang: Lang): string {
  const decision = kind === 'decision';
  switch (lang) {
    case 'zh':
      return `第 ${number} 号${decision ? '决定' : '决议'}`;
    case 'en':
      return `${decision ? 'Decision' : 'Resolution'} ${number}`;
    case 'fr':
      return `${decision ? 'Décision' : 'Résolution'} ${number}`;
    case 'es':
      return `${decision ? 'Decisión' : 'Resolución'} ${number}`;
    case 'ru':
      return `${decision ? 'Решение' : 'Резолюция'} ${number}`;
    case 'ar':
      return `${decision ? 'المقرر' : 'القرار'} ${number}`;
  }
}

/**
 * The line of adoption: "Adopted at the 11th meeting, on 21 October 2022", "2022年10月21日第11次会议通过",
 * "Adoptée à la 11e séance, le 21 octobre 2022", "Aprobada en la 11ª sesión, celebrada el 21 de octubre de 2022",
 * "Принята на 11-м заседании 21 октября 2022 года" (a decision: "Принято"), "اعتُمد في الجلسة الحادية عشرة، المعقودة في 21 تشرين الأول/أكتوبر 2022".
 */
export function adoptionWords(kind: 'resolution' | 'decision', meeting: number, date: string, lang: Lang): string {
  const day = formatCalendarDate(date, lang);
  switch (lang) {
    case 'zh':
      return `${day}第${meeting}次会议通过`;
    case 'en':
      return `Adopted at the ${enOrdinal(meeting)} meeting, on ${day}`;
    case 'fr':
      return `Adoptée à la ${meeting === 1 ? '1re' : `${meeting}e`} séance, le ${day}`;
    case 'es':
      return `Aprobada en la ${meeting}ª sesión, celebrada el ${day}`;
    case 'ru':
      return `${kind === 'decision' ? 'Принято' : 'Принята'} на ${meeting}-м заседании ${day}`;
    case 'ar':
      return `اعتُمد في الجلسة ${SESSION_ORDINALS.ar[meeting - 1] ?? String(meeting)}، المعقودة في ${day}`;
  }
}
