/**
 * The character diff inside a changed paragraph: diff-match-patch by character, then its
 * semantic clean-up, which turns a scatter of one-character matches into whole changed phrases
 * and so reads well in Chinese (no spaces to split words on) as in English and Arabic.
 *
 * diff-match-patch counts UTF-16 code units, so it may cut an emoji's surrogate pair or an
 * accent from its letter. Each unchanged run is therefore trimmed to grapheme-cluster
 * boundaries on both sides, and what is trimmed off joins the neighbouring change: a change to
 * one member of an emoji sequence shows the whole emoji deleted and the new one inserted. In
 * scripts written with spaces the trim also goes to word boundaries, so that English and Arabic
 * changes show whole words.
 */
import DiffMatchPatch from 'diff-match-patch';
import type { Segment } from './types';

// The default time limit is kept: it also turns on the half-match speed-up, and a paragraph never
// comes near the limit itself.
const dmp = new DiffMatchPatch();

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Text in which every UTF-16 unit is a grapheme of its own: ASCII, Latin-1, most Chinese and
// Japanese, general punctuation. Anything else (marks, joiners, surrogates, Hangul, Indic and
// Arabic prepend signs) goes to Intl.Segmenter, which costs far more than the diff itself.
const SIMPLE = /^[\t\n\u0020-\u007e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2460-\u24ff\u27e6\u27e7\u3000-\u3029\u3030-\u3098\u309b-\u30ff\u4e00-\u9fff\uff01-\uff9d]*$/;

// Letters of scripts that separate words with spaces; Chinese, Japanese and Thai do not, so a
// change there may start inside a run of letters.
const WORD = /[\p{L}\p{N}\p{M}]/u;
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const inWord = (c: string | undefined) => c !== undefined && WORD.test(c) && !UNSPACED.test(c);

// Where a change may start or end in a text: at a grapheme-cluster boundary that is not inside
// a word ("Request|s" reads worse than "Requests"). Grapheme cuts are computed only when asked.
function cuts(text: string): (pos: number) => boolean {
  let set: Set<number> | null = null;
  let simple: boolean | null = null;
  return (pos) => {
    if (pos === 0 || pos === text.length) return true;
    if (inWord(text[pos - 1]) && inWord(text[pos])) return false;
    if ((simple ??= SIMPLE.test(text))) return true;
    if (!set) {
      set = new Set<number>();
      for (const s of graphemes.segment(text)) set.add(s.index);
    }
    return set.has(pos);
  };
}

/** The character diff of two paragraph texts, cut at grapheme boundaries only. */
export function diffText(left: string, right: string): Segment[] {
  if (left === right) return left === '' ? [] : [{ op: 'equal', text: left }];
  const diffs = dmp.diff_main(left, right);
  dmp.diff_cleanupSemantic(diffs);
  const atLeft = cuts(left);
  const atRight = cuts(right);
  const at = (a: number, b: number) => atLeft(a) && atRight(b);
  const out: Segment[] = [];
  let del: string | null = null; // the change being gathered, as its two sides
  let ins = '';
  const flush = () => {
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
    del = null;
    ins = '';
  };
  let a = 0;
  let b = 0;
  for (const [op, text] of diffs) {
    if (op !== 0) {
      del ??= '';
      if (op === -1) (del += text), (a += text.length);
      else (ins += text), (b += text.length);
      continue;
    }
    let s = 0;
    if (del !== null) while (s < text.length && !at(a + s, b + s)) s++;
    let e = text.length;
    while (e > s && !at(a + e, b + e)) e--;
    if (e <= s) {
      del = (del ?? '') + text;
      ins += text;
    } else {
      if (del !== null) {
        del += text.slice(0, s);
        ins += text.slice(0, s);
        flush();
      }
      out.push({ op: 'equal', text: text.slice(s, e) });
      if (e < text.length) (del = text.slice(e)), (ins = text.slice(e));
    }
    a += text.length;
    b += text.length;
  }
  flush();
  return out;
}

/** The share of the two texts' characters that the diff kept: 1 for the same text, 0 for nothing in common. */
export function keptShare(segments: readonly Segment[], left: string, right: string): number {
  const total = left.length + right.length;
  if (total === 0) return 1;
  let kept = 0;
  for (const s of segments) if (s.op === 'equal') kept += s.text.length;
  return (2 * kept) / total;
}

/** The text of one side of a diff: 'left' spells the left text, 'right' the right one. */
export function sideText(segments: readonly Segment[], side: 'left' | 'right'): string {
  const skip = side === 'left' ? 'insert' : 'delete';
  let text = '';
  for (const s of segments) if (s.op !== skip) text += s.text;
  return text;
}
