/**
 * The comparison view (`/drafts/<id>/compare?left=…&right=…`): choose two texts of the draft,
 * read the chair's summary, walk the changes (list, `n` / `p`), read the text inline or side by
 * side, hide what did not change, print it on A4 or download the Word redline. Every choice is
 * in the URL, so a comparison can be shared as a link.
 */
import { api, ApiError, type DraftDetail } from '../api';
import { el, localized } from '../dom';
import { t, uiLanguage } from '../i18n';
import { textPreferring, type LocalizedText } from '../../shared/languages';
import { changeNavigator, type ChangeNavigator } from '../compare/changes';
import { apiQuery, defaultPair, readState, writeState, type CompareState, type ComparisonJSON } from '../compare/model';
import { textPicker } from '../compare/picker';
import { rowsElement } from '../compare/render';
import '../compare/compare.css';

function radio(name: string, value: string, label: string, checked: boolean, onPick: () => void): HTMLElement {
  const input = el('input', { type: 'radio', name, value, id: `${name}-${value}`, checked });
  input.addEventListener('change', () => input.checked && onPick());
  return el('label', { htmlFor: input.id, className: 'switch' }, input, ` ${label}`);
}

function checkbox(id: string, label: string, checked: boolean, onToggle: (on: boolean) => void): HTMLElement {
  const input = el('input', { type: 'checkbox', id, checked });
  input.addEventListener('change', () => onToggle(input.checked));
  return el('label', { htmlFor: id, className: 'switch' }, input, ` ${label}`);
}

// The summary as a paragraph in the interface's language, else English, else any; classed and marked by the language it is in.
function summaryLine(summary: LocalizedText): HTMLElement {
  const found = textPreferring(summary, uiLanguage());
  return el('p', { className: `cmp-summary-${found?.lang ?? 'en'}`, lang: found?.lang ?? 'en' }, found?.text ?? '');
}

/** Open the comparison view of a draft; returns the function that closes it. */
export async function showCompare(app: HTMLElement, draftId: string, toDraft: () => void): Promise<() => void> {
  app.replaceChildren(el('p', { attrs: { role: 'status' } }, t('compare:opening')));
  const draft = await api<DraftDetail>('GET', `/api/drafts/${encodeURIComponent(draftId)}`);
  document.title = t('compare:pageTitle', { symbol: draft.symbol });
  const state: CompareState = readState(location.search, defaultPair(draft.lineage));
  let navigator: ChangeNavigator | null = null;
  let shown: ComparisonJSON | null = null;

  const back = el('a', { href: `/drafts/${encodeURIComponent(draftId)}`, className: 'back no-print' }, t('compare:back'));
  back.addEventListener('click', (event) => {
    event.preventDefault();
    toDraft();
  });
  const message = el('p', { className: 'cmp-message', attrs: { role: 'status' } });
  const summary = el('section', { className: 'cmp-summary', attrs: { 'aria-labelledby': 'cmp-summary-h' } });
  const rowsHolder = el('div', { className: 'cmp-main' });
  const side = el('aside', { className: 'cmp-side' });
  const docx = el('a', { className: 'button-link', attrs: { download: '' } }, t('compare:docx'));
  const printButton = el('button', { type: 'button' }, t('compare:print'));
  printButton.addEventListener('click', () => window.print());

  const saveUrl = () => history.replaceState(null, '', `${location.pathname}${writeState(state)}`);
  const paint = () => {
    if (!shown) return;
    const names = { left: shown.left.label, right: shown.right.label };
    const rows = rowsElement(shown.paragraphs, state.mode, names, draft.language);
    rows.classList.toggle('changes-only', state.changesOnly);
    rowsHolder.replaceChildren(rows);
  };

  // Layout and filter change the view only; the comparison stays.
  const show = (change: Partial<Pick<CompareState, 'mode' | 'changesOnly'>>) => {
    Object.assign(state, change);
    saveUrl();
    paint();
  };

  async function load() {
    saveUrl();
    message.textContent = t('compare:comparing');
    message.classList.remove('error');
    docx.href = `/api/drafts/${encodeURIComponent(draftId)}/compare.docx${apiQuery(state)}`;
    let result: ComparisonJSON;
    try {
      result = await api<ComparisonJSON>('GET', `/api/drafts/${encodeURIComponent(draftId)}/compare${apiQuery(state)}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) throw e;
      message.textContent = t('compare:cannot', { reason: e instanceof Error ? e.message : String(e) });
      message.classList.add('error');
      message.setAttribute('role', 'alert');
      return;
    }
    shown = result;
    message.textContent = '';
    summary.replaceChildren(
      el('h2', { id: 'cmp-summary-h' }, `${result.left.label} → ${result.right.label}`),
      // The chair's summary in the interface's language (shared/compare/summary.ts writes it in the six).
      summaryLine(result.summary),
    );
    navigator?.destroy();
    navigator = changeNavigator(result.paragraphs, () => rowsHolder.querySelector('.cmp-rows'));
    side.replaceChildren(navigator.element);
    paint();
  }

  const picker = textPicker(draft.lineage, state, (pair) => {
    state.left = pair.left;
    state.right = pair.right;
    void load();
  });
  const controls = el(
    'div',
    { className: 'cmp-controls no-print' },
    el(
      'span',
      { className: 'switch', attrs: { role: 'radiogroup', 'aria-label': t('compare:layout') } },
      radio('cmp-mode', 'inline', t('compare:inline'), state.mode === 'inline', () => show({ mode: 'inline' })),
      radio('cmp-mode', 'side', t('compare:side'), state.mode === 'side', () => show({ mode: 'side' })),
    ),
    checkbox('cmp-changes-only', t('compare:changesOnly'), state.changesOnly, (on) => show({ changesOnly: on })),
    checkbox('cmp-negotiation', t('compare:negotiation'), state.numbering === 'negotiation', (on) => {
      state.numbering = on ? 'negotiation' : 'sequential';
      void load();
    }),
    printButton,
    docx,
  );
  app.replaceChildren(
    el(
      'div',
      { className: 'cmp-page' },
      el(
        'header',
        { className: 'cmp-head' },
        back,
        el('h1', {}, t('compare:heading'), el('span', { className: 'symbol' }, draft.symbol)),
        el('p', { className: 'muted' }, localized(draft.title)),
        picker,
        controls,
        message,
      ),
      summary,
      rowsHolder,
      side,
    ),
  );
  await load();
  return () => navigator?.destroy();
}
