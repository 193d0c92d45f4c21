/**
 * One row of the two-column view (client/pages/proposals.ts): a paragraph's number and words beside
 * its proposal cards, each with how the paragraph would read if the proposal were taken in, and its
 * comment threads, under headings that count them. Each part is drawn again only when what it
 * shows changed, so words chosen in the text and a form being filled survive the page's reloads.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { Numbering } from '../../shared/numbering';
import { textDirection } from '../compare/render';
import { el } from '../dom';
import { t } from '../i18n';
import { mountCommentsPanel, placeChildren, type ChosenWords, type CommentsPanel, type ThreadJSON } from '../panels/comments';
import { proposalCard, type ProposalJSON } from '../panels/proposalCard';
import { inlineElements, type ParagraphShown, readsAs, threadShown, type TwoColumnFilters } from './twoColumn';

/** What the rows need of the page: the draft, who may comment, the filters, the words chosen, and how to fetch the lists again. */
export interface RowsContext {
  draftId: string;
  /** The draft's language, in which its words are drawn and read. */
  language: string;
  mayComment: boolean;
  /** The page's filters, changed in place as the reader changes them. */
  filters: TwoColumnFilters;
  /** The words the reader has chosen in a paragraph's text, for a comment on them. */
  chosenWords: (paragraphId: string) => ChosenWords | null;
  /** What a proposal was as last loaded: a card whose key did not change is kept as it is. */
  cardKey: (proposalId: string) => string;
  /** Fetch the proposals and comments again (after a decision or a comment taken here). */
  reloadLists: () => void;
}

/** A proposal's card in a row, with the slot of how the paragraph would read and the paragraph that was read for it. */
export interface Card {
  element: HTMLElement;
  key: string;
  proposal: ProposalJSON;
  slot: HTMLElement;
  readFor: PMNode | null;
}

/** One row of the view: the paragraph's text beside its proposals and comments. */
export interface Row {
  element: HTMLElement;
  text: HTMLElement;
  /** The paragraph as drawn, and the numbers of its footnotes. */
  shown: PMNode | null;
  textKey: string;
  heading: HTMLElement;
  proposals: HTMLElement;
  proposalsHeading: HTMLElement;
  cards: Map<string, Card>;
  comments: CommentsPanel;
  commentsHeading: HTMLElement;
  nothing: HTMLElement;
}

/** A list of proposal cards: a row's, or the one of proposals on paragraphs no longer in the text. */
export type CardList = Pick<Row, 'proposals' | 'cards'>;

/** The drawing of the rows of one page. */
export interface ParagraphRows {
  /** A new, empty row for a paragraph. */
  newRow(p: ParagraphShown): Row;
  /** Draw the paragraph's number and words in its row, and read the cards again if they changed. */
  showText(row: Row, p: ParagraphShown, numbering: Numbering): void;
  /** Draw the proposals and threads that pass the filters beside the paragraph; returns the threads' counts. */
  showLists(row: Row, p: ParagraphShown, proposals: ProposalJSON[], threads: ThreadJSON[]): { shown: number; open: number };
  /** Draw these proposals' cards in the list, and, for a paragraph, how it would read with each. */
  showCards(list: CardList, proposals: ProposalJSON[], paragraph: PMNode | null): void;
}

