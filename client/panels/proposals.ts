/**
 * Proposals on the draft page.
 *
 * Beside the text, every pending proposal — who tabled it, in which paragraph, what it says, its
 * rationale, whether it went stale — with Accept and Reject for those who may decide and Withdraw
 * for those who may withdraw (each proposal's own permissions, as the server sent them), a link to
 * the two-column view, and the draft's comment threads. Everything a delegation typed is set as
 * text (the card of client/panels/proposalCard.ts). It reads `GET /api/drafts/:id/proposals` on
 * load and when told (the page does on the collab `recordChanged` notice), and hands every read to
 * the text (`onLoaded`: client/editor/proposalMarks.ts).
 *
 * Under the text, while suggesting (client/editor/suggesting.ts), the forms that table them: one
 * per pending suggestion of words, and one for a paragraph (a new paragraph before or after the
 * one at the caret — Enter opens it —, deleting it, moving it), each with an optional rationale,
 * `POST /api/drafts/:id/proposals`, the server's refusal said beside it.
 */
import type { EditorView } from 'prosemirror-view';
import { sequentialNumbering } from '../../shared/numbering';
import { describeOralAmendment } from '../../shared/oralAmendments';
import { PROPOSAL_LIMITS } from '../../shared/proposals';
import { isParagraph, PARAGRAPH_TYPES, type ParagraphType } from '../../shared/schema';
import { suggestAmendment, type WordsAmendment } from '../../shared/suggest';
import { api, ApiError } from '../api';
import { el } from '../dom';
import { textIn, type LocalizedText } from '../../shared/languages';
import { t, uiLanguage } from '../i18n';
import { pageSelection } from '../editor/pageSelection';
import { discardSuggestion, suggestingKey, suggestionEdit } from '../editor/suggesting';
import { mountCommentsPanel, type CommentsPanel } from './comments';
import { proposalCard, type ProposalJSON } from './proposalCard';

/** What `GET /api/drafts/:id/proposals` answers. */
export interface ProposalListJSON {
  proposals: ProposalJSON[];
  counts: Record<string, number>;
}

/** Options of the proposals panel. */
export interface ProposalsPanelOptions {
  /** Told of every list read (the text draws the pending ones). */
  onLoaded?: (proposals: ProposalJSON[]) => void;
  /** Show the draft's comment threads under the proposals. */
  comments?: boolean;
}

/** The panel of a draft's pending proposals. */
export function proposalsPanel(draftId: string, options: ProposalsPanelOptions = {}): { element: HTMLElement; reload(): Promise<void>; destroy(): void } {
  const heading = el('h2', { id: 'proposals-h' }, t('proposals:proposals'));
  const status = el('p', { className: 'muted', attrs: { role: 'status' } });
  const list = el('ul', { className: 'proposals', attrs: { 'aria-labelledby': 'proposals-h' } });
  const twoColumns = el('a', { href: `/drafts/${encodeURIComponent(draftId)}/proposals`, className: 'two-column-link' }, t('proposals:twoColumn'));
  const commentsSlot = el('div', { className: 'comments-slot' });
  const element = el(
    'section',
    { className: 'panel proposals-panel', attrs: { 'aria-labelledby': 'proposals-h', 'data-panel': 'proposals' } },
    heading,
    twoColumns,
    status,
    list,
    commentsSlot,
  );
  let comments: CommentsPanel | null = null;
  if (options.comments) {
    try {
      comments = mountCommentsPanel(commentsSlot, { draftId });
    } catch {
      comments = null; // the threads are one click away in the two-column view
    }
  }

  let last = '';
  let reading: Promise<void> | null = null;
  let again = false;
  const read = async () => {
    const json = await api<ProposalListJSON>('GET', `/api/drafts/${encodeURIComponent(draftId)}/proposals?state=pending`);
    const pending = json.proposals.filter((p) => p.state === 'pending');
    options.onLoaded?.(pending);
    const seen = JSON.stringify(pending);
    if (seen === last) return;
    last = seen;
    heading.textContent = t('proposals:panelHeading', { count: pending.length });
    status.textContent = pending.length === 0 ? t('proposals:nonePending') : '';
    list.replaceChildren(...pending.map((p) => proposalCard(draftId, p, () => void reload())));
  };
  // Bursts of notices make one read at a time, and one more after it.
  const reload = (): Promise<void> => {
    if (reading) {
      again = true;
      return reading;
    }
    reading = read()
      .catch((e: unknown) => {
        status.textContent = t('proposals:unreadable', { reason: e instanceof Error ? e.message : String(e) });
      })
      .finally(() => {
        reading = null;
        if (again) {
          again = false;
          void reload();
        }
      });
    void comments?.reload();
    return reading;
  };
  return { element, reload, destroy: () => comments?.destroy() };
}

