/**
 * How each of the six languages prints a resolution, in one table: the punctuation that ends a
 * preambular and an operative paragraph, how operative paragraphs and subparagraphs are
 * numbered, the number line, the annex heading and the opening formula. The importer reads a
 * text by the union of these conventions (a French text may quote an English title, a pasted
 * Arabic text may carry Western or Arabic-Indic digits), and the language, given or guessed from
 * the script, decides only what is ambiguous and how the report spells labels back.
 *
 * Sources: the printed UN texts of each language — Arabic operative paragraphs "1 - تقرر …؛",
 * subparagraphs (أ) (ب) (ج) in abjad order and ’1‘ ’2‘ under them; Chinese "1." with (a) and ㈠;
 * French, Spanish and Russian "1." with "a)" and "i)"; English "1." with "(a)" and "(i)".
 */
import { type Lang, LANGUAGES } from '../languages';
import { ARABIC_LETTERS, ARABIC_ORDINALS, chineseNumber, romanNumber } from '../numberingLabels';

/** One language's way of printing a resolution. */
export interface LanguageConventions {
  /** Ends a preambular paragraph and the opening formula. */
  readonly comma: string;
  /** End an operative paragraph (the last one ends with a full stop). */
  readonly operativeEndings: readonly string[];
  /** An operative paragraph's number as printed: "1." or Arabic "1 -". */
  readonly operativeNumber: string;
  /** Level-1 and level-2 subparagraph labels as printed (first of each). */
  readonly subparagraphs: readonly [string, string];
  /** The words of the number line: "Resolution 11/5", "Décision 11/5", "第 11/5 号决议". */
  readonly resolution: string;
  readonly decision: string;
  /** The word opening an annex: "Annex", "Annexe", "المرفق" … */
  readonly annex: string;
  /** The opening formulas of the bodies that adopt resolutions, as printed. */
  readonly openings: readonly string[];
  /** Spaces the language prints before some punctuation or inside quotation marks (French: no-break and narrow no-break). */
  readonly spaces: string | null;
}

/** The conventions of each of the six languages. */
export const CONVENTIONS: Record<Lang, LanguageConventions> = {
  ar: {
    comma: '،',
    operativeEndings: ['؛', '.'],
    operativeNumber: '1 -',
    subparagraphs: ['(أ)', '’1‘'],
    resolution: 'القرار',
    decision: 'المقرر',
    annex: 'المرفق',
    openings: ['إن مؤتمر الأطراف …،', 'إن الجمعية العامة،', 'إن مجلس الأمن،', 'إن المجلس الاقتصادي والاجتماعي،'],
    spaces: null,
  },
  zh: {
    comma: '，',
    operativeEndings: ['；', '。'],
    operativeNumber: '1.',
    subparagraphs: ['(a)', '㈠'],
    resolution: '决议',
    decision: '决定',
    annex: '附件',
    openings: ['缔约方会议，', '大会，', '安全理事会，', '经济及社会理事会，'],
    spaces: null,
  },
  en: {
    comma: ',',
    operativeEndings: [';', '.'],
    operativeNumber: '1.',
    subparagraphs: ['(a)', '(i)'],
    resolution: 'Resolution',
    decision: 'Decision',
    annex: 'Annex',
    openings: ['The Conference of the Parties …,', 'The General Assembly,', 'The Security Council,', 'The Economic and Social Council,'],
    spaces: null,
  },
  fr: {
    comma: ',',
    operativeEndings: [';', '.'],
    operativeNumber: '1.',
    subparagraphs: ['a)', 'i)'],
    resolution: 'Résolution',
    decision: 'Décision',
    annex: 'Annexe',
    openings: ['La Conférence des Parties …,', "L'Assemblée générale,", 'Le Conseil de sécurité,', 'Le Conseil économique et social,'],
    spaces: '\u00a0\u202f',
  },
  ru: {
    comma: ',',
    operativeEndings: [';', '.'],
    operativeNumber: '1.',
    subparagraphs: ['a)', 'i)'],
    resolution: 'Резолюция',
    decision: 'Решение',
    annex: 'Приложение',
    openings: ['Конференция Участников …,', 'Генеральная Ассамблея,', 'Совет Безопасности,', 'Экономический и Социальный Совет,'],
    spaces: null,
  },
  es: {
    comma: ',',
    operativeEndings: [';', '.'],
    operativeNumber: '1.',
    subparagraphs: ['a)', 'i)'],
    resolution: 'Resolución',
    decision: 'Decisión',
    annex: 'Anexo',
    openings: ['La Conferencia de las Partes …,', 'La Asamblea General,', 'El Consejo de Seguridad,', 'El Consejo Económico y Social,'],
    spaces: null,
  },
};

