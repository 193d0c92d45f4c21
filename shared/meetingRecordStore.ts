/**
 * An entry of the session record beside what is stored: checked against the session it is
 * recorded in (its days, the meetings the record already dates, the votes recorded before it),
 * the delegations it names (whose existence server/commands/sessionRecorder.ts checks in the
 * store), and its row — the columns kind, meeting, date and draft, and the payload of the rest
 * (server/storage/migrations/006_session_record.ts).
 */
import type { RecordRefusal, SessionRecordEntry } from './meetingRecord';
import { checkMeeting, type HeldMeeting } from './meetings';
import { refuse } from './meetingRecordFields';
import { ok, type Result } from './result';

/**
 * Check an entry against the session it is recorded in: the meeting's date within the session
 * (opens..closes) and the one the record already gives that meeting (`meetings`), and a vote named by an explanation or a correction being a vote recorded
 * earlier (`votes`: the seqs of the session's votes with their meeting). Refused naming the field.
 */
export function checkEntryInSession(
  entry: SessionRecordEntry,
  session: { opens: string; closes: string },
  votes: ReadonlyMap<number, { meeting: number; date: string }>,
  held: readonly HeldMeeting[] = [],
): Result<SessionRecordEntry, RecordRefusal> {
  const fits = checkMeeting(entry, session, held);
  if (!fits.ok) return refuse('date', fits.error);
  const voteSeq = entry.kind === 'vote' ? null : entry.voteSeq;
  if (voteSeq !== null) {
    const vote = votes.get(voteSeq);
    if (!vote) return refuse('voteSeq', `entry ${voteSeq} of the session record is not a vote`);
    if (entry.date < vote.date || (entry.date === vote.date && entry.meeting < vote.meeting)) return refuse('meeting', 'the vote named was taken after this meeting');
  }
  return ok(entry);
}

/** The delegation ids an entry names (speakers, the list of the vote, the delegation correcting its vote). */
export function delegationsNamed(entry: SessionRecordEntry): string[] {
  if (entry.kind === 'vote_correction') return [entry.delegationId];
  if (entry.kind === 'statement') return entry.speakers.flatMap((s) => ('delegationId' in s ? [s.delegationId] : []));
  return entry.roll ? [...entry.roll.yes, ...entry.roll.no, ...entry.roll.abstain] : [];
}

/** The stored payload of an entry: everything but the columns of the row (kind, meeting, date, draft). */
export function entryPayload(entry: SessionRecordEntry): Record<string, unknown> {
  const { kind: _kind, meeting: _meeting, date: _date, draftId: _draftId, ...payload } = entry;
  return payload;
}

/** An entry from its stored row's columns and payload (the inverse of `entryPayload`). */
export function entryOfRow(row: { kind: string; meeting: number; date: string; draftId: string | null; payload: Record<string, unknown> }): SessionRecordEntry {
  return { ...row.payload, kind: row.kind, meeting: row.meeting, date: row.date, draftId: row.draftId } as unknown as SessionRecordEntry;
}
