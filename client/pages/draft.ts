/**
 * The draft page, the drafting room itself: the working text in the editor with its toolbar and
 * status line, the read-only banner when this user may only read, and the side panels (lineage,
 * sponsors, status and record, who is here, proposals). A delegation that may not edit the text
 * but may table proposals works in suggesting mode (client/editor/suggesting.ts): its typing
 * becomes proposals to the sponsors; those who may edit switch between Editing and Suggesting. After final action the page opens on the text the
 * body acted on (the issued text as orally amended), read-only and labelled, with the working
 * text one click away; the banner says why nobody may change it any more.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import type { ParagraphAuthorship } from '../../shared/history';
import type { NumberingBase } from '../../shared/numbering';
import { textFromJSON } from '../../shared/schema';
import type { LocalizedText } from '../../shared/languages';
import { colourFor } from '../../shared/presence';
import { api, fetchFinalText, type DraftDetail, type DraftEventJSON, type Me } from '../api';
import { connectDraft, type ConnectionState } from '../collab/connection';
import { announce, presenceOf } from '../collab/presence';
import { TEXT_FRAGMENT } from '../../shared/protocol';
import { connectionStatus } from '../connectionStatus';
import { languagesOf, textPreferring } from '../../shared/languages';
import { policyReasonIn } from '../../shared/policyWords';
import { el, localized, localizedString } from '../dom';
import { directionOf, t, uiLanguage } from '../i18n';
import { dispatchFromOutside } from '../editor/outsideDispatch';
import { authorshipToggle } from '../editor/authorship';
import { listFootnotes } from '../editor/footnotes';
import { isEditable, numberingKey } from '../editor/keys';
import { setNumbering } from '../editor/numbering';
import { setProposalMarks, type ProposalMarkJSON } from '../editor/proposalMarks';
import { setReadOnly } from '../editor/readOnly';
import { createDraftingEditor } from '../editor/setup';
import { isSuggesting, setSuggesting } from '../editor/suggesting';
import { KEYS_NOTE_ID, toolbar } from '../editor/toolbar';
import { nameLanguage } from '../../shared/paragraphNames';
import { lineagePanel } from '../panels/lineage';
import { importPanel } from '../panels/importText';
import { finalBanner, paragraphStatesPanel } from '../panels/paragraphStates';
import { presencePanel } from '../panels/presence';
import { proposalsPanel, suggestionForms } from '../panels/proposals';
import { sponsorsPanel } from '../panels/sponsors';
import { statusPanel } from '../panels/status';
import { finalTextLabel, finalTextSection, provenanceNotes, readOnlyWhy, suggestingBanner, textMode } from './draftNotes';
import { loadNegotiationBase } from './negotiationBase';

/** Open the draft page; returns the function that closes it (connection, editor, listeners). */
export async function showDraft(app: HTMLElement, me: Me, draftId: string, back: () => void): Promise<() => void> {
  app.replaceChildren(el('p', { attrs: { role: 'status' } }, t('draft:opening')));
  const [first, events] = await Promise.all([api<DraftDetail>('GET', `/api/drafts/${draftId}`), api<DraftEventJSON[]>('GET', `/api/drafts/${draftId}/events`).catch(() => null)]);
  let draft = first;
  document.title = t('common:pageTitle', { page: draft.symbol });
  // The server's policy, sent with the draft: the first impression until the socket says its mode.
  const editText = draft.permissions.editText;
  let userReason = editText.allowed ? null : policyReasonIn(editText.reason, uiLanguage());
  let view: EditorView | null = null;

  const status = connectionStatus();
  const banner = el('p', { className: 'banner', hidden: true, attrs: { role: 'status', 'data-banner': 'read-only' } });
  // Those who may both edit and propose choose how their changes go: into the text, or as proposals.
  let chosen: 'edit' | 'suggest' = 'edit';
  const editingButton = el('button', { type: 'button', attrs: { 'aria-pressed': 'true', 'data-mode': 'edit' } }, t('draft:editing'));
  const suggestingButton = el('button', { type: 'button', attrs: { 'aria-pressed': 'false', 'data-mode': 'suggest' } }, t('draft:suggesting'));
  const modeSwitch = el('div', { className: 'mode-switch', hidden: true, attrs: { role: 'group', 'aria-label': t('draft:modeSwitch') } }, editingButton, suggestingButton);
  const colour = colourFor(me.delegationId ?? me.id);
  // The pending proposals, read on load and on every record notice; the text draws them.
  let shownProposals: ProposalMarkJSON[] = [];
  const proposals = proposalsPanel(draftId, {
    comments: true,
    onLoaded: (list) => {
      shownProposals = list as unknown as ProposalMarkJSON[];
      if (view) dispatchFromOutside(view, (state) => setProposalMarks(state, shownProposals));
    },
  });
  const forms = suggestionForms({ draftId, delegationId: me.delegationId, view: () => view, onProposed: () => void proposals.reload() });
  const tools = toolbar(() => view);
  const footnotes = el('ol', { className: 'footnotes', attrs: { 'aria-label': t('draft:footnotes') } });
  // The text is in the draft's language (WCAG 3.1.2) and runs its way (an Arabic text right to left), whatever the language of the page around it.
  const mount = el(
    'div',
    { id: 'editor', className: 'editor-mount', lang: draft.language, dir: directionOf(draft.language) },
    el('p', { className: 'muted', lang: uiLanguage(), dir: directionOf(uiLanguage()) }, t('draft:loadingText')),
  );
  // Structural changes said aloud ("now subparagraph (i)"), politely, after what is being read.
  const said = el('p', { className: 'sr-only', attrs: { role: 'status', 'aria-live': 'polite', 'data-announce': 'structure' } });
  const numberingSwitch = el('input', { type: 'checkbox', id: 'negotiation-numbers', disabled: true });
  const switchLabel = el('label', { htmlFor: 'negotiation-numbers', className: 'switch' }, numberingSwitch, ' ', t('draft:negotiationNumbers'));
  // Who wrote what, from the update log: each delegation's words in its colour.
  const authorship = authorshipToggle(
    () => view,
    async () => {
      const [written, delegations] = await Promise.all([
        api<{ paragraphs: ParagraphAuthorship[] }>('GET', `/api/drafts/${draftId}/authorship`),
        api<{ id: string; name: LocalizedText }[]>('GET', '/api/delegations'),
      ]);
      const names = new Map(delegations.map((d) => [d.id, localizedString(d.name)]));
      return { paragraphs: written.paragraphs, nameOf: (id) => (id === null ? t('draft:secretariatOrChair') : names.get(id) || t('draft:aDelegation')) };
    },
  );

  // The banner and the editor say the same: why this text cannot be changed, or nothing.
  const readOnly = () => readOnlyWhy(draft, userReason);
  const mode = () => textMode(draft, readOnly(), chosen);
  const showReadOnly = () => {
    const now = mode();
    const reason = now === 'read' ? readOnly() : null;
    banner.hidden = now === 'edit';
    banner.dataset.banner = now === 'suggest' ? 'suggesting' : 'read-only';
    banner.textContent = now === 'suggest' ? suggestingBanner(draft) : reason === null ? '' : t('draft:readOnly', { reason });
    modeSwitch.hidden = readOnly() !== null || now === 'read';
    editingButton.setAttribute('aria-pressed', String(now === 'edit'));
    suggestingButton.setAttribute('aria-pressed', String(now === 'suggest'));
    if (view && (reason === null) !== isEditable(view.state)) view.dispatch(setReadOnly(view.state, reason));
    if (view && (now === 'suggest') !== isSuggesting(view.state)) view.dispatch(setSuggesting(view.state, now === 'suggest'));
  };
  showReadOnly();
  const choose = (next: 'edit' | 'suggest') => {
    chosen = next;
    showReadOnly();
  };
  editingButton.addEventListener('click', () => choose('edit'));
  suggestingButton.addEventListener('click', () => choose('suggest'));

  const backLink = el('a', { href: '/', className: 'back' }, t('draft:back'));
  backLink.addEventListener('click', (event) => {
    event.preventDefault();
    back();
  });

  // Set once the page is built: reloads the panels that show the draft's governed record.
  let reloadRecord: () => void = () => undefined;
  const connection = connectDraft(draftId, {
    onRecordChanged: () => {
      reloadRecord();
      void proposals.reload();
    },
    onState: (s: ConnectionState) => {
      status.update(s);
      if (!view || s.mode === null) return;
      userReason = s.mode === 'read' ? (s.reason ?? t('draft:mayOnlyRead')) : null;
      showReadOnly();
    },
  });
  const presence = presencePanel(connection.provider.awareness);
  const stopAnnouncing = announce(connection.provider.awareness, presenceOf(me));

  const notes = el('div', { className: 'provenance-notes' }, ...provenanceNotes(draft));
  // The title in the interface's language, else in the text's own, else in English; then in the other languages it is given in.
  const reference = nameLanguage(draft.language);
  const titleFallbacks = [reference, 'en'] as const;
  const shownTitle = textPreferring(draft.title, uiLanguage(), titleFallbacks);
  const otherTitles = languagesOf(draft.title).filter((l) => l !== shownTitle?.lang);
  // Prints the text on the screen: the text acted on (the print view's default after final action) or the working text.
  const printLink = el('a', { href: `/drafts/${encodeURIComponent(draftId)}/print`, className: 'print-link' }, t('draft:printView'));
  // The text's versions in the six languages (client/pages/versions.ts).
  const versionsLink = el('a', { href: `/drafts/${encodeURIComponent(draftId)}/versions`, className: 'versions-link' }, t('versions:link'));
  versionsLink.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return; // new tab: let the browser
    event.preventDefault();
    history.pushState(null, '', versionsLink.pathname);
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  const header = el(
    'header',
    { className: 'draft-head' },
    backLink,
    el('h1', {}, el('span', { className: 'symbol' }, draft.symbol), ' ', localized(draft.title, titleFallbacks, { className: 'title' })),
    // Each in its language and direction, on the page's side (an English title under an Arabic one starts on the right in Arabic).
    ...otherTitles.map((lang) => el('p', { className: 'muted other-title' }, el('span', { lang, dir: 'auto' }, draft.title[lang]!))),
    notes,
    el('div', { className: 'draft-meta' }, status.element, switchLabel, modeSwitch, printLink, versionsLink),
    authorship.element,
  );
  const states = paragraphStatesPanel(draft, () => view?.state.doc ?? null);
  // The "final text" banner appears when the secretariat freezes the draft, live.
  const finalSlot = el('div', { className: 'final-slot' }, finalBanner(draft, events?.find((e) => e.type === 'frozen')?.at));
  // A text is imported only before the first issue, by those who may edit it.
  const canImport = editText.allowed && draft.lineage.length === 0;
  const working = el(
    'div',
    { className: 'working-text', attrs: { 'data-text': 'working' } },
    tools.element,
    tools.keysNote,
    said,
    mount,
    forms.element,
    footnotes,
    canImport ? importPanel(draftId, nameLanguage(draft.language)) : null,
  );

  // After final action: the text acted on by default, the working text on request.
  const finalSection = finalTextSection();
  const showFinal = el('input', { type: 'radio', name: 'text-shown', id: 'show-final', value: 'final', checked: true });
  const showWorking = el('input', { type: 'radio', name: 'text-shown', id: 'show-working', value: 'working' });
  const finalChoiceLabel = el('label', { htmlFor: 'show-final' });
  const choice = el(
    'fieldset',
    { className: 'text-choice', hidden: true },
    el('legend', {}, t('draft:textShown')),
    showFinal,
    ' ',
    finalChoiceLabel,
    ' ',
    showWorking,
    ' ',
    el('label', { htmlFor: 'show-working' }, t('draft:workingReadOnly')),
  );
  const chooseText = () => {
    const final = !choice.hidden && showFinal.checked;
    finalSection.element.hidden = !final;
    working.hidden = final;
    printLink.search = !choice.hidden && !final ? '?text=working' : '';
  };
  showFinal.addEventListener('change', chooseText);
  showWorking.addEventListener('change', chooseText);
  let finalShown: string | null = null; // the hash of the final text on the page
  const finalFailed = el('p', { className: 'error', attrs: { role: 'status' } });
  const refreshFinal = async (d: DraftDetail) => {
    if (!d.finalText) {
      choice.hidden = true;
      finalShown = null;
    } else if (finalShown !== d.finalText.hash) {
      let text: PMNode;
      try {
        text = textFromJSON((await fetchFinalText(draftId)).doc);
      } catch (e) {
        // The working text stays on the screen; the page says why the text acted on is not beside it.
        finalFailed.textContent = t('draft:finalNotLoaded', { label: d.finalText.label, reason: e instanceof Error ? e.message : String(e) });
        return;
      }
      finalFailed.textContent = '';
      finalSection.show(d, text);
      finalChoiceLabel.textContent = finalTextLabel(d);
      if (finalShown === null) showFinal.checked = true; // final action taken: the page turns to the text acted on
      finalShown = d.finalText.hash;
      choice.hidden = false;
    }
    chooseText();
  };
  await refreshFinal(draft).catch(() => undefined);

  const main = el('div', { className: 'draft-main' }, finalSlot, banner, finalFailed, choice, finalSection.element, working);
  const recordPanels = (d: DraftDetail, e: DraftEventJSON[] | null) => [statusPanel(d, e), states.element, sponsorsPanel(d), lineagePanel(d, e)];
  const side = el('aside', { className: 'draft-side', attrs: { 'aria-label': t('draft:aboutThisDraft') } }, presence.element, proposals.element, ...recordPanels(draft, events));
  app.replaceChildren(el('div', { className: 'draft-page' }, header, main, side));
  void proposals.reload();

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
      draft = d;
      side.replaceChildren(presence.element, proposals.element, ...recordPanels(d, e));
      finalSlot.replaceChildren(finalBanner(d, e?.find((x) => x.type === 'frozen')?.at) ?? '');
      notes.replaceChildren(...provenanceNotes(d));
      showReadOnly();
      states.refresh();
      await refreshFinal(d);
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
  if (s.mode === 'read') userReason = s.reason ?? t('draft:mayOnlyRead');
  mount.replaceChildren();
  const startMode = mode();
  view = createDraftingEditor({
    mount,
    fragment: connection.doc.getXmlFragment(TEXT_FRAGMENT),
    awareness: connection.provider.awareness,
    readOnlyReason: startMode === 'read' ? readOnly() : null,
    suggesting: { on: startMode === 'suggest', colour, onNewParagraph: () => forms.openParagraph('insert_paragraph') },
    negotiationBase: base,
    lang: nameLanguage(draft.language),
    announce: (message) => {
      said.textContent = message;
    },
    leave: () => tools.focus(),
    keysNoteId: KEYS_NOTE_ID,
    onUpdate: (v) => {
      tools.update();
      renderFootnotes(v);
      forms.update(v);
    },
  });
  if (shownProposals.length > 0) dispatchFromOutside(view, (state) => setProposalMarks(state, shownProposals));
  tools.update(); // the first updates ran while `view` was still being built
  states.refresh(); // the paragraph numbers come from the text, now shown
  showReadOnly();
  numberingSwitch.disabled = base === null;
  if (base === null) switchLabel.title = t('draft:noNegotiationBase');
  numberingSwitch.addEventListener('change', () => {
    if (view) view.dispatch(setNumbering(view.state, { showNegotiation: numberingSwitch.checked }));
    mount.classList.toggle('show-negotiation', numberingSwitch.checked);
  });

  return () => {
    proposals.destroy();
    authorship.destroy();
    states.destroy();
    finalSection.destroy();
    stopAnnouncing();
    presence.destroy();
    view?.destroy();
    connection.destroy();
  };
}
