/**
 * The change list and moving between changes. Each change says, where the history knows it
 * (against the working text), who wrote its new words and when last. Clicking a change jumps to its row; `n` / `p`
 * (or Alt+↓ / Alt+↑) go to the next or previous change from anywhere on the page except a field.
 * The single keys `n` and `p` can be turned off (WCAG 2.1.4: a speech-input user saying a word
 * must not jump around the text); the choice is kept in this browser. Alt+↓ / Alt+↑ always work.
 * Rows that only renumbered what is not numbered in print (after a deleted PP 1, every "PP 2 →
 * PP 1"; `renumberedUnprinted` in shared/compare) are not changes a reader sees: they are left out
 * of the list and read as unchanged in the text until "Show renumbering" is ticked.
 */
import { renumberedUnprinted, type ComparedParagraph } from '../../shared/compare';
import { el, formatWhen } from '../dom';
import { t } from '../i18n';
import type { ComparedRow } from './model';
import { statusWords } from './render';

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

// Where this browser keeps whether `n` / `p` are on (on unless turned off).
const SINGLE_KEYS_STORE = 'penholder.compare.singleKeys';

function singleKeysOn(): boolean {
  try {
    return localStorage.getItem(SINGLE_KEYS_STORE) !== 'off';
  } catch {
    return true;
  }
}

function keepSingleKeys(on: boolean): void {
  try {
    localStorage.setItem(SINGLE_KEYS_STORE, on ? 'on' : 'off');
  } catch {
    // Private mode without storage: the choice holds for this page only.
  }
}

function typingIn(target: EventTarget | null): boolean {
  const t = target as HTMLElement | null;
  return !!t && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName));
}

/** The class, on the element holding the rows, that shows renumbering-only rows as changes (compare.css). */
export const SHOW_RENUMBERING = 'show-renumbering';

/** Build the change list of `rows` and listen for the keys. */
export function changeNavigator(rows: readonly ComparedParagraph[], rowsRoot: () => HTMLElement | null): ChangeNavigator {
  const unprinted = rows.filter(renumberedUnprinted).length;
  // The holder of the rows outlives each painting of them, so the choice stays when the layout changes.
  const holder = () => rowsRoot()?.parentElement ?? null;
  let showRenumbering = holder()?.classList.contains(SHOW_RENUMBERING) ?? false;
  let changes: number[] = [];
  let items: HTMLElement[] = [];
  let current = -1;
  const position = el('p', { className: 'muted cmp-position', attrs: { 'aria-live': 'polite' } });
  const heading = el('h2', { id: 'cmp-changes-h' });
  const listHolder = el('div', {});

  function list() {
    changes = rows.flatMap((r, i) => (r.status === 'unchanged' || (!showRenumbering && renumberedUnprinted(r)) ? [] : [i]));
    current = -1;
    position.textContent = '';
    items = changes.map((rowIndex, n) => {
      const row = rows[rowIndex]!;
      const by = (row as ComparedRow).by;
      const who = by?.length ? t('compare:by', { names: by.map((w) => w.name).join(t('compare:nameSeparator')), when: formatWhen(by[0]!.at) }) : '';
      const button = el(
        'button',
        { type: 'button', className: 'linklike' },
        el('span', { className: 'cmp-label' }, row.label),
        ` — ${statusWords(row.status)}`,
        who ? el('span', { className: 'cmp-by muted' }, who) : null,
      );
      button.addEventListener('click', () => go(n));
      return el('li', { attrs: { 'data-index': String(rowIndex), 'data-status': row.status } }, button);
    });
    heading.textContent = t('compare:changes', { count: changes.length });
    listHolder.replaceChildren(changes.length === 0 ? el('p', { className: 'muted' }, t('compare:noChanges')) : el('ol', { className: 'cmp-changes' }, ...items));
  }

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
    position.textContent = t('compare:position', { n: current + 1, count: changes.length, label: rows[changes[current]!]!.label });
  }

  let singleKeys = singleKeysOn();
  const onKey = (event: KeyboardEvent) => {
    if (typingIn(event.target) || event.ctrlKey || event.metaKey) return;
    const next = (singleKeys && event.key === 'n' && !event.altKey) || (event.altKey && event.key === 'ArrowDown');
    const previous = (singleKeys && event.key === 'p' && !event.altKey) || (event.altKey && event.key === 'ArrowUp');
    if (!next && !previous) return;
    event.preventDefault();
    go(next ? current + 1 : current - 1);
  };
  document.addEventListener('keydown', onKey);

  const keysToggle = el('input', { type: 'checkbox', id: 'cmp-single-keys', checked: singleKeys });
  keysToggle.addEventListener('change', () => {
    singleKeys = keysToggle.checked;
    keepSingleKeys(singleKeys);
  });
  const toggle = el('input', { type: 'checkbox', id: 'cmp-show-renumbering', checked: showRenumbering });
  toggle.addEventListener('change', () => {
    showRenumbering = toggle.checked;
    holder()?.classList.toggle(SHOW_RENUMBERING, showRenumbering);
    list();
  });
  const control =
    unprinted === 0
      ? null
      : el(
          'p',
          { className: 'no-print cmp-renumbering' },
          el('label', { htmlFor: toggle.id, className: 'switch' }, toggle, ` ${t('compare:showRenumbering')}`),
          el('span', { className: 'muted' }, ` ${t('compare:renumberedOnly', { count: unprinted })}`),
        );
  holder()?.classList.toggle(SHOW_RENUMBERING, showRenumbering);
  list();
  return {
    element: el(
      'nav',
      { className: 'panel cmp-nav', attrs: { 'aria-labelledby': 'cmp-changes-h' } },
      heading,
      el(
        'p',
        { className: 'muted no-print' },
        t('compare:keys.lead'),
        el('kbd', {}, 'n'),
        ' / ',
        el('kbd', {}, 'p'),
        t('compare:keys.or'),
        el('kbd', {}, 'Alt+↓'),
        ' / ',
        el('kbd', {}, 'Alt+↑'),
        t('compare:keys.end'),
      ),
      el('p', { className: 'no-print cmp-single-keys' }, el('label', { htmlFor: keysToggle.id, className: 'switch' }, keysToggle, ` ${t('compare:singleKeys')}`)),
      control,
      position,
      listHolder,
    ),
    next: () => go(current + 1),
    previous: () => go(current - 1),
    destroy: () => document.removeEventListener('keydown', onKey),
  };
}
