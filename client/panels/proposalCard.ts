/**
 * One proposal as the two-column view shows it: who tabled it (and on whose behalf), what it
 * says, why, its state and whether it has gone stale; and, as the server's permissions allow,
 * Accept, Accept as modified (the words edited, then confirmed), Reject (with an optional note)
 * and Withdraw. A refusal (403, 409, 422) is said beside the controls. Everything a delegation
 * typed is set as text, never as HTML.
 */
import { modifiable, onBehalfWords, PROPOSAL_STATES, type ProposalJSON, type ProposalState } from '../../shared/proposals';
import type { LocalizedText } from '../../shared/languages';
import { api, ApiError } from '../api';
import { el, formatWhen, localizedString } from '../dom';
import { t, uiLanguage } from '../i18n';
import { textIn, textPreferring } from '../../shared/languages';
import { allowed } from './comments';

/** The states of a proposal, in the order the filter lists them (shared/proposals.ts). */
export const PROPOSAL_STATE_NAMES = PROPOSAL_STATES;
export type ProposalStateName = ProposalState;

/** How a state is said on the page, in the interface's language: "Accepted as modified". */
export function proposalStateLabel(state: string): string {
  return (PROPOSAL_STATES as readonly string[]).includes(state) ? t(`proposals:state.${state}`) : state;
}

/**
 * "on behalf of the Group of 77 and China" in the interface's language: the group's name in it
 * when given (else as recorded); English keeps the words whole as sponsor lists write them
 * (shared/proposals.ts `onBehalfWords`). Null when it speaks for its delegation alone.
 */
export function onBehalfIn(onBehalfOf: LocalizedText | null | undefined): string | null {
  const found = textPreferring(onBehalfOf, uiLanguage());
  if (!found) return null;
  if (uiLanguage() === 'en' || found.lang === 'en') return uiLanguage() === 'en' ? onBehalfWords(found.text) : t('proposals:onBehalfOf', { group: found.text });
  return t('proposals:onBehalfOf', { group: found.text });
}

export type { ProposalJSON };

/** Who tabled a proposal, as the page names it ("Chile, on behalf of the Group of 77 and China"). */
export function proposerName(p: ProposalJSON): string {
  const who = p.delegation ? localizedString(p.delegation.name) : p.proposedBy.displayName;
  const words = onBehalfIn(p.onBehalfOf);
  return words ? t('proposals:whoOnBehalf', { who, words }) : who;
}

function refusalText(e: unknown): string {
  if (e instanceof ApiError) return t('proposals:refused', { reason: e.message });
  return t('proposals:notSent', { reason: e instanceof Error ? e.message : String(e) });
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
  const name = t('proposals:card.name', { who: proposerName(p) });
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
    const cancel = button(t('proposals:card.cancel'), t('proposals:card.named', { action: t('proposals:card.cancel'), what: legend }), () => {
      confirmArea.replaceChildren();
      message.textContent = '';
    });
    const confirm = button(confirmLabel, t('proposals:card.named', { action: confirmLabel, what: name }), onConfirm, 'primary');
    confirmArea.replaceChildren(el('fieldset', {}, el('legend', {}, legend), field, el('div', { className: 'confirm-buttons' }, confirm, cancel)));
    (field.querySelector('textarea') ?? field).focus();
  };

  // A stale proposal's words are gone: the server refuses to accept it (409 proposal_stale), so
  // the page offers only what can still be done with it: reject it, or (its proposer) withdraw it.
  const acceptable = !p.stale;
  if (p.state === 'pending' && allowed(p.permissions.decide)) {
    controls.append(
      acceptable
        ? button(
            t('proposals:card.accept'),
            t('proposals:card.acting', { action: t('proposals:card.accept'), what: name }),
            (b) => void post(b, `${base}/decision`, { state: 'accepted' }),
            'primary',
          )
        : '',
      // Only an amendment that brings words has words to modify (a deletion or a move has none).
      acceptable && modifiable(p.amendment)
        ? button(t('proposals:card.acceptModified'), t('proposals:card.acting', { action: t('proposals:card.acceptModified'), what: name }), () => {
            const id = `${uid}-modified`;
            const input = el('textarea', { id, rows: 3, value: 'text' in p.amendment ? p.amendment.text : '' });
            ask(
              t('proposals:card.acceptModified'),
              el('div', {}, el('label', { htmlFor: id }, t('proposals:card.wordsAccepted')), input),
              t('proposals:card.confirmModified'),
              (b) => {
                void post(b, `${base}/decision`, { state: 'accepted_as_modified', text: input.value });
              },
            );
          })
        : '',
      button(t('proposals:card.reject'), t('proposals:card.acting', { action: t('proposals:card.reject'), what: name }), () => {
        const id = `${uid}-note`;
        const input = el('textarea', { id, rows: 2 });
        ask(t('proposals:card.reject'), el('div', {}, el('label', { htmlFor: id }, t('proposals:card.note')), input), t('proposals:card.confirmReject'), (b) => {
          void post(b, `${base}/decision`, { state: 'rejected', ...(input.value.trim() ? { note: input.value } : {}) });
        });
      }),
    );
  }
  if (p.state === 'pending' && allowed(p.permissions.withdraw)) {
    controls.append(
      button(t('proposals:card.withdraw'), t('proposals:card.acting', { action: t('proposals:card.withdraw'), what: name }), (b) => void post(b, `${base}/withdraw`, {})),
    );
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
      el('span', { className: `proposal-state badge-${state}` }, proposalStateLabel(p.state)),
      p.stale && p.state === 'pending' ? el('span', { className: 'proposal-stale badge-stale' }, t('proposals:stale')) : '',
    ),
    el('p', { className: 'proposal-described' }, textIn(p.describedIn, uiLanguage()) ?? p.described),
    slot,
    p.stale && p.state === 'pending' ? el('p', { className: 'proposal-stale-why' }, t('proposals:card.staleWhy', { why: p.staleWhy ?? t('proposals:card.wordsChanged') })) : null,
    p.rationale ? el('p', { className: 'proposal-rationale' }, el('span', { className: 'muted' }, t('proposals:card.rationale')), p.rationale) : null,
    p.state === 'accepted_as_modified' && p.modifiedText !== null
      ? el('p', { className: 'proposal-modified' }, el('span', { className: 'muted' }, t('proposals:card.acceptedAs')), p.modifiedText)
      : null,
    p.decidedAt
      ? el(
          'p',
          { className: 'proposal-decided muted' },
          p.decidedBy
            ? t('proposals:card.decidedBy', { state: proposalStateLabel(p.state), name: p.decidedBy.displayName, when: formatWhen(p.decidedAt) })
            : t('proposals:card.decided', { state: proposalStateLabel(p.state), when: formatWhen(p.decidedAt) }),
          p.note ? el('span', { className: 'proposal-note' }, ` — ${p.note}`) : '',
        )
      : null,
    controls.childElementCount ? controls : null,
    confirmArea,
    message,
  );
}
