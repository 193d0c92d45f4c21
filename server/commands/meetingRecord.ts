/**
 * The governed entries of a draft's record beyond the lifecycle: the chair's paragraph states,
 * oral amendments read out at the meeting, addenda and corrigenda, the resolution or decision
 * number, and what the report says of a draft. They are appended to the same record as the
 * lifecycle events (through the same guard), so one seq orders everything and "who did what,
 * when" has one answer. Here: their type strings and payloads, and reading them back (no I/O).
 */
import type { LocalizedText } from '../../shared/delegations';
import type { ParagraphStateEvent, ParagraphState } from '../../shared/negotiation';
import type { OralAmendment } from '../../shared/oralAmendments';
import type { DraftEventRow } from '../storage/types';

/** The type strings of the record's entries that are not lifecycle events. */
export const RecordTypes = {
  /** The chair sets a paragraph open, agreed ad referendum or agreed. */
  paragraphState: 'paragraph_state',
  /** An oral amendment recorded against an issued text. */
  oralAmendment: 'oral_amendment',
  /** An addendum or corrigendum issued against an issued text. */
  document: 'document_issued',
  /** The number an adopted text takes ("resolution 11/5"). */
  number: 'numbered',
  /** How the report names the draft and what it adds after the record. */
  reportDetails: 'report_details',
  /** Where the record's knowledge of a text comes from, and what it does not know. */
  provenance: 'provenance',
  /** A delegation (or the chair, the secretariat) tables a proposal on the working text (shared/proposals.ts). */
  proposalTabled: 'proposal_tabled',
  /** A proposal accepted (as tabled or as modified), rejected, withdrawn or superseded. */
  proposalDecided: 'proposal_decided',
  /** A comment on a paragraph or on words of it (shared/comments.ts). */
  commentAdded: 'comment_added',
  /** A comment thread resolved. */
  commentResolved: 'comment_resolved',
  /** A comment thread reopened. */
  commentReopened: 'comment_reopened',
  /** A delegation asks to join or withdraw as a co-sponsor (shared/sponsorship.ts). */
  cosponsorRequested: 'cosponsor_requested',
  /** The main sponsor or the secretariat confirms or declines a co-sponsorship request. */
  cosponsorRequestDecided: 'cosponsor_request_decided',
  /** The deadline for co-sponsoring this draft set or cleared. */
  cosponsorshipDeadline: 'cosponsorship_deadline',
} as const;

/**
 * The entries of the record about the conversation around the text (proposals, comments,
 * co-sponsorship requests): none of them changes the lifecycle, the text's hash or a
 * paragraph's state; readers that derive those skip them.
 */
export const CONVERSATION_TYPES: ReadonlySet<string> = new Set([
  RecordTypes.proposalTabled,
  RecordTypes.proposalDecided,
  RecordTypes.commentAdded,
  RecordTypes.commentResolved,
  RecordTypes.commentReopened,
  RecordTypes.cosponsorRequested,
  RecordTypes.cosponsorRequestDecided,
  RecordTypes.cosponsorshipDeadline,
]);

/** Payload of a paragraph state. */
export interface ParagraphStatePayload {
  paragraphId: string;
  state: ParagraphState;
  /** The paragraph's text hash when marked (shared/negotiation.ts paragraphTextHash); absent in older entries. */
  textHash?: string | null;
  /** The update log's last seq when marked: where "who changed it since" starts looking. */
  logSeq?: number;
  /** Locked by the chair: the collaboration server refuses changes to its text (server/collab/agreedGuard.ts). */
  locked?: boolean;
}
/** Payload of an oral amendment: the issued text it amends, and the amendment as validated. */
export interface OralAmendmentPayload {
  symbol: string;
  revision: number;
  amendment: OralAmendment;
  /** The amended paragraph as printed in that text ("OP 3"), when it has a number. */
  paragraph?: string;
  meeting?: number;
}
/** Payload of an addendum or corrigendum: its own symbol and the issued text it belongs to. */
export interface DocumentPayload {
  kind: 'addendum' | 'corrigendum';
  symbol: string;
  of: string;
  date: string;
  note?: string;
}
/** Payload of a number given to an adopted text. */
export interface NumberPayload {
  kind: 'resolution' | 'decision';
  number: string;
}
/** Payload of the report's wording for a draft. */
export interface ReportDetailsPayload {
  describedAs: LocalizedText | null;
  remarks: LocalizedText | null;
}

