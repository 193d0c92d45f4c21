/**
 * The chair's negotiation marks: the state of each paragraph, and words in [square brackets].
 *
 * Paragraph states are a governed record (who set which state when), keyed by paragraph id and
 * kept outside the co-edited text, where any editor could change them; the states shown are
 * folded from the record. A paragraph with no record is open. Any state may follow any other:
 * a chair reopens an agreed paragraph when a delegation asks ("nothing is agreed until
 * everything is agreed").
 *
 * Brackets live in the text itself. Alternatives stand in one pair of brackets, separated by a
 * slash with a space on each side, or a full-width slash: "[shall / should]", "[应／应当]". A
 * bare "/" is not a separator, because symbols and numbers use it ("[resolution 11/5]"). Two
 * bracketed passages side by side, "[A] [B]", are two separate contested passages, not
 * alternatives: nothing in "[A] [B]" says whether one or both are meant to stay. Brackets do
 * not nest; full-width ［］ count as brackets.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import type { Lang, LocalizedText } from './delegations';
import { sequentialNumbering } from './numbering';
import { inlineText, positionAt } from './oralAmendments';
import { fail, ok, type Result } from './result';
import { isParagraph } from './schema';

/** The states a chair gives a paragraph. */
export const PARAGRAPH_STATES = ['open', 'agreed_ad_ref', 'agreed'] as const;
/** One of the paragraph states. */
export type ParagraphState = (typeof PARAGRAPH_STATES)[number];

/** Labels of the states in each language. */
export const PARAGRAPH_STATE_LABELS: Record<ParagraphState, LocalizedText> = {
  open: { en: 'open', zh: '未商定' },
  agreed_ad_ref: { en: 'agreed ad referendum', zh: '暂时商定（待核准）' },
  agreed: { en: 'agreed', zh: '已商定' },
};

/** One recorded change of a paragraph's state. */
export interface ParagraphStateEvent {
  /** Recording order within the draft. */
  seq: number;
  paragraphId: string;
  state: ParagraphState;
  /** When it was recorded (ISO 8601). */
  at: string;
  /** The user who recorded it. */
  by: string;
}

/** The states as of a point of the record (inclusive), or after every event; paragraphs absent are open. */
export function paragraphStatesAsOf(events: readonly ParagraphStateEvent[], asOf?: { seq: number } | { at: string }): ReadonlyMap<string, ParagraphState> {
  const states = new Map<string, ParagraphState>();
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    if (asOf && ('seq' in asOf ? e.seq > asOf.seq : e.at > asOf.at)) break;
    if (e.state === 'open') states.delete(e.paragraphId);
    else states.set(e.paragraphId, e.state);
  }
  return states;
}

function paragraphIds(doc: PMNode): string[] {
  const ids: string[] = [];
  doc.descendants((node) => {
    if (isParagraph(node)) ids.push(node.attrs.id);
    return !node.isTextblock;
  });
  return ids;
}

/** Check a state the chair sets: the paragraph must be in the text, the state a real one and new. */
export function checkParagraphStateChange(
  doc: PMNode,
  states: ReadonlyMap<string, ParagraphState>,
  change: { paragraphId: unknown; state: unknown },
): Result<{ paragraphId: string; state: ParagraphState }> {
  const { paragraphId, state } = change;
  if (!(PARAGRAPH_STATES as readonly unknown[]).includes(state)) return fail(`"state" must be one of ${PARAGRAPH_STATES.join(', ')}, not ${JSON.stringify(state) ?? 'missing'}`);
  if (typeof paragraphId !== 'string' || !paragraphIds(doc).includes(paragraphId)) return fail(`there is no paragraph ${JSON.stringify(paragraphId) ?? ''} in the text`);
  const now = states.get(paragraphId) ?? 'open';
  const ref = sequentialNumbering(doc).byId.get(paragraphId)?.ref || 'the paragraph';
  if (now === state) return fail(`${ref} is already ${PARAGRAPH_STATE_LABELS[now].en}`);
  return ok({ paragraphId, state: state as ParagraphState });
}

/** How far the negotiation has come: the text's paragraphs by state. */
export interface NegotiationCounts {
  total: number;
  open: number;
  agreedAdReferendum: number;
  agreed: number;
}

/** Count the text's paragraphs by state; states of paragraphs no longer in the text are ignored. */
export function negotiationCounts(doc: PMNode, states: ReadonlyMap<string, ParagraphState>): NegotiationCounts {
  const counts = { total: 0, open: 0, agreedAdReferendum: 0, agreed: 0 };
  for (const id of new Set(paragraphIds(doc))) {
    const state = states.get(id) ?? 'open';
    counts.total += 1;
    counts[state === 'agreed_ad_ref' ? 'agreedAdReferendum' : state] += 1;
  }
  return counts;
}

