/**
 * Choosing a password with a one-time link from the secretariat (`/reset#code=…`). The code is
 * read from the fragment, which the browser never sends to a server, and removed from the
 * address bar at once so it does not stay in the history.
 */
import { PASSWORD_MIN_LENGTH } from '../../shared/accounts';
import { api, ApiError } from '../api';
import { el } from '../dom';

/** Show the reset form; `done` runs once the password is set (to go to the sign-in page). */
export function showReset(app: HTMLElement, done: () => void): void {
  document.title = 'Choose a password — Penholder';
  const code = new URLSearchParams(location.hash.slice(1)).get('code') ?? '';
  history.replaceState(null, '', '/reset');
  const next = el('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true, minLength: PASSWORD_MIN_LENGTH });
  const again = el('input', { id: 'new-password-again', type: 'password', autocomplete: 'new-password', required: true });
  const status = el('p', { className: 'error', attrs: { role: 'alert' } }, code ? '' : 'This link has no code: ask the secretariat for a new one.');
  const submit = el('button', { type: 'submit', disabled: !code }, 'Set password');
  const form = el('form', { className: 'login', attrs: { 'aria-labelledby': 'reset-h' } },
    el('h1', { id: 'reset-h' }, 'Choose your password'),
    el('label', { htmlFor: 'new-password' }, `New password (at least ${PASSWORD_MIN_LENGTH} characters)`), next,
    el('label', { htmlFor: 'new-password-again' }, 'New password again'), again,
    submit, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (next.value !== again.value) {
      status.textContent = 'The two passwords differ.';
      return;
    }
    submit.disabled = true;
    try {
      await api('POST', '/api/auth/reset', { code, newPassword: next.value });
      done();
    } catch (e) {
      status.textContent = e instanceof ApiError ? e.message : 'Could not set the password: is the server reachable?';
      submit.disabled = false;
    }
  });
  app.replaceChildren(form);
  next.focus();
}
