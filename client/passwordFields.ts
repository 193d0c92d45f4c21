/** The "new password, twice" fields of the account page and the reset page. */
import { PASSWORD_MIN_LENGTH } from '../shared/accounts';
import { el } from './dom';

/** The two inputs with their labels, and whether they agree. */
export function newPasswordFields(): { next: HTMLInputElement; nodes: Node[]; agree(): boolean } {
  const next = el('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true, minLength: PASSWORD_MIN_LENGTH });
  const again = el('input', { id: 'new-password-again', type: 'password', autocomplete: 'new-password', required: true });
  return {
    next,
    nodes: [
      el('label', { htmlFor: 'new-password' }, `New password (at least ${PASSWORD_MIN_LENGTH} characters)`),
      next,
      el('label', { htmlFor: 'new-password-again' }, 'New password again'),
      again,
    ],
    agree: () => next.value === again.value,
  };
}
