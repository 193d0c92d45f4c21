/** How an entry of a draft's record looks in JSON, with who recorded it. */
import type { DraftEventRow, UserRow } from '../storage/types';
import { presentUserRef } from './user';

/** One recorded event: its type and payload as stored, when, and by whom (display name only). */
export function presentDraftEvent(e: DraftEventRow, users: ReadonlyMap<string, UserRow>) {
  return {
    seq: e.seq,
    type: e.type,
    payload: e.payload,
    at: e.at,
    user: presentUserRef(e.userId ? (users.get(e.userId) ?? null) : null),
  };
}
