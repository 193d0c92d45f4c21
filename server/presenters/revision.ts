/**
 * How an issued text looks in JSON: symbol, text, hash, sponsors at issue, when, its addenda and
 * corrigenda, and whether the record knows its text (`textInRecord`: false when a provenance note
 * says it does not; the stored row then holds an empty text, sent as null).
 */
import { textNotInRecord, type DocumentPayload, type ProvenancePayload } from '../commands/meetingRecord';
import type { DelegationRow, DraftRow, RevisionRow, UserRow } from '../storage/types';
import { presentLocalized } from './localized';
import { presentUserRef } from './user';

type Delegations = ReadonlyMap<string, DelegationRow>;

function sponsorsOf(r: RevisionRow, delegations: Delegations) {
  return r.sponsorIds.map((id) => {
    const d = delegations.get(id);
    return { delegationId: id, code: d?.code ?? null, name: d ? presentLocalized(d.name) : { en: id, zh: id } };
  });
}

/** An addendum or corrigendum recorded against an issued text. */
export function presentDocument(d: DocumentPayload & { seq?: number; at?: string }) {
  return { kind: d.kind, symbol: d.symbol, of: d.of, date: d.date, note: d.note ?? null, recordedAt: d.at ?? null };
}

/**
 * An issued text without its body, for the lineage list. `provenance` is the draft's notes
 * (`provenanceOf` of its record): without them the text is taken to be in the record.
 */
export function presentRevisionSummary(
  r: RevisionRow,
  draft: DraftRow,
  delegations: Delegations,
  documents: readonly DocumentPayload[] = [],
  provenance: readonly ProvenancePayload[] = [],
) {
  const textInRecord = !textNotInRecord(provenance, r.symbol);
  return {
    symbol: r.symbol,
    revision: r.revision,
    // The hash of an empty stored text is no hash of the text issued.
    hash: textInRecord ? r.hash : null,
    textInRecord,
    sponsors: sponsorsOf(r, delegations),
    issuedAt: r.issuedAt,
    // A draft keeps the language it is negotiated in; every text of it is an original in that language.
    language: draft.language,
    documents: documents.filter((d) => d.of === r.symbol).map(presentDocument),
  };
}

/** An issued text with its canonical ProseMirror JSON (what the negotiation numbering counts from). */
export function presentRevision(
  r: RevisionRow,
  draft: DraftRow,
  delegations: Delegations,
  users: ReadonlyMap<string, UserRow>,
  documents: readonly DocumentPayload[] = [],
  provenance: readonly ProvenancePayload[] = [],
) {
  const summary = presentRevisionSummary(r, draft, delegations, documents, provenance);
  return {
    ...summary,
    text: summary.textInRecord ? r.text : null,
    issuedBy: presentUserRef(r.issuedBy ? (users.get(r.issuedBy) ?? null) : null),
  };
}
