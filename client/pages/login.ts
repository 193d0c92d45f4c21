/** The sign-in page. */
import { ErrorIds } from '../../shared/errors';
import { api, ApiError } from '../api';
import { el } from '../dom';
import { t } from '../i18n';

// Why the sign-in failed, in the interface's language where the error id says it all (shared/errors.ts); else the server's words.
function signInRefusal(e: ApiError): string {
  if (e.id === ErrorIds.badCredentials) return t('auth:badCredentials');
  return e.message;
}

/** Show the sign-in form; `onSignedIn` runs after a successful sign-in. */
export function showLogin(app: HTMLElement, onSignedIn: () => void, message = ''): void {
  const login = el('input', { name: 'login', id: 'login', autocomplete: 'username', required: true });
  const password = el('input', { name: 'password', id: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = el('p', { className: 'error', attrs: { role: 'alert' } }, message);
  const submit = el('button', { type: 'submit' }, t('auth:signIn'));
  const form = el(
    'form',
    { className: 'login', attrs: { 'aria-labelledby': 'login-h' } },
    el('h1', { id: 'login-h' }, t('auth:signInHeading')),
    el('label', { htmlFor: 'login' }, t('auth:login')),
    login,
    el('label', { htmlFor: 'password' }, t('auth:password')),
    password,
    submit,
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      await api('POST', '/api/auth/login', { login: login.value.trim(), password: password.value });
      onSignedIn();
    } catch (e) {
      error.textContent = e instanceof ApiError ? signInRefusal(e) : t('auth:signInFailed');
      submit.disabled = false;
      password.select();
    }
  });
  app.replaceChildren(form);
  document.title = t('common:pageTitle', { page: t('auth:signIn') });
  login.focus();
}