/** The kinds of provenance note. */
export const PROVENANCE_KINDS = ['illustrative', 'text_not_in_record', 'original_language_not_in_record', 'printed_version'] as const;
/** One kind of provenance note. */
export type ProvenanceKind = (typeof PROVENANCE_KINDS)[number];
/**
 * Payload of a provenance note, about one issued text (`symbol`, full or short) or the whole
 * draft (`symbol` null): `illustrative` (not part of any session's record), `text_not_in_record`
 * (the text of that issued revision is not known; its stored row holds an empty text),
 * `original_language_not_in_record`, `printed_version` (which printed version the text is).
 */
export interface ProvenancePayload {
  kind: ProvenanceKind;
  symbol: string | null;
  note: LocalizedText | null;
}

const ofType = <T>(rows: readonly DraftEventRow[], type: string) => [...rows].sort((a, b) => a.seq - b.seq).filter((r) => r.type === type) as (DraftEventRow & { payload: T })[];

/** The paragraph-state entries as shared/negotiation folds them. */
export function paragraphStateEvents(rows: readonly DraftEventRow[]): ParagraphStateEvent[] {
  return ofType<ParagraphStatePayload>(rows, RecordTypes.paragraphState).map((r) => ({
    seq: r.seq,
    paragraphId: r.payload.paragraphId,
    state: r.payload.state,
    at: r.at,
    by: r.userId ?? '',
    textHash: r.payload.textHash ?? null,
    locked: r.payload.locked === true,
    logSeq: r.payload.logSeq ?? null,
  }));
}

/** The oral amendments recorded against one issued revision, in the order they were read out. */
export function oralAmendmentsOf(rows: readonly DraftEventRow[], revision: number): { seq: number; at: string; payload: OralAmendmentPayload }[] {
  return ofType<OralAmendmentPayload>(rows, RecordTypes.oralAmendment).filter((r) => r.payload.revision === revision);
}

/** The addenda and corrigenda recorded, oldest first. */
export function documentsOf(rows: readonly DraftEventRow[]): (DocumentPayload & { seq: number; at: string })[] {
  return ofType<DocumentPayload>(rows, RecordTypes.document).map((r) => ({ ...r.payload, seq: r.seq, at: r.at }));
}

/** The number a draft's adopted text took: a `numbered` entry, else the one recorded with the adoption. */
export function numberOf(rows: readonly DraftEventRow[]): NumberPayload | null {
  const numbered = ofType<NumberPayload>(rows, RecordTypes.number).at(-1);
  if (numbered) return { kind: numbered.payload.kind, number: numbered.payload.number };
  const adopted = ofType<{ becomes?: NumberPayload }>(rows, 'adopted').at(-1);
  return adopted?.payload.becomes ?? null;
}

/** The report's wording for a draft: the latest entry wins. */
export function reportDetailsOf(rows: readonly DraftEventRow[]): ReportDetailsPayload {
  return ofType<ReportDetailsPayload>(rows, RecordTypes.reportDetails).at(-1)?.payload ?? { describedAs: null, remarks: null };
}

/** The provenance notes of a draft, in the order recorded. */
export function provenanceOf(rows: readonly DraftEventRow[]): ProvenancePayload[] {
  return ofType<ProvenancePayload>(rows, RecordTypes.provenance).map((r) => ({ kind: r.payload.kind, symbol: r.payload.symbol ?? null, note: r.payload.note ?? null }));
}

/** Whether a note is about the issued text `symbol` (full): it names it in full, or by the part after the session's prefix. */
export function isAbout(note: ProvenancePayload, symbol: string): boolean {
  return note.symbol !== null && (note.symbol === symbol || symbol.endsWith(`/${note.symbol}`));
}

/** Whether a provenance note says the text of the issued revision `symbol` (full) is not in the record. */
export function textNotInRecord(notes: readonly ProvenancePayload[], symbol: string): boolean {
  return notes.some((n) => n.kind === 'text_not_in_record' && isAbout(n, symbol));
}
