/** The status panel: the derived status and the record it comes from (who recorded what, when). */
import { describeOralAmendment, type OralAmendment } from '../../shared/oralAmendments';
import type { DraftDetail, DraftEventJSON } from '../api';
import { el, formatWhen } from '../dom';

/** The record's line for an oral amendment: what it said (the server's sentence), whether it was accepted; `short` names its text ("L.10/Rev.2"). */
export function describeAmendment(e: Pick<DraftEventJSON, 'payload' | 'described'>, short: (symbol: string) => string = (s) => s): string {
  const p = e.payload;
  const a = p.amendment as OralAmendment;
  const said = e.described ?? describeOralAmendment(a, typeof p.paragraph === 'string' ? p.paragraph : null);
  const accepted = a.accepted ? 'accepted' : 'not accepted';
  if (a.kind === 'words_not_in_record') return `${said.charAt(0).toUpperCase()}${said.slice(1)} (${short(String(p.symbol))}, ${accepted})`;
  return `Oral amendment to ${short(String(p.symbol))} — ${said} — ${accepted}`;
}

// A provenance note in the record's words.
function describeProvenance(p: Record<string, unknown>, short: (symbol: string) => string): string {
  const note = (p.note as { en?: string } | null)?.en;
  switch (p.kind) {
    case 'illustrative':
      return `Illustrative — not part of any session’s record${note ? `: ${note}` : ''}`;
    case 'text_not_in_record':
      return `The text of ${short(String(p.symbol))} is not in the record${note ? ` (${note})` : ''}`;
    case 'original_language_not_in_record':
      return `The original language is not in the record${note ? ` (${note})` : ''}`;
    default:
      return note ?? String(p.kind).replace(/_/g, ' ');
  }
}

// A line of the record in plain words; the payload is shown as stored for types we do not know.
function describe(e: DraftEventJSON, short: (symbol: string) => string): string {
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
      return describeAmendment(e, short);
    case 'provenance':
      return describeProvenance(p, short);
    default:
      return `${e.type.replace(/_/g, ' ')}`;
  }
}

/** The status now, and below it the record of action in order (the room's conversation is in the two-column view). */
export function statusPanel(draft: DraftDetail, events: DraftEventJSON[] | null): HTMLElement {
  const prefix = `${draft.session.symbolPrefix}/`;
  const short = (symbol: string) => (symbol.startsWith(prefix) ? symbol.slice(prefix.length) : symbol);
  const record =
    events === null
      ? el('p', { className: 'muted' }, 'The record could not be loaded.')
      : el(
          'ol',
          { className: 'record' },
          ...events
            .filter((e) => !e.conversation)
            .map((e) => el('li', {}, describe(e, short), el('span', { className: 'muted' }, ` — ${e.user?.displayName ?? 'recorded'}, ${formatWhen(e.at)}`))),
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
