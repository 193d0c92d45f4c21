/**
 * The drafts page: each session's drafts with symbol, title, status, sponsors, the proposals
 * pending on each (linked to its two-column view), last change and who is in it.
 */
import { api, type DraftSummary, type SessionSummary } from '../api';
import { languagesOf, textPreferring, type LocalizedText } from '../../shared/languages';
import { formatAgreedCount } from '../../shared/negotiation';
import { el, formatWhen, localized, localizedString } from '../dom';
import { t, uiLanguage } from '../i18n';
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
      attrs: { 'aria-label': t('drafts:pendingLabel', { count: n, symbol: d.symbol }), 'data-pending': String(n) },
    },
    String(n),
  );
  followInApp(link);
  return el('td', { className: 'num pending' }, link);
}

const COLUMNS = ['drafts:colSymbol', 'drafts:colTitle', 'drafts:colStatus', 'drafts:colSponsors', 'drafts:colPending', 'drafts:colLastChange', 'drafts:colPresent'];

/** A draft's title in the interface's language (else English, else any), then, muted, in the other languages it is given in. */
function titleLines(title: LocalizedText): Node[] {
  const first = textPreferring(title, uiLanguage());
  const others = languagesOf(title).filter((l) => l !== first?.lang);
  return [localized(title), ...others.flatMap((lang) => [el('br'), el('span', { lang, dir: 'auto', className: 'muted' }, title[lang]!)])];
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
        ? el('span', { className: 'yours', attrs: { 'data-yours': d.yourSponsorship } }, d.yourSponsorship === 'main' ? t('drafts:yoursMain') : t('drafts:yoursCo'))
        : null,
    ),
    el(
      'td',
      {},
      ...titleLines(d.title),
      d.illustrative || d.provenance?.some((p) => p.kind === 'illustrative' && p.symbol === null)
        ? el('span', { className: 'provenance illustrative', attrs: { 'data-provenance': 'illustrative' } }, t('drafts:illustrative'))
        : null,
    ),
    el(
      'td',
      { className: 'status' },
      localized(d.status.label),
      d.status.frozen ? ` (${t('common:frozen')})` : '',
      // The counts said in the interface's language (shared/negotiation.ts), not the server's two.
      d.agreed ? el('span', { className: 'muted agreed' }, ' · ', formatAgreedCount(d.agreed, uiLanguage())) : '',
    ),
    el('td', { className: 'num' }, String(d.sponsorCount)),
    pendingCell(d),
    el('td', {}, el('time', { dateTime: d.lastChangeAt }, formatWhen(d.lastChangeAt))),
    el(
      'td',
      {},
      d.present === undefined
        ? el('span', { className: 'muted' }, '—')
        : d.present.length
          ? d.present.join(t('common:listSeparator'))
          : el('span', { className: 'muted' }, t('common:nobody')),
    ),
  );
}

/** Show every session the user can see with its drafts. */
export async function showDrafts(app: HTMLElement, open: (id: string) => void): Promise<void> {
  app.replaceChildren(el('p', { attrs: { role: 'status' } }, t('drafts:loading')));
  const sessions = await api<SessionSummary[]>('GET', '/api/sessions');
  const lists = await Promise.all(sessions.map((s) => api<DraftSummary[]>('GET', `/api/sessions/${s.id}/drafts`)));
  const sections = sessions.map((session, i) =>
    el(
      'section',
      { className: 'session', attrs: { 'aria-labelledby': `s-${session.id}` } },
      el('h1', { id: `s-${session.id}` }, localized(session.title)),
      el('p', { className: 'muted' }, `${localizedString(session.body?.name)} — ${session.symbolPrefix}`),
      el(
        'div',
        { className: 'table-wrap' },
        el(
          'table',
          { className: 'drafts' },
          el('caption', { className: 'sr-only' }, t('drafts:caption', { session: localizedString(session.title) })),
          el('thead', {}, el('tr', {}, ...COLUMNS.map((h) => el('th', { scope: 'col' }, t(h))))),
          el('tbody', {}, ...lists[i]!.map((d) => draftRow(d, open))),
        ),
      ),
    ),
  );
  app.replaceChildren(...(sections.length ? sections : [el('p', {}, t('drafts:noSessions'))]));
  document.title = t('common:pageTitle', { page: t('drafts:pageTitle') });
}
