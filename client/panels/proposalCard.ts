/**
 * One proposal as the two-column view shows it: who tabled it (and on whose behalf), what it
 * says, why, its state and whether it has gone stale; and, as the server's permissions allow,
 * Accept, Accept as modified (the words edited, then confirmed), Reject (with an optional note)
 * and Withdraw. A refusal (403, 409, 422) is said beside the controls. Everything a delegation
 * typed is set as text, never as HTML.
 */
import { modifiable, onBehalfWords, PROPOSAL_STATE_LABELS as STATE_WORDS, PROPOSAL_STATES, type ProposalJSON, type ProposalState } from '../../shared/proposals';
import { api, ApiError } from '../api';
import { el, formatWhen } from '../dom';
import { allowed } from './comments';

/** The states of a proposal, in the order the filter lists them (shared/proposals.ts). */
export const PROPOSAL_STATE_NAMES = PROPOSAL_STATES;
export type ProposalStateName = ProposalState;

/** How each state is said on the page: "Accepted as modified". */
export const PROPOSAL_STATE_LABELS = Object.fromEntries(PROPOSAL_STATES.map((s) => [s, STATE_WORDS[s].en.charAt(0).toUpperCase() + STATE_WORDS[s].en.slice(1)])) as Record<
  ProposalState,
  string
>;

export type { ProposalJSON };

/** Who tabled a proposal, as the page names it ("Chile, on behalf of the Group of 77 and China"). */
export function proposerName(p: ProposalJSON): string {
  const who = p.delegation?.name.en ?? p.proposedBy.displayName;
  const words = onBehalfWords(p.onBehalfOf?.en);
  return words ? `${who}, ${words}` : who;
}

function refusalText(e: unknown): string {
  if (e instanceof ApiError) return `Refused: ${e.message}`;
  return `Not sent: ${e instanceof Error ? e.message : String(e)}`;
}

let counter = 0;

/**
 * The card of one proposal; `changed` gets the proposal as the server answered after a decision.
 * `slot`, when given, goes under what the proposal says: the page keeps it up to date (the two-column
 * view shows there how the paragraph would read).
 */
