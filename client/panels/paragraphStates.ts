/**
 * The draft page's view of the secretariat's record: the banner that says a text is final, and
 * the chair's paragraph states ("OP 3 — agreed ad referendum") with, for the chair and the
 * secretariat, the control to set them. The states are a governed record on the server, read
 * again every few seconds so that everyone in the room sees them change.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { sequentialNumbering } from '../../shared/numbering';
import { PARAGRAPH_STATE_LABELS, PARAGRAPH_STATES } from '../../shared/negotiation';
import { api, ApiError, type DraftDetail } from '../api';
import { el, formatWhen } from '../dom';
import { agreedClass, agreedNote, lockControl, showInText, type AgreedStateJSON } from './agreedStates';
import './record.css';

const POLL_MS = 10_000;

interface StatesJSON {
  states: Record<string, AgreedStateJSON>;
  counts: { text: { en: string } } | null;
}

/** "Final text: L.9/Rev.1 as adopted, frozen on …" — or null while the text can still change. */
export function finalBanner(draft: DraftDetail & { status: { frozenHash?: string | null } }, frozenAt?: string): HTMLElement | null {
  if (!draft.status.frozen) return null;
  return el(
    'p',
    { className: 'final-banner', attrs: { role: 'note', 'data-banner': 'final' } },
    el('strong', {}, 'Final text. '),
    `${draft.symbol} is ${draft.status.label.en}; the secretariat froze it${frozenAt ? ` on ${formatWhen(frozenAt)}` : ''}, and nobody can change it any more. `,
    'It can still be exported and compared.',
    draft.status.frozenHash ? el('span', { className: 'muted' }, ` (SHA-256 ${draft.status.frozenHash.slice(0, 12)}…)`) : '',
  );
}

/**
 * The paragraph-states panel; `doc` gives the working text shown (for paragraph numbers). The
 * form appears when the server's permissions say this user may set states now.
 */
export function paragraphStatesPanel(draft: DraftDetail, doc: () => PMNode | null): { element: HTMLElement; refresh(): void; destroy(): void } {
  const mayRecord = draft.permissions.setParagraphState.allowed;
  const summary = el('p', { className: 'muted' }, 'No paragraph state recorded.');
  const list = el('ul', {});
  const message = el('p', { attrs: { role: 'status' } });
  const paragraphSelect = el('select', { id: 'ps-paragraph', attrs: { 'aria-label': 'Paragraph' } });
  const stateSelect = el('select', { id: 'ps-state', attrs: { 'aria-label': 'State' } }, ...PARAGRAPH_STATES.map((s) => el('option', { value: s }, PARAGRAPH_STATE_LABELS[s].en)));
  const lock = lockControl();
  const form = el('form', {}, paragraphSelect, stateSelect, lock.element, el('button', { type: 'submit' }, 'Set state'));
  const refs = () => {
    const current = doc();
    return current ? [...sequentialNumbering(current).byId].map(([id, n]) => [id, n.ref || id] as const) : [];
  };

  const render = (json: StatesJSON) => {
    showInText(draft.id, json.states);
    summary.textContent = json.counts?.text.en ?? 'No paragraph state recorded.';
    list.replaceChildren(
      ...refs()
        .filter(([id]) => json.states[id])
        .map(([id, ref]) => {
          const state = json.states[id]!.state;
          return el('li', { className: `state-${state}${agreedClass(json.states[id]!)}` }, `${ref} — ${PARAGRAPH_STATE_LABELS[state].en}${agreedNote(json.states[id]!)}`);
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
      message.textContent = 'Recorded.';
    } catch (e) {
      message.textContent = e instanceof ApiError ? `Refused: ${e.message}` : String(e);
    }
  });

  void load();
  const timer = setInterval(() => void load(), POLL_MS);
  const element = el(
    'section',
    { className: 'panel paragraph-states', attrs: { 'aria-labelledby': 'ps-h' } },
    el('h2', { id: 'ps-h' }, 'Paragraph states'),
    summary,
    list,
    mayRecord ? form : null,
    message,
  );
  return { element, refresh: () => void load(), destroy: () => clearInterval(timer) };
}
