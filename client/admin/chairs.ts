/** Chairs of consultations: for each draft of each session, who chairs it, changeable in place. */
import { api, type DraftDetail, type DraftSummary, type SessionSummary } from '../api';
import { el } from '../dom';
import { select, statusLine, type UserJSON } from './common';

/** The chairs section. */
export async function chairsSection(): Promise<HTMLElement> {
  const status = statusLine();
  const [sessions, users] = await Promise.all([api<SessionSummary[]>('GET', '/api/sessions'), api<UserJSON[]>('GET', '/api/users')]);
  // Chairs are officers, not delegates (who speak for a delegation).
  const choices: [string, string][] = [['', '— no chair —'], ...users.filter((u) => u.active && u.role !== 'delegate').map((u): [string, string] => [u.id, u.displayName])];
  const rows: HTMLElement[] = [];
  for (const session of sessions) {
    const drafts = await api<DraftSummary[]>('GET', `/api/sessions/${session.id}/drafts`);
    for (const d of drafts) {
      const detail = await api<DraftDetail>('GET', `/api/drafts/${d.id}`);
      const chooser = select('chair', choices, detail.chair?.id ?? '');
      chooser.setAttribute('aria-label', `Chair of ${d.symbol}`);
      chooser.addEventListener('change', () => {
        const chairUserId = chooser.value || null;
        void status.run(`${d.symbol}: ${chairUserId ? `chaired by ${chooser.selectedOptions[0]?.textContent}` : 'no chair'}`, () =>
          api('PUT', `/api/drafts/${d.id}/chair`, { chairUserId }),
        );
      });
      rows.push(el('tr', { attrs: { 'data-draft': d.id } }, el('td', { className: 'symbol' }, d.symbol), el('td', {}, d.title.en), el('td', {}, chooser)));
    }
  }
  return el(
    'section',
    { attrs: { 'aria-labelledby': 'admin-chairs' } },
    el('h2', { id: 'admin-chairs' }, 'Chairs of consultations'),
    status.element,
    el(
      'div',
      { className: 'table-wrap' },
      el(
        'table',
        {},
        el('thead', {}, el('tr', {}, ...['Symbol', 'Title', 'Chair'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...(rows.length ? rows : [el('tr', {}, el('td', { colSpan: 3 }, 'No drafts yet.'))])),
      ),
    ),
  );
}
