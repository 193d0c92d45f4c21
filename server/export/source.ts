/**
 * What an export of one text needs, loaded from the store: the text (resolved by `server/texts.ts`:
 * an issued revision, the working text now or at a past point, an issued text as orally amended,
 * the final text), its numbers (sequential for an issued text; the working text keeps the numbers
 * of the text under negotiation), the metadata of the symbol block, the sponsors at issue, the
 * draft's record for Akoma Ntoso, and — for the text the body adopted — the meeting, the date and
 * the number it took, which every export prints. Reads only.
 */
import { ErrorIds } from '../../shared/errors';
import { LANGUAGE_NAMES, langOf, type Lang } from '../../shared/languages';
import { negotiationNumbering, sequentialNumbering, type Numbering } from '../../shared/numbering';
import { currentSponsors, sponsorsAsOf } from '../../shared/sponsorship';
import { draftSymbol } from '../../shared/symbols';
import type { TextJSON } from '../../shared/schema';
import type { AknRecord, RecordedEvent } from '../../shared/export/akn';
import type { Adoption, ExportMeta, ExportSponsor } from '../../shared/export/meta';
import type { PublishedAs } from '../../shared/export/plainText';
import { parseTextSpec } from '../../shared/textSpec';
import { todayUTC } from '../readModels/draftAccess';
import { isLifecycleEvent, lifecycleEvents, statusOfRecord } from '../readModels/draftStatus';
import { numberOf, provenanceOf } from '../commands/meetingRecord';
import type { DelegationRow, DraftEventRow, SponsorshipEventRow, Store } from '../storage/types';
import { checkedText, loadDraftTexts, resolveText } from '../texts';
import { DomainError, DomainErrors } from '../errors';

/** One text ready to export. */
export interface ExportSource {
  text: TextJSON;
  meta: ExportMeta;
  record: AknRecord;
  numbering: Numbering;
  /** The number the text took when adopted, with the meeting and date (only for the text acted on). */
  adoptedAs: PublishedAs | null;
  /** Whether the text is a language version (not the reference language's text itself). */
  version: boolean;
  /** For a version: the ids of paragraphs that still hold the reference's words (carried forward, not yet updated). */
  pending: string[];
}

/** Which text, as `shared/textSpec.ts` names it: a symbol (full or short), "working", "seq:<n>", "at:<time>", "amended:<symbol>", "final". */
export type TextChoice = string;

/** Whether the record says the original language of the text `symbol` (or of the whole draft) is not in it (a provenance note). */
export function originalLanguageNotInRecord(rows: readonly DraftEventRow[], symbol: string, prefix: string): boolean {
  return provenanceOf(rows).some((n) => n.kind === 'original_language_not_in_record' && (n.symbol === null || n.symbol === symbol || `${prefix}/${n.symbol}` === symbol));
}

function sponsorsOf(ids: readonly string[], mainId: string | null, events: readonly SponsorshipEventRow[], delegations: Map<string, DelegationRow>): ExportSponsor[] {
  return ids.flatMap((id) => {
    const d = delegations.get(id);
    if (!d) return [];
    const last = [...events].reverse().find((e) => e.delegationId === id && e.type !== 'withdraw');
    return [{ code: d.code, name: d.name, onBehalfOf: last?.onBehalfOf ?? null, main: id === mainId }];
  });
}

// The record as it stood for this text: later texts of the lineage and action on them are not its story.
function recordFor(rows: readonly DraftEventRow[], revision: number | null, isLatest: boolean): RecordedEvent[] {
  return [...rows]
    .sort((a, b) => a.seq - b.seq)
    .filter((r) => isLifecycleEvent(r.type))
    .map((r) => ({ event: lifecycleEvents([r])[0]!, at: r.at }))
    .filter(({ event }) => (event.type === 'issued' ? revision === null || event.revision <= revision : isLatest));
}

/** No version of this text in `lang`: 404 `version_not_found`, saying which text and which language. */
function versionNotFound(what: string, lang: Lang, why?: string): DomainError {
  return new DomainError(ErrorIds.versionNotFound, `no ${LANGUAGE_NAMES[lang].en} version of ${what} is recorded${why ? `: ${why}` : ''}`);
}

/**
 * Load a text of a draft for export (any text `server/texts.ts` resolves), in `lang` (by default the
 * reference language); 404 when the draft or the revision does not exist, `version_not_found` when
 * the text has no version in `lang`.
 */
