/**
 * What the language versions page (client/pages/versions.ts) says of an issued text's languages:
 * each language's status (reference, original or not in the record, kind and date, paragraphs to
 * update, and what carrying an earlier version forward would leave to update), the corrigenda,
 * the provenance of the text, and each version shown with its note, history and exports.
 */
import { LANGUAGES, languageNameIn, type Lang } from '../../shared/languages';
import { carryForward } from '../../shared/languageVersions';
import { api, type DraftDetail } from '../api';
import { el, formatWhen, localized } from '../dom';
import { t, uiLanguage } from '../i18n';
import type { VersionEntryJSON, VersionJSON, VersionsListJSON } from './versionsTypes';

const nameOf = (lang: Lang) => languageNameIn(lang, uiLanguage());

/** What a language's entry says: reference, original or not in the record, kind and date, paragraphs to update. */
export function statusWords(entry: VersionEntryJSON | undefined, list: VersionsListJSON): string {
  if (!entry) return t('versions:none');
  const parts: string[] = [];
  if (entry.lang === list.reference) parts.push(t('versions:reference'));
  if (entry.original === true) parts.push(t('versions:original'));
  else if (entry.original === null) parts.push(t('versions:originalNotInRecord'));
  parts.push(t('versions:kindOn', { kind: t(`versions:kind.${entry.kind}`), date: formatWhen(entry.recordedAt) }));
  if (entry.pending.length > 0) parts.push(t('versions:pendingCount', { count: entry.pending.length }));
  return parts.join(t('versions:separator'));
}

/** For a language with a version of the previous issued text and none of this one: what carrying it forward would leave to update. */
export type Forecasts = Map<Lang, { from: string; count: number }>;

export async function carryForecasts(path: string, list: VersionsListJSON, revision: VersionsListJSON['revisions'][number]): Promise<Forecasts> {
  const forecasts: Forecasts = new Map();
  const previous = list.revisions[list.revisions.indexOf(revision) - 1];
  const reference = list.reference;
  if (!previous || !reference) return forecasts;
  const waiting = previous.versions.filter((v) => v.lang !== reference && !revision.versions.some((w) => w.lang === v.lang));
  if (waiting.length === 0) return forecasts;
  const read = (r: number, lang: Lang) => api<VersionJSON>('GET', `${path}/revisions/${r}/versions/${lang}`);
  const [before, now] = await Promise.all([read(previous.revision, reference), read(revision.revision, reference)]);
  await Promise.all(
    waiting.map(async (entry) => {
      const version = await read(previous.revision, entry.lang);
      const { pending } = carryForward(version.text, before.text, now.text, version.pending);
      forecasts.set(entry.lang, { from: previous.symbol, count: pending.length });
    }),
  );
  return forecasts;
}

export function statusTable(list: VersionsListJSON, revision: VersionsListJSON['revisions'][number], forecasts: Forecasts): HTMLElement {
  const rows = LANGUAGES.map((lang) => {
    const entry = revision.versions.find((v) => v.lang === lang);
    const forecast = entry ? undefined : forecasts.get(lang);
    return el(
      'tr',
      { attrs: { 'data-lang': lang } },
      el('th', { attrs: { scope: 'row' } }, nameOf(lang)),
      el(
        'td',
        { className: entry ? 'version-status' : 'version-status muted' },
        revision.textInRecord === false && lang === list.reference
          ? t('versions:textNotInRecord')
          : forecast
            ? t('versions:noneCarry', { symbol: forecast.from, count: forecast.count })
            : statusWords(entry, list),
      ),
    );
  });
  const corrigenda = list.corrigenda.filter((c) => c.revision === revision.revision);
  return el(
    'section',
    { className: 'versions-status', attrs: { 'aria-labelledby': 'versions-status-heading' } },
    el('h2', { id: 'versions-status-heading' }, t('versions:statusHeading', { symbol: revision.symbol })),
    el(
      'table',
      {},
      el('thead', {}, el('tr', {}, el('th', { attrs: { scope: 'col' } }, t('versions:language')), el('th', { attrs: { scope: 'col' } }, t('versions:status')))),
      el('tbody', {}, ...rows),
    ),
    corrigenda.length === 0
      ? null
      : el(
          'ul',
          { className: 'versions-corrigenda' },
          ...corrigenda.map((c) =>
            el(
              'li',
              {},
              t('versions:corrigendumLine', {
                kind: t(`versions:kind.${c.kind}`),
                langs: c.langs.map(nameOf).join(t('versions:listSeparator')),
                symbol: c.symbol ?? t('versions:noSymbol'),
                date: formatWhen(c.recordedAt),
              }),
              c.note ? ` ${Object.values(c.note).find((n) => n) ?? ''}` : '',
            ),
          ),
        ),
  );
}

/**
 * What one version shown says of itself: its latest note ("a translation written for the demo …",
 * in the interface's language where given), its history row by row, and where to print it or
 * take it as a Word file in its language (the exports' `?lang=`).
 */
export function versionPanel(version: VersionJSON | null, draftId: string): HTMLElement | null {
  if (!version) return null;
  const name = nameOf(version.lang);
  const note = version.history.at(-1)?.note;
  const spec = encodeURIComponent(version.symbol);
  const id = encodeURIComponent(draftId);
  const history = version.history.map((h) =>
    el(
      'li',
      {},
      t('versions:historyRow', {
        kind: t(`versions:kind.${h.kind}`),
        date: formatWhen(h.recordedAt),
        by: typeof h.recordedBy === 'string' ? h.recordedBy : t('versions:byNobody'),
      }),
      h.note && Object.keys(h.note).length > 0 ? el('span', {}, ' — ', localized(h.note)) : '',
    ),
  );
  return el(
    'div',
    { className: 'version-panel', attrs: { 'data-lang': version.lang } },
    note && Object.keys(note).length > 0 ? el('p', { className: 'version-note' }, t('versions:noteOf', { lang: name }), ' ', localized(note)) : null,
    el(
      'p',
      { className: 'version-links' },
      el('a', { href: `/drafts/${id}/print?text=${spec}&lang=${version.lang}`, className: 'version-print' }, t('versions:printView', { lang: name })),
      ' ',
      el('a', { href: `/api/drafts/${id}/export.docx?text=${spec}&lang=${version.lang}`, className: 'version-word' }, t('versions:word', { lang: name })),
    ),
    el('details', { className: 'version-history' }, el('summary', {}, t('versions:history', { lang: name, count: version.history.length })), el('ol', {}, ...history)),
  );
}

/** What the record says of the chosen issued text: printed in the report, or not in the record at all (the demo's session). */
export function revisionNotes(draft: DraftDetail, symbol: string): HTMLElement[] {
  return (draft.provenance ?? [])
    .filter((p) => p.symbol === symbol && (p.kind === 'printed_version' || p.kind === 'text_not_in_record') && p.note)
    .map((p) => el('p', { className: 'provenance muted', attrs: { 'data-provenance': p.kind } }, localized(p.note)));
}
