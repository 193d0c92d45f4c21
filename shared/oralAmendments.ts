/**
 * Oral amendments: changes read out at the meeting, applied to the issued text when action is
 * taken. The text "as orally amended" is derived, never stored. Paragraph ids stay as issued so
 * the comparison can set both texts side by side; an inserted paragraph brings an id drawn once,
 * when the amendment is recorded, so the derived text is the same every time.
 *
 * Words are found in the paragraph's text, a footnote counting as one U+FFFC that no quote can
 * hold. Words that begin or end with a Latin letter or digit match whole words only ("all" is
 * not in "shall"); Chinese matches anywhere. Deleting or inserting English words keeps one space
 * between words. A whole paragraph replaced loses its formatting and footnotes: it is read out.
 * A paragraph moved keeps its id, its formatting and its footnotes, and takes its subparagraphs
 * with it.
 *
 * One model serves the oral amendments read out at a meeting and the written proposals tabled
 * on the working text (shared/proposals.ts): a proposal's amendment is an `OralAmendment`.
 */
import { Slice, type Mark, type Node as PMNode } from 'prosemirror-model';
import { ReplaceStep, Transform } from 'prosemirror-transform';
import { sequentialNumbering } from './numbering';
import { fail, ok, type Result } from './result';
import { isParagraph, MAX_SUBPARAGRAPH_LEVEL, newParagraphId, PARAGRAPH_TYPES, resolutionSchema as schema, type ParagraphType } from './schema';

interface Common {
  paragraphId: string; // the paragraph amended, or the one a new paragraph goes before or after
  proposedBy: string | null; // a delegation id; null for the chair or the secretariat
  accepted: boolean;
}
type Occurrence = { occurrence?: number }; // which place the words are meant at (1 = first), when found twice

/** One oral amendment as recorded against the issued text. */
export type OralAmendment = Common &
  (
    | ({ kind: 'replace_words'; words: string; text: string } & Occurrence)
    | { kind: 'insert_words'; text: string; position: 'start' | 'end' }
    | ({ kind: 'insert_words'; text: string; position: 'before' | 'after'; words: string } & Occurrence)
    | ({ kind: 'delete_words'; words: string } & Occurrence)
    | { kind: 'replace_paragraph'; text: string }
    | { kind: 'insert_paragraph'; position: 'before' | 'after'; paragraphType: ParagraphType; level?: 1 | 2; text: string; newId: string }
    | { kind: 'delete_paragraph' }
    | { kind: 'move_paragraph'; position: 'before' | 'after'; targetId: string }
    | { kind: 'words_not_in_record'; note?: string }
  );

/**
 * An oral amendment the record knows was made (and accepted or not) but whose words it does
 * not give: recorded with `paragraphId: ''`, applied as no change to the text.
 */
export type WordsNotInRecord = Extract<OralAmendment, { kind: 'words_not_in_record' }>;

/** The kinds of oral amendment. */
export const ORAL_AMENDMENT_KINDS = [
  'replace_words',
  'insert_words',
  'delete_words',
  'replace_paragraph',
  'insert_paragraph',
  'delete_paragraph',
  'move_paragraph',
  'words_not_in_record',
] as const;

/** What the record says of an oral amendment whose words it does not give. */
export const WORDS_NOT_IN_RECORD = 'oral amendment made; its words are not in the record';

/** A paragraph's text with the document position of each character (a footnote is one U+FFFC). */
export interface InlineText {
  text: string;
  /** posOf[i] is the position before character i; posOf[text.length] is the end of the content. */
  posOf: number[];
}

/** The text of a node with inline content (a paragraph, the title, a footnote) at position `pos`. */
export function inlineText(node: PMNode, pos: number): InlineText {
  let text = '';
  const posOf: number[] = [];
  node.forEach((child, offset) => {
    const start = pos + 1 + offset;
    if (child.isText) for (let i = 0; i < child.text!.length; i++) posOf.push(start + i);
    else posOf.push(start);
    text += child.isText ? child.text! : '\uFFFC';
  });
  posOf.push(pos + node.nodeSize - 1);
  return { text, posOf };
}

