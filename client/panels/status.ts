/** The status panel: the derived status and the record it comes from (who recorded what, when). */
import type { DraftDetail, DraftEventJSON } from '../api';
import { el, formatWhen } from '../dom';

const quote = (v: unknown) => `“${String(v)}”`;

// What an oral amendment said, from the amendment as recorded (when the server gives no sentence of its own).
function amendmentSaid(a: Record<string, unknown>): string {
  switch (a.kind) {
    case 'replace_words':
      return `replace ${quote(a.words)} by ${quote(a.text)}`;
    case 'insert_words':
      return `insert ${quote(a.text)} ${a.words === undefined ? `at the ${String(a.position)}` : `${String(a.position)} ${quote(a.words)}`}`;
    case 'delete_words':
      return `delete ${quote(a.words)}`;
    case 'replace_paragraph':
      return `replace the paragraph by ${quote(a.text)}`;
    case 'insert_paragraph':
      return `insert a new ${String(a.paragraphType)} paragraph ${String(a.position)} it: ${quote(a.text)}`;
    case 'delete_paragraph':
      return 'delete the paragraph';
    case 'words_not_in_record':
      return 'oral amendment made; its words are not in the record';
    default:
      return String(a.kind).replace(/_/g, ' ');
  }
}

/** The record's line for an oral amendment: the server's sentence when it gives one, else what the amendment changes. */
export function describeAmendment(e: Pick<DraftEventJSON, 'payload'> & { description?: { en: string } | string }): string {
  const p = e.payload;
  const sentence = e.description ?? (p.description as { en: string } | string | undefined);
  if (sentence) return typeof sentence === 'string' ? sentence : sentence.en;
  const a = (p.amendment ?? {}) as Record<string, unknown>;
  if (a.kind === 'words_not_in_record') return `${amendmentSaid(a)} (${String(p.symbol)}${a.accepted ? ', accepted' : ', not accepted'})`;
  return `Oral amendment to ${String(p.symbol)}: ${amendmentSaid(a)} — ${a.accepted ? 'accepted' : 'not accepted'}`;
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
