/** Chairs of consultations: for each draft of each session, who chairs it, changeable in place. */
import { api, type DraftDetail, type DraftSummary, type SessionSummary } from '../api';
import { el, localized } from '../dom';
import { t } from '../i18n';
import { select, statusLine, type UserJSON } from './common';

/** The chairs section. */
export async function chairsSection(): Promise<HTMLElement> {
  const status = statusLine();
  const [sessions, users] = await Promise.all([api<SessionSummary[]>('GET', '/api/sessions'), api<UserJSON[]>('GET', '/api/users')]);
  // Chairs are officers, not delegates (who speak for a delegation).
  const choices: [string, string][] = [['', t('admin:chairs.none')], ...users.filter((u) => u.active && u.role !== 'delegate').map((u): [string, string] => [u.id, u.displayName])];
  const rows: HTMLElement[] = [];
  for (const session of sessions) {
    const drafts = await api<DraftSummary[]>('GET', `/api/sessions/${session.id}/drafts`);
    for (const d of drafts) {
      const detail = await api<DraftDetail>('GET', `/api/drafts/${d.id}`);
      const chooser = select('chair', choices, detail.chair?.id ?? '');
      chooser.setAttribute('aria-label', t('admin:chairs.chairOf', { symbol: d.symbol }));
      chooser.addEventListener('change', () => {
        const chairUserId = chooser.value || null;
        void status.run(
          chairUserId ? t('admin:chairs.chairedBy', { symbol: d.symbol, name: chooser.selectedOptions[0]?.textContent ?? '' }) : t('admin:chairs.noChair', { symbol: d.symbol }),
          () => api('PUT', `/api/drafts/${d.id}/chair`, { chairUserId }),
        );
      });
      rows.push(el('tr', { attrs: { 'data-draft': d.id } }, el('td', { className: 'symbol' }, d.symbol), el('td', {}, localized(d.title)), el('td', {}, chooser)));
    }
  }
  return el(
    'section',
    { attrs: { 'aria-labelledby': 'admin-chairs' } },
    el('h2', { id: 'admin-chairs' }, t('admin:chairs.heading')),
    status.element,
    el(
      'div',
      { className: 'table-wrap' },
      el(
        'table',
        {},
        el('thead', {}, el('tr', {}, ...['symbol', 'title', 'chair'].map((h) => el('th', { scope: 'col' }, t(`admin:chairs.column.${h}`))))),
        el('tbody', {}, ...(rows.length ? rows : [el('tr', {}, el('td', { colSpan: 3 }, t('admin:chairs.noDrafts')))])),
      ),
    ),
  );
}
