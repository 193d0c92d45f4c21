/**
 * The change summary's words in French, Spanish, Russian and Arabic (English and Chinese are in
 * shared/compare/summary.ts): a chair's references ("OP 4 (c)", "PP 2", "Annex I, para. 3") named
 * as each language's UN documents name paragraphs ("alinéa c) du paragraphe 4 du dispositif",
 * "apartado c) del párrafo 4 de la parte dispositiva", "подпункт c) пункта 4 постановляющей
 * части", "الفقرة الفرعية (ج) من الفقرة 4 من المنطوق"), with the subparagraph signs that language
 * prints (shared/numberingLabels.ts), and the sentences of each change agreeing with them.
 */
import type { Lang } from '../languages';
import { annexLabel, type ParsedRef, parseOrdinal, parseRef, subparagraphLabel } from '../numberingLabels';

/** What a change is, as the summary says it. */
export type ChangeKind = 'deleted' | 'inserted' | 'changed' | 'renumbered' | 'moved' | 'moved-and-changed';

/** One change to say: the left and right references (one, or the first and last of a run), and for a move what it now follows. */
export interface ChangeToSay {
  kind: ChangeKind;
  left: readonly string[];
  right: readonly string[];
  /** The left reference of what a moved run now follows, or '' at the start of the text. */
  after: string;
  /** Whether the right references share the left ones' prefix (a renumbering then says only the new numbers). */
  samePrefix: boolean;
}

/** The languages this file words. */
export type SummaryLanguage = Exclude<Lang, 'en' | 'zh'>;

type Gender = 'm' | 'f' | 'n';

/** A reference named in a language, with what the words after it agree with. */
interface Named {
  text: string;
  gender: Gender;
  plural: boolean;
}

/** The numeral index of a Roman numeral (I → 0). */
export function romanIndex(roman: string): number {
  let n = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = ROMAN_VALUES[roman[i]!]!;
    n += v < (ROMAN_VALUES[roman[i + 1] ?? ''] ?? 0) ? -v : v;
  }
  return n - 1;
}
const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

// A subparagraph's sign ("(c)", "(ii) bis") as `lang` prints it; anything else unchanged.
function sign(token: string, level: 1 | 2, lang: Lang): string {
  const o = parseOrdinal(token, level === 1 ? 'letter' : 'roman');
  return o ? subparagraphLabel(o, level, lang) : token;
}

/**
 * How one language names the parts of a reference. `n` is a number or a range already worded;
 * `count` how many paragraphs it names (1, 2 — Arabic has a dual — or more).
 */
interface Parts {
  pp(n: string, count: number): string;
  op(n: string, count: number, annex: string | null): string;
  sole: string;
  /** A subparagraph of level 1 or 2 under `of` (null: a lettered paragraph of an annex, `annex` given). */
  sub(level: 1 | 2, s: string, count: number, of: string | null, annex: string | null): string;
  annex(label: string): string;
  /** The run from `a` to `b`, of `count` members: "6 à 21", two of them "7 et 8". */
  range(a: string, b: string, count: number): string;
  title: Named;
  formula: Named;
  heading(annex: string): Named;
  quoted(words: string): Named;
  /** "Title" and "Formula" of an annex. */
  ofAnnex(what: string, annex: string): string;
}

const deFr = (of: string) => (/^[aeiouéèh]/i.test(of) ? `de l’${of}` : `du ${of}`);