/** The document position before character `i` of an inline text (0 ≤ i ≤ text.length); throws a RangeError outside it. */
export function positionAt({ text, posOf }: InlineText, i: number): number {
  const p = posOf[i];
  if (p === undefined) throw new RangeError(`Position ${i} outside a text of ${text.length} characters`);
  return p;
}

const SPACED = /[\p{L}\p{N}]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
// A character of a script that separates words with spaces.
const isWordChar = (c: string | undefined) => c !== undefined && SPACED.test(c) && !UNSPACED.test(c);

/** Where quoted words stand in a text: [start, end) of the chosen occurrence, or why they cannot be placed. */
export function findWords(text: string, words: string, occurrence?: number): Result<[number, number]> {
  const found: number[] = [];
  for (let i = text.indexOf(words); i !== -1; i = text.indexOf(words, i + 1)) {
    const end = i + words.length;
    const cutsWord = (isWordChar(words[0]) && isWordChar(text[i - 1])) || (isWordChar(words.at(-1)) && isWordChar(text[end]));
    if (!cutsWord) found.push(i);
  }
  const quoted = JSON.stringify(words);
  if (found.length === 0) return fail(`the words ${quoted} are not in it`);
  if (occurrence === undefined && found.length > 1) {
    return fail(`the words ${quoted} occur ${found.length} times in it: quote more words, or say which occurrence is meant`);
  }
  const at = found[(occurrence ?? 1) - 1];
  if (at === undefined) return fail(`the words ${quoted} occur only ${found.length === 1 ? 'once' : `${found.length} times`} in it, not ${occurrence} times`);
  return ok([at, at + words.length]);
}

// Whether two characters meeting at an insertion need a space between them (English, not Chinese).
const needsSpace = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && (isWordChar(a) || /[,;:.!?)]/.test(a)) && (isWordChar(b) || b === '(');

function locate(doc: PMNode, id: string): Result<{ node: PMNode; pos: number }> {
  const hits: { node: PMNode; pos: number }[] = [];
  doc.descendants((node, pos) => {
    if (isParagraph(node) && node.attrs.id === id) hits.push({ node, pos });
    return !node.isTextblock;
  });
  if (hits.length > 1) return fail(`the text has ${hits.length} paragraphs with the id ${id}`);
  const [hit] = hits;
  return hit ? ok(hit) : fail('there is no such paragraph in the text');
}

/** Where a paragraph's block ends: after the subparagraphs that belong to it (deeper than it, right after it). */
function blockEnd(doc: PMNode, pos: number, node: PMNode): number {
  const $pos = doc.resolve(pos);
  const parent = $pos.parent;
  const level = node.type.name === 'subparagraph' ? (node.attrs.level as number) : 0;
  let end = pos + node.nodeSize;
  for (let i = $pos.index() + 1; i < parent.childCount; i++) {
    const next = parent.child(i);
    if (next.type.name !== 'subparagraph' || (next.attrs.level as number) <= level) break;
    end += next.nodeSize;
  }
  return end;
}

