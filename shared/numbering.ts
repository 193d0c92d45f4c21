/**
 * Paragraph numbers, derived from a text and never stored.
 *
 * Two numberings are in use (see docs/DOMAIN.md). An issued text is numbered in sequence:
 * operative paragraphs 1, 2, 3; under each, subparagraphs (a) … (z), (aa), (bb) and under those
 * (i), (ii); preambular paragraphs are not printed with numbers but are referred to as "PP 3".
 * While a text is negotiated, every paragraph keeps the number it had in the text under
 * negotiation (its base), and a new one takes the number of the paragraph before it plus
 * "bis", "ter" …, so that "OP 5" means the same paragraph all through the consultations.
 *
 * Choices made where practice leaves room:
 * - A new paragraph before the first numbered one of its sequence is "new" (then "new bis" …):
 *   "0 bis" would be read as a typing error, and "1 bis" would claim to follow OP 1.
 * - A sequence with no paragraph from the base (all subparagraphs of a new "3 bis", or the
 *   first subparagraphs given to an operative paragraph) is numbered in sequence: nobody has
 *   referred to those numbers yet.
 * - A paragraph keeps its base number only under the same parent, in the same annex, as the
 *   same kind and level; otherwise (moved under another paragraph, Tab-ed to another level)
 *   it is numbered as a new one.
 * - Where two paragraphs share an id (a split paragraph before its id is renewed), the first
 *   keeps the id's number and the second counts as new.
 * - The single-operative-paragraph rule (not numbered) holds in the main body only; in
 *   negotiation it holds while that paragraph had no number in the base and is still alone.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { fail, ok, type Result } from './result';
import type { ParagraphType, TextJSON } from './schema';
import { outline, type Item, type Outline } from './numberingOutline';
import { annexLabel, formatOrdinal, parseOrdinal, parseRef, type AnnexLanguage, type Ordinal, type OrdinalStyle, type ParsedRef } from './numberingLabels';

/** The derived number of one paragraph. */
export interface ParagraphNumber {
  readonly id: string;
  readonly kind: ParagraphType;
  /** 1 or 2 for a subparagraph, 0 for the other kinds. */
  readonly level: 0 | 1 | 2;
  /** Printed before the text: "3.", "3 bis.", "(a)", "(ii)"; "" for preambular, plain and a single operative paragraph. */
  readonly label: string;
  /** The number alone: "3", "3 bis", "(a) bis", "2" for PP 2; "" for plain paragraphs and a single operative one. */
  readonly number: string;
  /** What a chair reads out: "OP 3", "OP 4 (c) (ii)", "PP 2", "para. (a)", "Annex I, para. (b)"; "" for plain. */
  readonly ref: string;
  /** The reference of the paragraph this one belongs to ("OP 4" for "OP 4 (c)"), or "". */
  readonly parentRef: string;
  /** The id of that paragraph, or null. */
  readonly parentId: string | null;
  /** The index of the annex the paragraph is in, or null in the main body. */
  readonly annex: number | null;
}

/** The label of one annex. */
export interface AnnexNumber {
  readonly id: string;
  readonly index: number;
  /** "Annex", "Annex I" … or "附件", "附件一" …, per `NumberingOptions.lang`. */
  readonly label: string;
}

/** The number of one footnote, counted through the whole text in document order. */
export interface FootnoteNumber {
  readonly id: string;
  readonly number: number;
}

/** All the numbers of a text. */
export interface Numbering {
  /** One entry per paragraph, in document order. */
  readonly paragraphs: readonly ParagraphNumber[];
  /** The same entries by paragraph id (the first paragraph wins where an id repeats). */
  readonly byId: ReadonlyMap<string, ParagraphNumber>;
  readonly annexes: readonly AnnexNumber[];
  /** One entry per footnote, in document order. */
  readonly footnotes: readonly FootnoteNumber[];
  /** Footnote numbers by footnote id (the first footnote wins where an id repeats). */
  readonly footnoteById: ReadonlyMap<string, number>;
}