/** Options of the propose forms. */
export interface SuggestionFormsOptions {
  draftId: string;
  /** The proposing delegation's id (null for the chair or the secretariat), as the amendment names it. */
  delegationId: string | null;
  /** The editor, once built. */
  view: () => EditorView | null;
  /** Told after a proposal was tabled (the side list reloads). */
  onProposed?: (proposal: unknown) => void;
}

/** What a paragraph proposal does to the paragraph at the caret. */
export type ParagraphProposalKind = 'insert_paragraph' | 'delete_paragraph' | 'move_paragraph';

/** The propose forms: their element, redrawn from the editor on every update, and the paragraph form opened by a key or a button. */
export interface SuggestionForms {
  element: HTMLElement;
  update(view: EditorView): void;
  /** Open the form of a paragraph proposal on the paragraph at the caret (Enter opens 'insert_paragraph'). */
  openParagraph(kind: ParagraphProposalKind): void;
}

// A paragraph's kind as the interface words it.
const kindName = (type: ParagraphType): string => t(`proposals:kind.${type}`);

let formCount = 0;

// Table a proposal: the amendment and an optional rationale; the refusal said in `error`.
async function table(
  draftId: string,
  amendment: Record<string, unknown>,
  rationale: string,
  error: HTMLElement,
  button: HTMLButtonElement,
): Promise<{ described?: string; describedIn?: LocalizedText } | null> {
  const why = rationale.trim();
  button.disabled = true;
  error.textContent = '';
  try {
    return await api<{ described?: string; describedIn?: LocalizedText }>('POST', `/api/drafts/${encodeURIComponent(draftId)}/proposals`, {
      amendment,
      ...(why ? { rationale: why } : {}),
    });
  } catch (e) {
    error.textContent = t('proposals:notProposed', { reason: e instanceof ApiError || e instanceof Error ? e.message : String(e) });
    return null;
  } finally {
    button.disabled = false;
  }
}

function rationaleField(id: string): { label: HTMLElement; field: HTMLTextAreaElement } {
  return { label: el('label', { htmlFor: id }, t('proposals:rationaleOptional')), field: el('textarea', { id, rows: 1, maxLength: PROPOSAL_LIMITS.rationale }) };
}

// The paragraph at the caret: its id, kind, and name as printed.
function caretParagraph(view: EditorView): { id: string; type: ParagraphType; ref: string } | null {
  const $head = view.state.doc.resolve(pageSelection(view).head);
  for (let d = $head.depth; d >= 0; d--) {
    const node = $head.node(d);
    if (isParagraph(node)) {
      const id = node.attrs.id as string;
      return { id, type: node.type.name as ParagraphType, ref: sequentialNumbering(view.state.doc).byId.get(id)?.ref || t('proposals:thisParagraph') };
    }
  }
  return null;
}

// Every paragraph of the text, named as printed and by its first words, for the target of a move.
function paragraphChoices(view: EditorView, except: string): HTMLOptionElement[] {
  const refs = sequentialNumbering(view.state.doc).byId;
  const out: HTMLOptionElement[] = [];
  view.state.doc.descendants((node) => {
    if (!isParagraph(node)) return !node.isTextblock;
    const id = node.attrs.id as string;
    if (id !== except) out.push(el('option', { value: id }, `${refs.get(id)?.ref || t('proposals:unnumberedShort')} — ${node.textContent.slice(0, 60)}`));
    return false;
  });
  return out;
}

/**
 * The forms under the text while suggesting: one per pending suggestion of words, saying what it
 * proposes ("OP 3: replace "State" with "States""), with an optional rationale, Propose and Discard;
 * and the paragraph form (new paragraph, delete, move). The server's refusal (words_not_found,
 * text_too_long …) is said beside them. Rebuilt from the editor's state on every update, keeping
 * what was typed.
 */
