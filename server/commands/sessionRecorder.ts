/**
 * Recording what happens at a session's meetings beyond a draft's text (shared/meetingRecord.ts):
 * a recorded vote, a statement, a correction of vote. One entry per call, in one transaction:
 * the entry checked by the shared validator, then against the store (the session exists, the
 * meeting is within it, the draft is one of its drafts, the delegations exist, a vote named is a
 * vote of this session taken before), then appended with the session's next seq. A refusal is
 * a DomainError `session_record_invalid` (422) whose details name the field; nothing is stored.
 *
 * `appendSessionEntry` runs inside a transaction the caller opened (the demo's seed writes it
 * among everything else); `recordSessionEntry` is the HTTP command around it, with the policy.
 */
import { heldMeetings } from '../readModels/meetings';
import type { Actor } from '../../shared/accounts';
import { ErrorIds } from '../../shared/errors';
import type { RecordRefusal, SessionRecordEntry } from '../../shared/meetingRecord';
import { parseSessionRecordEntry } from '../../shared/meetingRecordParse';
import { checkEntryInSession, delegationsNamed, entryOfRow, entryPayload } from '../../shared/meetingRecordStore';
import { mayRecordEvent, mayWriteRecord, type DraftAccess } from '../../shared/policy';
import { DomainError, DomainErrors } from '../errors';
import { loadDraftAccess } from '../readModels/draftAccess';
import type { RecordRepos, SessionRecordRow, Store } from '../storage/types';

/** The record type the policy is asked about for the session record (shared/policy.ts mayRecordEvent). */
export const SESSION_RECORD_TYPE = 'session_record';

/** The refusal of an entry, naming its field (`details.field`), answered 422. */
export function entryRefused(refusal: RecordRefusal): DomainError {
  const where = refusal.field ? `${refusal.field}: ` : '';
  return new DomainError(ErrorIds.sessionRecordInvalid, `${where}${refusal.message}`, { field: refusal.field });
}

// The policy's view when an entry is about no draft: nobody's draft, nothing frozen.
const NO_DRAFT: DraftAccess = { chairUserId: null, mainSponsorId: null, sponsorIds: new Set(), frozen: false };

/** An entry of the record with its seq, as read back. */
export interface RecordedEntry {
  seq: number;
  entry: SessionRecordEntry;
  row: SessionRecordRow;
}

/** The session's record as entries, in seq order. */
export async function sessionEntries(repos: Pick<RecordRepos, 'listSessionRecord'>, sessionId: string): Promise<RecordedEntry[]> {
  return (await repos.listSessionRecord(sessionId)).map((row) => ({ seq: row.seq, entry: entryOfRow(row), row }));
}

/**
 * Check `json` (a request body, or an entry the seed built) and append it to the session's
 * record, inside the caller's transaction. Throws `session_record_invalid` (details.field) for
 * an entry refused, `not_found` for an unknown session.
 */
export async function appendSessionEntry(tx: RecordRepos, input: { sessionId: string; entry: unknown; userId: string | null; at?: string }): Promise<RecordedEntry> {
  const parsed = parseSessionRecordEntry(input.entry);
  if (!parsed.ok) throw entryRefused(parsed.error);
  const entry = parsed.value;
  const session = await tx.getSession(input.sessionId);
  if (!session) throw DomainErrors.notFound('session');
  if (entry.draftId !== null) {
    const draft = await tx.getDraft(entry.draftId);
    if (!draft || draft.sessionId !== session.id) throw entryRefused({ field: 'draftId', message: 'no draft of this session has that id' });
  }
  const names = delegationsNamed(entry);
  for (const [i, id] of names.entries()) {
    if (!(await tx.getDelegation(id))) throw entryRefused({ field: fieldOfDelegation(entry, i), message: `no delegation has the id ${JSON.stringify(id)}` });
  }
  const record = await sessionEntries(tx, session.id);
  const votes = new Map(record.filter((r) => r.entry.kind === 'vote').map((r) => [r.seq, { meeting: r.entry.meeting, date: r.entry.date }]));
  const inSession = checkEntryInSession(entry, session, votes, await heldMeetings(tx, session.id));
  if (!inSession.ok) throw entryRefused(inSession.error);
  const row = await tx.appendSessionRecord({
    sessionId: session.id,
    kind: entry.kind,
    meeting: entry.meeting,
    date: entry.date,
    draftId: entry.draftId,
    payload: entryPayload(entry),
    userId: input.userId,
    at: input.at,
  });
  return { seq: row.seq, entry, row };
}

// The field of the i-th delegation `delegationsNamed` gave, for the refusal.
function fieldOfDelegation(entry: SessionRecordEntry, i: number): string {
  if (entry.kind === 'vote_correction') return 'delegationId';
  if (entry.kind === 'statement') {
    const at = entry.speakers.map((s, j) => ('delegationId' in s ? j : -1)).filter((j) => j >= 0)[i];
    return `speakers.${at}.delegationId`;
  }
  const roll = entry.roll!;
  if (i < roll.yes.length) return `roll.yes.${i}`;
  if (i < roll.yes.length + roll.no.length) return `roll.no.${i - roll.yes.length}`;
  return `roll.abstain.${i - roll.yes.length - roll.no.length}`;
}

/**
 * Record one entry for the secretariat (the policy's rule for the draft's record, asked of the
 * draft the entry is about, or of no draft): 403 for anyone else, 422 for an entry refused.
 */
export async function recordSessionEntry(store: Store, input: { sessionId: string; actor: Actor; entry: unknown }): Promise<RecordedEntry> {
  const draftId = typeof input.entry === 'object' && input.entry !== null ? (input.entry as { draftId?: unknown }).draftId : undefined;
  const loaded = typeof draftId === 'string' ? await loadDraftAccess(store, draftId) : null;
  // An entry describes the meeting, not the text: it may follow a freeze (as the report's wording does).
  const permission = loaded ? mayWriteRecord(input.actor, loaded.access, SESSION_RECORD_TYPE, true) : mayRecordEvent(input.actor, NO_DRAFT, SESSION_RECORD_TYPE);
  if (!permission.ok) throw DomainErrors.forbidden(permission.error);
  return store.transaction((tx) => appendSessionEntry(tx, { sessionId: input.sessionId, entry: input.entry, userId: input.actor.id }));
}
