/**
 * Suggesting: one edit of one paragraph, typed in the editor, said as the one amendment of
 * shared/oralAmendments.ts that makes it — replace, insert or delete words — so that a proposal
 * and an oral amendment are the same thing. The paragraph's text is its inline text (a footnote
 * is one U+FFFC, as `inlineText` gives it).
 *
 * Words that begin or end with a Latin (Arabic, Cyrillic …) letter or digit are quoted whole, as
 * `findWords` requires: typing "s" after "State" proposes to replace "State" with "States".
 * Chinese needs no widening. Every amendment returned has been applied, by the model's own
 * `applyOralAmendments`, to the paragraph before the edit and gives exactly the edited text;
 * `occurrence` is set when the quoted words occur more than once.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { applyOralAmendments, findWords, inlineText, type OralAmendment } from './oralAmendments';
import { fail, ok, type Result } from './result';
import { resolutionSchema as schema } from './schema';

/** One edit of a paragraph's text: the characters [from, to) replaced by `text`. */
export interface TextEdit {
  from: number;
  to: number;
  text: string;
}

/** The word amendments a suggestion turns into. */
export type WordsAmendment = Extract<OralAmendment, { kind: 'replace_words' | 'insert_words' | 'delete_words' }>;

const FOOTNOTE = '\uFFFC';
const SPACED = /[\p{L}\p{N}]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
// A character of a script that separates words with spaces (as findWords counts them).
const isWordChar = (c: string | undefined) => c !== undefined && SPACED.test(c) && !UNSPACED.test(c);
// Two characters side by side inside one word: a quote may not start or end between them.
const cuts = (a: string | undefined, b: string | undefined) => isWordChar(a) && isWordChar(b);

/** A text with an edit made. */
export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.from) + edit.text + text.slice(edit.to);
}

/** The one edit that turns `before` into `after`, keeping what they share at the start and the end; null when they are equal. */
export function editBetween(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { from: start, to: before.length - end, text: after.slice(start, after.length - end) };
}

/**
 * A further edit, made on the text as already edited, merged with the first into one edit of
 * the original text: keystrokes in one paragraph make one pending suggestion. Null when the two
 * cancel out.
 */
export function mergeEdits(original: string, first: TextEdit | null, next: TextEdit): TextEdit | null {
  const edited = first ? applyEdit(original, first) : original;
  return editBetween(original, applyEdit(edited, next));
}

// The edit widened until neither end cuts a word, before or after it.
function widen(before: string, edit: TextEdit): TextEdit {
  let { from, to, text } = edit;
  for (;;) {
    const after = before.slice(0, from) + text + before.slice(to);
    const end = from + text.length;
    if (from > 0 && (cuts(before[from - 1], before[from]) || cuts(after[from - 1], after[from]))) {
      from -= 1;
      text = before[from] + text;
    } else if (to < before.length && (cuts(before[to - 1], before[to]) || cuts(after[end - 1], after[end]))) {
      text += before[to];
      to += 1;
    } else return { from, to, text };
  }
}

// A paragraph holding `text`, its U+FFFC made footnotes, in the smallest text the schema allows.
function oneParagraph(text: string): PMNode {
  const inline: PMNode[] = [];
  text.split(FOOTNOTE).forEach((part, i) => {
    if (i > 0) inline.push(schema.nodes.footnote.create({ id: `n${i}` }, schema.text('note')));
    if (part !== '') inline.push(schema.text(part));
  });
  return schema.nodes.doc.create(null, [schema.nodes.title.create(null, schema.text('T')), schema.nodes.operative.create({ id: 'p' }, inline)]);
}

// What the model makes of the paragraph with the amendment applied; null when it refuses it.
function applied(before: string, amendment: WordsAmendment): string | null {
  const result = applyOralAmendments(oneParagraph(before), [{ ...amendment, paragraphId: 'p', accepted: true }]);
  if (!result.ok) return null;
  const paragraph = result.value.child(1);
  return inlineText(paragraph, 0).text;
}

// Which occurrence of `words` starts at `at` (undefined: the only one); null when findWords does not place it there.
function occurrenceAt(text: string, words: string, at: number): number | undefined | null {
  const only = findWords(text, words);
  if (only.ok) return only.value[0] === at ? undefined : null;
  for (let n = 1; ; n++) {
    const found = findWords(text, words, n);
    if (!found.ok) return null;
    if (found.value[0] === at) return n;
  }
}

// Words a proposal may quote or bring: some text, no footnote mark, as the model validates them.
const quotable = (s: string) => s.trim() !== '' && !s.includes(FOOTNOTE) && s === s.normalize('NFC');

// Where quoted words may start before `at` (and end after it): one more word each time, with the
// spaces before it; in Chinese, two more characters.
function wordStartsBefore(text: string, at: number, count: number): number[] {
  const out: number[] = [];
  let i = at;
  for (let n = 0; n < count && i > 0; n++) {
    while (i > 0 && /\s/.test(text[i - 1]!)) i--;
    if (i > 0 && UNSPACED.test(text[i - 1]!)) for (let k = 0; k < 2 && i > 0 && UNSPACED.test(text[i - 1]!); k++) i--;
    else while (i > 0 && !/\s/.test(text[i - 1]!) && !UNSPACED.test(text[i - 1]!)) i--;
    out.push(i);
  }
  return out;
}
function wordEndsAfter(text: string, at: number, count: number): number[] {
  const out: number[] = [];
  let i = at;
  for (let n = 0; n < count && i < text.length; n++) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i < text.length && UNSPACED.test(text[i]!)) for (let k = 0; k < 2 && i < text.length && UNSPACED.test(text[i]!); k++) i++;
    else while (i < text.length && !/\s/.test(text[i]!) && !UNSPACED.test(text[i]!)) i++;
    out.push(i);
  }
  return out;
}

