/** Inbox items as read (server/presenters/notification.ts): the line a user reads, its link, its draft's symbol. */
import { describe, expect, it } from 'vitest';
import { presentNotification, type NotificationLookups } from '../../../server/presenters/notification';
import type { DelegationRow, DraftRow, NotificationRow, SessionRow } from '../../../server/storage/types';

const eu = { id: 'eu', code: 'EU', name: { en: 'European Union', zh: '欧洲联盟' }, kind: 'regional', createdAt: '' } satisfies DelegationRow;
const look: NotificationLookups = {
  drafts: new Map([['d1', { id: 'd1', sessionId: 's1', lNumber: 9 } as DraftRow]]),
  sessions: new Map([['s1', { id: 's1', symbolPrefix: 'CTOC/COP/2022' } as SessionRow]]),
  users: new Map([['u1', { id: 'u1', displayName: 'Delegate of the European Union' }]]),
  delegations: new Map([['eu', eu]]),
  paragraphRef: (draftId, paragraphId) => (draftId === 'd1' && paragraphId === 'op3' ? 'OP 3' : null),
};
const row = (kind: string, payload: Record<string, unknown>): NotificationRow => ({
  id: 'n1',
  userId: 'u9',
  draftId: 'd1',
  kind,
  payload,
  at: '2026-12-05T10:00:00.000Z',
  readAt: null,
});

describe('presentNotification', () => {
  it('says who tabled a proposal, on whose behalf, once', () => {
    const base = { by: 'u1', byDelegationId: 'eu', delegationId: 'eu', rationale: 'Clearer.' };
    const whole = presentNotification(row('proposal_tabled', { ...base, onBehalfOf: { en: 'on behalf of its member States', zh: '代表其成员国' } }), look);
    expect(whole.title).toBe('European Union tabled a proposal on behalf of its member States');
    const named = presentNotification(row('proposal_tabled', { ...base, onBehalfOf: { en: 'its member States', zh: '其成员国' } }), look);
    expect(named.title).toBe('European Union tabled a proposal on behalf of its member States');
    expect(named).toMatchObject({ draftSymbol: 'CTOC/COP/2022/L.9', summary: 'Clearer.', link: '/drafts/d1/proposals', read: false, kind: 'proposal_tabled' });
  });

  it('names the actor by their own name when they have no delegation, and links other kinds to the draft', () => {
    const issued = presentNotification(row('revision_issued', { by: 'u1', byDelegationId: null, symbol: 'CTOC/COP/2022/L.9/Rev.1' }), look);
    expect(issued).toMatchObject({ title: 'CTOC/COP/2022/L.9/Rev.1 was issued', link: '/drafts/d1' });
    const comment = presentNotification(row('comment_added', { by: 'u1', byDelegationId: null, delegationId: null, quote: null, reply: false, excerpt: 'Hm' }), look);
    expect(comment.title).toBe('Delegate of the European Union commented');
  });

  it('names the paragraph as printed now, when it is known', () => {
    expect(presentNotification(row('paragraph_agreed', { paragraphId: 'op3', state: 'agreed_ad_ref' }), look).title).toBe('OP 3 was agreed ad referendum');
    expect(presentNotification(row('paragraph_reopened', { paragraphId: 'gone' }), look).title).toBe('A paragraph was opened again');
    const comment = presentNotification(row('comment_added', { by: 'u1', byDelegationId: 'eu', delegationId: 'eu', paragraphId: 'op3', quote: 'twelfth', reply: false }), look);
    expect(comment.title).toBe('European Union commented on OP 3: “twelfth”');
    expect(presentNotification(row('proposal_decided', { paragraphId: 'op3', state: 'accepted_as_modified' }), look).title).toBe('Your proposal on OP 3 was accepted as modified');
  });
});
