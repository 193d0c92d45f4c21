/**
 * The storage interface: one contract, two implementations (SQLite embedded by default,
 * PostgreSQL when DATABASE_URL is set), one test suite run against both.
 *
 * SQL lives behind this interface and nowhere else. Every method is async so that both
 * backends fit; SQLite serialises its work on one connection.
 *
 * Times are ISO-8601 strings in UTC (`2022-10-21T10:00:00.000Z`); calendar dates are
 * `YYYY-MM-DD`. Ids are strings (UUIDs unless stated).
 */
import type { LocalizedText } from '../../shared/delegations';
import type { Role } from '../../shared/accounts';
import type { Lang } from '../../shared/languages';
import type { VersionKind } from '../../shared/languageVersions';
import type { AuditEntryRow, AuditFilter, DelegationPatch, DelegationRow, NewAuditEntry, PasswordResetRow, UserPatch, UserRow } from './accountTypes';

export type * from './accountTypes';

/** The organ that takes action ("Conference of the Parties to UNTOC"). */
export interface BodyRow {
  id: string;
  name: LocalizedText;
  createdAt: string;
}

/** One session of a body; it owns a symbol prefix (`CTOC/COP/2022`). */
export interface SessionRow {
  id: string;
  bodyId: string;
  number: number;
  title: LocalizedText;
  symbolPrefix: string;
  place: string;
  opens: string;
  closes: string;
  /** After this time (ISO, UTC) joining a draft of the session as co-sponsor is refused; null: no deadline. */
  cosponsorDeadline: string | null;
  createdAt: string;
}

/** A signed-in browser or client. Only the SHA-256 of the secret is stored. */
export interface AuthSessionRow {
  tokenHash: string;
  userId: string;
  /** 'cookie' for a browser session, 'token' for a short-lived bearer token. */
  kind: 'cookie' | 'token';
  createdAt: string;
  expiresAt: string;
}

/** One draft: a proposal that keeps one L-number for life. */
export interface DraftRow {
  id: string;
  sessionId: string;
  /** The n of `L.n`; unique within the session. */
  lNumber: number;
  kind: 'resolution' | 'decision';
  title: LocalizedText;
  agendaItem: string;
  /** The language the text was negotiated in ('en', 'zh', …). */
  language: string;
  /** An officer who submits the draft in their own name, or null. */
  submittedBy: LocalizedText | null;
  /** The user who chairs its informal consultations, or null. */
  chairUserId: string | null;
  createdBy: string | null;
  createdAt: string;
}

/** A change to a draft's sponsor list. Append-only; the list as of a date is derived. */
export interface SponsorshipEventRow {
  seq: number;
  draftId: string;
  delegationId: string;
  /** 'main' names the main sponsor; 'join' and 'withdraw' are co-sponsors coming and going. */
  type: 'main' | 'join' | 'withdraw';
  /** The calendar date the change takes effect. */
  date: string;
  /** "also on behalf of its member States", when the delegation acts for others. */
  onBehalfOf: LocalizedText | null;
  recordedBy: string | null;
  recordedAt: string;
}

/** An entry of a draft's append-only record: who did what, when. Status is derived from these. */
export interface DraftEventRow {
  seq: number;
  draftId: string;
  /** An event type of `shared/lifecycle.ts` (or another governed record). */
  type: string;
  payload: Record<string, unknown>;
  userId: string | null;
  at: string;
}

/** An issued text: immutable, with its symbol, sponsors at issue and content hash. */
export interface RevisionRow {
  id: string;
  draftId: string;
  /** The full symbol, unique: `CTOC/COP/2022/L.9/Rev.1`. */
  symbol: string;
  /** 0 for the original `L.n`, n for `Rev.n`; unique per draft. */
  revision: number;
  /** Canonical ProseMirror JSON of the text. */
  text: unknown;
  /** SHA-256 (hex) of the canonical JSON. */
  hash: string;
  /** The delegation ids sponsoring at the moment of issue, in display order. */
  sponsorIds: string[];
  issuedAt: string;
  issuedBy: string | null;
}

