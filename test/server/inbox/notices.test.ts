/**
 * Who is told what (server/commands/notifier.ts `noticeOf`): one example per record entry that
 * tells anyone, read against a small record. The users themselves are found in the store
 * (test/server/inbox/inbox.test.ts sees them arrive over HTTP).
 */
import { describe, expect, it } from 'vitest';
import { noticeOf, type NoticeContext } from '../../../server/commands/notifier';

const ctx = (rows: NoticeContext['rows'] = []): NoticeContext => ({
  draft: { id: 'd1', chairUserId: 'chair' },
  access: { mainSponsorId: 'MX', sponsorIds: new Set(['MX', 'CL']) },
  rows,
});
const china = { id: 'u-cn', delegationId: 'CN' };
const row = (seq: number, type: string, payload: Record<string, unknown>, userId: string | null = 'u-cn') => ({ seq, type, payload, userId });
const tabled = row(1, 'proposal_tabled', { proposalId: 'p1', delegationId: 'CN', amendment: { kind: 'replace_words', paragraphId: 'op3' }, rationale: 'Clearer.' });

describe('noticeOf', () => {
  it('tells the sponsors and the chair of a proposal tabled', () => {
    const n = noticeOf(ctx(), china, tabled)!;
    expect(n.kind).toBe('proposal_tabled');
    expect(n.to).toEqual({ delegationIds: ['MX', 'CL'], userIds: ['chair'] });
    expect(n.payload).toMatchObject({ proposalId: 'p1', delegationId: 'CN', paragraphId: 'op3', rationale: 'Clearer.', by: 'u-cn' });
  });

  it('tells the sponsors and the earlier writers of a thread of a comment', () => {
    const first = row(
      2,
      'comment_added',
      { threadId: 't1', commentId: 't1', paragraphId: 'op3', quote: null, anchor: null, body: 'Why?', delegationId: 'DE', replyTo: null },
      'u-de',
    );
    const other = row(3, 'comment_added', { threadId: 't2', commentId: 't2', paragraphId: 'op1', quote: null, anchor: null, body: 'x', delegationId: 'FR', replyTo: null }, 'u-fr');
    const reply = row(4, 'comment_added', {
      threadId: 't1',
      commentId: 'c2',
      paragraphId: 'op3',
      quote: null,
      anchor: null,
      body: 'Because '.repeat(40),
      delegationId: 'CN',
      replyTo: 't1',
    });
    const n = noticeOf(ctx([tabled, first, other]), china, reply)!;
    expect(n.kind).toBe('comment_added');
    expect(n.to).toEqual({ delegationIds: ['MX', 'CL'], userIds: ['u-de'] });
    expect(n.payload).toMatchObject({ threadId: 't1', reply: true });
    expect(String(n.payload.excerpt).length).toBeLessThanOrEqual(160);
  });

  it('tells the proposing delegation of a decision, or the proposer when it had none', () => {
    const decided = row(5, 'proposal_decided', { proposalId: 'p1', state: 'accepted' }, 'u-mx');
    expect(noticeOf(ctx([tabled]), { id: 'u-mx', delegationId: 'MX' }, decided)?.to).toEqual({ delegationIds: ['CN'] });
    const byChair = row(1, 'proposal_tabled', { proposalId: 'p2', delegationId: null, amendment: {} }, 'chair');
    const n = noticeOf(ctx([byChair]), { id: 'u-mx', delegationId: 'MX' }, row(2, 'proposal_decided', { proposalId: 'p2', state: 'rejected' }));
    expect(n?.to).toEqual({ userIds: ['chair'] });
    // A decision on a proposal the record does not hold tells nobody.
    expect(noticeOf(ctx(), china, decided)).toBeNull();
  });

  it('tells the main sponsor and the secretariat of a request, the requester of its decision', () => {
    const asked = row(6, 'cosponsor_requested', { requestId: 'r1', delegationId: 'CN', kind: 'join', onBehalfOf: null });
    expect(noticeOf(ctx(), china, asked)?.to).toEqual({ delegationIds: ['MX'], roles: ['secretariat'] });
    const decided = noticeOf(ctx([asked]), { id: 'u-mx', delegationId: 'MX' }, row(7, 'cosponsor_request_decided', { requestId: 'r1', decision: 'confirmed', note: null }))!;
    expect(decided.kind).toBe('cosponsor_request_decided');
    expect(decided.to).toEqual({ delegationIds: ['CN'], userIds: ['u-cn'] });
  });

  it('tells sponsors and delegations with a pending proposal of a revision issued', () => {
    const otherTabled = row(2, 'proposal_tabled', { proposalId: 'p9', delegationId: 'IN', amendment: {} }, 'u-in');
    const decided = row(3, 'proposal_decided', { proposalId: 'p9', state: 'withdrawn' }, 'u-in');
    const n = noticeOf(ctx([tabled, otherTabled, decided]), { id: 'sec', delegationId: null }, row(4, 'issued', { symbol: 'X/L.1/Rev.1', revision: 1 }))!;
    expect(n.kind).toBe('revision_issued');
    expect(n.to).toEqual({ delegationIds: ['MX', 'CL', 'CN'], userIds: [] });
    expect(n.payload).toMatchObject({ symbol: 'X/L.1/Rev.1' });
  });

  it('tells sponsors of a paragraph agreed or opened again, not of a lock on the same state', () => {
    const agreed = row(2, 'paragraph_state', { paragraphId: 'op3', state: 'agreed' }, 'chair');
    expect(noticeOf(ctx(), { id: 'chair', delegationId: null }, agreed)?.kind).toBe('paragraph_agreed');
    expect(noticeOf(ctx([agreed]), { id: 'chair', delegationId: null }, row(3, 'paragraph_state', { paragraphId: 'op3', state: 'agreed', locked: true }))).toBeNull();
    const reopened = noticeOf(ctx([agreed]), { id: 'chair', delegationId: null }, row(3, 'paragraph_state', { paragraphId: 'op3', state: 'open' }))!;
    expect(reopened.kind).toBe('paragraph_reopened');
    expect(reopened.to).toEqual({ delegationIds: ['MX', 'CL'] });
    expect(noticeOf(ctx(), { id: 'chair', delegationId: null }, row(3, 'paragraph_state', { paragraphId: 'op3', state: 'open' }))).toBeNull();
  });

  it('tells sponsors of a freeze, and nobody of entries that concern no one', () => {
    expect(noticeOf(ctx(), { id: 'sec', delegationId: null }, row(9, 'frozen', { hash: 'h' }))?.kind).toBe('text_frozen');
    expect(noticeOf(ctx(), { id: 'sec', delegationId: null }, row(9, 'provenance', {}))).toBeNull();
    expect(noticeOf(ctx(), { id: 'sec', delegationId: null }, row(9, 'comment_resolved', { threadId: 't1' }))).toBeNull();
  });
});