const unique = (signs: Iterable<string>) => [...new Set(signs)].join('');

/** The commas of the six languages (from the table): what ends a preambular paragraph or a formula. */
export const COMMAS = unique(LANGUAGES.map((l) => CONVENTIONS[l].comma));
/** The colons. */
export const COLONS = ':：';
/** Everything that may end a paragraph of a resolution in any of the six languages: the table's endings, commas and colons, and ! ? … */
export const ENDINGS = unique([...LANGUAGES.flatMap((l) => CONVENTIONS[l].operativeEndings), ...COMMAS, ...COLONS, '．', '!', '！', '?', '？', '؟', '…']);

const ARABIC_INDIC = /[\u0660-\u0669\u06f0-\u06f9]/gu;

/** The text with Arabic-Indic digits (٠–٩, ۰–۹) as Western ones, character for character (lengths unchanged). */
export function westernDigits(text: string): string {
  return text.replace(ARABIC_INDIC, (d) => String(d.charCodeAt(0) - (d.charCodeAt(0) >= 0x06f0 ? 0x06f0 : 0x0660)));
}

const SCRIPTS: readonly [Lang, RegExp][] = [
  ['ar', /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/gu],
  ['zh', /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu],
  ['ru', /[\u0400-\u04ff]/gu],
];
// Words frequent in one of the three Latin-script languages' resolutions and rare in the other two.
const LATIN_WORDS: readonly [Lang, RegExp][] = [
  ['en', /\b(?:the|of|and|its|to|with|that|on)\b/gu],
  ['fr', /\b(?:les|des|du|le|et|au|aux|une|sur|dans|à|ses)\b/gu],
  ['es', /\b(?:los|las|del|el|y|una|sobre|en|con|sus|para)\b/gu],
];

/**
 * The language of a pasted text, from its script (Arabic, Chinese, Cyrillic) and, in Latin script,
 * from its most frequent small words; English when nothing tells.
 */
export function guessLanguage(text: string): Lang {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  let best: Lang = 'en';
  let most = 0;
  for (const [lang, re] of SCRIPTS) {
    const n = sample.match(re)?.length ?? 0;
    if (n > most) [best, most] = [lang, n];
  }
  const latin = sample.match(/[A-Za-zÀ-ÿ]/gu)?.length ?? 0;
  if (most > latin) return best;
  const lower = sample.toLowerCase();
  best = 'en';
  most = 0;
  for (const [lang, re] of LATIN_WORDS) {
    const n = lower.match(re)?.length ?? 0;
    if (n > most) [best, most] = [lang, n];
  }
  return best;
}

// --- Number lines and annex headings ---

const HEADING_ZH = /^第\s*(\d+\s*\/\s*\d+)\s*号\s*(决议|决定)$/u;
// The other five print the word before the number: "Resolution 11/5", "Décision 11/1", "القرار 11/5".
const HEADING_WORDS = LANGUAGES.filter((l) => l !== 'zh').flatMap((l) => [CONVENTIONS[l].resolution, CONVENTIONS[l].decision]);
const HEADING = new RegExp(`^(${HEADING_WORDS.join('|')})\\s+(?:رقم\\s+)?(\\d+\\s*\\/\\s*\\d+)\\.?$`, 'iu');
const DECISION_WORDS = new Set(LANGUAGES.map((l) => CONVENTIONS[l].decision.toLowerCase()));

/** The number line of a resolution or decision in any of the six languages ("Résolution 11/5", "المقرر 11/1"), or null. */
export function readHeading(text: string): { docKind: 'resolution' | 'decision'; number: string } | null {
  const probe = westernDigits(text);
  let m = HEADING_ZH.exec(probe);
  if (m) return { docKind: m[2] === '决定' ? 'decision' : 'resolution', number: m[1]!.replace(/\s/gu, '') };
  m = HEADING.exec(probe);
  if (m) return { docKind: DECISION_WORDS.has(m[1]!.toLowerCase()) ? 'decision' : 'resolution', number: m[2]!.replace(/\s/gu, '') };
  return null;
}