function apply(doc: PMNode, a: OralAmendment): Result<PMNode> {
  // Its words are not known, so it changes nothing the record could show.
  if (a.kind === 'words_not_in_record') return ok(doc);
  const found = locate(doc, a.paragraphId);
  if (!found.ok) return found;
  const { node, pos } = found.value;
  const tr = new Transform(doc);
  const marksAt = (p: number): readonly Mark[] => doc.resolve(p).marks();
  const inline = inlineText(node, pos);
  const { text } = inline;
  const posAt = (i: number) => positionAt(inline, i);
  switch (a.kind) {
    case 'replace_words':
    case 'delete_words': {
      const range = findWords(text, a.words, a.occurrence);
      if (!range.ok) return range;
      let [from, to] = range.value;
      if (a.kind === 'replace_words') {
        tr.replaceWith(posAt(from), posAt(to), schema.text(a.text, doc.nodeAt(posAt(from))?.marks));
        break;
      }
      // Take one space with the words, so that none is left doubled or before punctuation.
      if (text[from - 1] === ' ' && (to === text.length || /[\s,.;:)]/.test(text.charAt(to)))) from -= 1;
      else if (from === 0 && text[to] === ' ') to += 1;
      tr.delete(posAt(from), posAt(to));
      break;
    }
    case 'insert_words': {
      let at = a.position === 'start' ? 0 : text.length;
      if (a.position === 'before' || a.position === 'after') {
        const range = findWords(text, a.words, a.occurrence);
        if (!range.ok) return range;
        at = range.value[a.position === 'before' ? 0 : 1];
      }
      const words = `${needsSpace(text[at - 1], a.text[0]) ? ' ' : ''}${a.text}${needsSpace(a.text.at(-1), text[at]) ? ' ' : ''}`;
      tr.insert(posAt(at), schema.text(words, marksAt(posAt(at))));
      break;
    }
    case 'replace_paragraph':
      tr.replaceWith(pos + 1, pos + node.nodeSize - 1, schema.text(a.text));
      break;
    case 'delete_paragraph':
      tr.delete(pos, pos + node.nodeSize);
      break;
    case 'insert_paragraph': {
      if (locate(doc, a.newId).ok) return fail(`the new paragraph's id ${a.newId} is already used in the text`);
      const attrs = a.paragraphType === 'subparagraph' ? { id: a.newId, level: a.level ?? 1 } : { id: a.newId };
      tr.insert(a.position === 'before' ? pos : pos + node.nodeSize, schema.nodes[a.paragraphType].create(attrs, schema.text(a.text)));
      break;
    }
    case 'move_paragraph': {
      // A paragraph moves with its subparagraphs; "after OP 2" is after OP 2's subparagraphs too.
      if (a.targetId === a.paragraphId) return fail('a paragraph cannot be moved before or after itself');
      const target = locate(doc, a.targetId);
      if (!target.ok) return fail(`the paragraph it is to go ${a.position} (${a.targetId}): ${target.error}`);
      const end = blockEnd(doc, pos, node);
      const t = target.value;
      if (t.pos > pos && t.pos < end) return fail(`it cannot be moved ${a.position} one of its own subparagraphs`);
      const moved = doc.slice(pos, end).content;
      tr.delete(pos, end);
      const at = tr.mapping.map(a.position === 'before' ? t.pos : blockEnd(doc, t.pos, t.node));
      const placed = tr.maybeStep(new ReplaceStep(at, at, new Slice(moved, 0, 0)));
      if (placed.failed) return fail(`it cannot stand there: ${placed.failed}`);
      break;
    }
  }
  return ok(tr.doc);
}

/**
 * The text as orally amended: the accepted amendments applied in order to the issued text.
 * Refused, naming the amendment and the paragraph ("OP 3"), when one cannot apply: no such
 * paragraph (or deleted by an earlier one), words not found or ambiguous.
 */
export function applyOralAmendments(issuedDoc: PMNode, amendments: readonly OralAmendment[]): Result<PMNode> {
  const refs = sequentialNumbering(issuedDoc).byId;
  const deletedBy = new Map<string, number>();
  let doc = issuedDoc;
  for (const [i, a] of amendments.entries()) {
    if (!a.accepted) continue;
    const next = apply(doc, a);
    if (!next.ok) {
      const ref = refs.get(a.paragraphId)?.ref;
      const where = ref ? `${ref} (paragraph ${a.paragraphId})` : `paragraph ${a.paragraphId}`;
      const gone = deletedBy.get(a.paragraphId) ?? (a.kind === 'move_paragraph' ? deletedBy.get(a.targetId) : undefined);
      const why = gone === undefined ? next.error : `oral amendment ${gone} deleted that paragraph`;
      return fail(`oral amendment ${i + 1}${a.proposedBy ? `, proposed by ${a.proposedBy},` : ''} cannot apply to ${where}: ${why}`);
    }
    if (a.kind === 'delete_paragraph') deletedBy.set(a.paragraphId, i + 1);
    doc = next.value;
  }
  return ok(doc);
}

