/**
 * The one place that answers "which text of a draft?": an issued revision by its symbol, the
 * working text now or at a past point of its log, an issued revision as orally amended, the
 * final text (the text the body acted on), and the working text with its pending proposals
 * applied (each change credited to the delegation that tabled it). Exports, comparisons and anything else that reads a
 * text go through `resolveText`, so that "L.9/Rev.1", "seq:40" or "final" means the same text
 * everywhere. A revision whose text the record says it does not know (a provenance note,
 * server/commands/meetingRecord.ts) is refused, never shown as its empty stored row. Reads only.
 */
import { formatMoment } from '../shared/dates';
import { ErrorIds } from '../shared/errors';
import { holdsFinalAction } from '../shared/policy';
import { applyOralAmendments, type OralAmendment } from '../shared/oralAmendments';
import { negotiationBase, sequentialNumbering, type NumberingBase } from '../shared/numbering';
import { applyPendingProposals, type PendingChange, type ProposalsApplied } from '../shared/compare/withProposals';
import { proposalsOf, type Proposal } from '../shared/proposals';
import type { TextJSON } from '../shared/schema';
import { draftSymbol } from '../shared/symbols';
import { asDoc } from '../shared/export/blocks';
import type { TextSpec } from '../shared/textSpec';
import { textAsOf } from './collab/history';
import { provenanceOf, textNotInRecord } from './commands/meetingRecord';
import { amendmentsFor } from './commands/oralAmendmentRecorder';
import type { DraftEventRow, DraftRow, RevisionRow, SessionRow, Store } from './storage/types';
import { DomainError, DomainErrors } from './errors';

/** A draft with what every text of it is resolved against: its session and its issued revisions. */
export interface DraftTexts {
  draft: DraftRow;
  session: SessionRow;
  /** The lineage, oldest first. */
  revisions: RevisionRow[];
  /** The last issued revision, or null before the first issue. */
  latest: RevisionRow | null;
  /** The draft's record (lifecycle events, oral amendments, provenance notes …), as stored. */
  record: DraftEventRow[];
}

/**
 * The text the body acted on, read from the record: the last issued revision (action is taken
 * on the issued document, never on the working text) with the oral amendments recorded against
 * it; `revision` null for a draft withdrawn before any text was issued (its working text is all
 * there is). Null before final action.
 */
export interface ActedOnText {
  revision: RevisionRow | null;
  /** The oral amendments recorded against it, in the order read out (accepted or not). */
  amendments: OralAmendment[];
  /** Whether any was accepted: the text is then "as orally amended". */
  asOrallyAmended: boolean;
}

/** Which text the body acted on (see `ActedOnText`), or null while no final action is recorded. */
export function actedOnText(rows: readonly DraftEventRow[], revisions: readonly RevisionRow[]): ActedOnText | null {
  return holdsFinalAction(rows) ? textBeforeTheBody(rows, revisions) : null;
}

/** The text before the body now, or when it took action: the last issued text with the oral amendments recorded against it. */
export function textBeforeTheBody(rows: readonly DraftEventRow[], revisions: readonly RevisionRow[]): ActedOnText {
  const revision = [...revisions].sort((a, b) => a.revision - b.revision).at(-1) ?? null;
  if (!revision) return { revision: null, amendments: [], asOrallyAmended: false };
  const amendments = amendmentsFor(rows, revision);
  return { revision, amendments, asOrallyAmended: amendments.some((a) => a.accepted) };
}

/** The refusal of a text the record does not know: 404 `text_not_in_record`. */
export function textNotInRecordError(symbol: string): DomainError {
  return new DomainError(ErrorIds.textNotInRecord, `the text of ${symbol} is not in the record`);
}

/** The refusal of the final text before final action: 409 `no_final_text`. */
export function noFinalTextError(): DomainError {
  return new DomainError(ErrorIds.noFinalText, 'no final action has been taken on this draft: it has no final text yet');
}

/** One resolved text of a draft. */
export interface ResolvedText {
  spec: TextSpec;
  text: TextJSON;
  /** An issued text, the (live or past) working text, or an issued text as orally amended. */
  state: 'issued' | 'working' | 'amended';
  /** The issued revision the text is (or is amended from); null for the working text. */
  revision: RevisionRow | null;
  /** The issued symbol, or the symbol of the draft's last issued text for a working text. */
  symbol: string;
  /** How people name it: "L.9/Rev.1", "working text", "working text at seq 12", "L.9/Rev.1 as orally amended". */
  label: string;
  /** For a working text: the last update of the log it includes, and when that was stored. */
  seq: number | null;
  at: string | null;
  /**
   * The numbers of the text under negotiation when this text stood: its own sequential numbers
   * for an issued text, the last issued revision before it for a working text (null before the
   * first issue). Negotiation numbering ("3 bis") counts from it.
   */
  base: NumberingBase | null;
  /** For the working text with pending proposals (`proposals`): what each proposal did, and those that no longer apply. */
  proposals?: ProposalsInText;
}