export function suggestionForms(options: SuggestionFormsOptions): SuggestionForms {
  const status = el('p', { className: 'ph-suggest-message', attrs: { role: 'status', 'data-suggest': 'message' } });
  const list = el('div', { className: 'ph-suggest-forms' });
  const here = el('p', { className: 'ph-suggest-here' });
  const paragraphSlot = el('div', { className: 'ph-paragraph-proposal-slot' });
  const element = el('section', { className: 'ph-suggestions', hidden: true, attrs: { 'aria-label': t('proposals:yourSuggestions') } }, status, list, here, paragraphSlot);
  const forms = new Map<string, { form: HTMLFormElement; described: HTMLElement; propose: HTMLButtonElement; amendment: WordsAmendment | null; what: string }>();
  let paragraphOpen = false;
  let lastAt: string | null = null;
  let lastMessage: string | null = null;
  // Whether the status line shows the editor's message (a refusal of an edit), which goes when the next edit is taken.
  let showingMessage = false;
  const proposed = (what: string, proposal: unknown) => {
    status.textContent = t('proposals:proposed', { what });
    showingMessage = false;
    options.onProposed?.(proposal);
  };

  const formFor = (paragraphId: string) => {
    const known = forms.get(paragraphId);
    if (known) return known;
    const id = `suggest-${++formCount}`;
    const described = el('p', { className: 'ph-suggest-described', id: `${id}-what` });
    const rationale = rationaleField(`${id}-why`);
    const error = el('p', { className: 'error', attrs: { role: 'alert', 'data-suggest': 'refusal' } });
    const propose = el('button', { type: 'submit', className: 'primary', attrs: { 'aria-describedby': `${id}-what` } }, t('proposals:propose'));
    const discard = el('button', { type: 'button' }, t('proposals:discard'));
    const form = el(
      'form',
      { className: 'ph-suggest-form', attrs: { 'data-paragraph': paragraphId } },
      described,
      rationale.label,
      rationale.field,
      el('div', { className: 'ph-suggest-buttons' }, propose, discard),
      error,
    );
    const entry = { form, described, propose, amendment: null as WordsAmendment | null, what: '' };
    const drop = () => {
      const view = options.view();
      if (view) view.dispatch(discardSuggestion(view.state, paragraphId));
    };
    discard.addEventListener('click', drop);
    form.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      drop();
      options.view()?.focus();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!entry.amendment) return;
      const { proposedBy: _by, accepted: _accepted, ...amendment } = entry.amendment;
      const what = entry.what;
      void table(options.draftId, amendment, rationale.field.value, error, propose).then((proposal) => {
        if (!proposal) return;
        rationale.field.value = '';
        drop();
        proposed(what, proposal);
      });
    });
    forms.set(paragraphId, entry);
    return entry;
  };

  // The form of a paragraph proposal on the paragraph at the caret.
  const openParagraph = (kind: ParagraphProposalKind) => {
    const view = options.view();
    const at = view ? caretParagraph(view) : null;
    if (!view || !at) return;
    const id = `paragraph-${++formCount}`;
    const error = el('p', { className: 'error', attrs: { role: 'alert', 'data-suggest': 'refusal' } });
    const rationale = rationaleField(`${id}-why`);
    const propose = el('button', { type: 'submit', className: 'primary' }, t('proposals:propose'));
    const cancel = el('button', { type: 'button' }, t('proposals:cancel'));
    const position = el('select', { id: `${id}-position` }, el('option', { value: 'after' }, t('proposals:after')), el('option', { value: 'before' }, t('proposals:before')));
    const fields: HTMLElement[] = [];
    let first: HTMLElement = rationale.field;
    let amendment: () => Record<string, unknown>;
    let legend: string;
    if (kind === 'insert_paragraph') {
      legend = t('proposals:proposeNew', { ref: at.ref });
      const type = el('select', { id: `${id}-type` }, ...PARAGRAPH_TYPES.map((type) => el('option', { value: type, selected: type === at.type }, kindName(type))));
      const text = el('textarea', { id: `${id}-text`, rows: 3, maxLength: PROPOSAL_LIMITS.text });
      fields.push(
        el('label', { htmlFor: position.id }, t('proposals:where')),
        position,
        el('label', { htmlFor: type.id }, t('proposals:kindLabel')),
        type,
        el('label', { htmlFor: text.id }, t('proposals:itsWords')),
        text,
      );
      amendment = () => ({ kind, paragraphId: at.id, position: position.value, paragraphType: type.value, text: text.value.trim() });
      first = text;
    } else if (kind === 'move_paragraph') {
      legend = t('proposals:proposeMove', { ref: at.ref });
      const target = el('select', { id: `${id}-target` }, ...paragraphChoices(view, at.id));
      fields.push(el('label', { htmlFor: position.id }, t('proposals:where')), position, el('label', { htmlFor: target.id }, t('proposals:paragraph')), target);
      amendment = () => ({ kind, paragraphId: at.id, position: position.value, targetId: target.value });
      first = target;
    } else {
      legend = t('proposals:proposeDelete', { ref: at.ref });
      amendment = () => ({ kind, paragraphId: at.id });
    }
    const form = el(
      'form',
      { className: 'ph-paragraph-proposal', attrs: { 'data-kind': kind, 'data-paragraph': at.id } },
      el('fieldset', {}, el('legend', {}, legend), ...fields, rationale.label, rationale.field, el('div', { className: 'ph-suggest-buttons' }, propose, cancel), error),
    );
    const close = (back: boolean) => {
      paragraphOpen = false;
      paragraphSlot.replaceChildren();
      update(view);
      if (back) view.focus();
    };
    cancel.addEventListener('click', () => close(true));
    form.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      close(true);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void table(options.draftId, amendment(), rationale.field.value, error, propose).then((proposal) => {
        if (!proposal) return;
        close(false);
        proposed(textIn(proposal.describedIn, uiLanguage()) ?? proposal.described ?? legend, proposal);
      });
    });
    paragraphOpen = true;
    paragraphSlot.replaceChildren(form);
    element.hidden = false;
    first.focus();
  };

  // The paragraph proposals offered for the paragraph at the caret.
  const offer = (label: string, kind: ParagraphProposalKind, accessible: string) => {
    const b = el('button', { type: 'button', attrs: { 'data-propose': kind, 'aria-label': accessible } }, label);
    b.addEventListener('click', () => openParagraph(kind));
    return b;
  };

  const update = (view: EditorView) => {
    const s = suggestingKey.getState(view.state);
    const pending = s?.on ? s.pending : [];
    // A refusal stays until the next edit is taken (its message cleared) or another refusal comes.
    if ((s?.message ?? null) !== lastMessage) {
      lastMessage = s?.message ?? null;
      if (lastMessage !== null || showingMessage) {
        status.textContent = lastMessage ?? '';
        showingMessage = lastMessage !== null;
      }
    }
    const refs = sequentialNumbering(view.state.doc).byId;
    const shown = new Set<string>();
    for (const p of pending) {
      const read = suggestionEdit(view.state.doc, p);
      if (!read) continue;
      shown.add(p.paragraphId);
      const entry = formFor(p.paragraphId);
      const ref = refs.get(p.paragraphId)?.ref || null;
      const said = suggestAmendment(read.before, read.edit, p.paragraphId, options.delegationId);
      entry.amendment = said.ok ? said.value : null;
      entry.what = said.ok ? describeOralAmendment(said.value, ref) : '';
      entry.described.textContent = said.ok
        ? t('proposals:yourSuggestion', { what: entry.what })
        : t('proposals:cannotPropose', { ref: ref ?? t('proposals:thisParagraph'), reason: said.error });
      entry.propose.disabled = !said.ok;
      if (entry.form.parentNode !== list) list.append(entry.form);
    }
    for (const [id, entry] of forms) {
      if (shown.has(id)) continue;
      entry.form.remove();
      forms.delete(id);
    }
    const at = s?.on ? caretParagraph(view) : null;
    if (at?.id !== lastAt) {
      lastAt = at?.id ?? null;
      here.replaceChildren(
        ...(at
          ? [
              t('proposals:proposeOn', { ref: at.ref }),
              offer(t('proposals:newParagraph'), 'insert_paragraph', t('proposals:proposeNew', { ref: at.ref })),
              ' ',
              offer(t('proposals:deleteRef', { ref: at.ref }), 'delete_paragraph', t('proposals:proposeDelete', { ref: at.ref })),
              ' ',
              offer(t('proposals:moveRef', { ref: at.ref }), 'move_paragraph', t('proposals:proposeMove', { ref: at.ref })),
            ]
          : []),
      );
    }
    element.hidden = !s?.on || (pending.length === 0 && !status.textContent && !paragraphOpen && !at);
  };

  return { element, update, openParagraph };
}
