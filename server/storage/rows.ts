/**
 * Mapping between database rows and the row types of `types.ts`, for both backends. Columns are
 * snake_case; values arrive as the drivers give them (SQLite: 0/1 for booleans, Buffers, JSON as
 * text; PostgreSQL, with the parsers `postgres.ts` installs: booleans, Buffers, JSON as text,
 * timestamps as ISO strings), and leave as the camelCase rows the rest of the server uses.
 */
import type {
  AuditEntryRow,
  AuthSessionRow,
  BodyRow,
  CheckpointRow,
  DelegationRow,
  DraftEventRow,
  DraftRow,
  GroupMemberRow,
  NotificationRow,
  RevisionRow,
  SessionRecordRow,
  SessionRow,
  SponsorshipEventRow,
  StoredUpdate,
  UserRow,
} from './types';

/** A row as a driver returns it. */
export type RawRow = Record<string, unknown>;

/**
 * A timestamp as stored: always `Date#toISOString()` form, so that SQLite's text comparison
 * orders them as PostgreSQL orders timestamptz. Throws a RangeError on an invalid time.
 */
export function toIso(at?: string): string {
  return at === undefined ? nowIso() : new Date(at).toISOString();
}

// The current time as ISO text, made once per millisecond (every stored update asks for it).
let lastMs = 0;
let lastIso = '';
function nowIso(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

/** JSON for a json/jsonb column. */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('value cannot be stored as JSON');
  return text;
}

/** JSON for a nullable json/jsonb column. */
export function toJsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toJson(value);
}

const text = (v: unknown): string => String(v);
const textOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const int = (v: unknown): number => Number(v);
const bool = (v: unknown): boolean => v === true || v === 1 || v === 1n;
// Both drivers hand JSON back as text (see postgres.ts), so that a JSON string value is never
// mistaken for an already-parsed one.
const json = <T>(v: unknown): T => JSON.parse(String(v)) as T;
const jsonOrNull = <T>(v: unknown): T | null => (v === null || v === undefined ? null : json<T>(v));
const time = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));
// A copy, not a view: driver Buffers may be slices of a shared pool, and callers may keep them.
const bytes = (v: unknown): Uint8Array => new Uint8Array(v as Uint8Array);

/** A body from `bodies`. */
export const bodyRow = (r: RawRow): BodyRow => ({ id: text(r.id), name: json(r.name), createdAt: time(r.created_at) });

/** A session from `sessions`. */
export const sessionRow = (r: RawRow): SessionRow => ({
  id: text(r.id),
  bodyId: text(r.body_id),
  number: int(r.number),
  title: json(r.title),
  symbolPrefix: text(r.symbol_prefix),
  place: text(r.place),
  opens: text(r.opens),
  closes: text(r.closes),
  cosponsorDeadline: r.cosponsor_deadline === null || r.cosponsor_deadline === undefined ? null : time(r.cosponsor_deadline),
  createdAt: time(r.created_at),
});

/** A delegation from `delegations`. */
export const delegationRow = (r: RawRow): DelegationRow => ({
  id: text(r.id),
  code: text(r.code),
  name: json(r.name),
  kind: text(r.kind) as DelegationRow['kind'],
  createdAt: time(r.created_at),
});

/** A user from `users`. */
export const userRow = (r: RawRow): UserRow => ({
  id: text(r.id),
  login: text(r.login),
  displayName: text(r.display_name),
  role: text(r.role) as UserRow['role'],
  delegationId: textOrNull(r.delegation_id),
  passwordHash: text(r.password_hash),
  active: bool(r.active),
  createdAt: time(r.created_at),
});

/** An auth session from `auth_sessions`. */
export const authSessionRow = (r: RawRow): AuthSessionRow => ({
  tokenHash: text(r.token_hash),
  userId: text(r.user_id),
  kind: text(r.kind) as AuthSessionRow['kind'],
  createdAt: time(r.created_at),
  expiresAt: time(r.expires_at),
});

