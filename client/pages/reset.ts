/**
 * Choosing a password with a one-time link from the secretariat (`/reset#code=…`). The code is
 * read from the fragment, which the browser never sends to a server, and removed from the
 * address bar at once so it does not stay in the history.
 */
import { ErrorIds } from '../../shared/errors';
import { api, ApiError } from '../api';
import { el } from '../dom';
import { t } from '../i18n';
import { newPasswordFields } from '../passwordFields';

let codeRead = '';

/** Show the reset form; `done` runs once the password is set (to go to the sign-in page). */
export function showReset(app: HTMLElement, done: () => void): void {
  document.title = t('common:pageTitle', { page: t('auth:choosePassword') });
  // Kept in memory once read, not in the address: the page drawn again (in another language) still has it.
  const code = new URLSearchParams(location.hash.slice(1)).get('code') ?? codeRead;
  codeRead = code;
  history.replaceState(null, '', '/reset');
  const { next, nodes: newPassword, agree } = newPasswordFields();
  const status = el('p', { className: 'error', attrs: { role: 'alert' } }, code ? '' : t('auth:noCode'));
  const submit = el('button', { type: 'submit', disabled: !code }, t('auth:setPassword'));
  const form = el(
    'form',
    { className: 'login', attrs: { 'aria-labelledby': 'reset-h' } },
    el('h1', { id: 'reset-h' }, t('auth:chooseYourPassword')),
    ...newPassword,
    submit,
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!agree()) {
      status.textContent = t('auth:passwordsDiffer');
      return;
    }
    submit.disabled = true;
    try {
      await api('POST', '/api/auth/reset', { code, newPassword: next.value });
      done();
    } catch (e) {
      status.textContent = e instanceof ApiError ? (e.id === ErrorIds.badResetCode ? t('auth:badResetCode') : e.message) : t('auth:setFailed');
      submit.disabled = false;
    }
  });
  app.replaceChildren(form);
  next.focus();
}