// The same insertion placed a little to the left or right (inserting "a " after "x" is inserting " a" before it when the text goes on with " ").
function slides(before: string, at: number, text: string): { at: number; text: string }[] {
  const out = [{ at, text }];
  for (let a = at, t = text; a > 0 && t.at(-1) === before[a - 1]; ) {
    t = before[a - 1] + t.slice(0, -1);
    a -= 1;
    out.push({ at: a, text: t });
  }
  for (let a = at, t = text; a < before.length && t[0] === before[a]; ) {
    t = t.slice(1) + before[a];
    a += 1;
    out.push({ at: a, text: t });
  }
  return out;
}

const WORDS_AROUND = 4;

// Every amendment that might say the edit, the plainest first; each is checked before it is returned.
function* candidates(before: string, edit: TextEdit, paragraphId: string, proposedBy: string | null): Generator<WordsAmendment> {
  const common = { paragraphId, proposedBy, accepted: false as const };
  const removed = before.slice(edit.from, edit.to);
  const at = (words: string, start: number) => {
    const occurrence = occurrenceAt(before, words, start);
    return occurrence === null ? null : occurrence === undefined ? {} : { occurrence };
  };
  if (removed === '') {
    for (const slide of slides(before, edit.from, edit.text)) {
      for (const text of new Set([slide.text.trim(), slide.text])) {
        if (!quotable(text)) continue;
        if (before.slice(0, slide.at).trim() === '') yield { ...common, kind: 'insert_words', text, position: 'start' };
        if (before.slice(slide.at).trim() === '') yield { ...common, kind: 'insert_words', text, position: 'end' };
        // The words just before, then just after, without the spaces beside them first.
        for (const start of wordStartsBefore(before, slide.at, WORDS_AROUND)) {
          const quoted = before.slice(start, slide.at);
          for (const words of new Set([quoted.trimEnd(), quoted])) {
            const place = quotable(words) ? at(words, start) : null;
            if (place) yield { ...common, kind: 'insert_words', text, position: 'after', words, ...place };
          }
        }
        for (const end of wordEndsAfter(before, slide.at, WORDS_AROUND)) {
          const quoted = before.slice(slide.at, end);
          const lead = quoted.length - quoted.trimStart().length;
          for (const [words, start] of [
            [quoted.trimStart(), slide.at + lead],
            [quoted, slide.at],
          ] as const) {
            const place = quotable(words) ? at(words, start) : null;
            if (place) yield { ...common, kind: 'insert_words', text, position: 'before', words, ...place };
          }
        }
      }
    }
  } else if (edit.text === '') {
    for (const slide of slides(before, edit.from, removed)) {
      const lead = slide.text.length - slide.text.trimStart().length;
      const words = slide.text.trim();
      for (const [w, start] of [
        [words, slide.at + lead],
        [slide.text, slide.at],
      ] as const) {
        const place = quotable(w) ? at(w, start) : null;
        if (place) yield { ...common, kind: 'delete_words', words: w, ...place };
      }
    }
  } else if (quotable(removed) && quotable(edit.text)) {
    const place = at(removed, edit.from);
    if (place) yield { ...common, kind: 'replace_words', words: removed, text: edit.text, ...place };
  }
  // Otherwise the words around the edit, replaced with themselves edited: always sayable, if longer.
  const starts = [edit.from, ...wordStartsBefore(before, edit.from, WORDS_AROUND * 2)];
  const ends = [edit.to, ...wordEndsAfter(before, edit.to, WORDS_AROUND * 2)];
  for (let grow = 1; grow < starts.length + ends.length; grow++) {
    for (let left = 0; left <= grow; left++) {
      const start = starts[Math.min(left, starts.length - 1)]!;
      const end = ends[Math.min(grow - left, ends.length - 1)]!;
      const words = before.slice(start, end);
      const text = before.slice(start, edit.from) + edit.text + before.slice(edit.to, end);
      if (!quotable(words) || !quotable(text)) continue;
      const place = at(words, start);
      if (place) yield { ...common, kind: 'replace_words', words, text, ...place };
    }
  }
}

/**
 * The amendment that proposes `edit` of a paragraph whose text is `before`: replace, insert or
 * delete words, quoted whole and placed without doubt. Refused, with the reason a user can read,
 * when the edit changes nothing or touches a footnote (a proposal quotes words, and a footnote
 * is none), or leaves nothing a quote can hold.
 */
export function suggestAmendment(before: string, edit: TextEdit, paragraphId: string, proposedBy: string | null): Result<WordsAmendment> {
  if (edit.from < 0 || edit.to < edit.from || edit.to > before.length) throw new RangeError(`Edit [${edit.from}, ${edit.to}) outside a text of ${before.length} characters`);
  const after = applyEdit(before, edit);
  const minimal = editBetween(before, after);
  if (minimal === null) return fail('nothing was changed');
  if (before.slice(minimal.from, minimal.to).includes(FOOTNOTE) || minimal.text.includes(FOOTNOTE)) {
    return fail('a footnote cannot be changed by a proposal: propose the words around it, or write to the sponsors');
  }
  for (const amendment of candidates(before, widen(before, minimal), paragraphId, proposedBy)) {
    if (applied(before, amendment) === after) return ok(amendment);
  }
  return fail('this change cannot be said as words to replace, insert or delete: propose it in fewer places at once');
}
