/** The user's own account: who they are, and a form to change their password. */
import { api, ApiError, type Me } from '../api';
import { el } from '../dom';
import { newPasswordFields } from '../passwordFields';

/** Show the account page. */
export function showAccount(app: HTMLElement, me: Me): void {
  document.title = 'Your account — Penholder';
  const current = el('input', { id: 'current-password', type: 'password', autocomplete: 'current-password', required: true });
  const { next, nodes: newPassword, agree } = newPasswordFields();
  const status = el('p', { attrs: { role: 'status', 'aria-live': 'polite' } });
  const submit = el('button', { type: 'submit' }, 'Change password');
  const form = el(
    'form',
    { className: 'login', attrs: { 'aria-labelledby': 'password-h' } },
    el('h2', { id: 'password-h' }, 'Change your password'),
    el('label', { htmlFor: 'current-password' }, 'Current password'),
    current,
    ...newPassword,
    submit,
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!agree()) {
      status.textContent = 'The two new passwords differ.';
      return;
    }
    submit.disabled = true;
    try {
      await api('POST', '/api/auth/password', { currentPassword: current.value, newPassword: next.value });
      form.reset();
      status.textContent = 'Password changed. You stay signed in here; every other session has ended.';
    } catch (e) {
      status.textContent = e instanceof ApiError ? e.message : 'Could not change the password: is the server reachable?';
    } finally {
      submit.disabled = false;
    }
  });
  app.replaceChildren(el('h1', {}, 'Your account'), el('p', {}, `${me.displayName} — ${me.login} (${me.delegation ? me.delegation.name.en : me.role})`), form);
}
