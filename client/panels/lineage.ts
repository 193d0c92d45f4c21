/** The lineage panel: the chain of issued texts (L.9 → L.9/Rev.1), each with its date. */
import type { DraftDetail } from '../api';
import { el, formatWhen } from '../dom';

/** The lineage of a draft, oldest first; the working text closes the chain. */
export function lineagePanel(draft: DraftDetail): HTMLElement {
  const items = draft.lineage.map((entry) =>
    el('li', {},
      el('span', { className: 'symbol' }, entry.symbol),
      ' ',
      el('time', { dateTime: entry.issuedAt }, formatWhen(entry.issuedAt)),
      entry.hasText ? '' : el('span', { className: 'muted' }, ' (text not kept)'),
    ),
  );
  items.push(el('li', { className: 'working' }, el('span', {}, 'working text'), draft.status.frozen ? ' (frozen)' : ''));
  return el('section', { className: 'panel', attrs: { 'aria-labelledby': 'lineage-h' } },
    el('h2', { id: 'lineage-h' }, 'Lineage'),
    el('ol', { className: 'lineage' }, ...items),
  );
}