/** What the pending proposals did to the working text (spec `proposals`). */
export interface ProposalsInText extends Omit<ProposalsApplied, 'doc'> {
  /** Every pending proposal, by id, as the record folds it. */
  byId: Map<string, Proposal>;
}

/** Where a pending proposal's words stand in the live working text now (server/collab/proposalApply.ts `locateProposals`). */
export interface ProposalPlaceNow {
  stale: boolean;
  why: string | null;
  /** Which occurrence of its quoted words its anchor points at now, when it quotes words. */
  occurrence: number | null;
}

/**
 * Where texts the update log and the lineage do not hold come from. By default the oral
 * amendments are those the secretariat recorded in the draft's record (`recordedSources`).
 */
export interface TextSources {
  /** The oral amendments recorded against an issued revision, in the order they were read out. */
  oralAmendments?(revision: RevisionRow): Promise<readonly OralAmendment[]>;
  /**
   * Where each pending proposal stands in the live working text, by proposal id (its anchor:
   * stale or not, which occurrence of its words). Without it, a proposal applies where its words
   * are found, the occurrence it was tabled with, and is skipped when they are not.
   */
  proposalPlaces?(draftId: string, proposals: readonly Proposal[]): Promise<ReadonlyMap<string, ProposalPlaceNow>>;
}

/** The sources a store holds: the oral amendments recorded against each issued text (issue 6). */
export function recordedSources(store: Store): TextSources {
  return {
    async oralAmendments(revision) {
      const amendments = amendmentsFor(await store.listDraftEvents(revision.draftId), revision);
      // A text nobody amended has no "as orally amended" form: name the issued text instead.
      if (amendments.length === 0) throw DomainErrors.refused(`no oral amendments are recorded for ${revision.symbol}`);
      return amendments;
    },
  };
}

/** Load a draft, its session and its lineage; 404 when the draft does not exist. */
export async function loadDraftTexts(store: Store, draftId: string): Promise<DraftTexts> {
  const draft = await store.getDraft(draftId);
  if (!draft) throw DomainErrors.notFound('draft');
  const [session, rows, record] = await Promise.all([store.getSession(draft.sessionId), store.listRevisions(draftId), store.listDraftEvents(draftId)]);
  if (!session) throw DomainErrors.notFound('session');
  const revisions = [...rows].sort((a, b) => a.revision - b.revision);
  return { draft, session, revisions, latest: revisions[revisions.length - 1] ?? null, record: [...record] };
}

/** The revision a symbol names, full (`CTOC/COP/2022/L.9/Rev.1`) or short (`L.9/Rev.1`); null when none. */
export function findRevision(texts: DraftTexts, symbol: string): RevisionRow | null {
  const full = `${texts.session.symbolPrefix}/${symbol}`;
  return texts.revisions.find((r) => r.symbol === symbol || r.symbol === full) ?? null;
}

/** The symbol without the session's prefix, as a chair says it: "L.9/Rev.1". */
export function shortSymbol(texts: Pick<DraftTexts, 'session'>, symbol: string): string {
  const prefix = `${texts.session.symbolPrefix}/`;
  return symbol.startsWith(prefix) ? symbol.slice(prefix.length) : symbol;
}

