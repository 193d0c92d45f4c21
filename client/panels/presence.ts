/** The "who is here" panel: everyone with the draft open, in their delegation's colour. */
import type { Awareness } from 'y-protocols/awareness';
import { presentUsers } from '../collab/presence';
import { el } from '../dom';

/** A panel that follows the awareness states; call the returned `destroy` when leaving. */
export function presencePanel(awareness: Awareness): { element: HTMLElement; destroy(): void } {
  const list = el('ul', { className: 'presence', attrs: { 'aria-live': 'polite' } });
  const render = () => {
    list.replaceChildren(
      ...presentUsers(awareness).map((u) =>
        el(
          'li',
          {},
          el('span', { className: 'swatch', attrs: { style: `background:${u.color}`, 'aria-hidden': 'true' } }),
          el('span', { className: 'name' }, u.name),
          el('span', { className: 'muted' }, ` ${u.person}${u.self ? ' (you)' : ''}`),
        ),
      ),
    );
  };
  awareness.on('change', render);
  render();
  return {
    element: el('section', { className: 'panel', attrs: { 'aria-labelledby': 'presence-h' } }, el('h2', { id: 'presence-h' }, 'Who is here'), list),
    destroy: () => awareness.off('change', render),
  };
}