/**
 * An entry of a session's append-only record of its meetings (a recorded vote, a statement, a
 * correction of vote: shared/meetingRecord.ts). `payload` holds the kind's own fields, as
 * `entryPayload` gives them after `parseSessionRecordEntry` checked the entry.
 */
export interface SessionRecordRow {
  sessionId: string;
  /** 1, 2, 3 … per session, without gaps: the record's order. */
  seq: number;
  /** 'vote' | 'statement' | 'vote_correction'. */
  kind: string;
  /** The meeting of the session, and its calendar date. */
  meeting: number;
  date: string;
  /** The draft the entry is about, or null. */
  draftId: string | null;
  payload: Record<string, unknown>;
  userId: string | null;
  at: string;
}

/**
 * One row of a language version's append-only history (issue #19, migration 8): the text of an
 * issued revision in one of the six languages, aligned with the revision's text (the same ids:
 * shared/languageVersions.ts). The latest row of a (draft, revision, language) is the version.
 */
export interface LanguageVersionRow {
  draftId: string;
  revision: number;
  lang: Lang;
  /** 1, 2, 3 … per (draft, revision, language). */
  seq: number;
  kind: VersionKind;
  /** ProseMirror JSON of the version, aligned with the revision's text. */
  text: unknown;
  /** Ids of the paragraphs still holding the reference's words (TITLE_ID, FORMULA_ID for those). */
  pending: string[];
  note: LocalizedText | null;
  /** The draft record's entry (a corrigendum or reissue) this row belongs to, or null. */
  recordSeq: number | null;
  recordedBy: string | null;
  recordedAt: string;
}

/** A version's row without its text (lists and histories). */
export type LanguageVersionSummary = Omit<LanguageVersionRow, 'text'>;

/** One accepted Yjs update of a draft's working text, as kept in the update log. */
export interface StoredUpdate {
  draftId: string;
  /** 1, 2, 3 … per draft, without gaps. */
  seq: number;
  update: Uint8Array;
  userId: string | null;
  delegationId: string | null;
  at: string;
}

/** Merged state of a working text up to and including `seq`. */
export interface CheckpointRow {
  draftId: string;
  seq: number;
  state: Uint8Array;
  at: string;
}

/**
 * One item of a user's in-app inbox (issue #17): something happened on a draft that concerns
 * them. Written by server/commands/notifier.ts with the record entry that caused it; only
 * `readAt` ever changes.
 */
export interface NotificationRow {
  id: string;
  userId: string;
  draftId: string | null;
  /** A kind of shared/inbox.ts (`proposal_tabled`, `comment_added` …). */
  kind: string;
  /** The kind's own fields (ids, the paragraph's name, who acted). */
  payload: Record<string, unknown>;
  at: string;
  /** When the user marked it read; null while unread. */
  readAt: string | null;
}

/** A group or regional organization and one delegation it speaks for (the EU and a member State). */
export interface GroupMemberRow {
  groupId: string;
  memberId: string;
}

/** Which page of a user's inbox: newest first, at most `limit`, older than the item `before`. */
export interface NotificationQuery {
  limit: number;
  /** The id of the last item of the previous page; omitted for the first page. */
  before?: string | null;
}

