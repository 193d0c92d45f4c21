/**
 * The "who is here" panel: everyone with the draft open, once per person (with the number of
 * tabs when more than one), in their delegation's colour. Remote carets move the awareness state
 * many times a second: the list is redrawn only when who is here changes, and screen readers hear
 * only who joined and who left, never the whole list again.
 */
import type { Awareness } from 'y-protocols/awareness';
import { personLabel, presenceChanges, presentPeople, type PresentPerson } from '../collab/presence';
import { el } from '../dom';
import { t } from '../i18n';

// What the list shows: it is redrawn only when this changes.
const shown = (people: readonly PresentPerson[]) => JSON.stringify(people.map((p) => [p.id, p.name, p.person, p.color, p.tabs, p.self]));

/** A panel that follows the awareness states; call the returned `destroy` when leaving. */
export function presencePanel(awareness: Awareness): { element: HTMLElement; destroy(): void } {
  const list = el('ul', { className: 'presence' });
  const announcer = el('p', { className: 'sr-only presence-announcer', attrs: { 'aria-live': 'polite', role: 'status' } });
  let people: PresentPerson[] = [];
  let drawn = '';
  const render = () => {
    const now = presentPeople(awareness);
    const key = shown(now);
    if (key === drawn) return;
    const { joined, left } = presenceChanges(people, now);
    // Only after the first drawing: opening the page announces nothing.
    if (drawn !== '' && (joined.length > 0 || left.length > 0)) {
      announcer.textContent = [...joined.map((p) => t('draft:joined', { who: personLabel(p) })), ...left.map((p) => t('draft:left', { who: personLabel(p) }))].join(' ');
    }
    people = now;
    drawn = key;
    list.replaceChildren(
      ...now.map((u) =>
        el(
          'li',
          { attrs: { 'data-user': u.id } },
          el('span', { className: 'swatch', attrs: { style: `background:${u.color}`, 'aria-hidden': 'true' } }),
          el('span', { className: 'name' }, u.name),
          el('span', { className: 'muted' }, ` ${u.person}${u.self ? ` ${t('draft:youMark')}` : ''}${u.tabs > 1 ? ` · ${t('draft:tabs', { count: u.tabs })}` : ''}`),
        ),
      ),
    );
  };
  awareness.on('change', render);
  render();
  return {
    element: el('section', { className: 'panel', attrs: { 'aria-labelledby': 'presence-h' } }, el('h2', { id: 'presence-h' }, t('draft:whoIsHere')), list, announcer),
    destroy: () => awareness.off('change', render),
  };
}