const PARTS: Record<SummaryLanguage, Parts> = {
  fr: {
    pp: (n, count) => `${count > 1 ? 'alinéas' : 'alinéa'} ${n} du préambule`,
    op: (n, count, annex) => `${count > 1 ? 'paragraphes' : 'paragraphe'} ${n} ${annex ? `de l’${annex}` : 'du dispositif'}`,
    sole: 'paragraphe unique du dispositif',
    sub: (level, s, count, of, annex) => {
      const pl = count > 1;
      const noun = level === 1 ? (pl ? 'alinéas' : 'alinéa') : pl ? 'sous-alinéas' : 'sous-alinéa';
      return `${noun} ${s}${of ? ` ${deFr(of)}` : annex ? ` de l’${annex}` : ''}`;
    },
    annex: (label) => label.charAt(0).toLowerCase() + label.slice(1),
    range: (a, b, count) => `${a} ${count === 2 ? 'et' : 'à'} ${b}`,
    title: { text: 'titre', gender: 'm', plural: false },
    formula: { text: 'formule introductive', gender: 'f', plural: false },
    heading: (annex) => ({ text: `titre de l’${annex}`, gender: 'm', plural: false }),
    quoted: (words) => ({ text: `paragraphe «\u00a0${words}\u00a0»`, gender: 'm', plural: false }),
    ofAnnex: (what, annex) => `${what} de l’${annex}`,
  },
  es: {
    pp: (n, count) => `${count > 1 ? 'párrafos' : 'párrafo'} ${n} del preámbulo`,
    op: (n, count, annex) => `${count > 1 ? 'párrafos' : 'párrafo'} ${n} ${annex ? `del ${annex}` : 'de la parte dispositiva'}`,
    sole: 'párrafo único de la parte dispositiva',
    sub: (level, s, count, of, annex) => {
      const pl = count > 1;
      const noun = level === 1 ? (pl ? 'apartados' : 'apartado') : pl ? 'incisos' : 'inciso';
      return `${noun} ${s}${of ? ` del ${of}` : annex ? ` del ${annex}` : ''}`;
    },
    annex: (label) => label.charAt(0).toLowerCase() + label.slice(1),
    range: (a, b, count) => (count === 2 ? `${a} ${/^h?i/i.test(b) ? 'e' : 'y'} ${b}` : `${a} a ${b}`),
    title: { text: 'título', gender: 'm', plural: false },
    formula: { text: 'fórmula introductoria', gender: 'f', plural: false },
    heading: (annex) => ({ text: `título del ${annex}`, gender: 'm', plural: false }),
    quoted: (words) => ({ text: `párrafo «${words}»`, gender: 'm', plural: false }),
    ofAnnex: (what, annex) => `${what} del ${annex}`,
  },
  ru: {
    pp: (n, count) => `${count > 1 ? 'пункты' : 'пункт'} ${n} преамбулы`,
    op: (n, count, annex) => `${count > 1 ? 'пункты' : 'пункт'} ${n} ${annex ?? 'постановляющей части'}`,
    sole: 'единственный пункт постановляющей части',
    // «подпункт c) пункта 4», and under it «подпункт ii) подпункта c) пункта 4».
    sub: (_level, s, count, of, annex) => `${count > 1 ? 'подпункты' : 'подпункт'} ${s}${of ? ` ${genitiveRu(of)}` : annex ? ` ${annex}` : ''}`,
    // The annex in the genitive: "приложения II".
    annex: (label) => label.replace(/^Приложение/u, 'приложения'),
    range: (a, b, count) => (count === 2 ? `${a} и ${b}` : `${a}–${b}`),
    title: { text: 'название', gender: 'n', plural: false },
    formula: { text: 'вводная формулировка', gender: 'f', plural: false },
    heading: (annex) => ({ text: `заголовок ${annex}`, gender: 'm', plural: false }),
    quoted: (words) => ({ text: `пункт «${words}»`, gender: 'm', plural: false }),
    ofAnnex: (what, annex) => `${what} ${annex}`,
  },
  ar: {
    // Two paragraphs in the dual, genitive as the verbal nouns before them want it ("حذف الفقرتين 7 و8").
    pp: (n, count) => `${arNoun(count)} ${n} من الديباجة`,
    op: (n, count, annex) => `${arNoun(count)} ${n} من ${annex ?? 'المنطوق'}`,
    sole: 'الفقرة الوحيدة من المنطوق',
    sub: (_level, s, count, of, annex) => `${arNoun(count, true)} ${s}${of ? ` من ${of}` : annex ? ` من ${annex}` : ''}`,
    annex: (label) => label,
    range: (a, b, count) => (count === 2 ? `${a} و${b}` : `من ${a} إلى ${b}`),
    title: { text: 'العنوان', gender: 'm', plural: false },
    formula: { text: 'الصيغة الاستهلالية', gender: 'f', plural: false },
    heading: (annex) => ({ text: `عنوان ${annex}`, gender: 'm', plural: false }),
    quoted: (words) => ({ text: `الفقرة "${words}"`, gender: 'f', plural: false }),
    ofAnnex: (what, annex) => `${what} من ${annex}`,
  },
};

