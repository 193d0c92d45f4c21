/**
 * Paragraphs named as a meeting names them: "OP 3", "PP 2", "OP 4 (c) (ii)", "Annex I, para. (b)"
 * — the references `numbering.ts` derives for an issued text, numbered in sequence. An oral
 * amendment is read out against such a number, never against an internal id; this module turns
 * the one into the other for a given text, and lists the numbers a text prints (for a form's
 * choices). Reading is tolerant of case, spaces, dots and full-width brackets ("op4(c)", "OP 4 (c).")
 * and reads the names the six languages give paragraphs (`spokenParagraphName`, paragraphNames.ts):
 * "执行部分第3段(c)分段", "paragraphe 3 du dispositif", "alinéa c) du paragraphe 3", "párrafo 2 del
 * preámbulo", "пункт 1 приложения I", "الفقرة الفرعية (ج) من الفقرة 3 من المنطوق". Pure.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { westernDigits } from './import/conventions';
import { readAnnexMarker } from './import/headings';
import { readLetters } from './import/labels';
import { sequentialNumbering } from './numbering';
import { chineseNumber, romanNumber } from './numberingLabels';
import { fail, ok, type Result } from './result';
import { type ParagraphType, type TextJSON, textFromJSON } from './schema';

/** One paragraph of a text as it can be named at a meeting. */
export interface ParagraphLabel {
  /** The paragraph's stable id. */
  id: string;
  /** Its number as read out: "OP 3", "PP 2", "OP 4 (c) (ii)", "Annex I, para. (b)"; "OP" for a single operative paragraph. */
  ref: string;
  kind: ParagraphType;
  /** The first words of the paragraph, to tell the choices apart. */
  excerpt: string;
}

const EXCERPT_LENGTH = 60;

