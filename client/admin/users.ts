/**
 * Accounts: the list, a form to create one or change it (name, login, role, delegation),
 * deactivation and reactivation, and one-time reset links. No password is ever typed here or
 * shown: a new account and a reset both get a link the user opens to choose their own.
 */
import { api } from '../api';
import { el } from '../dom';
import { field, resetNotice, select, statusLine, type DelegationJSON, type ResetJSON, type UserJSON } from './common';

const ROLE_NAMES: Record<string, string> = { secretariat: 'Secretariat', chair: 'Chair', delegate: 'Delegate' };

/** The users section; `meId` is the signed-in secretariat (who cannot deactivate itself). */
export async function usersSection(meId: string): Promise<HTMLElement> {
  const status = statusLine();
  const notice = el('div');
  const table = el('tbody');
  const delegations = await api<DelegationJSON[]>('GET', '/api/delegations');
  const delegationName = new Map(delegations.map((d) => [d.id, d.name.en]));
  let editing: UserJSON | null = null;

  const name = el('input', { name: 'displayName', required: true });
  const login = el('input', { name: 'login', required: true, type: 'email', autocomplete: 'off' });
  const role = select('role', Object.entries(ROLE_NAMES), 'delegate');
  const delegation = select('delegation', [['', '— none (secretariat, chair) —'], ...delegations.map((d): [string, string] => [d.id, d.name.en])]);
  const submit = el('button', { type: 'submit' }, 'Create account');
  const cancel = el('button', { type: 'button', hidden: true }, 'Cancel');
  const form = el(
    'form',
    { className: 'admin-form', attrs: { 'aria-label': 'Account' } },
    field('Name', name),
    field('E-mail (login)', login),
    field('Role', role),
    field('Delegation', delegation),
    submit,
    cancel,
  );

  const clear = () => {
    editing = null;
    form.reset();
    submit.textContent = 'Create account';
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
        const edit = act(`Edit ${u.displayName}`, 'Edit', async () => {
          editing = u;
          name.value = u.displayName;
          login.value = u.login;
          role.value = u.role;
          delegation.value = u.delegationId ?? '';
          submit.textContent = 'Save account';
          cancel.hidden = false;
          name.focus();
        });
        const toggle = act(`${u.active ? 'Deactivate' : 'Reactivate'} ${u.displayName}`, u.active ? 'Deactivate' : 'Reactivate', async () => {
          if (
            await status.run(`${u.displayName} ${u.active ? 'deactivated: signed out everywhere' : 'reactivated'}`, () => api('PATCH', `/api/users/${u.id}`, { active: !u.active }))
          )
            await render();
        });
        const reset = act(`Reset password for ${u.displayName}`, 'Reset password', async () => {
          let issued: ResetJSON | null = null;
          if (
            await status.run(`Reset link issued for ${u.displayName}`, async () => {
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
          el('td', {}, ROLE_NAMES[u.role] ?? u.role),
          el('td', {}, u.delegationId ? (delegationName.get(u.delegationId) ?? u.delegationId) : '—'),
          el('td', {}, u.active ? 'active' : 'deactivated'),
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
      ? await status.run(`${body.displayName} saved`, () => api('PATCH', `/api/users/${editing!.id}`, body))
      : await status.run(`${body.displayName} created`, async () => {
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
    el('h2', { id: 'admin-users' }, 'Accounts'),
    form,
    status.element,
    notice,
    el(
      'div',
      { className: 'table-wrap' },
      el('table', {}, el('thead', {}, el('tr', {}, ...['Name', 'Login', 'Role', 'Delegation', 'State', ''].map((h) => el('th', { scope: 'col' }, h)))), table),
    ),
  );
}
