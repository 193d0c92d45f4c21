/**
 * The lineage panel: the chain of issued texts (L.9 → L.9/Rev.1), each with its date, and the way
 * into comparing them. A text recorded as issued whose words the record does not hold says so.
 */
import type { DraftDetail, DraftEventJSON, LineageEntry } from '../api';
import { el, formatWhen } from '../dom';
import { t } from '../i18n';

// Why a text is missing (a stable code, kept in `data-missing`) and its words.
const MISSING_WORDS: Record<string, string> = { 'text not in the record': 'draft:missingNotInRecord', 'text not kept': 'draft:missingNotKept' };

// A link into the comparison view (a full page load: the comparison needs no open socket).
// Without texts named, the view opens on the pair a chair most often wants.
function compareLink(draft: DraftDetail, text: string, pair?: { left: string; right: string }): HTMLAnchorElement {
  const query = pair ? `?${new URLSearchParams(pair)}` : '';
  return el('a', { className: 'compare-link', href: `/drafts/${encodeURIComponent(draft.id)}/compare${query}` }, text);
}
const short = (symbol: string) => symbol.slice(symbol.search(/\/L\.\d/) + 1);

/** The lineage of a draft, oldest first; the text acted on (when amended orally) and the working text close the chain; `events` is the draft's record. */
export function lineagePanel(draft: DraftDetail, events: readonly DraftEventJSON[] | null = null): HTMLElement {
  const notes = (draft.provenance ?? []).filter((p) => p.kind === 'text_not_in_record' && p.symbol !== null).map((p) => p.symbol!);
  // A note names the text in full or as a chair says it ("L.9"); the stored row holds no text of it.
  const notInRecord = (e: LineageEntry) => notes.some((n) => e.symbol === n || e.symbol.endsWith(`/${n}`));
  // Why the lineage cannot show a text: the record does not hold it, or an import did not keep it.
  const missing = (e: LineageEntry) => (notInRecord(e) ? 'text not in the record' : !e.hasText ? 'text not kept' : e.textInRecord === false ? 'text not in the record' : null);
  const issued = draft.lineage.filter((e) => missing(e) === null);
  const items = draft.lineage.map((entry) => {
    const previous = issued[issued.indexOf(entry) - 1];
    const why = missing(entry);
    return el(
      'li',
      { attrs: why ? { 'data-missing': why } : {} },
      el('span', { className: 'symbol' }, entry.symbol),
      ' ',
      el('time', { dateTime: entry.issuedAt }, formatWhen(entry.issuedAt)),
      why ? el('span', { className: 'muted text-missing' }, ` (${t(MISSING_WORDS[why]!)})`) : '',
      !why && previous ? ' · ' : '',
      !why && previous ? compareLink(draft, t('draft:changes'), { left: short(previous.symbol), right: short(entry.symbol) }) : null,
    );
  });
  const last = issued[issued.length - 1];
  // After final action on an amended text: the text adopted, and what the oral amendments changed.
  // Only when an accepted amendment changed words the record holds (not one "whose words are not in the record").
  const final = draft.finalText;
  const changedOrally = (events ?? []).some((e) => {
    const a = e.type === 'oral_amendment' ? (e.payload.amendment as { kind?: string; accepted?: boolean } | undefined) : undefined;
    return a?.accepted === true && a.kind !== 'words_not_in_record' && e.payload.symbol === final?.symbol;
  });
  if (final?.asOrallyAmended && changedOrally) {
    items.push(
      el(
        'li',
        { className: 'final', attrs: { 'data-text': 'final' } },
        el('span', {}, short(final.label)),
        ` ${t('draft:theTextActedOn')} · `,
        compareLink(draft, t('draft:changesMadeOrally'), { left: short(final.symbol), right: 'final' }),
      ),
    );
  }
  items.push(
    el(
      'li',
      { className: 'working' },
      el('span', {}, t('draft:workingText')),
      draft.status.frozen ? ` (${t('common:frozen')})` : '',
      last ? ' · ' : '',
      last ? compareLink(draft, t('draft:changesSince', { symbol: short(last.symbol) }), { left: short(last.symbol), right: 'working' }) : null,
    ),
  );
  return el(
    'section',
    { className: 'panel', attrs: { 'aria-labelledby': 'lineage-h' } },
    el('h2', { id: 'lineage-h' }, t('draft:lineage')),
    el('ol', { className: 'lineage' }, ...items),
    el('p', {}, compareLink(draft, t('draft:compareTexts'))),
  );
}
