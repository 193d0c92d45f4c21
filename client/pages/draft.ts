/**
 * The draft page, the drafting room itself: the working text in the editor with its toolbar and
 * status line, the read-only banner when this user may only read, and the side panels (lineage,
 * sponsors, status and record, who is here).
 */
import type { EditorView } from 'prosemirror-view';
import type { NumberingBase } from '../../shared/numbering';
import { api, type DraftDetail, type DraftEventJSON, type Me } from '../api';
import { connectDraft, type ConnectionState } from '../collab/connection';
import { announce, presenceOf } from '../collab/presence';
import { TEXT_FRAGMENT } from '../../shared/protocol';
import { connectionStatus } from '../connectionStatus';
import { el } from '../dom';
import { listFootnotes } from '../editor/footnotes';
import { isEditable, numberingKey } from '../editor/keys';
import { setNumbering } from '../editor/numbering';
import { setReadOnly } from '../editor/readOnly';
import { createDraftingEditor } from '../editor/setup';
import { toolbar } from '../editor/toolbar';
import { lineagePanel } from '../panels/lineage';
import { importPanel } from '../panels/importText';
import { finalBanner, paragraphStatesPanel } from '../panels/paragraphStates';
import { presencePanel } from '../panels/presence';
import { sponsorsPanel } from '../panels/sponsors';
import { statusPanel } from '../panels/status';
import { loadNegotiationBase } from './negotiationBase';

