/**
 * Everyone's pending proposals shown in the text: the words a proposal would insert underlined,
 * the words it would delete struck through, in the proposing delegation's colour (the colour its
 * delegates' cursors have, shared/presence.ts `colourFor`), each with a title and an accessible
 * text that name the delegation and the state ("Proposal of Chile, pending: insert …").
 *
 * A proposal is placed by its anchor — two Yjs relative positions the server recorded when it
 * was tabled (server/collab/anchors.ts), which follow its words through everyone's edits —
 * turned into positions of this editor by y-prosemirror's `relativePositionToAbsolutePosition`
 * with the sync plugin's mapping; when the anchor cannot be read here, by its paragraph and the
 * words it quotes (`findWords`). Stale proposals (their words changed) are listed beside the
 * text, not drawn in it.
 *
 * The proposals are handed over by the page (`setProposalMarks`), which reads them on load and
 * whenever the server says the record moved. y-prosemirror redraws the whole document on every
 * remote change, so the marks are placed again from the anchors then; a local change maps them.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { type EditorState, Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import { findWords, type InlineText, inlineText } from '../../shared/oralAmendments';
import { colourFor } from '../../shared/presence';
import { isParagraph } from '../../shared/schema';
import { textIn, type LocalizedText } from '../../shared/languages';
import { t, uiLanguage } from '../i18n';
import { localizedString } from '../dom';

/** What the text needs of a proposal (`GET /api/drafts/:id/proposals`, contracts of issue #17). */
export interface ProposalMarkJSON {
  id: string;
  amendment: { kind: string; paragraphId: string; words?: string; text?: string; position?: string; occurrence?: number };
  described: string;
  /** The same in the six languages, when the server sends them. */
  describedIn?: LocalizedText;
  paragraph: string | null;
  delegation: { id: string; code: string; name: { en: string } } | null;
  proposedBy: { id: string; displayName: string };
  state: string;
  stale: boolean;
  quoted?: string | null;
  anchor?: { start: string | null; end: string | null } | null;
}

/** What the plugin holds. */
export interface ProposalMarksState {
  proposals: readonly ProposalMarkJSON[];
  decorations: DecorationSet;
}

/** The plugin's key (hand it proposals with `setProposalMarks`). */
export const proposalMarksKey = new PluginKey<ProposalMarksState>('penholder-proposal-marks');

/** A transaction that shows these proposals in the text (only the pending, non-stale ones are drawn). */
export function setProposalMarks(state: EditorState, proposals: readonly ProposalMarkJSON[]): Transaction {
  return state.tr.setMeta(proposalMarksKey, proposals);
}

/** Who tabled a proposal, in few words: the delegation, else the person (the chair, the secretariat). */
export function proposerLabel(p: Pick<ProposalMarkJSON, 'delegation' | 'proposedBy'>): string {
  return localizedString(p.delegation?.name) || p.proposedBy.displayName;
}

/** The colour of a proposal: its delegation's presence colour. */
export function proposalColour(p: Pick<ProposalMarkJSON, 'delegation' | 'proposedBy'>): string {
  return colourFor(p.delegation?.id ?? p.proposedBy.id);
}

type Binding = { doc: Y.Doc; type: Y.XmlFragment; mapping: Parameters<typeof relativePositionToAbsolutePosition>[3] };