function excerptOf(text: string): string {
  const flat = text
    .replace(/\uFFFC/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

/** The numbered paragraphs of an issued text, in document order (plain paragraphs have no number and are left out). */
export function paragraphLabels(text: PMNode | TextJSON): ParagraphLabel[] {
  const doc = 'nodeSize' in text ? (text as PMNode) : textFromJSON(text);
  const numbering = sequentialNumbering(doc);
  const texts = new Map<string, string>();
  doc.descendants((node) => {
    if (node.isTextblock && typeof node.attrs.id === 'string' && !texts.has(node.attrs.id)) {
      // The paragraph's own words: a footnote's text is not part of them.
      let words = '';
      node.forEach((child) => {
        if (child.isText) words += child.text;
      });
      texts.set(node.attrs.id, words);
    }
    return !node.isTextblock;
  });
  const seen = new Set<string>();
  const out: ParagraphLabel[] = [];
  for (const p of numbering.paragraphs) {
    if (p.ref === '' || seen.has(p.id)) continue;
    seen.add(p.id);
    out.push({ id: p.id, ref: p.ref, kind: p.kind, excerpt: excerptOf(texts.get(p.id) ?? '') });
  }
  return out;
}

// The words that give away a paragraph named in words rather than as a chair's reference.
const NAMED =
  /subparagraph|preambular|operative|\bof annex|执行|序言|附件|paragraphe|alinéa|dispositif|préambule|annexe|párrafo|apartado|inciso|preámbulo|dispositiva|anexo|пункт|преамбул|постановляющ|приложени|الفقرة|المنطوق|الديباجة|المرفق/iu;
const PREAMBLE = /preambular|序言|préambule|preámbulo|преамбул|الديباجة/iu;
// Names that say the inner subparagraph first: "sous-alinéa ii) de l'alinéa c)", "inciso ii) del apartado c)".
const INNER_FIRST = /sous-alinéa.+alinéa|inciso.+apartado|подпункт\S*\s+\S+\s+подпункта|الفقرة الفرعية.+من الفقرة الفرعية/iu;
const ANNEX_WORDS = /(annexe?|anexo|приложени[еяи]|المرفق|附件)\s*([ivxlc]+\b|\d+|[一二三四五六七八九十]+|(?:ال\S+)(?:\s+عشر)?)?/iu;
const SIGNS =
  /[(（]\s*[a-z]{1,5}\s*[)）]|(?<![\p{L}\d])[a-z]{1,5}\)|[(（]\s*(?:هـ|[\u0621-\u064a])\s*[)）]|[’'‘]\s*\d{1,2}\s*[‘'’]|[㈠-㈩]|[(（][一二三四五六七八九十]{1,3}[)）]/giu;
const HEAD_NUMBER = /(\d{1,3})(?:\s*(bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?/iu;

// Paragraphs are also named by ordinal words, preambular ones most often: "the second preambular
// paragraph", « le deuxième alinéa du préambule », "el segundo párrafo del preámbulo", «второй пункт
// преамбулы», "الفقرة الثانية من الديباجة", "序言部分第二段". Each list gives the words for 1, 2, 3 …
const ORDINAL_WORDS: readonly (readonly string[])[] = [
  ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth'],
  [
    'premier|première',
    'deuxième|second|seconde',
    'troisième',
    'quatrième',
    'cinquième',
    'sixième',
    'septième',
    'huitième',
    'neuvième',
    'dixième',
    'onzième',
    'douzième',
    'treizième',
    'quatorzième',
    'quinzième',
  ],
  [
    'primer|primero|primera',
    'segundo|segunda',
    'tercer|tercero|tercera',
    'cuarto|cuarta',
    'quinto|quinta',
    'sexto|sexta',
    'séptimo|séptima',
    'octavo|octava',
    'noveno|novena',
    'décimo|décima',
    'undécimo|undécima',
    'duodécimo|duodécima',
  ],
  ['перв\\S*', 'втор\\S*', 'трет\\S*', 'четв[её]рт\\S*', 'пят\\S*', 'шест\\S*', 'седьм\\S*', 'восьм\\S*', 'девят\\S*', 'десят\\S*'],
  ['الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة', 'السابعة', 'الثامنة', 'التاسعة', 'العاشرة', 'الحادية عشرة', 'الثانية عشرة'],
];
const ORDINALS = ORDINAL_WORDS.flatMap((words) => words.flatMap((alternatives, i) => alternatives.split('|').map((word) => ({ word, n: i + 1 }))))
  // The longest first, so that "الثانية عشرة" is not read as "الثانية".
  .sort((a, b) => b.word.length - a.word.length);
const ORDINAL = new RegExp(`(?<![\\p{L}])(?:${ORDINALS.map((o) => `(${o.word})`).join('|')})(?![\\p{L}])`, 'giu');
const CHINESE_ORDINAL = /第\s*([一二三四五六七八九十]+)\s*段/u;

// The name with its ordinal words as digits: "deuxième alinéa" → "2 alinéa", "第二段" → "第2段".
function ordinalsAsDigits(s: string): string {
  const zh = CHINESE_ORDINAL.exec(s);
  if (zh) {
    for (let n = 1; n <= 99; n++) if (chineseNumber(n) === zh[1]) return s.replace(zh[0], `第${n}段`);
  }
  return s.replace(ORDINAL, (...m: unknown[]) => {
    const at = (m.slice(1, ORDINALS.length + 1) as (string | undefined)[]).findIndex((g) => g !== undefined);
    return ` ${ORDINALS[at]!.n} `;
  });
}

/**
 * A paragraph named in words in one of the six languages, as the English reference the numbering
 * gives it ("alinéa c) du paragraphe 3 du dispositif" → "OP 3 (c)"), or null when `label` is not such a name.
 */
export function referenceFromWords(label: string): string | null {
  let s = westernDigits(label.normalize('NFKC')).trim();
  if (!NAMED.test(s)) return null;
  let annex = '';
  const a = ANNEX_WORDS.exec(s);
  if (a) {
    const word = /^附件/u.test(a[1]!) ? '附件' : /^المرفق/u.test(a[1]!) ? 'المرفق' : 'Annex';
    const marker = readAnnexMarker(a[2] ? `${word}${word === '附件' ? '' : ' '}${a[2].trim()}` : word);
    if (!marker) return null;
    annex = marker.ordinal === null ? 'Annex, ' : `Annex ${romanNumber(marker.ordinal).toUpperCase()}, `;
    s = s.replace(a[0], ' ');
  }
  const signs: string[] = [];
  s = s.replace(SIGNS, (sign) => {
    const read = readLetters(`${sign.replace(/\s+/gu, '')} x`);
    if (read) signs.push(`(${read.letters})`);
    return ' ';
  });
  if (INNER_FIRST.test(label)) signs.reverse();
  const n = HEAD_NUMBER.exec(ordinalsAsDigits(s));
  const number = n ? `${n[1]}${n[2] ? ` ${n[2].toLowerCase()}` : ''}` : null;
  const subs = signs.length ? ` ${signs.join(' ')}` : '';
  if (number === null) return signs.length ? `${annex}para.${subs}` : annex ? null : 'OP';
  if (PREAMBLE.test(s)) return signs.length ? null : `${annex}PP ${number}`;
  return annex ? `${annex}para. ${number}${subs}` : `OP ${number}${subs}`;
}

/** The key two spellings of one reference share: "op 4(c)" and "OP 4 (c)" both give "OP4(C)"; "paragraphe 4 du dispositif" gives "OP4". */
export function labelKey(label: string): string {
  const s = referenceFromWords(label) ?? label.normalize('NFKC').trim();
  return s
    .toUpperCase()
    .replace(/\bOPERATIVE\s+PARAGRAPH\b/g, 'OP')
    .replace(/\bPREAMBULAR\s+PARAGRAPH\b/g, 'PP')
    .replace(/\bPARAGRAPH\b/g, 'PARA')
    .replace(/[\s.]/g, '');
}

/**
 * The id of the paragraph `label` names in `text` (an issued text, numbered in sequence), or a
 * sentence naming the label and the numbers the text has.
 */
export function paragraphIdOf(text: PMNode | TextJSON, label: string): Result<string, string> {
  const labels = paragraphLabels(text);
  const key = labelKey(label);
  const found = key === '' ? undefined : labels.find((l) => labelKey(l.ref) === key);
  if (found) return ok(found.id);
  const known = labels.map((l) => l.ref);
  const shown = JSON.stringify(label.trim());
  if (known.length === 0) return fail(`there is no paragraph ${shown}: the text has no numbered paragraphs`);
  return fail(`there is no paragraph ${shown} in the text: its paragraphs are ${known.join(', ')}`);
}
