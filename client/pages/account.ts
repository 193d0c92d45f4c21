/** The user's own account: who they are, and a form to change their password. */
import { api, ApiError, type Me } from '../api';
import { el, localizedString } from '../dom';
import { t } from '../i18n';
import { newPasswordFields } from '../passwordFields';

// The words for a role with no delegation to name.
const ROLE_KEYS: Record<Me['role'], string> = { secretariat: 'common:roleSecretariat', chair: 'common:roleChair', delegate: 'common:roleDelegate' };

/** Show the account page. */
export function showAccount(app: HTMLElement, me: Me): void {
  document.title = t('common:pageTitle', { page: t('auth:yourAccount') });
  const current = el('input', { id: 'current-password', type: 'password', autocomplete: 'current-password', required: true });
  const { next, nodes: newPassword, agree } = newPasswordFields();
  const status = el('p', { attrs: { role: 'status', 'aria-live': 'polite' } });
  const submit = el('button', { type: 'submit' }, t('auth:changePassword'));
  const form = el(
    'form',
    { className: 'login', attrs: { 'aria-labelledby': 'password-h' } },
    el('h2', { id: 'password-h' }, t('auth:changeYourPassword')),
    el('label', { htmlFor: 'current-password' }, t('auth:currentPassword')),
    current,
    ...newPassword,
    submit,
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!agree()) {
      status.textContent = t('auth:newPasswordsDiffer');
      return;
    }
    submit.disabled = true;
    try {
      await api('POST', '/api/auth/password', { currentPassword: current.value, newPassword: next.value });
      form.reset();
      status.textContent = t('auth:passwordChanged');
    } catch (e) {
      status.textContent = e instanceof ApiError ? e.message : t('auth:changeFailed');
    } finally {
      submit.disabled = false;
    }
  });
  const speaksFor = me.delegation ? localizedString(me.delegation.name) : t(ROLE_KEYS[me.role]);
  app.replaceChildren(el('h1', {}, t('auth:yourAccount')), el('p', {}, t('auth:whoYouAre', { name: me.displayName, login: me.login, speaksFor })), form);
}