// The line over a resolution as the General Assembly and councils publish it, in the six languages:
// "Resolution adopted by the General Assembly on 17 December 1980", "Résolution adoptée par …",
// "Resolución aprobada por …", "Резолюция, принятая …", "قرار اتخذته الجمعية العامة في …", "…通过的决议".
const ADOPTED = [
  /^(resolution|decision) adopted by\s\S/iu,
  /^(résolution|décision) adoptée par\s\S/iu,
  /^(resolución|decisión) aprobada por\s\S/iu,
  /^(резолюция|решение),? (?:принятая|принятое)\s\S/iu,
  /^(قرار|مقرر) (?:اتخذته|اتخذها|اعتمدته|اعتمده)\s\S/u,
  /通过的(决议|决定)$/u,
];
const DECISION_HEADS = new Set(['decision', 'décision', 'decisión', 'решение', 'مقرر', '决定']);
// Under that line, the title with the resolution's number: "35/219. Use of Arabic …", "35/219 A. …", Arabic "35/219 - …".
const NUMBERED_TITLE = /^(\d{1,3}\s*\/\s*\d{1,4}(?:\s?[A-Z])?)\s*[.\-–]\s+(\S.*)$/u;

/** The line "Resolution adopted by the General Assembly on …" in any of the six languages: the kind of text it heads, or null. */
export function readAdoptedBy(text: string): { docKind: 'resolution' | 'decision' } | null {
  for (const re of ADOPTED) {
    const m = re.exec(text);
    if (m) return { docKind: DECISION_HEADS.has(m[1]!.toLowerCase()) ? 'decision' : 'resolution' };
  }
  return null;
}

/** A title printed after its number ("35/219. Use of Arabic …"): the number ("35/219") and the title, or null. */
export function readNumberedTitle(text: string): { number: string; title: string } | null {
  const probe = westernDigits(text);
  const m = NUMBERED_TITLE.exec(probe);
  if (!m) return null;
  return { number: m[1]!.replace(/\s*\/\s*/gu, '/'), title: text.slice(probe.length - m[2]!.length).trim() };
}

const CHINESE_NUMERALS = '一二三四五六七八九十';
const ANNEX_ZH = /^附件\s*([一二三四五六七八九十]*)$/u;
// Annex headings numbered in roman numerals: English, French, Spanish, Russian.
const ANNEX_LATIN = new RegExp(`^(?:${(['en', 'fr', 'es', 'ru'] as const).map((l) => CONVENTIONS[l].annex).join('|')})(?:\\s+([IVXL]+|\\d+))?$`, 'iu');
const ANNEX_AR = /^المرفق(?:\s+(.+))?$/u;

function romanOrdinal(printed: string): number | null {
  for (let n = 1; n <= 50; n++) if (romanNumber(n) === printed.toLowerCase()) return n;
  return null;
}

/** An annex heading line in any of the six languages ("Annexe II", "附件二", "المرفق الثاني"): its ordinal (null when unnumbered), or undefined when the line is not one. */
export function readAnnexMarker(text: string): { ordinal: number | null } | undefined {
  const probe = westernDigits(text);
  let m = ANNEX_ZH.exec(probe);
  if (m) {
    if (m[1] === '') return { ordinal: null };
    for (let n = 1; n <= 99; n++) if (chineseNumber(n) === m[1]) return { ordinal: n };
    return CHINESE_NUMERALS.includes(m[1]!) ? { ordinal: CHINESE_NUMERALS.indexOf(m[1]!) + 1 } : undefined;
  }
  m = ANNEX_LATIN.exec(probe);
  if (m) return { ordinal: m[1] === undefined ? null : /^\d+$/u.test(m[1]) ? Number(m[1]) : romanOrdinal(m[1]) };
  m = ANNEX_AR.exec(probe);
  if (m) {
    if (m[1] === undefined) return { ordinal: null };
    const word = m[1].trim();
    const at = ARABIC_ORDINALS.indexOf(word as (typeof ARABIC_ORDINALS)[number]);
    if (at >= 0) return { ordinal: at + 1 };
    if (/^\d+$/u.test(word)) return { ordinal: Number(word) };
  }
  return undefined;
}

// --- Paragraph labels ---

const LATIN_SUFFIXES = 'bis|ter|quater|quinquies|sexies|septies|octies|novies|decies';
// "16.4 …" must not read as paragraph 16, so an ASCII full stop needs a space after it, or a
// Chinese character ("1.请秘书长…", as some Chinese texts are set).
const NUMBERED = new RegExp(`^(\\d{1,3})(?:\\s+(${LATIN_SUFFIXES}))?(?:\\.\\s+|．\\s*|\\.(?=[\\u3400-\\u9fff]))(.*)$`, 'u');
// Arabic "1 - تقرر …", "5 مكررا - …": a dash after the number, spaces about it (as typed, "1- " and "1 -تقرر" too).
const NUMBERED_DASH = new RegExp(`^(\\d{1,3})(?:\\s+(${LATIN_SUFFIXES}|مكرر(?:ا|اً)?))?\\s*[-–—](\\s*)(\\S.*)$`, 'u');
const ARABIC_LETTER = /[\u0600-\u06ff]/u;