/** Input types: the row without what the store assigns. */
export type NewBody = Omit<BodyRow, 'id' | 'createdAt'> & { id?: string };
export type NewSession = Omit<SessionRow, 'id' | 'createdAt' | 'cosponsorDeadline'> & { id?: string; cosponsorDeadline?: string | null };
export type NewNotification = Omit<NotificationRow, 'id' | 'at' | 'readAt'> & { id?: string; at?: string };
export type NewDelegation = Omit<DelegationRow, 'id' | 'createdAt'> & { id?: string };
export type NewUser = Omit<UserRow, 'id' | 'createdAt' | 'active'> & { id?: string; active?: boolean };
export type NewDraft = Omit<DraftRow, 'id' | 'createdAt'> & { id?: string; createdAt?: string };
export type NewSponsorshipEvent = Omit<SponsorshipEventRow, 'seq' | 'recordedAt'> & { recordedAt?: string };
export type NewDraftEvent = Omit<DraftEventRow, 'seq' | 'at'> & { at?: string };
export type NewRevision = Omit<RevisionRow, 'id'> & { id?: string };
export type NewUpdate = Omit<StoredUpdate, 'seq' | 'at'> & { at?: string };
export type NewSessionRecordEntry = Omit<SessionRecordRow, 'seq' | 'at'> & { at?: string };
export type NewLanguageVersion = Omit<LanguageVersionRow, 'seq' | 'recordedAt'> & { recordedAt?: string };

/**
 * Thrown by a store when a write breaks a uniqueness rule (a second `L.9`, a second `Rev.1`,
 * a login taken). Routes turn it into 409.
 */
export class UniqueViolation extends Error {
  constructor(readonly constraint: string) {
    super(`unique constraint violated: ${constraint}`);
    this.name = 'UniqueViolation';
  }
}

/**
 * Thrown by `appendUpdates` when drafts of the batch are frozen: nothing of the batch was
 * stored, and `draftIds` names the frozen ones (see updateLogWrites.mjs).
 */
export { DraftFrozen } from './updateLogWrites.mjs';

/** The relational records: everything except the update log. */
export interface RecordRepos {
  createBody(b: NewBody): Promise<BodyRow>;
  getBody(id: string): Promise<BodyRow | null>;

  createSession(s: NewSession): Promise<SessionRow>;
  getSession(id: string): Promise<SessionRow | null>;
  listSessions(): Promise<SessionRow[]>;

  createDelegation(d: NewDelegation): Promise<DelegationRow>;
  getDelegation(id: string): Promise<DelegationRow | null>;
  getDelegationByCode(code: string): Promise<DelegationRow | null>;
  listDelegations(): Promise<DelegationRow[]>;

  createUser(u: NewUser): Promise<UserRow>;
  getUser(id: string): Promise<UserRow | null>;
  getUserByLogin(login: string): Promise<UserRow | null>;
  listUsers(): Promise<UserRow[]>;
  countUsers(): Promise<number>;

  createAuthSession(s: AuthSessionRow): Promise<void>;
  getAuthSession(tokenHash: string): Promise<AuthSessionRow | null>;
  deleteAuthSession(tokenHash: string): Promise<void>;
  deleteExpiredAuthSessions(now: string): Promise<number>;

  createDraft(d: NewDraft): Promise<DraftRow>;
  getDraft(id: string): Promise<DraftRow | null>;
  listDrafts(sessionId: string): Promise<DraftRow[]>;
  /** The highest L-number used in a session, or 0. */
  maxLNumber(sessionId: string): Promise<number>;

  addSponsorshipEvent(e: NewSponsorshipEvent): Promise<SponsorshipEventRow>;
  listSponsorshipEvents(draftId: string): Promise<SponsorshipEventRow[]>;

  appendDraftEvent(e: NewDraftEvent): Promise<DraftEventRow>;
  listDraftEvents(draftId: string): Promise<DraftEventRow[]>;
  /** Which of `types` a draft's record holds at least one event of, without reading the record (access checks). */
  draftEventTypesAmong(draftId: string, types: readonly string[]): Promise<Set<string>>;
  /** Events of many drafts at once (the drafts list derives every status in one query). */
  listDraftEventsForSession(sessionId: string): Promise<DraftEventRow[]>;
  listSponsorshipEventsForSession(sessionId: string): Promise<SponsorshipEventRow[]>;

  createRevision(r: NewRevision): Promise<RevisionRow>;
  listRevisions(draftId: string): Promise<RevisionRow[]>;
  getRevisionBySymbol(symbol: string): Promise<RevisionRow | null>;

