/**
 * Accounts: the list, a form to create one or change it (name, login, role, delegation),
 * deactivation and reactivation, and one-time reset links. No password is ever typed here or
 * shown: a new account and a reset both get a link the user opens to choose their own.
 */
import { api } from '../api';
import { el, localizedString } from '../dom';
import { t } from '../i18n';
import { field, resetNotice, select, statusLine, type DelegationJSON, type ResetJSON, type UserJSON } from './common';

const ROLES = ['secretariat', 'chair', 'delegate'] as const;
const roleName = (role: string) => ((ROLES as readonly string[]).includes(role) ? t(`admin:role.${role}`) : role);

/** The users section; `meId` is the signed-in secretariat (who cannot deactivate itself). */
export async function usersSection(meId: string): Promise<HTMLElement> {
  const status = statusLine();
  const notice = el('div');
  const table = el('tbody');
  const delegations = await api<DelegationJSON[]>('GET', '/api/delegations');
  const delegationName = new Map(delegations.map((d) => [d.id, localizedString(d.name)]));
  let editing: UserJSON | null = null;

  const name = el('input', { name: 'displayName', required: true });
  const login = el('input', { name: 'login', required: true, type: 'email', autocomplete: 'off' });
  const role = select(
    'role',
    ROLES.map((r) => [r, roleName(r)]),
    'delegate',
  );
  const delegation = select('delegation', [['', t('admin:users.noDelegation')], ...delegations.map((d): [string, string] => [d.id, localizedString(d.name)])]);
  const submit = el('button', { type: 'submit' }, t('admin:users.create'));
  const cancel = el('button', { type: 'button', hidden: true }, t('admin:cancel'));
  const form = el(
    'form',
    { className: 'admin-form', attrs: { 'aria-label': t('admin:users.form') } },
    field(t('admin:users.name'), name),
    field(t('admin:users.login'), login),
    field(t('admin:users.role'), role),
    field(t('admin:users.delegation'), delegation),
    submit,
    cancel,
  );

  const clear = () => {
    editing = null;
    form.reset();
    submit.textContent = t('admin:users.create');
    cancel.hidden = true;
  };
  cancel.addEventListener('click', clear);

  // Each button's accessible name starts with its visible words (WCAG 2.5.3), so "click Reset password" works by voice.
  const act = (label: string, text: string, run: () => Promise<void>) => {
    const b = el('button', { type: 'button' }, text);
    b.setAttribute('aria-label', label);
    b.addEventListener('click', () => void run());
    return b;
  };

  const render = async () => {
    const users = await api<UserJSON[]>('GET', '/api/users');
    table.replaceChildren(
      ...users.map((u) => {
        const edit = act(t('admin:editNamed', { name: u.displayName }), t('admin:edit'), async () => {
          editing = u;
          name.value = u.displayName;
          login.value = u.login;
          role.value = u.role;
          delegation.value = u.delegationId ?? '';
          submit.textContent = t('admin:users.save');
          cancel.hidden = false;
          name.focus();
        });
        const toggle = act(
          t(u.active ? 'admin:users.deactivateNamed' : 'admin:users.reactivateNamed', { name: u.displayName }),
          t(u.active ? 'admin:users.deactivate' : 'admin:users.reactivate'),
          async () => {
            if (
              await status.run(t(u.active ? 'admin:users.deactivated' : 'admin:users.reactivated', { name: u.displayName }), () =>
                api('PATCH', `/api/users/${u.id}`, { active: !u.active }),
              )
            )
              await render();
          },
        );
        const reset = act(t('admin:users.resetNamed', { name: u.displayName }), t('admin:users.reset'), async () => {
          let issued: ResetJSON | null = null;
          if (
            await status.run(t('admin:users.resetIssued', { name: u.displayName }), async () => {
              issued = await api<ResetJSON>('POST', `/api/users/${u.id}/password-reset`, {});
            })
          ) {
            notice.replaceChildren(resetNotice(u.displayName, issued!));
          }
        });
        const acts = el('td', { className: 'console-acts' }, edit, u.id === meId ? '' : toggle, u.active ? reset : '');
        return el(
          'tr',
          { className: u.active ? '' : 'inactive', attrs: { 'data-user': u.login } },
          el('td', {}, u.displayName),
          el('td', {}, u.login),
          el('td', {}, roleName(u.role)),
          el('td', {}, u.delegationId ? (delegationName.get(u.delegationId) ?? u.delegationId) : '—'),
          el('td', {}, t(u.active ? 'admin:users.active' : 'admin:users.inactive')),
          acts,
        );
      }),
    );
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { displayName: name.value.trim(), login: login.value.trim(), role: role.value, delegationId: delegation.value || null };
    let created: (UserJSON & { reset?: ResetJSON }) | null = null;
    const ok = editing
      ? await status.run(t('admin:users.saved', { name: body.displayName }), () => api('PATCH', `/api/users/${editing!.id}`, body))
      : await status.run(t('admin:users.created', { name: body.displayName }), async () => {
          created = await api('POST', '/api/users', body);
        });
    if (!ok) return;
    const reset = (created as (UserJSON & { reset?: ResetJSON }) | null)?.reset;
    notice.replaceChildren(reset ? resetNotice(body.displayName, reset) : '');
    clear();
    await render();
  });

  await render();
  return el(
    'section',
    { attrs: { 'aria-labelledby': 'admin-users' } },
    el('h2', { id: 'admin-users' }, t('admin:users.heading')),
    form,
    status.element,
    notice,
    el(
      'div',
      { className: 'table-wrap' },
      el(
        'table',
        {},
        el(
          'thead',
          {},
          el('tr', {}, ...['name', 'login', 'role', 'delegation', 'state'].map((h) => el('th', { scope: 'col' }, t(`admin:users.column.${h}`))), el('th', { scope: 'col' }, '')),
        ),
        table,
      ),
    ),
  );
}
