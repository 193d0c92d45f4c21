/**
 * The parts of the two-column view (client/pages/proposals.ts) that need no page around them:
 * its filters and the address that keeps them, a paragraph of the working text drawn as words
 * (footnotes as their numbers), where words chosen with the mouse stand in it, and how the
 * paragraph would read with a proposal taken in.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { diffText } from '../../shared/compare/inline';
import type { Numbering } from '../../shared/numbering';
import { applyOralAmendments, findWords, type OralAmendment } from '../../shared/oralAmendments';
import { isParagraph, resolutionSchema } from '../../shared/schema';
import { textDirection } from '../compare/render';
import { el } from '../dom';
import { t } from '../i18n';
import type { ChosenWords, ThreadJSON } from '../panels/comments';
import type { ProposalJSON } from '../panels/proposalCard';

/** The filters of the view, as the address holds them (`?delegation=CHL&state=pending&paragraph=op3`). */
export interface TwoColumnFilters {
  /** A delegation's code, "none" for the chair and the secretariat, "" for all. */
  delegation: string;
  /** A proposal state, "stale" (pending but stale), or "" for all. */
  state: string;
  /** A paragraph id, or "" for all. */
  paragraph: string;
}

/** Read the filters from an address's query. */
export function readFilters(search: string): TwoColumnFilters {
  const q = new URLSearchParams(search);
  return { delegation: q.get('delegation') ?? '', state: q.get('state') ?? '', paragraph: q.get('paragraph') ?? '' };
}

