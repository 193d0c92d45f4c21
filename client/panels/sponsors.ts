/** The sponsors panel: main sponsor, co-sponsors with the dates they joined, those who withdrew, "on behalf of". */
import type { DraftDetail, SponsorJSON } from '../api';
import { el, formatWhen } from '../dom';

function sponsorItem(s: SponsorJSON, role: string): HTMLElement {
  return el(
    'li',
    { attrs: { 'data-delegation': s.code ?? s.delegationId } },
    el('span', { className: 'name' }, s.name.en),
    // Stored as printed ("also on behalf of its member States"); add the words only when missing.
    s.onBehalfOf ? el('span', { className: 'behalf' }, ` (${/on behalf of/i.test(s.onBehalfOf.en) ? s.onBehalfOf.en : `on behalf of ${s.onBehalfOf.en}`})`) : '',
    el('span', { className: 'muted' }, ` — ${role}, since ${formatWhen(s.since)}`),
  );
}

/** Who sponsors the draft now, who submitted it, and who withdrew. */
export function sponsorsPanel(draft: DraftDetail): HTMLElement {
  const { sponsors } = draft;
  const list = el('ul', { className: 'sponsors' });
  if (sponsors.main) list.append(sponsorItem(sponsors.main, 'main sponsor'));
  for (const s of sponsors.coSponsors) list.append(sponsorItem(s, 'co-sponsor'));
  const withdrawn = sponsors.withdrawn.map((w) =>
    el('li', { className: 'withdrawn' }, el('s', {}, w.name.en), el('span', { className: 'muted' }, ` joined ${formatWhen(w.since)}, withdrew ${formatWhen(w.withdrawn)}`)),
  );
  return el(
    'section',
    { className: 'panel', attrs: { 'aria-labelledby': 'sponsors-h' } },
    el('h2', { id: 'sponsors-h' }, `Sponsors (${sponsors.count})`),
    draft.submittedBy ? el('p', {}, `Submitted by the ${draft.submittedBy.en}`) : '',
    sponsors.main || sponsors.coSponsors.length ? list : el('p', { className: 'muted' }, 'No sponsors.'),
    withdrawn.length ? el('h3', {}, 'Withdrawn') : '',
    withdrawn.length ? el('ul', { className: 'sponsors' }, ...withdrawn) : '',
    draft.chair ? el('p', {}, `Chair of the consultations: ${draft.chair.displayName}`) : '',
  );
}
