/** The "new password, twice" fields of the account page and the reset page. */
import { PASSWORD_MIN_LENGTH } from '../shared/accounts';
import { el } from './dom';
import { t } from './i18n';

/** The two inputs with their labels, and whether they agree. */
export function newPasswordFields(): { next: HTMLInputElement; nodes: Node[]; agree(): boolean } {
  const next = el('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true, minLength: PASSWORD_MIN_LENGTH });
  const again = el('input', { id: 'new-password-again', type: 'password', autocomplete: 'new-password', required: true });
  return {
    next,
    nodes: [
      el('label', { htmlFor: 'new-password' }, t('auth:newPassword', { min: PASSWORD_MIN_LENGTH })),
      next,
      el('label', { htmlFor: 'new-password-again' }, t('auth:newPasswordAgain')),
      again,
    ],
    agree: () => next.value === again.value,
  };
}