/** Write the filters as an address's query (empty when none is set). */
export function writeFilters(f: TwoColumnFilters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Whether a proposal passes the filters. */
export function proposalShown(p: ProposalJSON, f: TwoColumnFilters): boolean {
  if (f.delegation && (p.delegation?.code ?? 'none') !== f.delegation) return false;
  if (f.state === 'stale') return p.state === 'pending' && p.stale;
  return !f.state || p.state === f.state;
}

/** Whether a comment thread passes the filters (the state filter is about proposals only). */
export function threadShown(t: ThreadJSON, f: TwoColumnFilters): boolean {
  return !f.delegation || t.comments.some((c) => (c.delegation?.code ?? 'none') === f.delegation);
}

/** One paragraph of the working text as the view shows it. */
export interface ParagraphShown {
  id: string;
  /** "OP 3 (a)", "PP 2"; "" for a plain paragraph. */
  ref: string;
  /** "3.", "(a)"; "" for a preambular paragraph. */
  label: string;
  node: PMNode;
}

/** The paragraphs of the text, in order, with their printed numbers. */
export function paragraphsOf(doc: PMNode, numbering: Numbering): ParagraphShown[] {
  const out: ParagraphShown[] = [];
  const seen = new Set<string>();
  doc.descendants((node) => {
    if (!isParagraph(node)) return true;
    const id = node.attrs.id as string;
    const n = numbering.byId.get(id);
    // A split paragraph keeps its id on both halves until it is renewed: the first one holds the row.
    if (!seen.has(id)) out.push({ id, ref: n?.ref ?? '', label: n?.label ?? '', node });
    seen.add(id);
    return false;
  });
  return out;
}

/**
 * The paragraph's words as elements: text (with its emphasis), footnotes as their numbers. Each
 * footnote counts as one character (U+FFFC), as shared/oralAmendments.ts `inlineText` counts it.
 */
export function inlineElements(node: PMNode, numbering: Numbering): (Node | string)[] {
  const out: (Node | string)[] = [];
  node.forEach((child) => {
    if (child.isText) {
      let part: Node | string = child.text ?? '';
      for (const mark of child.marks) if (mark.type.name === 'em' || mark.type.name === 'strong') part = el(mark.type.name, {}, part);
      out.push(part);
    } else if (child.type.name === 'footnote') {
      const n = numbering.footnoteById.get(child.attrs.id as string);
      out.push(el('sup', { className: 'fn-ref', title: child.textContent, attrs: { 'data-footnote': String(n ?? '') } }, String(n ?? '*')));
    }
  });
  return out;
}

/** The paragraph's inline text (a footnote = U+FFFC), for finding chosen words in it. */
export function inlineString(node: PMNode): string {
  let text = '';
  node.forEach((child) => {
    text += child.isText ? (child.text ?? '') : '\uFFFC';
  });
  return text;
}

/** Where (node, offset) of the DOM stands in a paragraph's inline text (the `.tc-text-body` drawn by inlineElements). */
export function offsetIn(body: HTMLElement, target: Node, offset: number): number | null {
  let count = 0;
  let found: number | null = null;
  const walk = (node: Node): boolean => {
    if (node === target && node.nodeType !== Node.TEXT_NODE) {
      for (let i = 0; i < offset && i < node.childNodes.length; i++) count += lengthOf(node.childNodes[i]!);
      found = count;
      return true;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      if (node === target) {
        found = count + offset;
        return true;
      }
      count += node.textContent?.length ?? 0;
      return false;
    }
    if (node instanceof HTMLElement && node.classList.contains('fn-ref')) {
      if (node.contains(target)) {
        found = count;
        return true;
      }
      count += 1;
      return false;
    }
    for (const child of node.childNodes) if (walk(child)) return true;
    return false;
  };
  const lengthOf = (node: Node): number =>
    node.nodeType === Node.TEXT_NODE
      ? (node.textContent?.length ?? 0)
      : node instanceof HTMLElement && node.classList.contains('fn-ref')
        ? 1
        : [...node.childNodes].reduce((s, c) => s + lengthOf(c), 0);
  for (const child of body.childNodes) if (walk(child)) break;
  return found;
}

/** The words chosen in a paragraph's text, with the occurrence meant when they occur more than once. */
export function chosenIn(text: string, start: number, end: number): ChosenWords | null {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const quote = raw.trim();
  if (!quote || quote.includes('\uFFFC')) return null;
  const at = start + lead;
  for (let k = 1; ; k++) {
    const found = findWords(text, quote, k);
    if (!found.ok) return { quote };
    if (found.value[0] === at) return k === 1 && !findWords(text, quote, 2).ok ? { quote } : { quote, occurrence: k };
  }
}

// The kinds whose effect reads as the paragraph's words changed (the others are said by `described`).
const READ_AS = new Set(['replace_words', 'insert_words', 'delete_words', 'replace_paragraph']);

/**
 * How a paragraph would read with a pending proposal taken in: its words with the change marked
 * (shared/oralAmendments.ts applies it, shared/compare/inline.ts diffs it), or null when the
 * proposal is not about the paragraph's words or its words are not found (it is then stale).
 * `lang` is the draft's language (a tag): the words keep its language and direction.
 */
export function readsAs(paragraph: PMNode, amendment: OralAmendment, lang = 'en'): HTMLElement | null {
  if (!READ_AS.has(amendment.kind)) return null;
  // The paragraph alone in a text of its own: the amendment touches only it, and the whole text need not be copied.
  const alone = resolutionSchema.node('doc', null, [resolutionSchema.node('title'), paragraph]);
  const done = applyOralAmendments(alone, [{ ...amendment, accepted: true }]);
  if (!done.ok) return null;
  const after = done.value.maybeChild(1);
  if (!after || after.attrs.id !== paragraph.attrs.id) return null;
  const shown = (t: string) => t.replaceAll('\uFFFC', '*');
  // ins and del are not said by every screen reader: the words say it too, unseen.
  const unseen = (words: string) => el('span', { className: 'sr-only' }, words);
  const segments = diffText(inlineString(paragraph), inlineString(after)).map((s) =>
    s.op === 'equal'
      ? shown(s.text)
      : el(
          s.op === 'insert' ? 'ins' : 'del',
          {},
          unseen(t(s.op === 'insert' ? 'proposals:insertedOpen' : 'proposals:deletedOpen')),
          shown(s.text),
          unseen(t('proposals:markClose')),
        ),
  );
  return el(
    'p',
    { className: 'proposal-reads' },
    el('span', { className: 'muted' }, t('proposals:wouldRead')),
    el('span', { className: 'reads-text', lang, dir: textDirection(lang) }, ...segments),
  );
}