/** An operative paragraph's number read from the start of a line, in any of the six languages. */
export interface NumberLabel {
  number: number;
  /** The Latin word of an inserted paragraph ("bis"; Arabic "مكررا" reads as "bis"), or null. */
  suffix: string | null;
  /** The label as printed: "3.", "3 bis.", "3 -". */
  asPrinted: string;
  body: string;
}

/**
 * Reads "3. …", "3 bis. …", "3．…" and, in an Arabic text or before Arabic words, "3 - …". A dash
 * after a number in a Latin-script line ("10 - year") is running text, not a number.
 */
export function readNumber(text: string, lang: Lang): NumberLabel | null {
  const probe = westernDigits(text);
  let parts: { digits: string; word: string | undefined; rest: string; dash: boolean };
  const m = NUMBERED.exec(probe);
  if (m) parts = { digits: m[1]!, word: m[2], rest: m[3]!, dash: false };
  else {
    const d = NUMBERED_DASH.exec(probe);
    // In an Arabic text a spaced dash is enough; otherwise (and always without a space: "10-15") an Arabic word must follow.
    if (!d || !((lang === 'ar' && d[3] !== '') || ARABIC_LETTER.test(d[4]!.charAt(0)))) return null;
    parts = { digits: d[1]!, word: d[2], rest: d[4]!, dash: true };
  }
  const suffix = parts.word === undefined ? null : parts.word.startsWith('مكرر') ? 'bis' : parts.word;
  // The body is the line's own text (its digits as printed), the same length from the end.
  const cut = probe.length - parts.rest.length;
  const head = text.slice(0, cut).trim();
  return { number: Number(parts.digits), suffix, asPrinted: parts.dash ? head.replace(/\s*[-–—]$/u, ' -') : head, body: text.slice(cut).trim() };
}

/** A subparagraph's label read from the start of a line. */
export interface LetterLabel {
  /** The label as Latin letters or a lower-case roman numeral ("c", "ii"): what the sequence checks read. */
  letters: string;
  /** The level when the sign itself says it (Arabic letters 1, ’2‘ and ㈡ 2), or null where (i) may be a letter or a numeral. */
  level: 1 | 2 | null;
  /** The label as printed: "(c)", "c)", "(ج)", "’2‘", "㈡". */
  asPrinted: string;
  body: string;
}

