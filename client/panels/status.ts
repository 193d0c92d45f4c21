/** The status panel: the derived status and the record it comes from (who recorded what, when). */
import { describeOralAmendment, type OralAmendment } from '../../shared/oralAmendments';
import type { DraftDetail, DraftEventJSON } from '../api';
import { el, formatWhen } from '../dom';

/** The record's line for an oral amendment: what it said (the server's sentence), and whether it was accepted. */
export function describeAmendment(e: Pick<DraftEventJSON, 'payload' | 'described'>): string {
  const p = e.payload;
  const a = p.amendment as OralAmendment;
  const said = e.described ?? describeOralAmendment(a, typeof p.paragraph === 'string' ? p.paragraph : null);
  return `Oral amendment to ${String(p.symbol)}: ${said}${a.accepted ? ' — accepted' : ' — not accepted'}`;
}

// A line of the record in plain words; the payload is shown as stored for types we do not know.
function describe(e: DraftEventJSON): string {
  const p = e.payload;
  const on = p.date ? ` on ${formatWhen(String(p.date))}` : '';
  const meeting = p.meeting ? ` at the ${String(p.meeting)}th meeting` : '';
  switch (e.type) {
    case 'issued':
      return `Issued as ${String(p.symbol)}`;
    case 'introduced':
      return `Introduced${meeting}${on}`;
    case 'adopted':
      return `Adopted${p.orallyAmended ? ' as orally amended' : ''}${meeting}${on}`;
    case 'rejected':
      return `Rejected${meeting}${on}`;
    case 'withdrawn':
      return `Withdrawn${on}`;
    case 'no_action':
      return `No action taken${meeting}${on}`;
    case 'deferred':
      return `Consideration deferred${meeting}${on}`;
    case 'frozen':
      return `Final text frozen${p.label ? `: ${String(p.label)}` : ''}`;
    case 'oral_amendment':
      return describeAmendment(e);
    default:
      return `${e.type.replace(/_/g, ' ')}`;
  }
}

/** The status now, and below it the record in order. */
export function statusPanel(draft: DraftDetail, events: DraftEventJSON[] | null): HTMLElement {
  const record =
    events === null
      ? el('p', { className: 'muted' }, 'The record could not be loaded.')
      : el(
          'ol',
          { className: 'record' },
          ...events.map((e) => el('li', {}, describe(e), el('span', { className: 'muted' }, ` — ${e.user?.displayName ?? 'recorded'}, ${formatWhen(e.at)}`))),
        );
  return el(
    'section',
    { className: 'panel', attrs: { 'aria-labelledby': 'status-h' } },
    el('h2', { id: 'status-h' }, 'Status'),
    el('p', { className: `status-badge state-${draft.status.state}` }, draft.status.label.en, draft.status.frozen ? ' — frozen' : ''),
    el('p', { lang: 'zh', className: 'muted' }, draft.status.label.zh),
    record,
  );
}