/** The numbers of the text under negotiation: paragraph id → reference ("OP 3", "Annex I, para. (b)"). */
export type NumberingBase = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/** Options of both numberings. */
export interface NumberingOptions {
  /** The language of annex labels (references stay in English, the working language of consultations). */
  readonly lang?: AnnexLanguage;
}

/** Number an issued text in sequence: 1, 2, 3; (a), (b); (i), (ii); annexes and footnotes too. */
export function sequentialNumbering(doc: PMNode | TextJSON, options: NumberingOptions = {}): Numbering {
  return assign(outline(doc), null, options);
}

/** Number a text under negotiation against its base: kept numbers, "3 bis" for insertions, gaps for deletions. */
export function negotiationNumbering(doc: PMNode | TextJSON, base: NumberingBase, options: NumberingOptions = {}): Result<Numbering, string> {
  const parsed = new Map<string, ParsedRef>();
  const entries = base instanceof Map ? base.entries() : Object.entries(base);
  for (const [id, ref] of entries as Iterable<[string, unknown]>) {
    if (ref === '') continue;
    const p = typeof ref === 'string' ? parseRef(ref) : null;
    if (!p) return fail(`The base number ${JSON.stringify(ref)} of paragraph ${id} is not a paragraph number`);
    parsed.set(id, p);
  }
  return ok(assign(outline(doc), parsed, options));
}

/** The base for negotiation numbering, from the numbering of the last issued text. */
export function negotiationBase(numbering: Numbering): Record<string, string> {
  const base = new Map<string, string>();
  for (const p of numbering.paragraphs) if (p.ref !== '' && !base.has(p.id)) base.set(p.id, p.ref);
  return Object.fromEntries(base);
}

function styleOf(item: Item): OrdinalStyle {
  return item.kind === 'subparagraph' ? (item.level === 1 ? 'letter' : 'roman') : 'arabic';
}

// The sequence a paragraph is numbered in: the operative (or preambular) paragraphs of one part
// of the text, or the subparagraphs of one level under one parent.
function sequenceOf(item: Item): string {
  if (item.kind === 'operative') return `o${item.annex}`;
  if (item.kind === 'preambular') return `p${item.annex}`;
  return item.parent >= 0 ? `${item.parent}.${item.level}` : `r${item.annex}.${item.level}`;
}

