/** How an entry of a draft's record looks in JSON, with who recorded it. */
import { describeOralAmendment } from '../../shared/oralAmendments';
import { describeOralAmendmentInAll } from '../../shared/oralAmendmentWords';
import { CONVERSATION_TYPES, type OralAmendmentPayload, RecordTypes } from '../commands/meetingRecord';
import type { DraftEventRow, UserRow } from '../storage/types';
import { presentUserRef } from './user';

/**
 * One recorded event: its type and payload as stored, when, and by whom (display name only). An
 * oral amendment also says what it said (`described`: 'OP 3: replace "twelfth" with "thirteenth"').
 * The room's conversation (proposals, comments, co-sponsorship requests) is marked
 * `conversation: true`: a page listing the record of action leaves it to the two-column view.
 */
export function presentDraftEvent(e: DraftEventRow, users: ReadonlyMap<string, UserRow>) {
  return {
    seq: e.seq,
    type: e.type,
    payload: e.payload,
    at: e.at,
    user: presentUserRef(e.userId ? (users.get(e.userId) ?? null) : null),
    ...(e.type === RecordTypes.oralAmendment
      ? {
          described: describedAmendment(e.payload as unknown as OralAmendmentPayload),
          describedIn: describeOralAmendmentInAll((e.payload as unknown as OralAmendmentPayload).amendment, (e.payload as unknown as OralAmendmentPayload).paragraph ?? null),
        }
      : {}),
    ...(CONVERSATION_TYPES.has(e.type) ? { conversation: true } : {}),
  };
}

function describedAmendment(p: OralAmendmentPayload): string {
  return describeOralAmendment(p.amendment, p.paragraph ?? null);
}