/** A draft from `drafts`. */
export const draftRow = (r: RawRow): DraftRow => ({
  id: text(r.id),
  sessionId: text(r.session_id),
  lNumber: int(r.l_number),
  kind: text(r.kind) as DraftRow['kind'],
  title: json(r.title),
  agendaItem: text(r.agenda_item),
  language: text(r.language),
  submittedBy: jsonOrNull(r.submitted_by),
  chairUserId: textOrNull(r.chair_user_id),
  createdBy: textOrNull(r.created_by),
  createdAt: time(r.created_at),
});

/** A sponsorship event from `sponsorship_events`. */
export const sponsorshipEventRow = (r: RawRow): SponsorshipEventRow => ({
  seq: int(r.seq),
  draftId: text(r.draft_id),
  delegationId: text(r.delegation_id),
  type: text(r.type) as SponsorshipEventRow['type'],
  date: text(r.date),
  onBehalfOf: jsonOrNull(r.on_behalf_of),
  recordedBy: textOrNull(r.recorded_by),
  recordedAt: time(r.recorded_at),
});

/** A draft event from `draft_events`. */
export const draftEventRow = (r: RawRow): DraftEventRow => ({
  seq: int(r.seq),
  draftId: text(r.draft_id),
  type: text(r.type),
  payload: json(r.payload),
  userId: textOrNull(r.user_id),
  at: time(r.at),
});

/** A revision from `revisions`. */
export const revisionRow = (r: RawRow): RevisionRow => ({
  id: text(r.id),
  draftId: text(r.draft_id),
  symbol: text(r.symbol),
  revision: int(r.revision),
  text: json(r.text),
  hash: text(r.hash),
  sponsorIds: json(r.sponsor_ids),
  issuedAt: time(r.issued_at),
  issuedBy: textOrNull(r.issued_by),
});

/** An update from `updates`. */
export const storedUpdate = (r: RawRow): StoredUpdate => ({
  draftId: text(r.draft_id),
  seq: int(r.seq),
  update: bytes(r.data),
  userId: textOrNull(r.user_id),
  delegationId: textOrNull(r.delegation_id),
  at: time(r.at),
});

/** A checkpoint from `checkpoints`. */
export const checkpointRow = (r: RawRow): CheckpointRow => ({
  draftId: text(r.draft_id),
  seq: int(r.seq),
  state: bytes(r.state),
  at: time(r.at),
});

/** An audit entry from `audit_entries`. */
export const auditEntryRow = (r: RawRow): AuditEntryRow => ({
  seq: int(r.seq),
  at: time(r.at),
  action: text(r.action),
  userId: textOrNull(r.user_id),
  login: textOrNull(r.login),
  ip: textOrNull(r.ip),
  target: textOrNull(r.target),
  detail: json(r.detail),
});

/** An entry of a session's record from `session_record`. */
export const sessionRecordRow = (r: RawRow): SessionRecordRow => ({
  sessionId: text(r.session_id),
  seq: int(r.seq),
  kind: text(r.kind),
  meeting: int(r.meeting),
  date: text(r.date),
  draftId: textOrNull(r.draft_id),
  payload: json(r.payload),
  userId: textOrNull(r.user_id),
  at: time(r.at),
});

/** A notification from `notifications`. */
export const notificationRow = (r: RawRow): NotificationRow => ({
  id: text(r.id),
  userId: text(r.user_id),
  draftId: textOrNull(r.draft_id),
  kind: text(r.kind),
  payload: json(r.payload),
  at: time(r.at),
  readAt: r.read_at === null || r.read_at === undefined ? null : time(r.read_at),
});

/** A group's member from `group_members`. */
export const groupMemberRow = (r: RawRow): GroupMemberRow => ({ groupId: text(r.group_id), memberId: text(r.member_id) });
