/**
 * The draft page's view of the secretariat's record: the banner that says a text is final, and
 * the chair's paragraph states ("OP 3 — agreed ad referendum") with, for the chair and the
 * secretariat, the control to set them. The states are a governed record on the server, read
 * again every few seconds so that everyone in the room sees them change.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { sequentialNumbering } from '../../shared/numbering';
import { formatAgreedCount, PARAGRAPH_STATE_LABELS, PARAGRAPH_STATES, type NegotiationCounts } from '../../shared/negotiation';
import { api, ApiError, type DraftDetail } from '../api';
import { el, formatWhen, localizedString } from '../dom';
import { t, uiLanguage } from '../i18n';
import { agreedClass, agreedNote, lockControl, showInText, type AgreedStateJSON } from './agreedStates';
import './record.css';

const POLL_MS = 10_000;

interface StatesJSON {
  states: Record<string, AgreedStateJSON>;
  counts: NegotiationCounts | null;
}

/** "Final text: L.9/Rev.1 as adopted, frozen on …" — or null while the text can still change. */
export function finalBanner(draft: DraftDetail & { status: { frozenHash?: string | null } }, frozenAt?: string): HTMLElement | null {
  if (!draft.status.frozen) return null;
  return el(
    'p',
    { className: 'final-banner', attrs: { role: 'note', 'data-banner': 'final' } },
    el('strong', {}, t('draft:finalText'), ' '),
    frozenAt
      ? t('draft:frozenOn', { symbol: draft.symbol, status: localizedString(draft.status.label), date: formatWhen(frozenAt) })
      : t('draft:frozen', { symbol: draft.symbol, status: localizedString(draft.status.label) }),
    ' ',
    t('draft:stillExported'),
    draft.status.frozenHash ? el('span', { className: 'muted' }, ` (SHA-256 ${draft.status.frozenHash.slice(0, 12)}…)`) : '',
  );
}

/**
 * The paragraph-states panel; `doc` gives the working text shown (for paragraph numbers). The
 * form appears when the server's permissions say this user may set states now.
 */
export function paragraphStatesPanel(draft: DraftDetail, doc: () => PMNode | null): { element: HTMLElement; refresh(): void; destroy(): void } {
  const mayRecord = draft.permissions.setParagraphState.allowed;
  const summary = el('p', { className: 'muted' }, t('draft:noStates'));
  const list = el('ul', {});
  const message = el('p', { attrs: { role: 'status' } });
  const paragraphSelect = el('select', { id: 'ps-paragraph', attrs: { 'aria-label': t('draft:paragraph') } });
  const stateSelect = el(
    'select',
    { id: 'ps-state', attrs: { 'aria-label': t('draft:state') } },
    ...PARAGRAPH_STATES.map((s) => el('option', { value: s }, localizedString(PARAGRAPH_STATE_LABELS[s]))),
  );
  const lock = lockControl();
  const form = el('form', {}, paragraphSelect, stateSelect, lock.element, el('button', { type: 'submit' }, t('draft:setState')));
  const refs = () => {
    const current = doc();
    return current ? [...sequentialNumbering(current).byId].map(([id, n]) => [id, n.ref || id] as const) : [];
  };

  const render = (json: StatesJSON) => {
    showInText(draft.id, json.states);
    summary.textContent = json.counts ? formatAgreedCount(json.counts, uiLanguage()) : t('draft:noStates');
    list.replaceChildren(
      ...refs()
        .filter(([id]) => json.states[id])
        .map(([id, ref]) => {
          const state = json.states[id]!.state;
          return el(
            'li',
            { className: `state-${state}${agreedClass(json.states[id]!)}` },
            `${ref} — ${localizedString(PARAGRAPH_STATE_LABELS[state])}${agreedNote(json.states[id]!)}`,
          );
        }),
    );
    const chosen = paragraphSelect.value;
    paragraphSelect.replaceChildren(...refs().map(([id, ref]) => el('option', { value: id, selected: id === chosen }, ref)));
  };
  const load = () =>
    api<StatesJSON>('GET', `/api/drafts/${draft.id}/paragraph-states`)
      .then(render)
      .catch(() => undefined);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      render(await api<StatesJSON>('POST', `/api/drafts/${draft.id}/paragraph-states`, { paragraphId: paragraphSelect.value, state: stateSelect.value, locked: lock.locked() }));
      message.textContent = t('draft:recorded');
    } catch (e) {
      message.textContent = e instanceof ApiError ? t('draft:refused', { message: e.message }) : String(e);
    }
  });

  void load();
  const timer = setInterval(() => void load(), POLL_MS);
  const element = el(
    'section',
    { className: 'panel paragraph-states', attrs: { 'aria-labelledby': 'ps-h' } },
    el('h2', { id: 'ps-h' }, t('draft:paragraphStates')),
    summary,
    list,
    mayRecord ? form : null,
    message,
  );
  return { element, refresh: () => void load(), destroy: () => clearInterval(timer) };
}
