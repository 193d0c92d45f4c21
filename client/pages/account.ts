/** The user's own account: who they are, and a form to change their password. */
import { PASSWORD_MIN_LENGTH } from '../../shared/accounts';
import { api, ApiError, type Me } from '../api';
import { el } from '../dom';

/** Show the account page. */
export function showAccount(app: HTMLElement, me: Me): void {
  document.title = 'Your account — Penholder';
  const current = el('input', { id: 'current-password', type: 'password', autocomplete: 'current-password', required: true });
  const next = el('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true, minLength: PASSWORD_MIN_LENGTH });
  const again = el('input', { id: 'new-password-again', type: 'password', autocomplete: 'new-password', required: true });
  const status = el('p', { attrs: { role: 'status', 'aria-live': 'polite' } });
  const submit = el('button', { type: 'submit' }, 'Change password');
  const form = el('form', { className: 'login', attrs: { 'aria-labelledby': 'password-h' } },
    el('h2', { id: 'password-h' }, 'Change your password'),
    el('label', { htmlFor: 'current-password' }, 'Current password'), current,
    el('label', { htmlFor: 'new-password' }, `New password (at least ${PASSWORD_MIN_LENGTH} characters)`), next,
    el('label', { htmlFor: 'new-password-again' }, 'New password again'), again,
    submit, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (next.value !== again.value) {
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
  app.replaceChildren(el('h1', {}, 'Your account'),
    el('p', {}, `${me.displayName} — ${me.login} (${me.delegation ? me.delegation.name.en : me.role})`), form);
}