export function proposalCard(draftId: string, p: ProposalJSON, changed: (p: ProposalJSON) => void, slot: HTMLElement | null = null): HTMLElement {
  const uid = `pc${++counter}`;
  const base = `/api/drafts/${encodeURIComponent(draftId)}/proposals/${encodeURIComponent(p.id)}`;
  const name = `the proposal of ${proposerName(p)}`;
  const message = el('p', { className: 'refusal error', attrs: { role: 'alert' } });
  const controls = el('div', { className: 'proposal-controls' });
  const confirmArea = el('div', { className: 'proposal-confirm' });

  const post = async (button: HTMLButtonElement, path: string, body: unknown) => {
    button.disabled = true;
    message.textContent = '';
    try {
      changed(await api<ProposalJSON>('POST', path, body));
    } catch (e) {
      message.textContent = refusalText(e);
      button.disabled = false;
    }
  };
  const button = (label: string, accessible: string, onClick: (b: HTMLButtonElement) => void, className = '') => {
    const b = el('button', { type: 'button', className, attrs: { 'aria-label': accessible } }, label);
    b.addEventListener('click', () => onClick(b));
    return b;
  };
  // A second step under the buttons (edit the words, write a note), with its own confirm and cancel.
  const ask = (legend: string, field: HTMLElement, confirmLabel: string, onConfirm: (b: HTMLButtonElement) => void) => {
    const cancel = button('Cancel', `Cancel: ${legend}`, () => {
      confirmArea.replaceChildren();
      message.textContent = '';
    });
    const confirm = button(confirmLabel, `${confirmLabel}: ${name}`, onConfirm, 'primary');
    confirmArea.replaceChildren(el('fieldset', {}, el('legend', {}, legend), field, el('div', { className: 'confirm-buttons' }, confirm, cancel)));
    (field.querySelector('textarea') ?? field).focus();
  };

  // A stale proposal's words are gone: the server refuses to accept it (409 proposal_stale), so
  // the page offers only what can still be done with it: reject it, or (its proposer) withdraw it.
  const acceptable = !p.stale;
  if (p.state === 'pending' && allowed(p.permissions.decide)) {
    controls.append(
      acceptable ? button('Accept', `Accept ${name}`, (b) => void post(b, `${base}/decision`, { state: 'accepted' }), 'primary') : '',
      // Only an amendment that brings words has words to modify (a deletion or a move has none).
      acceptable && modifiable(p.amendment)
        ? button('Accept as modified', `Accept as modified ${name}`, () => {
            const id = `${uid}-modified`;
            const input = el('textarea', { id, rows: 3, value: 'text' in p.amendment ? p.amendment.text : '' });
            ask('Accept as modified', el('div', {}, el('label', { htmlFor: id }, 'The words as accepted'), input), 'Confirm acceptance as modified', (b) => {
              void post(b, `${base}/decision`, { state: 'accepted_as_modified', text: input.value });
            });
          })
        : '',
      button('Reject', `Reject ${name}`, () => {
        const id = `${uid}-note`;
        const input = el('textarea', { id, rows: 2 });
        ask('Reject', el('div', {}, el('label', { htmlFor: id }, 'Note (optional)'), input), 'Confirm rejection', (b) => {
          void post(b, `${base}/decision`, { state: 'rejected', ...(input.value.trim() ? { note: input.value } : {}) });
        });
      }),
    );
  }
  if (p.state === 'pending' && allowed(p.permissions.withdraw)) {
    controls.append(button('Withdraw', `Withdraw ${name}`, (b) => void post(b, `${base}/withdraw`, {})));
  }

  const state = p.state === 'pending' && p.stale ? 'stale' : p.state;
  return el(
    'li',
    { className: `proposal state-${state}`, attrs: { 'data-proposal': p.id, 'data-state': p.state, 'data-stale': String(p.stale) } },
    el(
      'p',
      { className: 'proposal-who' },
      el('span', { className: 'proposal-delegation', attrs: { 'data-delegation': p.delegation?.code ?? '' } }, proposerName(p)),
      ' · ',
      el('time', { dateTime: p.tabledAt }, formatWhen(p.tabledAt)),
      ' ',
      el('span', { className: `proposal-state badge-${state}` }, PROPOSAL_STATE_LABELS[p.state] ?? p.state),
      p.stale && p.state === 'pending' ? el('span', { className: 'proposal-stale badge-stale' }, 'Stale') : '',
    ),
    el('p', { className: 'proposal-described' }, p.described),
    slot,
    p.stale && p.state === 'pending'
      ? el(
          'p',
          { className: 'proposal-stale-why' },
          `Stale: ${p.staleWhy ?? 'the words it quotes were changed'}. It cannot be accepted as tabled; its delegation may table it again on the words as they are now.`,
        )
      : null,
    p.rationale ? el('p', { className: 'proposal-rationale' }, el('span', { className: 'muted' }, 'Rationale: '), p.rationale) : null,
    p.state === 'accepted_as_modified' && p.modifiedText !== null
      ? el('p', { className: 'proposal-modified' }, el('span', { className: 'muted' }, 'Accepted as: '), p.modifiedText)
      : null,
    p.decidedAt
      ? el(
          'p',
          { className: 'proposal-decided muted' },
          `${PROPOSAL_STATE_LABELS[p.state] ?? p.state}${p.decidedBy ? ` by ${p.decidedBy.displayName}` : ''}, ${formatWhen(p.decidedAt)}`,
          p.note ? el('span', { className: 'proposal-note' }, ` — ${p.note}`) : '',
        )
      : null,
    controls.childElementCount ? controls : null,
    confirmArea,
    message,
  );
}
