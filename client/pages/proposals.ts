/**
 * The two-column view of a draft (as in the European Parliament's AT4AM and the Commission's
 * LEOS): each paragraph of the working text, numbered as printed ("PP 2", "OP 3 (a)"), beside the
 * proposals tabled on it and the comment threads on it. The text is live: it is read from the
 * draft's collaboration socket, so an accepted proposal or a sponsor's typing shows at once; the
 * lists are fetched again whenever the server says the draft's record moved. Filters by
 * delegation, state and paragraph, kept in the address so a filtered view can be shared.
 *
 * The page never changes the text itself: deciding a proposal is a request to the server, which
 * applies the change through the room (server/collab/proposalApply.ts). How each row draws its
 * text, cards and threads is in client/pages/proposalsRows.ts.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { sequentialNumbering } from '../../shared/numbering';
import { proposalParagraphIds } from '../../shared/proposals';
import { nameLanguage } from '../../shared/paragraphNames';
import { TEXT_FRAGMENT } from '../../shared/protocol';
import { textFromJSON } from '../../shared/schema';
import { api, type DraftDetail, type Me } from '../api';
import { connectDraft } from '../collab/connection';
import { connectionStatus } from '../connectionStatus';
import { el, localized, localizedString } from '../dom';
import { t } from '../i18n';
import { allowed, mountCommentsPanel, placeChildren, type ChosenWords, type ThreadJSON } from '../panels/comments';
import { PROPOSAL_STATE_NAMES, proposalStateLabel, type ProposalJSON } from '../panels/proposalCard';
import '../proposals.css';
import { type CardList, paragraphRows, type Row } from './proposalsRows';
import { chosenIn, inlineString, offsetIn, type ParagraphShown, paragraphsOf, proposalShown, readFilters, threadShown, writeFilters } from './twoColumn';

/** The answer of `GET /api/drafts/:id/proposals`. */
interface ProposalListJSON {
  proposals: ProposalJSON[];
  counts?: Partial<Record<string, number>>;
}

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Open the two-column view of a draft; returns the function that closes it (socket, listeners). */
export async function showProposals(app: HTMLElement, me: Me, draftId: string, toDraft: () => void): Promise<() => void> {
  app.replaceChildren(el('p', { attrs: { role: 'status' } }, t('proposals:opening')));
  const path = `/api/drafts/${encodeURIComponent(draftId)}`;
  const draft = await api<DraftDetail>('GET', path);
  document.title = t('proposals:pageTitle', { symbol: draft.symbol });
  const commentPermission = (draft.permissions as unknown as Record<string, unknown>).comment as Parameters<typeof allowed>[0];
  const mayComment = commentPermission === undefined || allowed(commentPermission);
  const lang = nameLanguage(draft.language);
  const filters = readFilters(location.search);
  let proposals: ProposalJSON[] = [];
  let counts: Partial<Record<string, number>> = {};
  let threads: ThreadJSON[] = [];
  let paragraphs: ParagraphShown[] = [];
  const rows = new Map<string, Row>();
  // Each proposal as last loaded, to tell which cards changed; the paragraphs' ids and numbers last drawn.
  let keyOf = new Map<string, string>();
  let shownStructure = '';
  // The words each paragraph's reader has chosen in its text, for a comment on them.
  const chosen = new Map<string, ChosenWords>();

  const back = el('a', { href: `/drafts/${encodeURIComponent(draftId)}`, className: 'back' }, t('proposals:back'));
  back.addEventListener('click', (event) => {
    event.preventDefault();
    toDraft();
  });
  const status = connectionStatus();
  const summary = el('p', { className: 'tc-summary', attrs: { role: 'status', 'aria-live': 'polite' } });
  const listMessage = el('p', { className: 'error', attrs: { role: 'alert' } });
  const delegationSelect = el('select', { id: 'tc-delegation' });
  const stateSelect = el('select', { id: 'tc-state' });
  const paragraphSelect = el('select', { id: 'tc-paragraph' });
  const filterBar = el(
    'form',
    { className: 'tc-filters', attrs: { 'aria-label': t('proposals:filters') } },
    el('label', { htmlFor: 'tc-delegation' }, `${t('proposals:delegation')} `),
    delegationSelect,
    el('label', { htmlFor: 'tc-state' }, `${t('proposals:stateFilter')} `),
    stateSelect,
    el('label', { htmlFor: 'tc-paragraph' }, `${t('proposals:paragraph')} `),
    paragraphSelect,
  );
  filterBar.addEventListener('submit', (event) => event.preventDefault());
  const body = el('div', { className: 'tc-rows', lang: 'en' });
  const others = el('section', { className: 'tc-others', hidden: true, attrs: { 'aria-labelledby': 'tc-others-h' } });

  const options = (select: HTMLSelectElement, items: [string, string][], chosenValue: string) => {
    select.replaceChildren(...items.map(([value, label]) => el('option', { value, selected: value === chosenValue }, label)));
    select.value = chosenValue;
  };
  const fillFilters = () => {
    const delegations = new Map<string, string>();
    for (const p of proposals) delegations.set(p.delegation?.code ?? 'none', p.delegation ? localizedString(p.delegation.name) : t('proposals:chairOrSecretariat'));
    for (const th of threads)
      for (const c of th.comments) delegations.set(c.delegation?.code ?? 'none', c.delegation ? localizedString(c.delegation.name) : t('proposals:chairOrSecretariat'));
    if (filters.delegation && !delegations.has(filters.delegation)) delegations.set(filters.delegation, filters.delegation);
    options(delegationSelect, [['', t('proposals:allDelegations')], ...[...delegations].sort((a, b) => a[1].localeCompare(b[1]))], filters.delegation);
    const n = (s: string) => counts[s] ?? (s === 'stale' ? proposals.filter((p) => p.state === 'pending' && p.stale).length : proposals.filter((p) => p.state === s).length);
    options(
      stateSelect,
      [
        ['', t('proposals:allStates', { count: proposals.length })],
        ['pending', t('proposals:withCount', { label: proposalStateLabel('pending'), count: n('pending') })],
        ['stale', t('proposals:withCount', { label: t('proposals:stale'), count: n('stale') })],
        ...PROPOSAL_STATE_NAMES.filter((s) => s !== 'pending').map((s): [string, string] => [s, t('proposals:withCount', { label: proposalStateLabel(s), count: n(s) })]),
      ],
      filters.state,
    );
    options(paragraphSelect, [['', t('proposals:allParagraphs')], ...paragraphs.map((p): [string, string] => [p.id, p.ref || t('proposals:unnumbered')])], filters.paragraph);
  };

  // The words chosen in one paragraph's text, read off the page's selection.
  const onSelection = () => {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const bodyOf = (n: Node) => (n instanceof Element ? n : n.parentElement)?.closest<HTMLElement>('.tc-text-body') ?? null;
    const inside = bodyOf(range.startContainer);
    if (!inside) return; // the selection moved elsewhere (into a form): keep what was chosen
    const end = bodyOf(range.endContainer);
    const id = inside.dataset.paragraph!;
    const paragraph = paragraphs.find((p) => p.id === id);
    if (selection.isCollapsed || !paragraph || end !== inside) {
      chosen.delete(id);
      return;
    }
    const from = offsetIn(inside, range.startContainer, range.startOffset);
    const to = offsetIn(inside, range.endContainer, range.endOffset);
    const words = from === null || to === null ? null : chosenIn(inlineString(paragraph.node), from, to);
    if (words) chosen.set(id, words);
    else chosen.delete(id);
  };
  document.addEventListener('selectionchange', onSelection);

  const drawing = paragraphRows({
    draftId,
    language: draft.language,
    mayComment,
    filters,
    chosenWords: (id) => chosen.get(id) ?? null,
    cardKey: (id) => keyOf.get(id) ?? '',
    reloadLists: () => reloadLists(),
  });

  const otherCards: CardList = { proposals: el('ul', { className: 'proposals' }), cards: new Map() };
  const otherThreads = mountCommentsPanel(el('div'), { draftId, threads: [], filter: (t) => threadShown(t, filters), onChanged: () => reloadLists() });

  const on = (x: ProposalJSON) => (x.amendment ? proposalParagraphIds(x.amendment) : [x.paragraphId]);
  // Draw the lists and the filters into the rows; hide the rows the filters leave empty.
  const paint = () => {
    fillFilters();
    const here = new Set(paragraphs.map((p) => p.id));
    const filtering = filters.delegation !== '' || filters.state !== '';
    // One pass over each list (a draft may carry a thousand proposals), then each row takes its own.
    const proposalsOn = new Map<string, ProposalJSON[]>();
    for (const x of proposals) {
      if (!proposalShown(x, filters)) continue;
      for (const id of on(x)) {
        const list = proposalsOn.get(id);
        if (list) list.push(x);
        else proposalsOn.set(id, [x]);
      }
    }
    const threadsOn = new Map<string, ThreadJSON[]>();
    for (const t of threads) {
      const list = threadsOn.get(t.paragraphId);
      if (list) list.push(t);
      else threadsOn.set(t.paragraphId, [t]);
    }
    const shownProposals = new Set<string>();
    let shownThreads = 0;
    let shownRows = 0;
    for (const p of paragraphs) {
      const row = rows.get(p.id)!;
      // A move shows beside the paragraph moved and beside the one it goes before or after.
      const mine = proposalsOn.get(p.id) ?? [];
      const c = drawing.showLists(row, p, mine, threadsOn.get(p.id) ?? []);
      const hidden = (filters.paragraph !== '' && filters.paragraph !== p.id) || (filtering && mine.length === 0 && (filters.state !== '' || c.shown === 0));
      row.element.hidden = hidden;
      if (!hidden) {
        shownRows++;
        for (const x of mine) shownProposals.add(x.id);
        shownThreads += c.shown;
      }
    }
    // Proposals and threads on paragraphs no longer in the text (deleted, or not yet seen here).
    const lost = proposals.filter((x) => !on(x).some((id) => here.has(id)) && proposalShown(x, filters) && (!filters.paragraph || on(x).includes(filters.paragraph)));
    const lostThreads = threads.filter((t) => !here.has(t.paragraphId) && (!filters.paragraph || filters.paragraph === t.paragraphId));
    drawing.showCards(otherCards, lost, null);
    otherThreads.show(lostThreads);
    others.hidden = lost.length === 0 && otherThreads.counts().shown === 0;
    if (!others.hidden) {
      for (const x of lost) shownProposals.add(x.id);
      shownThreads += otherThreads.counts().shown;
    }
    const pending = counts.pending ?? proposals.filter((x) => x.state === 'pending').length;
    summary.textContent = t('proposals:summary', {
      pending,
      proposals: t('proposals:count.proposals', { count: proposals.length }),
      shownProposals: t('proposals:count.proposals', { count: shownProposals.size }),
      threads: t('proposals:count.threads', { count: shownThreads }),
      rows: shownRows,
      paragraphs: t('proposals:count.paragraphs', { count: paragraphs.length }),
    });
  };

  // Draw the working text: a row per paragraph, created, moved or changed as the text changed.
  const paintText = (doc: PMNode) => {
    const numbering = sequentialNumbering(doc, { lang });
    paragraphs = paragraphsOf(doc, numbering);
    const order: HTMLElement[] = [];
    for (const p of paragraphs) {
      let row = rows.get(p.id);
      if (!row) {
        row = drawing.newRow(p);
        rows.set(p.id, row);
      }
      drawing.showText(row, p, numbering);
      order.push(row.element);
    }
    const here = new Set(paragraphs.map((p) => p.id));
    for (const [id, row] of rows) {
      if (here.has(id)) continue;
      rows.delete(id);
      row.comments.destroy();
    }
    // Moving a row out and back in would take the focus from a form in it: only when the order changed.
    const current = [...body.children];
    if (current.length !== order.length || current.some((e, i) => e !== order[i])) placeChildren(body, order);
    // The lists beside change only when paragraphs came, went or were numbered anew.
    const structure = paragraphs.map((p) => `${p.id} ${p.ref}`).join('\n');
    if (structure !== shownStructure) {
      shownStructure = structure;
      paint();
    }
  };

  let reloading: Promise<void> | null = null;
  let again = false;
  // Each list on its own: a list that cannot be loaded says so and leaves the other on the page.
  async function loadLists() {
    const [list, comments] = await Promise.allSettled([api<ProposalListJSON>('GET', `${path}/proposals`), api<{ threads: ThreadJSON[] }>('GET', `${path}/comments`)]);
    const failed: string[] = [];
    if (list.status === 'fulfilled') {
      proposals = list.value.proposals;
      counts = list.value.counts ?? {};
      keyOf = new Map(proposals.map((x) => [x.id, JSON.stringify(x)]));
    } else failed.push(t('proposals:proposalsUnloaded', { reason: reasonOf(list.reason) }));
    if (comments.status === 'fulfilled') threads = comments.value.threads;
    else failed.push(t('proposals:commentsUnloaded', { reason: reasonOf(comments.reason) }));
    const what = failed.join(t('proposals:listSeparator'));
    listMessage.textContent = failed.length ? t('proposals:unloaded', { what: what.charAt(0).toUpperCase() + what.slice(1) }) : '';
    paint();
  }
  // Fetch the proposals and comments again; bursts of notices make one reload.
  function reloadLists() {
    if (reloading) {
      again = true;
      return;
    }
    reloading = loadLists().finally(() => {
      reloading = null;
      if (again) {
        again = false;
        reloadLists();
      }
    });
  }

  const connection = connectDraft(draftId, { persist: false, onState: status.update, onRecordChanged: () => reloadLists() });
  const fragment = connection.doc.getXmlFragment(TEXT_FRAGMENT);
  let scheduled = false;
  const readText = () => {
    scheduled = false;
    try {
      paintText(textFromJSON(yXmlFragmentToProsemirrorJSON(fragment)));
    } catch {
      // A text caught between two updates that does not fit the schema: the next update draws it.
    }
  };
  const onUpdate = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(readText, 30);
  };
  connection.doc.on('update', onUpdate);

  for (const [select, key] of [
    [delegationSelect, 'delegation'],
    [stateSelect, 'state'],
    [paragraphSelect, 'paragraph'],
  ] as const) {
    select.addEventListener('change', () => {
      filters[key] = select.value;
      history.replaceState(null, '', `${location.pathname}${writeFilters(filters)}`);
      paint();
    });
  }

  others.append(
    el('h2', { id: 'tc-others-h' }, t('proposals:others')),
    el('h3', {}, t('proposals:proposals')),
    otherCards.proposals,
    el('h3', {}, t('proposals:comments')),
    otherThreads.element,
  );
  app.replaceChildren(
    el(
      'div',
      { className: 'tc-page' },
      el(
        'header',
        { className: 'tc-head' },
        back,
        el('h1', {}, t('proposals:heading'), el('span', { className: 'symbol' }, draft.symbol)),
        el('p', { className: 'muted' }, localized(draft.title)),
        el(
          'p',
          { className: 'muted' },
          me.delegation ? t('proposals:signedInFor', { name: me.displayName, delegation: localizedString(me.delegation.name) }) : t('proposals:signedIn', { name: me.displayName }),
        ),
        status.element,
        filterBar,
        summary,
        listMessage,
      ),
      el('div', { className: 'tc-columns', attrs: { 'aria-hidden': 'true' } }, el('span', {}, t('proposals:columnText')), el('span', {}, t('proposals:columnSide'))),
      body,
      others,
    ),
  );
  fillFilters();
  reloadLists();
  await connection.ready;
  readText();

  return () => {
    document.removeEventListener('selectionchange', onSelection);
    connection.doc.off('update', onUpdate);
    connection.destroy();
  };
}
