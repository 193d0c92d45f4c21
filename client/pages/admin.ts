/**
 * Administration, for the secretariat: delegations, accounts, chairs of consultations and the
 * audit record, one section at a time (`/admin`, `/admin/users`, `/admin/chairs`, `/admin/audit`).
 * The server refuses everyone else; this page only saves them the trouble.
 */
import { auditSection } from '../admin/audit';
import { chairsSection } from '../admin/chairs';
import { delegationsSection } from '../admin/delegations';
import { usersSection } from '../admin/users';
import type { Me } from '../api';
import { el } from '../dom';
import { t } from '../i18n';
import '../admin/admin.css';

const SECTIONS = ['users', 'delegations', 'chairs', 'audit'] as const;
type Section = (typeof SECTIONS)[number];

/** Show the administration in `app`, on `section` (the path after /admin/); `go` changes section. */
export async function showAdmin(app: HTMLElement, me: Me, section: string, go: (path: string) => void): Promise<void> {
  document.title = t('admin:pageTitle');
  const current: Section = SECTIONS.some((s) => s === section) ? (section as Section) : 'users';
  const nav = el(
    'nav',
    { className: 'admin-nav', attrs: { 'aria-label': t('admin:heading') } },
    ...SECTIONS.map((s) => {
      const b = el('button', { type: 'button' }, t(`admin:section.${s}`));
      if (s === current) b.setAttribute('aria-current', 'page');
      b.addEventListener('click', () => go(`/admin/${s}`));
      return b;
    }),
  );
  const body = el('div', {}, el('p', { attrs: { role: 'status' } }, t('admin:loading')));
  app.replaceChildren(el('h1', {}, t('admin:heading')), nav, body);
  const build = { users: () => usersSection(me.id), delegations: delegationsSection, chairs: chairsSection, audit: auditSection }[current];
  body.replaceChildren(await build());
}
