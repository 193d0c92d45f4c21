/** The audit record: filter by user, action (or family), and dates; newest first, 200 at a time. */
import { AUDIT_ACTIONS, type AuditEntryJSON } from '../../shared/audit';
import { api } from '../api';
import { el, formatWhen } from '../dom';
import { t } from '../i18n';
import { field, select, statusLine, type UserJSON } from './common';

/** The audit section. */
export async function auditSection(): Promise<HTMLElement> {
  const status = statusLine();
  const users = await api<UserJSON[]>('GET', '/api/users');
  const families = [...new Set(AUDIT_ACTIONS.map((a) => a.split('.')[0]!))];
  const user = select('user', [['', t('admin:audit.anyone')], ...users.map((u): [string, string] => [u.id, `${u.displayName} (${u.login})`])]);
  const action = select('action', [
    ['', t('admin:audit.anyAction')],
    ...families.map((f): [string, string] => [f, `${f}.*`]),
    ...AUDIT_ACTIONS.map((a): [string, string] => [a, a]),
  ]);
  const from = el('input', { name: 'from', type: 'date' });
  const to = el('input', { name: 'to', type: 'date' });
  const body = el('tbody');
  const form = el(
    'form',
    { className: 'admin-form', attrs: { 'aria-label': t('admin:audit.filterForm') } },
    field(t('admin:audit.user'), user),
    field(t('admin:audit.action'), action),
    field(t('admin:audit.from'), from),
    field(t('admin:audit.to'), to),
    el('button', { type: 'submit' }, t('admin:audit.filter')),
  );

  const render = async () => {
    const q = new URLSearchParams();
    if (user.value) q.set('user', user.value);
    if (action.value) q.set('action', action.value);
    if (from.value) q.set('from', from.value);
    if (to.value) q.set('to', to.value);
    let entries: AuditEntryJSON[] = [];
    if (
      !(await status.run(t('admin:audit.shown'), async () => {
        entries = await api<AuditEntryJSON[]>('GET', `/api/audit?${q}`);
      }))
    )
      return;
    status.element.textContent = t(entries.length === 200 ? 'admin:audit.newest' : 'admin:audit.entries', { count: entries.length });
    body.replaceChildren(
      ...entries.map((e) =>
        el(
          'tr',
          {},
          el('td', {}, formatWhen(e.at)),
          el('td', {}, e.label),
          el('td', {}, e.who),
          el('td', {}, e.ip ?? ''),
          el('td', {}, e.about),
          el('td', { className: 'audit-detail' }, e.summary),
        ),
      ),
    );
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void render();
  });
  await render();
  return el(
    'section',
    { attrs: { 'aria-labelledby': 'admin-audit' } },
    el('h2', { id: 'admin-audit' }, t('admin:audit.heading')),
    form,
    status.element,
    el(
      'div',
      { className: 'table-wrap' },
      el(
        'table',
        {},
        el('thead', {}, el('tr', {}, ...['when', 'action', 'who', 'from', 'about', 'what'].map((h) => el('th', { scope: 'col' }, t(`admin:audit.column.${h}`))))),
        body,
      ),
    ),
  );
}
