/**
 * Choosing a password with a one-time link from the secretariat (`/reset#code=…`). The code is
 * read from the fragment, which the browser never sends to a server, and removed from the
 * address bar at once so it does not stay in the history.
 */
import { api, ApiError } from '../api';
import { el } from '../dom';
import { newPasswordFields } from '../passwordFields';

/** Show the reset form; `done` runs once the password is set (to go to the sign-in page). */
export function showReset(app: HTMLElement, done: () => void): void {
  document.title = 'Choose a password — Penholder';
  const code = new URLSearchParams(location.hash.slice(1)).get('code') ?? '';
  history.replaceState(null, '', '/reset');
  const { next, nodes: newPassword, agree } = newPasswordFields();
  const status = el('p', { className: 'error', attrs: { role: 'alert' } }, code ? '' : 'This link has no code: ask the secretariat for a new one.');
  const submit = el('button', { type: 'submit', disabled: !code }, 'Set password');
  const form = el('form', { className: 'login', attrs: { 'aria-labelledby': 'reset-h' } }, el('h1', { id: 'reset-h' }, 'Choose your password'), ...newPassword, submit, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!agree()) {
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