const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth'];
const nth = (n: number | undefined) => (n === undefined ? '' : ` (the ${ORDINALS[n] ?? `${n}th`} time they occur)`);
const q = (words: string) => `"${words}"`;

/**
 * What an oral amendment said, as one sentence of the record: `OP 3: replace "twelfth" with
 * "thirteenth"`. `ref` is the paragraph as printed ("OP 3"), null when the issued text has no
 * such number (then the paragraph's id is named); `targetRef` likewise for the paragraph a moved
 * one goes before or after.
 */
export function describeOralAmendment(a: OralAmendment, ref: string | null, targetRef: string | null = null): string {
  if (a.kind === 'words_not_in_record') return a.note ? `${WORDS_NOT_IN_RECORD} (${a.note})` : WORDS_NOT_IN_RECORD;
  const where = ref ?? `paragraph ${a.paragraphId}`;
  switch (a.kind) {
    case 'replace_words':
      return `${where}: replace ${q(a.words)}${nth(a.occurrence)} with ${q(a.text)}`;
    case 'delete_words':
      return `${where}: delete ${q(a.words)}${nth(a.occurrence)}`;
    case 'insert_words':
      if (!('words' in a)) return `${where}: insert ${q(a.text)} at the ${a.position}`;
      return `${where}: insert ${q(a.text)} ${a.position} ${q(a.words)}${nth(a.occurrence)}`;
    case 'replace_paragraph':
      return `${where}: replace the paragraph with ${q(a.text)}`;
    case 'delete_paragraph':
      return `${where}: delete the paragraph`;
    case 'move_paragraph':
      return `${where}: move the paragraph ${a.position} ${targetRef ?? `paragraph ${a.targetId}`}`;
    case 'insert_paragraph': {
      const what = a.paragraphType === 'subparagraph' ? 'subparagraph' : a.paragraphType === 'plain' ? 'paragraph' : `${a.paragraphType} paragraph`;
      return `insert a new ${what} ${a.position} ${where}: ${q(a.text)}`;
    }
  }
}

/**
 * The sentences of a list of oral amendments recorded against `issuedDoc`, each naming its
 * paragraph as printed in that text; a paragraph one of them inserted is "the paragraph
 * inserted by oral amendment 2".
 */
export function describeOralAmendments(issuedDoc: PMNode, amendments: readonly OralAmendment[]): string[] {
  const refs = sequentialNumbering(issuedDoc).byId;
  const inserted = new Map<string, number>();
  return amendments.map((a, i) => {
    if (a.kind === 'insert_paragraph') inserted.set(a.newId, i + 1);
    const refOf = (id: string) => {
      const by = inserted.get(id);
      return refs.get(id)?.ref || (by !== undefined && by !== i + 1 ? `the paragraph inserted by oral amendment ${by}` : null);
    };
    return describeOralAmendment(a, refOf(a.paragraphId), a.kind === 'move_paragraph' ? refOf(a.targetId) : null);
  });
}

type Field = (v: unknown) => Result<unknown>;
const say = (v: unknown) => (v === undefined ? 'missing' : (JSON.stringify(v) ?? String(v)));
const text: Field = (v) =>
  typeof v === 'string' && v.trim() !== '' && !v.includes('\uFFFC') ? ok(v.normalize('NFC')) : fail(`must be non-empty text (no footnote mark), not ${say(v)}`);
const id: Field = (v) => (typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? ok(v) : fail(`must be a paragraph id, not ${say(v)}`));
const oneOf =
  (...values: unknown[]): Field =>
  (v) =>
    values.includes(v) ? ok(v) : fail(`must be ${values.map(say).join(' or ')}, not ${say(v)}`);