// Numbers every paragraph; with no base, in sequence. Two linear passes: which base numbers hold,
// then the numbers of the rest, which must avoid all the held ones of their sequence.
function assign(o: Outline, base: ReadonlyMap<string, ParsedRef> | null, options: NumberingOptions): Numbering {
  const { items } = o;
  const count = items.length;
  const heads: string[] = new Array(count); // "op", "pp", "lettered"
  const sequences: string[] = new Array(count);
  const keys: string[] = new Array(count); // where the paragraph stands: "-1|op|4|(c)"
  const tokens: string[] = new Array(count).fill(''); // the printed numbers
  const kept: (Ordinal | null)[] = new Array(count).fill(null);
  const soleInBase: boolean[] = new Array(count).fill(false);
  const used = new Map<string, Set<string>>();
  const keptSequences = new Set<string>();
  const seenIds = new Set<string>();
  const parentKey = (i: number) => (items[i]!.parent >= 0 ? keys[items[i]!.parent]! : `${items[i]!.annex}|${heads[i]}`);

  for (let i = 0; i < count; i++) {
    const item = items[i]!;
    heads[i] = item.kind === 'operative' ? 'op' : item.kind === 'preambular' ? 'pp' : item.parent >= 0 ? heads[item.parent]! : 'lettered';
    sequences[i] = sequenceOf(item);
    if (!base || item.kind === 'plain' || seenIds.has(item.id)) continue;
    seenIds.add(item.id);
    const ref = base.get(item.id);
    if (!ref || (ref.annex ?? -1) !== item.annex || ref.head !== heads[i]) continue;
    if (item.parent >= 0 && !kept[item.parent]) continue;
    const key = parentKey(i);
    let refKey = `${item.annex}|${ref.head}`;
    for (let t = 0; t < ref.path.length - 1; t++) refKey += `|${ref.path[t]}`;
    if (refKey !== key) continue;
    // Tokens that parse are canonical, so the base's token is also the printed one.
    const token = ref.path[ref.path.length - 1]!;
    const own = parseOrdinal(token, styleOf(item));
    const taken = used.get(sequences[i]!) ?? new Set<string>();
    if (!own || taken.has(token)) continue;
    used.set(sequences[i]!, taken.add(token));
    keptSequences.add(sequences[i]!);
    kept[i] = own;
    soleInBase[i] = ref.sole;
    tokens[i] = token;
    keys[i] = `${key}|${token}`;
  }

  const anchors = new Map<string, Ordinal>();
  const counters = new Map<string, number>();
  let bodyOps = 0;
  let bodyOp = -1;
  for (let i = 0; i < count; i++) {
    const item = items[i]!;
    if (item.kind === 'operative' && item.annex === -1) {
      bodyOps++;
      bodyOp = i;
    }
    if (item.kind === 'plain') continue;
    const sequence = sequences[i]!;
    let ord = kept[i];
    if (!ord) {
      const style = styleOf(item);
      if (!keptSequences.has(sequence)) {
        const n = (counters.get(sequence) ?? 0) + 1;
        counters.set(sequence, n);
        ord = { n, k: 0 };
        tokens[i] = formatOrdinal(ord, style);
      } else {
        const anchor = anchors.get(sequence);
        const taken = used.get(sequence)!;
        const n = anchor?.n ?? 0;
        let k = anchor ? anchor.k + 1 : 0;
        while (taken.has(formatOrdinal({ n, k }, style))) k++;
        ord = { n, k };
        taken.add((tokens[i] = formatOrdinal(ord, style)));
      }
      keys[i] = `${parentKey(i)}|${tokens[i]}`;
    }
    anchors.set(sequence, ord);
  }
  const sole = bodyOps === 1 && (soleInBase[bodyOp] || !keptSequences.has('o-1')) ? bodyOp : -1;
  return present(o, tokens, sole, options);
}

// Spells the numbers out: labels, references, annex labels, footnote numbers.
function present(o: Outline, tokens: readonly string[], sole: number, options: NumberingOptions): Numbering {
  const { items, annexIds, footnoteIds } = o;
  const prefixes = annexIds.map((_, a) => `${annexLabel(a, annexIds.length)}, `);
  const paragraphs: ParagraphNumber[] = [];
  const byId = new Map<string, ParagraphNumber>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const prefix = item.annex >= 0 ? prefixes[item.annex]! : '';
    const parent = item.parent >= 0 ? paragraphs[item.parent]! : null;
    let number = i === sole ? '' : tokens[i]!;
    let label = '';
    let ref = '';
    if (i === sole) ref = 'OP';
    else if (item.kind === 'operative') {
      label = number.startsWith('new') ? number : `${number}.`;
      ref = item.annex >= 0 ? `${prefix}para. ${number}` : `OP ${number}`;
    } else if (item.kind === 'preambular') ref = `${prefix}PP ${number}`;
    else if (item.kind === 'subparagraph') {
      label = number;
      ref = parent ? `${parent.ref} ${number}` : `${prefix}para. ${number}`;
    } else number = '';
    const entry: ParagraphNumber = {
      id: item.id,
      kind: item.kind,
      level: item.level,
      label,
      number,
      ref,
      parentRef: parent?.ref ?? '',
      parentId: parent?.id ?? null,
      annex: item.annex >= 0 ? item.annex : null,
    };
    paragraphs.push(entry);
    if (!byId.has(item.id)) byId.set(item.id, entry);
  }
  const annexes = annexIds.map((id, index) => ({ id, index, label: annexLabel(index, annexIds.length, options.lang) }));
  const footnotes = footnoteIds.map((id, i) => ({ id, number: i + 1 }));
  const footnoteById = new Map<string, number>();
  for (const f of footnotes) if (!footnoteById.has(f.id)) footnoteById.set(f.id, f.number);
  return { paragraphs, byId, annexes, footnotes, footnoteById };
}
