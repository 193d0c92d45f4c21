/**
 * The session record: what happens at a session's meetings beyond a draft's text. Three kinds
 * of entry, each dated to a meeting of the session and optionally tied to a draft:
 *
 * - a recorded **vote** on a procedural question (observer status, whether a matter is
 *   procedural), on an amendment, or on keeping a paragraph (a separate vote), with the rules of
 *   procedure cited, the counts, the majority required and how two thirds was rounded, and
 *   optionally the country-by-country list; whether it carried is derived (shared/votes.ts),
 *   never stored;
 * - a **statement**: an explanation of vote or of position (before or after), the introduction
 *   by the main sponsor, a statement of programme budget implications, the chair's conclusion;
 * - a **correction of vote** ("the delegation of X indicated that it had intended to vote in
 *   favour"), kept beside the vote it names and never changing its result.
 *
 * The record is append-only (server/storage/migrations/006_session_record.ts); entries refer to
 * votes by their seq in the session's record. Here: the types and the limits. The validator
 * every writer calls first is shared/meetingRecordParse.ts; the checks against the session and
 * the stored row, shared/meetingRecordStore.ts. Facts that need the store (the draft is of the
 * session, the delegations exist, the vote named is a vote) are checked by
 * server/commands/sessionRecorder.ts.
 */
import type { LocalizedText } from './delegations';
import type { Ballot, Majority, RollCall, TwoThirdsRule } from './votes';

/** The kinds of entry of the session record, as stored. */
export const SESSION_RECORD_KINDS = ['vote', 'statement', 'vote_correction'] as const;
/** One kind of entry. */
export type SessionRecordKind = (typeof SESSION_RECORD_KINDS)[number];

/** What a vote was on: a procedural question, an amendment to a draft, keeping a paragraph of a draft. */
export const VOTE_SUBJECTS = ['procedural', 'amendment', 'separate'] as const;
/** One subject of a vote. */
export type VoteSubject = (typeof VOTE_SUBJECTS)[number];

/** The kinds of statement the report records. */
export const STATEMENT_KINDS = ['explanation_of_vote', 'explanation_of_position', 'introduction', 'budget_implications', 'chair_conclusion'] as const;
/** One kind of statement. */
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** Before or after the vote (explanation of vote) or the action (explanation of position). */
export const STATEMENT_TIMINGS = ['before', 'after'] as const;
/** One timing. */
export type StatementTiming = (typeof STATEMENT_TIMINGS)[number];

/** Where and when an entry happened: a meeting of the session, and maybe a draft it is about. */
export interface EntryBase {
  /** The meeting's number in the session (1, 2, …). */
  meeting: number;
  /** Its calendar date, YYYY-MM-DD. */
  date: string;
  /** The draft the entry is about, or null (a procedural question). */
  draftId: string | null;
}

/**
 * The report's own words for a vote, when it words it otherwise than "voted on <question>":
 * `votedOn` is the predicate with its verb (zh "就给予观察员地位是实质性问题还是程序问题进行了表决",
 * en "voted on whether granting observer status was a matter of substance or of procedure");
 * `question` the clause "对于<question>的问题，" before the counts (null: none); `decided` what the
 * vote decided (zh "因而决定这是一个程序问题", en "it was thus decided that the matter was procedural").
 */
export interface VoteWording {
  votedOn: LocalizedText;
  question: LocalizedText | null;
  decided: LocalizedText | null;
}

/** A recorded vote at a meeting. */
export interface VoteEntry extends EntryBase {
  kind: 'vote';
  subject: VoteSubject;
  /** The question put, as a clause: "whether the matter could be considered procedural". */
  question: LocalizedText;
  /** The paragraph voted on, as printed ("OP 3"), for a separate vote or an amendment; else null. */
  paragraph: string | null;
  /** Rules the chair recalled before voting ("in particular rules 57, 61, 63, 64 and 65"). */
  rulesRecalled: number[];
  /** Rules under which the vote was taken (rule 61: deciding whether a matter is procedural). */
  votedUnder: number[];
  /** Rules that set the majority required (rule 63). */
  majorityUnder: number[];
  yes: number;
  no: number;
  abstain: number;
  majority: Majority;
  /** How two thirds was rounded (shared/votes.ts); null for a simple majority. */
  twoThirds: TwoThirdsRule | null;
  /** The country-by-country list, when the record has it. */
  roll: RollCall | null;
  /** The report's words, when they are not the default ones. */
  wording: VoteWording | null;
}

/** Who spoke: a delegation (maybe named as the report names it there) or an officer. */
export type Speaker = { delegationId: string; asNamed: LocalizedText | null } | { officer: LocalizedText };

/** A statement at a meeting. */
export interface StatementEntry extends EntryBase {
  kind: 'statement';
  statement: StatementKind;
  /** For explanations: before or after the vote or action; null for the other kinds. */
  timing: StatementTiming | null;
  /** Who spoke, in the order they spoke. */
  speakers: Speaker[];
  /** The vote of the session record an explanation of vote is about (its seq), or null. */
  voteSeq: number | null;
  /** What was said, in the report's words; for budget implications, null means "no financial implications". */
  summary: LocalizedText | null;
  /** For a chair's conclusion: whether the body accepted it ("which the Conference accepted"). */
  accepted: boolean;
}

/** A delegation saying how it had intended to vote: kept beside the vote, never changing its counts. */
export interface VoteCorrectionEntry extends EntryBase {
  kind: 'vote_correction';
  /** The vote corrected: its seq in the session record. */
  voteSeq: number;
  delegationId: string;
  intended: Ballot;
}

/** One entry of the session record. */
export type SessionRecordEntry = VoteEntry | StatementEntry | VoteCorrectionEntry;

/** A refusal naming the field at fault (dotted path, "speakers.1.delegationId"), so a form can show it beside the field. */
export interface RecordRefusal {
  field: string;
  message: string;
}

/** The most rules one list may cite, and the most speakers one statement may name. */
export const RECORD_LIMITS = { rules: 30, speakers: 200, text: 4000, rollCall: 400 } as const;
