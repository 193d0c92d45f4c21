/** The status panel: the derived status and the record it comes from (who recorded what, when). */
import type { OralAmendment } from '../../shared/oralAmendments';
import { describeOralAmendmentIn } from '../../shared/oralAmendmentWords';
import type { DraftDetail, DraftEventJSON } from '../api';
import { textIn, type Lang, type LocalizedText } from '../../shared/languages';
import { esMeeting, frMeeting, ruMeeting } from '../../shared/reportLanguage';
import { enOrdinal } from '../../shared/reportParagraph';
import { el, formatWhen, localized, localizedString } from '../dom';
import { t, uiLanguage } from '../i18n';

/** "8th", "8e", "8ª", "8-м": a meeting's number as an ordinal in the interface's language (Arabic and Chinese say the number itself). */
export function meetingOrdinal(n: number, lang: Lang = uiLanguage()): string {
  switch (lang) {
    case 'en':
      return enOrdinal(n);
    case 'fr':
      return frMeeting(n);
    case 'es':
      return esMeeting(n);
    case 'ru':
      return ruMeeting(n);
    default:
      return String(n);
  }
}

/** The record's line for an oral amendment: what it said (the server's sentence), whether it was accepted; `short` names its text ("L.10/Rev.2"). */
export function describeAmendment(e: Pick<DraftEventJSON, 'payload' | 'described' | 'describedIn'>, short: (symbol: string) => string = (s) => s): string {
  const p = e.payload;
  const a = p.amendment as OralAmendment;
  // In the interface's language (shared/oralAmendmentWords.ts), the server's six or worded here from the amendment.
  const said =
    textIn(e.describedIn, uiLanguage()) ??
    (uiLanguage() === 'en' && e.described ? e.described : describeOralAmendmentIn(a, typeof p.paragraph === 'string' ? p.paragraph : null, null, uiLanguage()));
  const accepted = t(a.accepted ? 'draft:accepted' : 'draft:notAccepted');
  if (a.kind === 'words_not_in_record')
    return t('draft:amendmentNotInRecord', { said: `${said.charAt(0).toUpperCase()}${said.slice(1)}`, symbol: short(String(p.symbol)), accepted });
  return t('draft:oralAmendment', { symbol: short(String(p.symbol)), said, accepted });
}

// A provenance note in the record's words.
function describeProvenance(p: Record<string, unknown>, short: (symbol: string) => string): string {
  const note = localizedString(p.note as LocalizedText | null);
  const inBrackets = note ? t('draft:inBrackets', { note }) : '';
  switch (p.kind) {
    case 'illustrative':
      return `${t('drafts:illustrative')}${note ? `${t('draft:noteAfter')}${note}` : ''}`;
    case 'text_not_in_record':
      return `${t('draft:textNotInRecord', { symbol: short(String(p.symbol)) })}${inBrackets}`;
    case 'original_language_not_in_record':
      return `${t('draft:originalNotInRecord')}${inBrackets}`;
    default:
      return note ?? String(p.kind).replace(/_/g, ' ');
  }
}

// A line of the record in plain words; the payload is shown as stored for types we do not know.
function describe(e: DraftEventJSON, short: (symbol: string) => string): string {
  const p = e.payload;
  const on = p.date ? t('draft:onDate', { date: formatWhen(String(p.date)) }) : '';
  const meeting = p.meeting ? t('draft:atMeeting', { nth: Number.isInteger(Number(p.meeting)) ? meetingOrdinal(Number(p.meeting)) : String(p.meeting) }) : '';
  const when = { meeting, on };
  switch (e.type) {
    case 'issued':
      return t('draft:eventIssued', { symbol: String(p.symbol) });
    case 'introduced':
      return t('draft:eventIntroduced', when);
    case 'adopted':
      return t(p.orallyAmended ? 'draft:eventAdoptedAmended' : 'draft:eventAdopted', when);
    case 'rejected':
      return t('draft:eventRejected', when);
    case 'withdrawn':
      return t('draft:eventWithdrawn', when);
    case 'no_action':
      return t('draft:eventNoAction', when);
    case 'deferred':
      return t('draft:eventDeferred', when);
    case 'frozen':
      return p.label ? t('draft:eventFrozenLabel', { label: String(p.label) }) : t('draft:eventFrozen');
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
      ? el('p', { className: 'muted' }, t('draft:recordNotLoaded'))
      : el(
          'ol',
          { className: 'record' },
          ...events
            .filter((e) => !e.conversation)
            .map((e) =>
              el(
                'li',
                {},
                describe(e, short),
                el('span', { className: 'muted' }, ` — ${e.user?.displayName ?? t('draft:recordedBy')}${t('common:listSeparator')}${formatWhen(e.at)}`),
              ),
            ),
        );
  return el(
    'section',
    { className: 'panel', attrs: { 'aria-labelledby': 'status-h' } },
    el('h2', { id: 'status-h' }, t('draft:status')),
    el('p', { className: `status-badge state-${draft.status.state}` }, localized(draft.status.label), draft.status.frozen ? ` — ${t('common:frozen')}` : ''),
    record,
  );
}
