/**
 * What an export of one text needs, loaded from the store: the text (an issued revision by its
 * symbol, or the working text from the update log), its numbers (sequential for an issued
 * text; the working text keeps the numbers of the text under negotiation), the metadata of the
 * symbol block, the sponsors at issue, and the draft's record for Akoma Ntoso. Reads only.
 */
import type { Lang } from '../../shared/delegations';
import { negotiationBase, negotiationNumbering, sequentialNumbering, type Numbering } from '../../shared/numbering';
import { currentSponsors, sponsorsAsOf } from '../../shared/sponsorship';
import { draftSymbol } from '../../shared/symbols';
import type { TextJSON } from '../../shared/schema';
import type { AknRecord, RecordedEvent } from '../../shared/export/akn';
import { asDoc } from '../../shared/export/blocks';
import type { ExportMeta, ExportSponsor } from '../../shared/export/meta';
import { WORKING_TEXT } from '../../shared/export/transfer';
import { textAsOf } from '../collab/history';
import { todayUTC } from '../commands/draftAccess';
import { isLifecycleEvent, lifecycleEvents, statusOfRecord } from '../commands/draftStatus';
import { HttpErrors } from '../http/errors';
import type { DelegationRow, DraftEventRow, RevisionRow, SponsorshipEventRow, Store } from '../storage/types';

/** One text ready to export. */
export interface ExportSource {
  text: TextJSON;
  meta: ExportMeta;
  record: AknRecord;
  numbering: Numbering;
  /** The number the text took when adopted (only for the text acted on). */
  adoptedAs: { kind: 'resolution' | 'decision'; number: string } | null;
}

/** Which text: an issued revision's symbol (full, or the part after the session's prefix) or "working". */
export type TextChoice = string;

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

/** Load a text of a draft for export; 404 when the draft or the revision does not exist. */
export async function loadExportSource(store: Store, draftId: string, which: TextChoice, lang?: Lang, today = todayUTC()): Promise<ExportSource> {
  const draft = await store.getDraft(draftId);
  if (!draft) throw HttpErrors.notFound('draft');
  const [session, rows, sponsorship, revisions, delegationRows] = await Promise.all([
    store.getSession(draft.sessionId),
    store.listDraftEvents(draftId),
    store.listSponsorshipEvents(draftId),
    store.listRevisions(draftId),
    store.listDelegations(),
  ]);
  if (!session) throw HttpErrors.notFound('session');
  const body = await store.getBody(session.bodyId);
  const delegations = new Map(delegationRows.map((d) => [d.id, d]));
  const status = statusOfRecord(rows);
  const latest = [...revisions].sort((a, b) => b.revision - a.revision)[0] ?? null;
  const textLang: 'en' | 'zh' = draft.language.startsWith('zh') ? 'zh' : 'en';

  let revision: RevisionRow | null = null;
  let text: TextJSON;
  let numbering: Numbering;
  let sponsors: ExportSponsor[];
  if (which === WORKING_TEXT) {
    const working = await textAsOf(store, draftId, {});
    const hasText = ((working.doc as { content?: unknown[] }).content ?? []).length > 0;
    // Before anyone has typed, the working text is the last issued one (or an untitled page).
    text = (hasText ? working.doc : latest?.text ?? { type: 'doc', content: [{ type: 'title' }] }) as TextJSON;
    const doc = checked(text);
    const base = latest ? negotiationNumbering(doc, negotiationBase(sequentialNumbering(checked(latest.text as TextJSON)))) : null;
    numbering = base?.ok ? base.value : sequentialNumbering(doc, { lang: textLang });
    const now = sponsorsAsOf(sponsorship, today);
    sponsors = sponsorsOf(currentSponsors(now).map((s) => s.delegationId), now.main?.delegationId ?? null, sponsorship, delegations);
  } else {
    revision = revisions.find((r) => r.symbol === which || r.symbol === `${session.symbolPrefix}/${which}`) ?? null;
    if (!revision) throw HttpErrors.notFound(`revision ${which}`);
    text = revision.text as TextJSON;
    numbering = sequentialNumbering(checked(text), { lang: textLang });
    const atIssue = sponsorsAsOf(sponsorship, revision.issuedAt.slice(0, 10));
    sponsors = sponsorsOf(revision.sponsorIds, atIssue.main?.delegationId ?? null, sponsorship, delegations);
  }
  const isLatest = revision === null || revision.id === latest?.id;
  const action = isLatest ? status.finalAction : null;
  const meta: ExportMeta = {
    kind: draft.kind,
    symbol: revision?.symbol ?? status.symbol ?? draftSymbol(session.symbolPrefix, draft.lNumber),
    textState: revision ? 'issued' : 'working',
    date: revision ? revision.issuedAt.slice(0, 10) : today,
    originalLanguage: draft.language,
    lang: lang ?? textLang,
    organ: body?.name ?? { en: session.title.en, zh: session.title.zh },
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
    adoptedAs: action?.type === 'adopted' && action.becomes && revision ? action.becomes : null,
  };
}

function checked(text: TextJSON) {
  try {
    return asDoc(text);
  } catch (err) {
    throw HttpErrors.refused(`the text cannot be exported: ${err instanceof Error ? err.message : String(err)}`);
  }
}