/** The drafts list's summary: "12 of 29 agreed, 3 ad referendum" / "29 段中已商定 12 段，3 段暂时商定". */
export function formatAgreedCount(counts: NegotiationCounts, lang: Lang): string {
  const { total, agreed, agreedAdReferendum: adRef } = counts;
  if (lang === 'zh') return `${total} 段中已商定 ${agreed} 段${adRef ? `，${adRef} 段暂时商定` : ''}`;
  return `${agreed} of ${total} agreed${adRef ? `, ${adRef} ad referendum` : ''}`;
}

/** A bracketed passage: where it stands in the text and the alternatives it offers. */
export interface BracketedPassage {
  /** The index of "[" and the index after "]". */
  start: number;
  end: number;
  /** The words inside the brackets. */
  inner: string;
  /** The alternatives, trimmed; one when the passage offers no choice. */
  alternatives: string[];
}

const OPEN = new Set(['[', '［']);
const CLOSE = new Set([']', '］']);
const ALTERNATIVES = /\s+\/\s+|／/;

function around(text: string, i: number): string {
  return JSON.stringify(`${i > 20 ? '…' : ''}${text.slice(Math.max(0, i - 20), i + 20)}${i + 20 < text.length ? '…' : ''}`);
}

/** The bracketed passages of a text; nested, unopened and unclosed brackets are refused with where they are. */
export function findBrackets(text: string): Result<BracketedPassage[]> {
  const found: BracketedPassage[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (OPEN.has(c)) {
      if (open !== -1) return fail(`a bracket opens inside another, at character ${i + 1} (${around(text, i)}): brackets cannot be nested; use alternatives "[A / B]" instead`);
      open = i;
    } else if (CLOSE.has(c)) {
      if (open === -1) return fail(`a bracket closes that was not opened, at character ${i + 1} (${around(text, i)})`);
      const inner = text.slice(open + 1, i);
      found.push({ start: open, end: i + 1, inner, alternatives: inner.split(ALTERNATIVES).map((s) => s.trim()) });
      open = -1;
    }
  }
  if (open !== -1) return fail(`a bracket opens and is never closed, at character ${open + 1} (${around(text, open)})`);
  return ok(found);
}

// Every node with inline content (title, formula, paragraphs, annex headings, footnotes), named as a chair would.
function textblocks(doc: PMNode): { node: PMNode; pos: number; where: string }[] {
  const numbering = sequentialNumbering(doc);
  const out: { node: PMNode; pos: number; where: string }[] = [];
  doc.descendants((node, pos) => {
    if (!node.inlineContent) return true;
    const id = node.attrs.id as string | undefined;
    const where =
      node.type.name === 'footnote'
        ? `footnote ${numbering.footnoteById.get(id!) ?? ''}`.trim()
        : isParagraph(node)
          ? numbering.byId.get(id!)?.ref || `paragraph ${id}`
          : `the ${{ title: 'title', formula: 'opening formula', annexHeading: 'heading of an annex' }[node.type.name] ?? node.type.name}`;
    out.push({ node, pos, where });
    return true;
  });
  return out;
}

/** The bracketed passages of a whole text, by where they stand ("OP 3"); refused at the first malformed bracket. */
export function bracketsInText(doc: PMNode): Result<{ where: string; passages: BracketedPassage[] }[]> {
  const out: { where: string; passages: BracketedPassage[] }[] = [];
  for (const { node, pos, where } of textblocks(doc)) {
    const found = findBrackets(inlineText(node, pos).text);
    if (!found.ok) return fail(`${where}: ${found.error}`);
    if (found.value.length) out.push({ where, passages: found.value });
  }
  return ok(out);
}

/**
 * The text with its brackets taken away, the bracketed words kept, for issuing or freezing.
 * Refused while a passage still offers alternatives, or a bracket is malformed: an issued text
 * must not contain brackets, and only the negotiators can choose between alternatives.
 */
export function clearNegotiationMarks(doc: PMNode): Result<PMNode> {
  const deletions: number[] = [];
  for (const { node, pos, where } of textblocks(doc)) {
    const inline = inlineText(node, pos);
    const found = findBrackets(inline.text);
    if (!found.ok) return fail(`${where}: ${found.error}`);
    for (const p of found.value) {
      if (p.alternatives.length > 1) {
        return fail(`${where} still offers alternatives, [${p.inner}]: the negotiators must choose one before the text is issued`);
      }
      deletions.push(positionAt(inline, p.start), positionAt(inline, p.end - 1));
    }
  }
  const tr = new Transform(doc);
  // From the end backwards, so earlier positions stay valid.
  for (const at of deletions.sort((a, b) => b - a)) tr.delete(at, at + 1);
  return ok(tr.doc);
}