  // The session record (issue 16): what happens at a session's meetings beyond a draft's text.
  /**
   * Append an entry to a session's record with the session's next seq (the counter row stays
   * locked until the surrounding transaction ends, so concurrent writers get 1, 2, … without
   * gaps). Check the entry first: shared/meetingRecord.ts, server/commands/sessionRecorder.ts.
   */
  appendSessionRecord(e: NewSessionRecordEntry): Promise<SessionRecordRow>;
  /** A session's record in seq order. */
  listSessionRecord(sessionId: string): Promise<SessionRecordRow[]>;

  // Accounts and access (issue 9).
  /** Change an account; null when there is no such user. */
  updateUser(id: string, patch: UserPatch): Promise<UserRow | null>;
  /** Change a delegation; null when there is no such delegation. */
  updateDelegation(id: string, patch: DelegationPatch): Promise<DelegationRow | null>;
  /** Name (or, with null, remove) the chair of a draft's consultations; null when no such draft. */
  assignChair(draftId: string, chairUserId: string | null): Promise<DraftRow | null>;
  /**
   * Take a resolution or decision number for an adopted draft. Throws UniqueViolation
   * (`text_numbers_session_kind_number_key`, or `text_numbers_draft_key` for a draft numbered
   * already) when it is taken: the database keeps numbers unique across server instances.
   */
  claimTextNumber(sessionId: string, kind: 'resolution' | 'decision', number: string, draftId: string): Promise<void>;
  /** End every session and token of a user (deactivation, password change); returns how many. */
  deleteAuthSessionsOfUser(userId: string, exceptTokenHash?: string): Promise<number>;
  /** Move a session's expiry (sliding inactivity timeout). */
  extendAuthSession(tokenHash: string, expiresAt: string): Promise<void>;
  // The whole room (issue #17): the inbox, group members, the session's co-sponsorship deadline.
  /** Store notifications, all in one statement (none when the list is empty). */
  insertNotifications(rows: NewNotification[]): Promise<NotificationRow[]>;
  /** A user's notifications, newest first (see NotificationQuery). */
  listNotifications(userId: string, query: NotificationQuery): Promise<NotificationRow[]>;
  /** How many of a user's notifications are unread. */
  countUnreadNotifications(userId: string): Promise<number>;
  /** Mark the user's notifications read (only theirs: other ids are ignored); returns how many changed. */
  markNotificationsRead(userId: string, ids: readonly string[] | 'all'): Promise<number>;
  /**
   * The ids of active users who belong to one of `delegationIds`, hold one of `roles`, or are one
   * of `userIds` (whom to notify), without repeats.
   */
  activeUserIds(who: { delegationIds?: readonly string[]; roles?: readonly Role[]; userIds?: readonly string[] }): Promise<string[]>;
  /** Every group's members, ordered by group then member. */
  listGroupMembers(): Promise<GroupMemberRow[]>;
  /** Replace the delegations a group speaks for. */
  setGroupMembers(groupId: string, memberIds: readonly string[]): Promise<void>;
  /** Set or clear a session's co-sponsorship deadline (ISO time); null when there is no such session. */
  setSessionCosponsorDeadline(sessionId: string, deadline: string | null): Promise<SessionRow | null>;
  // Language versions (issue #19): the SQL is in versionRepos.ts.
  /** Append a row to a version's history with the next seq of its (draft, revision, language). */
  addLanguageVersion(v: NewLanguageVersion): Promise<LanguageVersionRow>;
  /** The latest row of a version (the version), or null when none is stored. */
  latestLanguageVersion(draftId: string, revision: number, lang: Lang): Promise<LanguageVersionRow | null>;
  /** Every row of a version, oldest first, without their texts. */
  languageVersionHistory(draftId: string, revision: number, lang: Lang): Promise<LanguageVersionSummary[]>;
  /** The latest row of each version of a draft, without its text, by revision then language. */
  listLanguageVersions(draftId: string): Promise<LanguageVersionSummary[]>;
  /** Append to the audit record. */
  appendAudit(e: NewAuditEntry): Promise<AuditEntryRow>;
  /** Audit entries matching the filter, newest first. */
  listAudit(filter: AuditFilter): Promise<AuditEntryRow[]>;
  /** Store a reset code's hash (earlier unused codes of the user are withdrawn). */
  createPasswordReset(r: Omit<PasswordResetRow, 'usedAt'>): Promise<void>;
  /** Use a reset code once: the user id when it was unused and unexpired at `now`, else null. */
  consumePasswordReset(codeHash: string, now: string): Promise<string | null>;
}