const count: Field = (v) => (Number.isSafeInteger(v) && (v as number) >= 1 ? ok(v) : fail(`must be 1, 2, 3 …, not ${say(v)}`));
const COMMON: Record<string, Field> = { paragraphId: id, proposedBy: (v) => (v === null ? ok(v) : id(v)), accepted: oneOf(true, false) };
const FIELDS: Record<(typeof ORAL_AMENDMENT_KINDS)[number], Record<string, Field>> = {
  replace_words: { words: text, text, occurrence: count },
  insert_words: { text, position: oneOf('start', 'end', 'before', 'after'), words: text, occurrence: count },
  delete_words: { words: text, occurrence: count },
  replace_paragraph: { text },
  insert_paragraph: {
    position: oneOf('before', 'after'),
    paragraphType: oneOf(...PARAGRAPH_TYPES),
    text,
    newId: id,
    level: (v) => (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_SUBPARAGRAPH_LEVEL ? ok(v) : fail(`must be a subparagraph level (1 or 2), not ${say(v)}`)),
  },
  delete_paragraph: {},
  move_paragraph: { position: oneOf('before', 'after'), targetId: id },
  words_not_in_record: { paragraphId: oneOf(''), note: text },
};
const OPTIONAL = new Set(['occurrence', 'level', 'newId', 'words', 'note']);

/** Why an oral amendment arriving as JSON is refused: the sentence, and the field it is about (null: the whole of it). */
export interface OralAmendmentRefusal {
  /** A field of the amendment ("words", "position" …; "paragraphId" for the paragraph), as a form would put the message beside it. */
  field: string | null;
  message: string;
}

/** Check an oral amendment arriving as JSON, naming a bad field; a new paragraph gets its id here, once. */
export function validateOralAmendment(json: unknown, options: { newId?: () => string } = {}): Result<OralAmendment> {
  const checked = checkOralAmendment(json, options);
  return checked.ok ? checked : fail(checked.error.message);
}

/** `validateOralAmendment`, with the field a refusal is about. */
export function checkOralAmendment(json: unknown, options: { newId?: () => string } = {}): Result<OralAmendment, OralAmendmentRefusal> {
  const refuse = (field: string | null, message: string) => fail({ field, message });
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return refuse(null, 'an oral amendment must be an object');
  const record = json as Record<string, unknown>;
  if (!(ORAL_AMENDMENT_KINDS as readonly unknown[]).includes(record.kind))
    return refuse('kind', `"kind" must be one of ${ORAL_AMENDMENT_KINDS.join(', ')}, not ${say(record.kind)}`);
  const kind = record.kind as OralAmendment['kind'];
  const fields = { ...COMMON, ...FIELDS[kind] };
  const stray = Object.keys(record).find((k) => k !== 'kind' && !Object.hasOwn(fields, k));
  if (stray !== undefined) return refuse(stray, `${kind}: unknown field "${stray}"`);
  const out: Record<string, unknown> = { kind };
  for (const [name, check] of Object.entries(fields)) {
    // An amendment whose words are unknown concerns no known paragraph: '' may be left out.
    const value = name === 'paragraphId' && kind === 'words_not_in_record' ? (record[name] ?? '') : record[name];
    if (value === undefined && OPTIONAL.has(name)) continue;
    const checked = check(value);
    if (!checked.ok) return refuse(name, `${kind}: "${name}" ${checked.error}`);
    out[name] = checked.value;
  }
  const anchored = out.position === 'before' || out.position === 'after';
  if (kind === 'insert_words' && anchored !== (out.words !== undefined)) {
    return refuse('words', `insert_words: "words" ${anchored ? `must say where to insert ${out.position}` : `goes only with "before" or "after"`}`);
  }
  if (kind === 'insert_words' && !anchored && out.occurrence !== undefined) return refuse('occurrence', 'insert_words: "occurrence" goes only with "words"');
  if ((kind === 'replace_words' || kind === 'delete_words') && out.words === undefined) return refuse('words', `${kind}: "words" must be non-empty text, not missing`);
  if (kind === 'insert_paragraph') {
    if (out.level !== undefined && out.paragraphType !== 'subparagraph') return refuse('level', 'insert_paragraph: "level" goes only with a subparagraph');
    out.newId ??= (options.newId ?? newParagraphId)();
  }
  return ok(out as unknown as OralAmendment);
}