// "الفقرة" / "الفقرتين" / "الفقرات", and the subparagraphs "الفقرة الفرعية" / "الفقرتين الفرعيتين" / "الفقرات الفرعية".
function arNoun(count: number, sub = false): string {
  if (count === 2) return sub ? 'الفقرتين الفرعيتين' : 'الفقرتين';
  const noun = count > 2 ? 'الفقرات' : 'الفقرة';
  return sub ? `${noun} الفرعية` : noun;
}

// A Russian name in the genitive, for what something is in or comes after ("пункта 4 постановляющей части").
function genitiveRu(name: string): string {
  return name
    .replace(/^подпункт(?= )/u, 'подпункта')
    .replace(/^пункт(?= )/u, 'пункта')
    .replace(/ подпункт(?= )/gu, ' подпункта')
    .replace(/ пункт(?= )/gu, ' пункта')
    .replace(/^единственный пункт/u, 'единственного пункта')
    .replace(/^название$/u, 'названия')
    .replace(/^название /u, 'названия ')
    .replace(/^вводная формулировка/u, 'вводной формулировки')
    .replace(/^заголовок /u, 'заголовка ');
}

const SPECIAL = /^(?:(Annex(?: ([IVXLCDM]+))?)(?:, | ))?(Title|Formula|heading|“(.*)”)$/;

/** A reference ("OP 4 (c)"), or the run from `first` to `last` ("OP 6" … "OP 21"), named in `lang`. */
export function nameRef(first: string, last: string | null, lang: SummaryLanguage, count = last && last !== first ? 3 : 1): Named {
  const words = PARTS[lang];
  const special = SPECIAL.exec(first);
  if (special) {
    const annex = special[1] ? annexOf(special[2], special[1], lang) : null;
    const what = special[3]!;
    if (what === 'heading') return annex ? words.heading(annex) : words.title;
    const named = what === 'Title' ? words.title : what === 'Formula' ? words.formula : words.quoted(special[4]!);
    return annex ? { ...named, text: words.ofAnnex(named.text, annex) } : named;
  }
  const parsed = parsedRef(first);
  if (!parsed) return { text: first, gender: 'm', plural: false };
  const end = last && last !== first ? parsedRef(last) : null;
  const plural = end !== null;
  const many = plural ? Math.max(count, 2) : 1;
  const annex = parsed.annex === null ? null : annexOf(/^Annex ([IVXLCDM]+)/.exec(first)?.[1], first, lang);
  // The signs of the path in this language; the last one a range when the run has several.
  // (Loops and functions of the module rather than closures: a summary names every change in five languages.)
  const lettered = parsed.head === 'lettered';
  const signs: string[] = [];
  for (let i = 0; i < parsed.path.length; i++) {
    const level = (lettered ? i + 1 : i) as 0 | 1 | 2;
    const token = parsed.path[i]!;
    const isLast = i === parsed.path.length - 1;
    signs.push(isLast && end ? words.range(signAt(token, level, lang), signAt(end.path[end.path.length - 1]!, level, lang), count) : signAt(token, level, lang));
  }
  let text: string;
  if (lettered) {
    text = words.sub(1, signs[0]!, signs.length === 1 ? many : 1, null, annex);
  } else if (parsed.sole) {
    text = words.sole;
  } else {
    const n = signs.length === 1 ? many : 1;
    text = parsed.head === 'pp' ? words.pp(signs[0]!, n) : words.op(signs[0]!, n, annex);
  }
  for (let i = 1; i < signs.length; i++) {
    const level = (lettered ? i + 1 : i) as 1 | 2;
    text = words.sub(level, signs[i]!, i === signs.length - 1 ? many : 1, text, annex);
  }
  return { text, gender: lang === 'ar' ? 'f' : 'm', plural };
}

// A summary names each reference in five languages, and every reference in an annex names the
// annex: each reference is parsed and each annex named once, while the names of one summary are
// kept (bounded memos; what they hold is only read).
const PARSED = new Map<string, ParsedRef | null>();
const MEMO_SIZE = 2000;
function parsedRef(ref: string): ParsedRef | null {
  let parsed = PARSED.get(ref);
  if (parsed === undefined) {
    if (PARSED.size >= MEMO_SIZE) PARSED.clear();
    parsed = parseRef(ref);
    PARSED.set(ref, parsed);
  }
  return parsed;
}