function decodeAnchor(encoded: string): Y.RelativePosition | null {
  try {
    const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

// Where a proposal's quoted words are in this editor's text: [from, to] document positions, or null.
function locate(
  state: EditorState,
  p: ProposalMarkJSON,
  paragraphs: ReadonlyMap<string, { node: PMNode; pos: number; inline?: InlineText }>,
): { from: number; to: number; paragraph: { node: PMNode; pos: number }; by: 'anchor' | 'words' } | null {
  const paragraph = paragraphs.get(p.amendment.paragraphId);
  if (!paragraph) return null;
  const start = paragraph.pos + 1;
  const end = paragraph.pos + paragraph.node.nodeSize - 1;
  const binding = (ySyncPluginKey.getState(state) as { binding?: Binding } | undefined)?.binding;
  const anchor = p.anchor;
  if (binding && anchor && (anchor.start !== null || anchor.end !== null)) {
    try {
      const resolve = (encoded: string | null, otherwise: number) => {
        if (encoded === null) return otherwise;
        const rel = decodeAnchor(encoded);
        return rel ? relativePositionToAbsolutePosition(binding.doc, binding.type, rel, binding.mapping) : null;
      };
      const from = resolve(anchor.start, start);
      const to = anchor.end === anchor.start ? from : resolve(anchor.end, end);
      // Trusted only inside its paragraph and, when it quotes words, on those very words.
      if (from !== null && to !== null && start <= from && from <= to && to <= end) {
        const words = state.doc.textBetween(from, to, '', '\uFFFC');
        if (!p.quoted || words === p.quoted) return { from, to, paragraph, by: 'anchor' };
      }
    } catch {
      // The sync plugin's mapping not drawn yet, or an anchor from elsewhere: place it by its words.
    }
  }
  paragraph.inline ??= inlineText(paragraph.node, paragraph.pos);
  const inline = paragraph.inline;
  const quoted = p.quoted ?? p.amendment.words;
  if (quoted === undefined || quoted === null || quoted === '') return { from: start, to: end, paragraph, by: 'words' };
  const found = findWords(inline.text, quoted, p.amendment.occurrence);
  if (!found.ok) return null;
  return { from: inline.posOf[found.value[0]]!, to: inline.posOf[found.value[1]]!, paragraph, by: 'words' };
}

function words(kind: 'insert' | 'delete', text: string, colour: string, title: string, id: string, by: string): HTMLElement {
  const mark = document.createElement(kind === 'insert' ? 'ins' : 'del');
  mark.className = `ph-proposal-${kind}`;
  mark.style.color = colour;
  mark.title = title;
  mark.dataset.proposal = id;
  mark.dataset.placed = by;
  mark.textContent = text;
  return mark;
}

/** The decorations of the pending, non-stale proposals. */
export function drawProposals(state: EditorState, proposals: readonly ProposalMarkJSON[]): DecorationSet {
  const decorations: Decoration[] = [];
  if (!proposals.some((p) => p.state === 'pending' && !p.stale)) return DecorationSet.empty;
  // Every paragraph found once, not once per proposal: a draft may carry a thousand of them.
  const paragraphs = new Map<string, { node: PMNode; pos: number; inline?: InlineText }>();
  state.doc.descendants((node, pos) => {
    if (isParagraph(node) && !paragraphs.has(node.attrs.id as string)) paragraphs.set(node.attrs.id as string, { node, pos });
    return !node.isTextblock;
  });
  for (const p of proposals) {
    if (p.state !== 'pending' || p.stale) continue;
    const at = locate(state, p, paragraphs);
    if (!at) continue;
    const colour = proposalColour(p);
    const title = t('editor:proposalTitle', { proposer: proposerLabel(p), described: textIn(p.describedIn, uiLanguage()) ?? p.described });
    const a = p.amendment;
    const attrs = { title, 'data-proposal': p.id, 'data-placed': at.by, style: `text-decoration-color: ${colour}` };
    const inserted = (pos: number, text: string, side: number) =>
      Decoration.widget(pos, () => words('insert', text, colour, title, p.id, at.by), { side, key: `proposal:${p.id}:${text}:${colour}`, marks: [], ignoreSelection: true });
    switch (a.kind) {
      case 'replace_words':
        if (at.to > at.from) decorations.push(Decoration.inline(at.from, at.to, { ...attrs, nodeName: 'del', class: 'ph-proposal-delete' }));
        decorations.push(inserted(at.to, a.text ?? '', 1));
        break;
      case 'delete_words':
        if (at.to > at.from) decorations.push(Decoration.inline(at.from, at.to, { ...attrs, nodeName: 'del', class: 'ph-proposal-delete' }));
        break;
      case 'insert_words': {
        const start = at.paragraph.pos + 1;
        const end = at.paragraph.pos + at.paragraph.node.nodeSize - 1;
        const pos = a.position === 'start' ? start : a.position === 'end' ? end : a.position === 'before' ? at.from : at.to;
        // Beside the words it goes before or after, with a space as the amendment will put one.
        const text = a.position === 'before' || a.position === 'start' ? `${a.text ?? ''} ` : ` ${a.text ?? ''}`;
        decorations.push(inserted(pos, text, a.position === 'before' || a.position === 'start' ? -1 : 1));
        break;
      }
      default: {
        // A paragraph proposal (insert, delete, replace or move a paragraph): the paragraph marked, the words in the list.
        const { node, pos } = at.paragraph;
        decorations.push(
          Decoration.node(pos, pos + node.nodeSize, { class: `ph-proposal-paragraph ph-proposal-${a.kind}`, title, 'data-proposal': p.id, style: `border-color: ${colour}` }),
        );
      }
    }
  }
  return DecorationSet.create(state.doc, decorations);
}

/** The plugin: everyone's pending proposals drawn in the text. */
export function proposalMarksPlugin(): Plugin<ProposalMarksState> {
  return new Plugin<ProposalMarksState>({
    key: proposalMarksKey,
    state: {
      init: () => ({ proposals: [], decorations: DecorationSet.empty }),
      apply(tr, value, _old, state) {
        const given = tr.getMeta(proposalMarksKey) as readonly ProposalMarkJSON[] | undefined;
        if (given) return { proposals: given, decorations: drawProposals(state, given) };
        if (!tr.docChanged || value.proposals.length === 0) return value;
        const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
        return { proposals: value.proposals, decorations: remote ? drawProposals(state, value.proposals) : value.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations: (state) => proposalMarksKey.getState(state)?.decorations ?? null,
    },
  });
}
