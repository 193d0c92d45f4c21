/**
 * The meetings a session's record dates already: every draft's lifecycle events held at a
 * meeting, and the session record's entries. What shared/meetings.ts checks a new entry against.
 * Reads only.
 */
import type { HeldMeeting } from '../../shared/meetings';
import type { RecordRepos } from '../storage/types';

/** Every (meeting, date) the session's record holds, in no particular order. */
export async function heldMeetings(repos: Pick<RecordRepos, 'listDrafts' | 'listDraftEvents' | 'listSessionRecord'>, sessionId: string): Promise<HeldMeeting[]> {
  const dated = (p: Record<string, unknown>) => (typeof p.meeting === 'number' && typeof p.date === 'string' ? [{ meeting: p.meeting, date: p.date }] : []);
  const drafts = await repos.listDrafts(sessionId);
  const events = await Promise.all(drafts.map((d) => repos.listDraftEvents(d.id)));
  const record = await repos.listSessionRecord(sessionId);
  return [...events.flat().flatMap((e) => dated(e.payload)), ...record.map((r) => ({ meeting: r.meeting, date: r.date }))];
}
