/**
 * How each of the six languages prints a resolution, in one table: the punctuation that ends a
 * preambular and an operative paragraph, how operative paragraphs and subparagraphs are
 * numbered, the number line, the annex heading and the opening formula. The importer reads a
 * text by the union of these conventions (a French text may quote an English title, a pasted
 * Arabic text may carry Western or Arabic-Indic digits), and the language, given or guessed from
 * the script, decides only what is ambiguous and how the report spells labels back.
 *
 * The signs of number lines and annex headings are read in headings.ts, paragraph labels in
 * labels.ts; this module holds the table, the punctuation, the digits, the guess of the language
 * and the opening formula.
 *
 * Where these come from: Arabic operative paragraphs "4 - تهيب …؛" and the formula "إن الجمعية
 * العامة،" as General Assembly resolutions print them, Chinese "1." and "(a)" as resolution 34/226
 * prints them (test/fixtures/languages/README.md), and the English texts of the session. The
 * Arabic letters in abjad order and ’1‘ ’2‘ under them, the Chinese ㈠ ㈡, and the Latin "a)" and
 * "i)" of French, Spanish and Russian texts follow the UN's editorial practice as the authors know
 * it: no text printing them was at hand when this table was written.
 */
import { type Lang, LANGUAGES } from '../languages';

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

const OTHER_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/gu;
// The zero of each run of ten digits OTHER_DIGITS holds.
const zeroOf = (code: number) => (code >= 0xff10 ? 0xff10 : code >= 0x06f0 ? 0x06f0 : 0x0660);

/**
 * The text with Arabic-Indic digits (٠–٩, ۰–۹) and full-width ones (０–９, as Chinese texts set
 * them) as Western ones, character for character (lengths unchanged).
 */
export function westernDigits(text: string): string {
  return text.replace(OTHER_DIGITS, (d) => String(d.charCodeAt(0) - zeroOf(d.charCodeAt(0))));
}

const FULL_WIDTH_SMALL = /[\uff41-\uff5a]/gu;

/** The text with full-width small Latin letters (ａ–ｚ, as Chinese texts set "（ａ）") as ASCII ones, character for character. */
export function narrowLetters(text: string): string {
  return text.replace(FULL_WIDTH_SMALL, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

// Words frequent in one of the three Latin-script languages' resolutions and rare in the other two.
const LATIN_WORDS: readonly [Lang, RegExp][] = [
  ['en', /\b(?:the|of|and|its|to|with|that|on)\b/gu],
  ['fr', /\b(?:les|des|du|le|et|au|aux|une|sur|dans|à|ses)\b/gu],
  ['es', /\b(?:los|las|del|el|y|una|sobre|en|con|sus|para)\b/gu],
];

// The script of each UTF-16 code unit, for the language guess (all the ranges are in the BMP).
// 0 for any other.
const [LATIN, ARABIC, CHINESE, CYRILLIC] = [1, 2, 3, 4];
const SCRIPT_OF = new Uint8Array(0x10000);
for (const [script, ranges] of [
  [
    LATIN,
    [
      [0x41, 0x5a],
      [0x61, 0x7a],
      [0xc0, 0xff],
    ],
  ],
  [CYRILLIC, [[0x0400, 0x04ff]]],
  [
    ARABIC,
    [
      [0x0600, 0x06ff],
      [0x0750, 0x077f],
      [0xfb50, 0xfdff],
      [0xfe70, 0xfeff],
    ],
  ],
  [
    CHINESE,
    [
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xf900, 0xfaff],
    ],
  ],
] as const) {
  for (const [from, to] of ranges) SCRIPT_OF.fill(script, from, to + 1);
}

/**
 * The language of a pasted text, from its script (Arabic, Chinese, Cyrillic) and, in Latin script,
 * from its most frequent small words; English when nothing tells.
 */
export function guessLanguage(text: string): Lang {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  // Counted code unit by code unit through a table (matching each script with a regular
  // expression made an array of its every character, most of an import's time).
  const counts = [0, 0, 0, 0, 0];
  for (let i = 0; i < sample.length; i++) counts[SCRIPT_OF[sample.charCodeAt(i)]!]!++;
  const latin = counts[LATIN]!;
  let best: Lang = 'en';
  let most = 0;
  for (const [lang, k] of [
    ['ar', ARABIC],
    ['zh', CHINESE],
    ['ru', CYRILLIC],
  ] as const)
    if (counts[k]! > most) [best, most] = [lang, counts[k]!];
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

// The opening formula.

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
// What may stand before the body's name: an opening quote, a footnote mark ("¹The General Assembly,").
const LEADING_SIGNS = /^[⁰¹²³⁴⁵⁶⁷⁸⁹\s]*[“"«„]?/u;

/**
 * Whether a line ending with a comma (or a colon) is the opening formula rather than a first
 * preambular paragraph: its first clause names a body, as its subject in the way of one of the six languages.
 */
export function isOpeningFormula(text: string): boolean {
  const clause = FIRST_CLAUSE.exec(text.trim().replace(LEADING_SIGNS, ''))![0].trim();
  if (!namesABody(clause)) return false;
  if (CHINESE_BODY.test(clause)) return true;
  if (ARABIC_OPENING.test(clause)) return true;
  if (/^[\u0600-\u06ff]/u.test(clause)) return !ARABIC_PREAMBLE.test(clause);
  return LATIN_ARTICLE.test(clause) || (CYRILLIC_CAPITAL.test(clause) && !RUSSIAN_PREAMBLE.test(clause));
}