const LATIN_LABEL = /^(?:[-–—•·▪]\s*)?[(（]([a-z]{1,5})[)）]\s*(.*)$/u;
// "a) …" as French, Spanish and Russian texts print it: a space must follow.
const LATIN_CLOSING = /^([a-z]{1,5})\)\s+(\S.*)$/u;
const ARABIC_LABEL = /^[(（]?(هـ|ه|[\u0621-\u064a])[)）]\s*(.*)$/u;
const ARABIC_NUMERAL = /^[’'‘‛`]\s*(\d{1,2})\s*[‘'’‛`]\s*(.*)$/u;
const ZH_PARENTHESISED = '㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩';
const ZH_NUMERAL = /^[(（]([一二三四五六七八九十]{1,3})[)）]\s*(.*)$/u;

function latinLetters(label: string): boolean {
  return /^([a-z])\1*$/u.test(label) || /^x{0,3}(?:ix|iv|v?i{0,3})$/u.test(label);
}

/** Reads the subparagraph label at the start of a line in any of the six languages, or null. */
export function readLetters(text: string): LetterLabel | null {
  const c = text.charAt(0);
  let m: RegExpExecArray | null;
  if ((m = LATIN_LABEL.exec(text)) && latinLetters(m[1]!)) {
    return { letters: m[1]!, level: null, asPrinted: `(${m[1]})`, body: m[2]!.trim() };
  }
  if (c >= 'a' && c <= 'z' && (m = LATIN_CLOSING.exec(text)) && latinLetters(m[1]!)) {
    return { letters: m[1]!, level: null, asPrinted: `${m[1]})`, body: m[2]!.trim() };
  }
  if ((m = ARABIC_LABEL.exec(text))) {
    const letter = m[1] === 'ه' ? 'هـ' : m[1]!;
    const at = ARABIC_LETTERS.indexOf(letter as (typeof ARABIC_LETTERS)[number]);
    // The closing bracket is required: a bare letter before a word would be running text.
    if (at >= 0) {
      return { letters: String.fromCharCode(97 + (at % 26)).repeat(Math.floor(at / 26) + 1), level: 1, asPrinted: `(${letter})`, body: m[2]!.trim() };
    }
  }
  const probe = westernDigits(text);
  if ((m = ARABIC_NUMERAL.exec(probe)) && Number(m[1]) >= 1) {
    return { letters: romanNumber(Number(m[1])), level: 2, asPrinted: `’${m[1]}‘`, body: text.slice(probe.length - m[2]!.length).trim() };
  }
  const zh = ZH_PARENTHESISED.indexOf(c);
  if (zh >= 0) return { letters: romanNumber(zh + 1), level: 2, asPrinted: c, body: text.slice(1).trim() };
  if ((m = ZH_NUMERAL.exec(text))) {
    for (let n = 1; n <= 99; n++) {
      if (chineseNumber(n) === m[1]) return { letters: romanNumber(n), level: 2, asPrinted: `(${m[1]})`, body: m[2]!.trim() };
    }
  }
  return null;
}

// --- Opening formulas ---

// The bodies an opening formula names, in the six languages.
const BODIES = new RegExp(
  [
    '会议|大会|委员会|理事会',
    'Conference|Assembly|Council|Commission|Committee|Parties|Board|Meeting|Forum',
    'Conférence|Assemblée|Conseil|Comité|Réunion',
    'Conferencia|Asamblea|Consejo|Comisión|Partes|Junta|Reunión',
    'Конференция|Ассамблея|Совет|Комиссия|Комитет|Участник|Совещание',
    'مؤتمر|الجمعية|مجلس|اللجنة|الأطراف|الاجتماع',
  ].join('|'),
  'u',
);

/** Whether a line names a body as an opening formula does ("La Conférence des Parties …", "إن الجمعية العامة"). */
export function namesABody(text: string): boolean {
  return BODIES.test(text);
}

// How each language opens the formula: with the body as subject ("The General Assembly,", "La
// Conférence des Parties,", "El Consejo,", "Генеральная Ассамблея,", "إن الجمعية العامة،", "大会，"),
// where a preambular paragraph opens with a participle ("Recalling", "Rappelant", "Recordando",
// "ссылаясь", "إذ تشير", "回顾") — a participle line names bodies too, but not as its subject.
const LATIN_ARTICLE = /^(?:The|La|Le|Les|L['’]|El|Los|Las)\s*\S/u;
const CYRILLIC_CAPITAL = /^[А-ЯЁ]/u;
// Russian preambular paragraphs open with a participle, in lower case in UN texts but not always as pasted.
const RUSSIAN_PREAMBLE =
  /^(?:ссылаясь|отмечая|признавая|подтверждая|вновь|принимая|напоминая|приветствуя|выражая|будучи|учитывая|сознавая|памятуя|рассмотрев|считая|подчеркивая|особо|глубоко|констатируя|руководствуясь|заявляя|исходя|желая|с|со|также|сохраняя|осуждая|осознавая|придавая|высоко|настоятельно|добиваясь|стремясь|опираясь)(?=\s|$)/iu;
const ARABIC_OPENING = /^إن\s/u;
const ARABIC_PREAMBLE = /^(?:و?إذ|وقد|و)/u;
// A Chinese formula names the body first ("联合国打击跨国有组织犯罪公约缔约方会议根据…，", "大会，"),
// where a preambular paragraph opens with its verb ("回顾…", "注意到…").
const CHINESE_BODY = /^(?:联合国|大会|安全理事会|经济及社会理事会|人权理事会|缔约方会议)|(?:会议|大会|理事会|委员会|论坛)$/u;
const FIRST_CLAUSE = /^[^,，،:：]*/u;

/**
 * Whether a line ending with a comma (or a colon) is the opening formula rather than a first
 * preambular paragraph: its first clause names a body, as its subject in the way of one of the six languages.
 */
export function isOpeningFormula(text: string): boolean {
  const clause = FIRST_CLAUSE.exec(text.trim())![0].trim();
  if (!namesABody(clause)) return false;
  if (CHINESE_BODY.test(clause)) return true;
  if (ARABIC_OPENING.test(clause)) return true;
  if (/^[\u0600-\u06ff]/u.test(clause)) return !ARABIC_PREAMBLE.test(clause);
  return LATIN_ARTICLE.test(clause) || (CYRILLIC_CAPITAL.test(clause) && !RUSSIAN_PREAMBLE.test(clause));
}