export async function loadExportSource(store: Store, draftId: string, which: TextChoice, lang?: Lang, today = todayUTC()): Promise<ExportSource> {
  const spec = parseTextSpec(which);
  if (!spec.ok) throw DomainErrors.validation(spec.error);
  const texts = await loadDraftTexts(store, draftId);
  const { draft, session, latest } = texts;
  const [rows, sponsorship, delegationRows, resolved] = await Promise.all([
    store.listDraftEvents(draftId),
    store.listSponsorshipEvents(draftId),
    store.listDelegations(),
    resolveText(store, texts, spec.value),
  ]);
  const body = await store.getBody(session.bodyId);
  const delegations = new Map(delegationRows.map((d) => [d.id, d]));
  const status = statusOfRecord(rows);
  const reference = langOf(draft.language);
  const textLang: Lang = lang ?? reference ?? 'en';

  const revision = resolved.state === 'working' ? null : resolved.revision;
  let { text } = resolved;
  let pending: string[] = [];
  const version = lang !== undefined && lang !== reference;
  if (version) {
    // A language version exists only of an issued text, as issued.
    if (revision === null) throw versionNotFound('the working text', textLang, 'versions are recorded for issued texts');
    if (resolved.state === 'amended')
      throw versionNotFound(resolved.label, textLang, `the oral amendments are recorded in the reference language; the version of ${revision.symbol} as issued can be exported`);
    const version = await store.latestLanguageVersion(draftId, revision.revision, textLang);
    if (!version) throw versionNotFound(revision.symbol, textLang);
    text = version.text as TextJSON;
    pending = version.pending;
  }
  let numbering: Numbering;
  let sponsors: ExportSponsor[];
  if (revision === null) {
    // The working text keeps the numbers of the text under negotiation.
    const numbered = resolved.base ? negotiationNumbering(checkedText(text), resolved.base, { lang: textLang }) : null;
    numbering = numbered?.ok ? numbered.value : sequentialNumbering(checkedText(text), { lang: textLang });
    const now = sponsorsAsOf(sponsorship, today);
    sponsors = sponsorsOf(
      currentSponsors(now).map((s) => s.delegationId),
      now.main?.delegationId ?? null,
      sponsorship,
      delegations,
    );
  } else {
    numbering = sequentialNumbering(checkedText(text), { lang: textLang });
    const atIssue = sponsorsAsOf(sponsorship, revision.issuedAt.slice(0, 10));
    sponsors = sponsorsOf(revision.sponsorIds, atIssue.main?.delegationId ?? null, sponsorship, delegations);
  }
  const isLatest = revision === null || revision.id === latest?.id;
  const action = isLatest ? status.finalAction : null;
  // The text the body adopted: `final` by definition (server/texts.ts), else the last issued text,
  // as orally amended when the adoption says so.
  const actedOn = action?.type === 'adopted' && revision !== null && (spec.value.kind === 'final' || (resolved.state === 'amended') === action.orallyAmended);
  const adoption: Adoption | null = actedOn && action?.type === 'adopted' ? { meeting: action.meeting, date: action.date, number: numberOf(rows) ?? action.becomes ?? null } : null;
  const symbol = revision?.symbol ?? status.symbol ?? draftSymbol(session.symbolPrefix, draft.lNumber);
  const meta: ExportMeta = {
    kind: draft.kind,
    symbol,
    textState: revision ? 'issued' : 'working',
    date: revision ? revision.issuedAt.slice(0, 10) : today,
    originalLanguage: draft.language,
    originalInRecord: !originalLanguageNotInRecord(rows, symbol, session.symbolPrefix),
    asOrallyAmended: resolved.state === 'amended',
    adoption,
    lang: textLang,
    organ: body?.name ?? session.title,
    session: { number: session.number, place: session.place, opens: session.opens, closes: session.closes },
    agendaItem: draft.agendaItem,
    sponsors,
    submittedBy: draft.submittedBy,
  };
  const actors = Object.fromEntries(delegationRows.map((d) => [d.id, { code: d.code, name: d.name }]));
  return {
    text,
    meta,
    record: { events: recordFor(rows, revision?.revision ?? null, isLatest), actors },
    numbering,
    adoptedAs: adoption?.number ? { ...adoption.number, meeting: adoption.meeting, date: adoption.date } : null,
    version,
    pending,
  };
}
