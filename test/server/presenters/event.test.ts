import { describe, expect, it } from 'vitest';
import { RecordTypes } from '../../../server/commands/meetingRecord';
import { presentDraftEvent } from '../../../server/presenters/event';
import type { DraftEventRow } from '../../../server/storage/types';

const row = (seq: number, type: string, payload: Record<string, unknown> = {}): DraftEventRow => ({
  seq,
  draftId: 'd1',
  type,
  payload,
  userId: null,
  at: '2026-12-05T10:00:00.000Z',
});

describe('an entry of the record as JSON', () => {
  it("marks the room's conversation, and only it, so the record of action can leave it out", () => {
    const conversation = [
      RecordTypes.proposalTabled,
      RecordTypes.proposalDecided,
      RecordTypes.commentAdded,
      RecordTypes.commentResolved,
      RecordTypes.commentReopened,
      RecordTypes.cosponsorRequested,
      RecordTypes.cosponsorRequestDecided,
      RecordTypes.cosponsorshipDeadline,
    ];
    for (const [i, type] of conversation.entries()) expect(presentDraftEvent(row(i + 1, type), new Map())).toMatchObject({ type, conversation: true });
    for (const type of ['issued', 'adopted', 'frozen', RecordTypes.paragraphState, RecordTypes.provenance]) {
      expect(presentDraftEvent(row(1, type, { symbol: 'X/L.1' }), new Map())).not.toHaveProperty('conversation');
    }
  });
});