/** Open the draft page; returns the function that closes it (connection, editor, listeners). */
export async function showDraft(app: HTMLElement, me: Me, draftId: string, back: () => void): Promise<() => void> {
  app.replaceChildren(el('p', { attrs: { role: 'status' } }, 'Opening the draft…'));
  const [draft, events] = await Promise.all([api<DraftDetail>('GET', `/api/drafts/${draftId}`), api<DraftEventJSON[]>('GET', `/api/drafts/${draftId}/events`).catch(() => null)]);
  document.title = `${draft.symbol} — Penholder`;
  // The server's policy, sent with the draft: the first impression until the socket says its mode.
  const editText = draft.permissions.editText;
  const readOnlyReason = editText.allowed ? null : editText.reason;
  let view: EditorView | null = null;

  const status = connectionStatus();
  const banner = el('p', { className: 'banner', hidden: true, attrs: { role: 'status', 'data-banner': 'read-only' } });
  const tools = toolbar(() => view);
  const footnotes = el('ol', { className: 'footnotes', attrs: { 'aria-label': 'Footnotes' } });
  const mount = el('div', { id: 'editor', className: 'editor-mount' }, el('p', { className: 'muted' }, 'Loading the text…'));
  const numberingSwitch = el('input', { type: 'checkbox', id: 'negotiation-numbers', disabled: true });
  const switchLabel = el('label', { htmlFor: 'negotiation-numbers', className: 'switch' }, numberingSwitch, ' Negotiation numbers (3 bis)');

  const showBanner = (reason: string | null) => {
    banner.hidden = reason === null;
    banner.textContent = reason === null ? '' : `Read only: ${reason}.`;
  };
  showBanner(readOnlyReason);

  const backLink = el('a', { href: '/', className: 'back' }, '← All drafts');
  backLink.addEventListener('click', (event) => {
    event.preventDefault();
    back();
  });

  // Set once the page is built: reloads the panels that show the draft's governed record.
  let reloadRecord: () => void = () => undefined;
  const connection = connectDraft(draftId, {
    onRecordChanged: () => reloadRecord(),
    onState: (s: ConnectionState) => {
      status.update(s);
      if (!view || s.mode === null) return;
      const reason = s.mode === 'read' ? (s.reason ?? 'you may only read this text') : null;
      showBanner(reason);
      if ((reason === null) !== isEditable(view.state)) view.dispatch(setReadOnly(view.state, reason));
    },
  });
  const presence = presencePanel(connection.provider.awareness);
  const stopAnnouncing = announce(connection.provider.awareness, presenceOf(me));

  const header = el(
    'header',
    { className: 'draft-head' },
    backLink,
    el('h1', {}, el('span', { className: 'symbol' }, draft.symbol), ' ', el('span', { className: 'title' }, draft.title.en)),
    el('p', { lang: 'zh', className: 'muted' }, draft.title.zh),
    el('div', { className: 'draft-meta' }, status.element, switchLabel, el('a', { href: `/drafts/${encodeURIComponent(draftId)}/print`, className: 'print-link' }, 'Print view')),
  );
  const states = paragraphStatesPanel(draft, () => view?.state.doc ?? null);
  // The "final text" banner appears when the secretariat freezes the draft, live.
  const finalSlot = el('div', { className: 'final-slot' }, finalBanner(draft, events?.find((e) => e.type === 'frozen')?.at));
  // A text is imported only before the first issue, by those who may edit it.
  const canImport = editText.allowed && draft.lineage.length === 0;
  const main = el('div', { className: 'draft-main' }, finalSlot, banner, tools.element, mount, footnotes, canImport ? importPanel(draftId) : null);
  const recordPanels = (d: DraftDetail, e: DraftEventJSON[] | null) => [statusPanel(d, e), states.element, sponsorsPanel(d), lineagePanel(d)];
  const side = el('aside', { className: 'draft-side', attrs: { 'aria-label': 'About this draft' } }, presence.element, ...recordPanels(draft, events));
  app.replaceChildren(el('div', { className: 'draft-page' }, header, main, side));

  // The server says when the record moved (a sponsor joined, an action, a paragraph agreed):
  // fetch it again and redraw its panels. Bursts of notices make one reload.
  let reloading: Promise<void> | null = null;
  let again = false;
  reloadRecord = () => {
    if (reloading) {
      again = true;
      return;
    }
    reloading = (async () => {
      const [d, e] = await Promise.all([api<DraftDetail>('GET', `/api/drafts/${draftId}`), api<DraftEventJSON[]>('GET', `/api/drafts/${draftId}/events`).catch(() => null)]);
      side.replaceChildren(presence.element, ...recordPanels(d, e));
      finalSlot.replaceChildren(finalBanner(d, e?.find((x) => x.type === 'frozen')?.at) ?? '');
      states.refresh();
    })()
      .catch(() => undefined)
      .finally(() => {
        reloading = null;
        if (again) {
          again = false;
          reloadRecord();
        }
      });
  };

  const renderFootnotes = (v: EditorView) => {
    const labels = numberingKey.getState(v.state)?.labels;
    footnotes.replaceChildren(...listFootnotes(v.state.doc).map((n) => el('li', { attrs: { value: labels?.get(n.id) ?? '' } }, n.text)));
  };

  await connection.ready;
  const base: NumberingBase | null = await loadNegotiationBase(draft).catch(() => null);
  const s = connection.state();
  const initialReason = s.mode === 'read' ? (s.reason ?? 'you may only read this text') : readOnlyReason;
  mount.replaceChildren();
  view = createDraftingEditor({
    mount,
    fragment: connection.doc.getXmlFragment(TEXT_FRAGMENT),
    awareness: connection.provider.awareness,
    readOnlyReason: initialReason,
    negotiationBase: base,
    onUpdate: (v) => {
      tools.update();
      renderFootnotes(v);
    },
  });
  tools.update(); // the first updates ran while `view` was still being built
  states.refresh(); // the paragraph numbers come from the text, now shown
  showBanner(initialReason);
  numberingSwitch.disabled = base === null;
  if (base === null) switchLabel.title = 'No issued text to count negotiation numbers from.';
  numberingSwitch.addEventListener('change', () => {
    if (view) view.dispatch(setNumbering(view.state, { showNegotiation: numberingSwitch.checked }));
    mount.classList.toggle('show-negotiation', numberingSwitch.checked);
  });

  return () => {
    states.destroy();
    stopAnnouncing();
    presence.destroy();
    view?.destroy();
    connection.destroy();
  };
}
