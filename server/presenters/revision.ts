/** How an issued text looks in JSON: symbol, text, hash, sponsors at issue, when, and its addenda and corrigenda. */
import type { DocumentPayload } from '../commands/meetingRecord';
import type { DelegationRow, DraftRow, RevisionRow, UserRow } from '../storage/types';
import { presentUserRef } from './user';

type Delegations = ReadonlyMap<string, DelegationRow>;

function sponsorsOf(r: RevisionRow, delegations: Delegations) {
  return r.sponsorIds.map((id) => {
    const d = delegations.get(id);
    return { delegationId: id, code: d?.code ?? null, name: d ? { en: d.name.en, zh: d.name.zh } : { en: id, zh: id } };
  });
}

/** An addendum or corrigendum recorded against an issued text. */
export function presentDocument(d: DocumentPayload & { seq?: number; at?: string }) {
  return { kind: d.kind, symbol: d.symbol, of: d.of, date: d.date, note: d.note ?? null, recordedAt: d.at ?? null };
}

/** An issued text without its body, for the lineage list. */
export function presentRevisionSummary(r: RevisionRow, draft: DraftRow, delegations: Delegations, documents: readonly DocumentPayload[] = []) {
  return {
    symbol: r.symbol,
    revision: r.revision,
    hash: r.hash,
    sponsors: sponsorsOf(r, delegations),
    issuedAt: r.issuedAt,
    // A draft keeps the language it is negotiated in; every text of it is an original in that language.
    language: draft.language,
    documents: documents.filter((d) => d.of === r.symbol).map(presentDocument),
  };
}

/** An issued text with its canonical ProseMirror JSON (what the negotiation numbering counts from). */
export function presentRevision(r: RevisionRow, draft: DraftRow, delegations: Delegations, users: ReadonlyMap<string, UserRow>, documents: readonly DocumentPayload[] = []) {
  return {
    ...presentRevisionSummary(r, draft, delegations, documents),
    text: r.text,
    issuedBy: presentUserRef(r.issuedBy ? (users.get(r.issuedBy) ?? null) : null),
  };
}
