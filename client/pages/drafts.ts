/**
 * The drafts page: each session's drafts with symbol, title, status, sponsors, the proposals
 * pending on each (linked to its two-column view), last change and who is in it.
 */
import { api, type DraftSummary, type SessionSummary } from '../api';
import { el, formatWhen } from '../dom';
import '../proposals.css';

// Follow a link of the app without reloading it: the router (client/main.ts) answers popstate.
function followInApp(link: HTMLAnchorElement): void {
  link.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return; // new tab: let the browser
    event.preventDefault();
    history.pushState(null, '', link.pathname + link.search);
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
}

/** The pending proposals of a draft, as a link to its two-column view; a dash when the server does not say. */
function pendingCell(d: DraftSummary & { pendingProposals?: number }): HTMLElement {
  if (d.pendingProposals === undefined) return el('td', { className: 'num' }, el('span', { className: 'muted' }, '—'));
  const n = d.pendingProposals;
  const link = el(
    'a',
    {
      href: `/drafts/${encodeURIComponent(d.id)}/proposals${n > 0 ? '?state=pending' : ''}`,
      className: n > 0 ? 'pending-link' : 'pending-link none',
      attrs: { 'aria-label': `${n} pending proposal${n === 1 ? '' : 's'} on ${d.symbol}`, 'data-pending': String(n) },
    },
    String(n),
  );
  followInApp(link);
  return el('td', { className: 'num pending' }, link);
}

function draftRow(d: DraftSummary, open: (id: string) => void): HTMLElement {
  const link = el('a', { href: `/drafts/${d.id}`, className: 'symbol' }, d.symbol);
  link.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return; // new tab: let the browser
    event.preventDefault();
    open(d.id);
  });
  return el(
    'tr',
    { attrs: { 'data-draft': d.id } },
    el(
      'th',
      { scope: 'row' },
      link,
      d.yourSponsorship
        ? el(
            'span',
            { className: 'yours', attrs: { 'data-yours': d.yourSponsorship } },
            d.yourSponsorship === 'main' ? 'Your delegation: main sponsor' : 'Your delegation: co-sponsor',
          )
        : null,
    ),
    el(
      'td',
      {},
      el('span', {}, d.title.en),
      el('br'),
      el('span', { lang: 'zh', className: 'muted' }, d.title.zh),
      d.illustrative || d.provenance?.some((p) => p.kind === 'illustrative' && p.symbol === null)
        ? el('span', { className: 'provenance illustrative', attrs: { 'data-provenance': 'illustrative' } }, 'Illustrative — not part of any session’s record')
        : null,
    ),
    el('td', { className: 'status' }, d.status.label.en, d.status.frozen ? ' (frozen)' : '', d.agreed ? el('span', { className: 'muted agreed' }, ` · ${d.agreed.text.en}`) : ''),
    el('td', { className: 'num' }, String(d.sponsorCount)),
    pendingCell(d),
    el('td', {}, el('time', { dateTime: d.lastChangeAt }, formatWhen(d.lastChangeAt))),
    el('td', {}, d.present === undefined ? el('span', { className: 'muted' }, '—') : d.present.length ? d.present.join(', ') : el('span', { className: 'muted' }, 'nobody')),
  );
}

/** Show every session the user can see with its drafts. */
export async function showDrafts(app: HTMLElement, open: (id: string) => void): Promise<void> {
  app.replaceChildren(el('p', { attrs: { role: 'status' } }, 'Loading the drafts…'));
  const sessions = await api<SessionSummary[]>('GET', '/api/sessions');
  const lists = await Promise.all(sessions.map((s) => api<DraftSummary[]>('GET', `/api/sessions/${s.id}/drafts`)));
  const sections = sessions.map((session, i) =>
    el(
      'section',
      { className: 'session', attrs: { 'aria-labelledby': `s-${session.id}` } },
      el('h1', { id: `s-${session.id}` }, session.title.en),
      el('p', { className: 'muted' }, `${session.body?.name.en ?? ''} — ${session.symbolPrefix}`),
      el(
        'div',
        { className: 'table-wrap' },
        el(
          'table',
          { className: 'drafts' },
          el('caption', { className: 'sr-only' }, `Drafts of ${session.title.en}`),
          el('thead', {}, el('tr', {}, ...['Symbol', 'Title', 'Status', 'Sponsors', 'Pending proposals', 'Last change', 'In it now'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...lists[i]!.map((d) => draftRow(d, open))),
        ),
      ),
    ),
  );
  app.replaceChildren(...(sections.length ? sections : [el('p', {}, 'No sessions yet.')]));
  document.title = 'Drafts — Penholder';
}