// The name of an annex in `lang` ("annex II"), from its roman numeral and the reference it was read from.
function annexOf(roman: string | undefined, whole: string, lang: SummaryLanguage): string {
  const sole = whole.startsWith('Annex,') || whole === 'Annex' || !roman;
  const key = `${lang} ${sole ? '' : roman}`;
  let name = ANNEX_NAMES.get(key);
  if (name === undefined) {
    const index = roman ? romanIndex(roman) : 0;
    name = PARTS[lang].annex(annexLabel(index, sole ? 1 : index + 2, lang));
    if (ANNEX_NAMES.size >= MEMO_SIZE) ANNEX_NAMES.clear();
    ANNEX_NAMES.set(key, name);
  }
  return name;
}
const ANNEX_NAMES = new Map<string, string>();

// A label of a path as `lang` signs it at `level` (0: the paragraph's own number, as it is).
function signAt(token: string, level: 0 | 1 | 2, lang: SummaryLanguage): string {
  return level === 0 ? token : sign(token, level, lang);
}

// The new numbers alone when the prefix stays ("7–22"), else the full name `R`.
function newNumbers(c: ChangeToSay, R: Named, lang: SummaryLanguage): string {
  if (!c.samePrefix) return R.text;
  const [a, b] = [numberOf(c.right[0]!), numberOf(c.right[c.right.length - 1]!)];
  const level = /^\(/.test(a) ? (c.right[0]!.match(/\(/g)!.length >= 2 ? 2 : 1) : 0;
  return c.right.length > 1 ? PARTS[lang].range(signAt(a, level, lang), signAt(b, level, lang), c.right.length) : signAt(a, level, lang);
}

// The number at the end of a reference ("12", "(c)", "4 bis").
const numberOf = (ref: string) => /(\d+(?: \w+)?|\([a-z]+\)(?: \w+)?)$/.exec(ref)?.[1] ?? ref;

// Endings that agree with what they follow: masculine, feminine, neuter, plural.
const agree = (n: Named, m: string, f: string, neuter: string, pl: string, fpl = pl) =>
  n.plural ? (n.gender === 'f' ? fpl : pl) : n.gender === 'f' ? f : n.gender === 'n' ? neuter : m;

const articleFr = (n: Named) => (n.plural ? 'les ' : /^[aeiouéèh]/i.test(n.text) ? 'l’' : n.gender === 'f' ? 'la ' : 'le ');
const articleEs = (n: Named) => (n.plural ? (n.gender === 'f' ? 'las ' : 'los ') : n.gender === 'f' ? 'la ' : 'el ');
const endingFr = (n: Named) => agree(n, '', 'e', '', 's', 'es');
const endingRu = (n: Named) => agree(n, '', 'а', 'о', 'ы');
const verbEs = (n: Named, one: string, many: string) => (n.plural ? many : one);
const deEs = (n: Named) => (n.plural ? `de ${articleEs(n)}` : n.gender === 'f' ? 'de la ' : 'del ');

/** One change said in `lang`. */
export function sayChange(c: ChangeToSay, lang: SummaryLanguage): string {
  const L = nameRef(c.left[0]!, c.left.length > 1 ? c.left[c.left.length - 1]! : null, lang, c.left.length);
  const R = nameRef(c.right[0]!, c.right.length > 1 ? c.right[c.right.length - 1]! : null, lang, c.right.length);
  const after = c.after === '' ? null : nameRef(c.after, null, lang);
  switch (lang) {
    case 'fr': {
      const where = after ? `après ${articleFr(after)}${after.text}` : 'au début du texte';
      switch (c.kind) {
        case 'deleted':
          return `${L.text} supprimé${endingFr(L)}`;
        case 'inserted':
          return `${R.text} inséré${endingFr(R)}`;
        case 'changed':
          return L.text === R.text ? `${R.text} modifié${endingFr(R)}` : `${L.text} (désormais ${R.text}) modifié${endingFr(L)}`;
        case 'renumbered':
          return `ancien${agree(L, '', 'ne', '', 's', 'nes')} ${L.text} renuméroté${endingFr(L)} ${newNumbers(c, R, lang)}`;
        case 'moved':
          return `${L.text} déplacé${endingFr(L)} ${where}`;
        default:
          return `${L.text} déplacé${endingFr(L)} ${where} et modifié${endingFr(L)}`;
      }
    }
    case 'es': {
      const where = after ? `después ${deEs(after)}${after.text}` : 'al principio del texto';
      switch (c.kind) {
        case 'deleted':
          return `${verbEs(L, 'se suprime', 'se suprimen')} ${articleEs(L)}${L.text}`;
        case 'inserted':
          return `${verbEs(R, 'se inserta', 'se insertan')} ${articleEs(R)}${R.text}`;
        case 'changed':
          return L.text === R.text
            ? `${verbEs(R, 'se modifica', 'se modifican')} ${articleEs(R)}${R.text}`
            : `${verbEs(L, 'se modifica', 'se modifican')} ${articleEs(L)}${L.text} (ahora ${R.text})`;
        case 'renumbered':
          return `${articleEs(L)}antiguo${agree(L, '', 'a', '', 's', 'as')} ${L.text} ${verbEs(L, 'pasa', 'pasan')} a ser ${newNumbers(c, R, lang)}`;
        case 'moved':
          return `${verbEs(L, 'se traslada', 'se trasladan')} ${articleEs(L)}${L.text} ${where}`;
        default:
          return `${verbEs(L, 'se traslada', 'se trasladan')} ${articleEs(L)}${L.text} ${where} y ${verbEs(L, 'se modifica', 'se modifican')}`;
      }
    }
    case 'ru': {
      const where = after ? `после ${genitiveRu(after.text)}` : 'в начало текста';
      switch (c.kind) {
        case 'deleted':
          return `${L.text} исключен${endingRu(L)}`;
        case 'inserted':
          return `${R.text} добавлен${endingRu(R)}`;
        case 'changed':
          return L.text === R.text ? `${R.text} изменен${endingRu(R)}` : `${L.text} (теперь ${R.text}) изменен${endingRu(L)}`;
        case 'renumbered':
          return `${L.plural ? 'прежние' : 'прежний'} ${L.text} перенумерован${endingRu(L)} в ${newNumbers(c, R, lang)}`;
        case 'moved':
          return `${L.text} перемещен${endingRu(L)} ${where}`;
        default:
          return `${L.text} перемещен${endingRu(L)} ${where} и изменен${endingRu(L)}`;
      }
    }
    default: {
      // Arabic: the verbal noun, which agrees with nothing ("حذف الفقرة 2 من الديباجة").
      const where = after ? `إلى ما بعد ${after.text}` : 'إلى بداية النص';
      // The pronoun and the verb agree: a masculine noun, a feminine one or a non-human plural, two.
      const it = c.left.length === 2 ? 'هما' : L.gender === 'm' && !L.plural ? 'ه' : 'ها';
      const become = c.left.length === 2 ? 'لتصبحا' : 'لتصبح';
      switch (c.kind) {
        case 'deleted':
          return `حذف ${L.text}`;
        case 'inserted':
          return `إدراج ${R.text}`;
        case 'changed':
          return L.text === R.text ? `تعديل ${R.text}` : `تعديل ${L.text} (وهي الآن ${R.text})`;
        case 'renumbered':
          return `إعادة ترقيم ${L.text} ${become} ${newNumbers(c, R, lang)}`;
        case 'moved':
          return `نقل ${L.text} ${where}`;
        default:
          return `نقل ${L.text} ${where} وتعديل${it}`;
      }
    }
  }
}

/** "No changes" in each of these languages. */
export const NO_CHANGES: Record<SummaryLanguage, string> = { fr: 'Aucune modification', es: 'Sin cambios', ru: 'Без изменений', ar: 'لا توجد تغييرات' };

/** How each language joins the changes: French puts a non-breaking space before its semicolon, Arabic has its own. */
export const SEPARATORS: Record<SummaryLanguage, string> = { fr: '\u00a0; ', es: '; ', ru: '; ', ar: '؛ ' };
