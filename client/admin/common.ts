/** What the administration sections share: the API shapes they read, form fields, and a status line. */
import type { LocalizedText } from '../../shared/languages';
import { ApiError } from '../api';
import { el, formatWhen } from '../dom';
import { t } from '../i18n';

/** A delegation as `/api/delegations` lists it. */
export interface DelegationJSON {
  id: string;
  code: string;
  name: LocalizedText;
  kind: string;
}
/** An account as `/api/users` lists it. */
export interface UserJSON {
  id: string;
  login: string;
  displayName: string;
  role: 'secretariat' | 'chair' | 'delegate';
  delegationId: string | null;
  active: boolean;
}
/** A one-time reset code as the API hands it to the secretariat. */
export interface ResetJSON {
  code: string;
  link: string;
  expiresAt: string;
}

/** A labelled input. */
export function field(label: string, input: HTMLInputElement | HTMLSelectElement): HTMLLabelElement {
  return el('label', {}, label, input);
}

/** A select with `[value, label]` options. */
export function select(name: string, options: [string, string][], value = ''): HTMLSelectElement {
  // defaultSelected, so that a form reset comes back to this value rather than the first option.
  const s = el('select', { name }, ...options.map(([v, label]) => el('option', { value: v, defaultSelected: v === value }, label)));
  s.value = value;
  return s;
}

/** A live status line, and a function that runs an act and announces its outcome there. */
export function statusLine(): { element: HTMLElement; run(what: string, act: () => Promise<unknown>): Promise<boolean> } {
  const element = el('p', { className: 'admin-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  return {
    element,
    async run(what, act) {
      try {
        await act();
        element.textContent = t('admin:outcome', { what });
        element.classList.remove('error');
        return true;
      } catch (e) {
        element.textContent = e instanceof ApiError ? t('admin:refused', { reason: e.message }) : t('admin:failed', { reason: e instanceof Error ? e.message : String(e) });
        element.classList.add('error');
        return false;
      }
    },
  };
}

/** The block that shows a reset link once, to hand to the user. */
export function resetNotice(who: string, reset: ResetJSON): HTMLElement {
  const link = `${location.origin}${reset.link}`;
  return el(
    'div',
    { className: 'panel', attrs: { role: 'region', 'aria-label': t('admin:reset.region') } },
    el('p', {}, t('admin:reset.notice', { who, until: formatWhen(reset.expiresAt) })),
    el('p', { className: 'admin-secret' }, link),
  );
}