/** A stored or derived text checked against the schema; one that does not fit is refused, not a 500. */
export function checkedText(text: unknown) {
  try {
    return asDoc(text as TextJSON);
  } catch (err) {
    throw DomainErrors.refused(`the stored text does not fit the schema: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function baseOf(revision: RevisionRow | null): NumberingBase | null {
  return revision ? negotiationBase(sequentialNumbering(checkedText(revision.text))) : null;
}

// The revision a symbol names, refused when there is none (404) or the record does not know its text (404).
function requireRevision(texts: DraftTexts, symbol: string): RevisionRow {
  const revision = findRevision(texts, symbol);
  if (!revision) throw DomainErrors.notFound(`revision ${symbol}`);
  requireTextInRecord(texts, revision);
  return revision;
}

/** Refuse a revision whose text a provenance note says is not in the record (404 `text_not_in_record`). */
export function requireTextInRecord(texts: Pick<DraftTexts, 'record' | 'session'>, revision: RevisionRow): void {
  if (textNotInRecord(provenanceOf(texts.record), revision.symbol)) throw textNotInRecordError(shortSymbol(texts, revision.symbol));
}

// The working text at a point. Before anyone has typed, it is the text last issued by then
// (or an untitled page): issuing is what starts a working text from the issued one.
async function workingText(store: Store, texts: DraftTexts, spec: TextSpec & { kind: 'working' | 'seq' | 'at' }): Promise<ResolvedText> {
  const point = spec.kind === 'seq' ? { seq: spec.seq } : spec.kind === 'at' ? { at: spec.at } : {};
  const found = await textAsOf(store, texts.draft.id, point);
  if (spec.kind === 'seq' && spec.seq > found.seq) throw DomainErrors.notFound(`seq ${spec.seq} (the log ends at ${found.seq})`);
  const asOf = spec.kind === 'working' ? null : spec.kind === 'at' ? spec.at : found.at;
  const issued = asOf === null ? texts.latest : ([...texts.revisions].reverse().find((r) => r.issuedAt <= asOf) ?? null);
  const hasText = ((found.doc as { content?: unknown[] }).content ?? []).length > 0;
  const text = (hasText ? found.doc : (issued?.text ?? { type: 'doc', content: [{ type: 'title' }] })) as TextJSON;
  if (!hasText) checkedText(text);
  else {
    // The working text's nodes were checked as it was read; here, the text as a whole.
    try {
      asDoc(text);
    } catch (err) {
      throw DomainErrors.textInvalid(spec.kind === 'working' ? 'the working text' : `the working text at seq ${found.seq}`, err instanceof Error ? err.message : String(err));
    }
  }
  const label = spec.kind === 'working' ? 'working text' : spec.kind === 'seq' ? `working text at seq ${found.seq}` : `working text at ${formatMoment(spec.at, 'en', 'UTC')} UTC`;
  return {
    spec,
    text,
    state: 'working',
    revision: null,
    symbol: issued?.symbol ?? draftSymbol(texts.session.symbolPrefix, texts.draft.lNumber),
    label,
    seq: found.seq,
    at: found.at,
    base: baseOf(issued),
  };
}

/**
 * Resolve a spec to its text. 404 for an unknown revision or a seq past the end of the log; 422
 * for a text that cannot be derived (no record of oral amendments yet, or one that no longer applies).
 */
export async function resolveText(store: Store, texts: DraftTexts, spec: TextSpec, sources: TextSources = recordedSources(store)): Promise<ResolvedText> {
  if (spec.kind === 'working' || spec.kind === 'seq' || spec.kind === 'at') return workingText(store, texts, spec);
  if (spec.kind === 'final') return finalText(store, texts, spec);
  if (spec.kind === 'proposals') return withProposals(store, texts, spec, sources);
  const revision = requireRevision(texts, spec.symbol);
  const short = shortSymbol(texts, revision.symbol);
  const common = { spec, revision, symbol: revision.symbol, seq: null, at: null, base: baseOf(revision) };
  if (spec.kind === 'revision') {
    checkedText(revision.text);
    return { ...common, text: revision.text as TextJSON, state: 'issued', label: short };
  }
  // The amendments come from the record (or the caller's sources), applied by the pure domain.
  if (!sources.oralAmendments) throw DomainErrors.refused(`no oral amendments are recorded for ${short} yet`);
  const amended = applyOralAmendments(checkedText(revision.text), await sources.oralAmendments(revision));
  if (!amended.ok) throw DomainErrors.refused(amended.error);
  return { ...common, text: amended.value.toJSON(), state: 'amended', label: `${short} as orally amended` };
}

// The text the body acted on (see `actedOnText`), from the record alone: the caller's sources are
// for naming other texts, never for changing which text was adopted.
async function finalText(store: Store, texts: DraftTexts, spec: TextSpec & { kind: 'final' }): Promise<ResolvedText> {
  const acted = actedOnText(texts.record, texts.revisions);
  if (!acted) throw noFinalTextError();
  if (!acted.revision) return { ...(await workingText(store, texts, { kind: 'working' })), spec };
  const { revision } = acted;
  requireTextInRecord(texts, revision);
  const short = shortSymbol(texts, revision.symbol);
  const common = { spec, revision, symbol: revision.symbol, seq: null, at: null, base: baseOf(revision) };
  if (!acted.asOrallyAmended) {
    checkedText(revision.text);
    return { ...common, text: revision.text as TextJSON, state: 'issued', label: short };
  }
  const amended = applyOralAmendments(checkedText(revision.text), acted.amendments);
  if (!amended.ok) throw DomainErrors.refused(amended.error);
  return { ...common, text: amended.value.toJSON(), state: 'amended', label: `${short} as orally amended` };
}

// The working text now with every pending proposal applied in the order tabled; one that is
// stale by its anchor, or no longer applies, is skipped and listed (server/http/routes/compare.ts
// says which in the comparison's notes).
async function withProposals(store: Store, texts: DraftTexts, spec: TextSpec & { kind: 'proposals' }, sources: TextSources): Promise<ResolvedText> {
  const working = await workingText(store, texts, { kind: 'working' });
  const pending = proposalsOf(texts.record).filter((p) => p.state === 'pending');
  const places = pending.length > 0 && sources.proposalPlaces ? await sources.proposalPlaces(texts.draft.id, pending) : new Map<string, ProposalPlaceNow>();
  const changes: PendingChange[] = pending.map((p) => {
    const place = places.get(p.id);
    return {
      id: p.id,
      delegationId: p.delegationId,
      amendment: p.amendment,
      occurrence: place?.occurrence ?? null,
      stale: place?.stale ? (place.why ?? 'the words it quotes were changed') : null,
    };
  });
  const { doc, ...done } = applyPendingProposals(checkedText(working.text), changes);
  return {
    ...working,
    spec,
    text: doc.toJSON(),
    label: 'working text with pending proposals',
    proposals: { ...done, byId: new Map(pending.map((p) => [p.id, p])) },
  };
}
