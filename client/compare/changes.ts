/**
 * The change list and moving between changes: clicking a change jumps to its row; `n` / `p`
 * (or Alt+↓ / Alt+↑) go to the next or previous change from anywhere on the page except a field.
 */
import type { ComparedParagraph } from '../../shared/compare';
import { el } from '../dom';
import { STATUS_WORDS } from './render';

/** The keys, as the page documents them. */
export const CHANGE_KEYS = { next: ['n', 'Alt+ArrowDown'], previous: ['p', 'Alt+ArrowUp'] } as const;

/** The change list and the keyboard, bound to the rows rendered in `rowsRoot()`. */
export interface ChangeNavigator {
  element: HTMLElement;
  next(): void;
  previous(): void;
  /** Stop listening to the keyboard. */
  destroy(): void;
}

function typingIn(target: EventTarget | null): boolean {
  const t = target as HTMLElement | null;
  return !!t && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName));
}

/** Build the change list of `rows` and listen for the keys. */
export function changeNavigator(rows: readonly ComparedParagraph[], rowsRoot: () => HTMLElement | null): ChangeNavigator {
  const changes = rows.flatMap((r, i) => (r.status === 'unchanged' ? [] : [i]));
  let current = -1;
  const items = changes.map((rowIndex, n) => {
    const row = rows[rowIndex]!;
    const button = el('button', { type: 'button', className: 'linklike' }, el('span', { className: 'cmp-label' }, row.label), ` — ${STATUS_WORDS[row.status]}`);
    button.addEventListener('click', () => go(n));
    return el('li', { attrs: { 'data-index': String(rowIndex), 'data-status': row.status } }, button);
  });
  const position = el('p', { className: 'muted cmp-position', attrs: { 'aria-live': 'polite' } });

  function go(n: number) {
    if (changes.length === 0) return;
    current = (n + changes.length) % changes.length;
    const root = rowsRoot();
    root?.querySelectorAll('.cmp-row.current').forEach((r) => r.classList.remove('current'));
    const target = root?.querySelector<HTMLElement>(`#cmp-row-${changes[current]}`);
    if (target) {
      target.classList.add('current');
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    }
    items.forEach((li, i) => (i === current ? li.setAttribute('aria-current', 'true') : li.removeAttribute('aria-current')));
    position.textContent = `Change ${current + 1} of ${changes.length}: ${rows[changes[current]!]!.label}`;
  }

  const onKey = (event: KeyboardEvent) => {
    if (typingIn(event.target) || event.ctrlKey || event.metaKey) return;
    const next = (event.key === 'n' && !event.altKey) || (event.altKey && event.key === 'ArrowDown');
    const previous = (event.key === 'p' && !event.altKey) || (event.altKey && event.key === 'ArrowUp');
    if (!next && !previous) return;
    event.preventDefault();
    go(next ? current + 1 : current - 1);
  };
  document.addEventListener('keydown', onKey);

  const list = changes.length === 0 ? el('p', { className: 'muted' }, 'No changes.') : el('ol', { className: 'cmp-changes' }, ...items);
  return {
    element: el(
      'nav',
      { className: 'panel cmp-nav', attrs: { 'aria-labelledby': 'cmp-changes-h' } },
      el('h2', { id: 'cmp-changes-h' }, `Changes (${changes.length})`),
      el(
        'p',
        { className: 'muted no-print' },
        'Next / previous change: ',
        el('kbd', {}, 'n'),
        ' / ',
        el('kbd', {}, 'p'),
        ' (or ',
        el('kbd', {}, 'Alt+↓'),
        ' / ',
        el('kbd', {}, 'Alt+↑'),
        ').',
      ),
      position,
      list,
    ),
    next: () => go(current + 1),
    previous: () => go(current - 1),
    destroy: () => document.removeEventListener('keydown', onKey),
  };
}