/** The update log of working texts (issue #3): append-only, the history of every character. */
export interface UpdateLogRepo {
  /**
   * Append updates, possibly of several drafts, in one durable commit (group commit), giving
   * each the next seq of its draft. Resolves only once the commit is durable. Rejects with
   * DraftFrozen, storing none of them, when any of the drafts is frozen.
   */
  appendUpdates(updates: NewUpdate[]): Promise<StoredUpdate[]>;
  /**
   * Inside `transaction(fn)`: keep appends to a draft's log, from any connection or instance,
   * waiting until the transaction ends; resolves to the log's last seq. Take it before reading
   * a text that a record written in the same transaction must match (a freeze).
   */
  holdUpdateLog(draftId: string): Promise<number>;
  /** Updates of a draft with seq in (afterSeq, uptoSeq], in order. */
  listUpdates(draftId: string, afterSeq?: number, uptoSeq?: number): Promise<StoredUpdate[]>;
  /** The highest seq of a draft's log, or 0. */
  lastSeq(draftId: string): Promise<number>;
  saveCheckpoint(c: Omit<CheckpointRow, 'at'> & { at?: string }): Promise<void>;
  /** The newest checkpoint with seq ≤ uptoSeq (or the newest of all). */
  latestCheckpoint(draftId: string, uptoSeq?: number): Promise<CheckpointRow | null>;
  /**
   * Claim Yjs client ids for a user on a draft. Ids already owned by this user are fine;
   * returns the ids owned by someone else (empty when all claims hold).
   */
  claimClientIds(draftId: string, userId: string, clientIds: number[]): Promise<number[]>;
}

/** A store: the records and the update log, with transactions for multi-table commands. */
export interface Store extends RecordRepos, UpdateLogRepo {
  readonly kind: 'sqlite' | 'postgres';
  /** Apply the numbered migrations not yet applied. Idempotent. */
  migrate(): Promise<void>;
  /**
   * Run `fn` in one transaction: all of its writes commit, or none do. Other work on the
   * store waits while it runs (SQLite) or is isolated from it (PostgreSQL).
   */
  transaction<T>(fn: (tx: RecordRepos & UpdateLogRepo) => Promise<T>): Promise<T>;
  /** Store a bearer token that ends with the sign-in (session or token) whose hash is `issuedBy`;
   * false, storing nothing, when that sign-in has ended already. */
  createIssuedToken(token: AuthSessionRow, issuedBy: string): Promise<boolean>;
  /** The hashes of a sign-in and of every token issued under it (what ending it ends). */
  signInFamily(tokenHash: string): Promise<string[]>;
  /** The secret named `name` that every instance shares, storing `candidate` when there is none yet. */
  sharedSecret(name: string, candidate: string): Promise<string>;
  /**
   * Run `fn` holding the lock called `name` against every instance on this database: for work
   * with an effect outside one transaction that must happen once (deciding a proposal changes the
   * working text, then records the decision). PostgreSQL: a session advisory lock, on a connection
   * of its own. SQLite: one instance owns the file, so `fn` runs as it is (callers in the process
   * take turns in `oneAtATime`, server/commands/appendGuard.ts).
   */
  exclusively<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