/** Start drawing the rows of a page; the focus after a decision is kept across all its lists. */
export function paragraphRows(ctx: RowsContext): ParagraphRows {
  const refocus: HTMLElement[] = [];
  let focusAfter: string | null = null;

  const newRow = (p: ParagraphShown): Row => {
    const hid = `tc-h-${p.id}`;
    const heading = el('h2', { id: hid, className: 'tc-ref' });
    const text = el('p', { className: 'tc-text-body', lang: ctx.language, dir: textDirection(ctx.language), attrs: { 'data-paragraph': p.id } });
    const proposalsHeading = el('h3', {});
    const commentsHeading = el('h3', {});
    const proposalList = el('ul', { className: 'proposals' });
    const nothing = el('p', { className: 'muted tc-nothing' }, t('proposals:nothing'));
    const side = el('div', { className: 'tc-side' }, nothing, proposalsHeading, proposalList, commentsHeading);
    const comments = mountCommentsPanel(side, {
      draftId: ctx.draftId,
      paragraphId: p.id,
      paragraphRef: p.ref || t('proposals:thisParagraph'),
      mayComment: ctx.mayComment,
      threads: [],
      chosenWords: () => ctx.chosenWords(p.id),
      filter: (t) => threadShown(t, ctx.filters),
      onChanged: () => ctx.reloadLists(),
    });
    const element = el('section', { className: 'tc-row', attrs: { 'aria-labelledby': hid, 'data-paragraph': p.id } }, el('div', { className: 'tc-text' }, heading, text), side);
    return { element, text, shown: null, textKey: '', heading, proposals: proposalList, proposalsHeading, cards: new Map(), comments, commentsHeading, nothing };
  };

  const showText = (row: Row, p: ParagraphShown, numbering: Numbering) => {
    const heading = p.ref || t('proposals:unnumbered');
    if (row.heading.textContent !== heading) row.heading.textContent = heading;
    // Only a paragraph whose words (or footnote numbers) changed is drawn again: a selection in the others stays.
    const notes: string[] = [];
    p.node.forEach((child) => {
      if (child.type.name === 'footnote') notes.push(String(numbering.footnoteById.get(child.attrs.id as string)));
    });
    const notesKey = notes.join(',');
    if (!row.shown?.eq(p.node) || row.textKey !== notesKey) {
      row.shown = p.node;
      row.textKey = notesKey;
      row.text.replaceChildren(...inlineElements(p.node, numbering));
      showReadings(row.cards, p.node);
    }
  };

  const showLists = (row: Row, p: ParagraphShown, proposals: ProposalJSON[], threads: ThreadJSON[]) => {
    showCards(row, proposals, row.shown);
    row.comments.show(threads);
    const c = row.comments.counts();
    const where = p.ref || t('proposals:thisParagraph');
    row.proposalsHeading.textContent = t('proposals:proposalsOn', { where, count: proposals.length });
    row.commentsHeading.textContent =
      c.shown > c.open ? t('proposals:commentsOnResolved', { where, open: c.open, resolved: c.shown - c.open }) : t('proposals:commentsOn', { where, open: c.open });
    // Only what there is gets a heading; a quiet paragraph says so in one line.
    row.proposalsHeading.hidden = proposals.length === 0;
    row.commentsHeading.hidden = c.shown === 0;
    row.nothing.hidden = proposals.length > 0 || c.shown > 0;
    return c;
  };

  // Proposal cards are drawn again only when the proposal changed, so a form being filled survives a reload.
  const showCards = (list: CardList, proposals: ProposalJSON[], paragraph: PMNode | null) => {
    const keep = new Set(proposals.map((p) => p.id));
    for (const id of [...list.cards.keys()]) if (!keep.has(id)) list.cards.delete(id);
    placeChildren(
      list.proposals,
      proposals.map((p) => {
        const key = ctx.cardKey(p.id);
        const had = list.cards.get(p.id);
        if (had && had.key === key) return had.element;
        const slot = el('div', { className: 'proposal-reads-slot' });
        const element = proposalCard(
          ctx.draftId,
          p,
          (decided) => {
            focusAfter = decided.id;
            ctx.reloadLists();
          },
          slot,
        );
        list.cards.set(p.id, { element, key, proposal: p, slot, readFor: null });
        // A card redrawn after a decision taken in it gets the focus (the button that had it is gone).
        if (p.id === focusAfter) {
          refocus.push(element);
          focusAfter = null;
        }
        return element;
      }),
    );
    if (paragraph) showReadings(list.cards, paragraph);
    for (const element of refocus.splice(0)) {
      element.tabIndex = -1;
      element.focus({ preventScroll: true });
    }
  };

  // How the paragraph would read with each pending proposal on it: read again when the paragraph changed.
  const showReadings = (cards: Map<string, Card>, paragraph: PMNode) => {
    for (const card of cards.values()) {
      if (card.readFor === paragraph) continue;
      card.readFor = paragraph;
      const p = card.proposal;
      const reading = p.state === 'pending' && !p.stale && p.amendment?.paragraphId === paragraph.attrs.id ? readsAs(paragraph, p.amendment, ctx.language) : null;
      card.slot.replaceChildren(reading ?? '');
    }
  };

  return { newRow, showText, showLists, showCards };
}
