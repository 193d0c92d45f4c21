/**
 * Inbox items worded by the client (client/inboxWords.ts) from the facts the server sends
 * (server/presenters/notification.ts): in English the very line the server writes, for every
 * kind; in French, Arabic and Chinese the same facts in those languages, the delegation named
 * as it is named in that language.
 */
import { describe, expect, it } from 'vitest';
import { inboxSummary, inboxTitle } from '../../client/inboxWords';
import { presentNotification, type NotificationLookups } from '../../server/presenters/notification';
import type { DelegationRow, DraftRow, NotificationRow, SessionRow } from '../../server/storage/types';

const eu = {
  id: 'eu',
  code: 'EU',
  name: { en: 'European Union', fr: 'Union européenne', ar: 'الاتحاد الأوروبي', zh: '欧洲联盟' },
  kind: 'regional',
  createdAt: '',
} satisfies DelegationRow;
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
const by = { by: 'u1', byDelegationId: 'eu', delegationId: 'eu' };

const cases: [string, Record<string, unknown>][] = [
  ['proposal_tabled', { ...by, onBehalfOf: { en: 'on behalf of its member States', fr: 'au nom de ses États membres' } }],
  ['proposal_tabled', { ...by, paragraphId: 'op3', onBehalfOf: { en: 'its member States', fr: 'ses États membres' } }],
  ['proposal_tabled', { ...by }],
  ['comment_added', { by: 'u1', byDelegationId: null, delegationId: null, quote: null, reply: false }],
  ['comment_added', { ...by, paragraphId: 'op3', quote: 'twelfth', reply: false }],
  ['comment_added', { ...by, quote: 'twelfth', reply: true }],
  ['proposal_decided', { paragraphId: 'op3', state: 'accepted_as_modified' }],
  ['proposal_decided', { state: 'rejected' }],
  ['proposal_decided', { paragraphId: 'op3', state: 'superseded' }],
  ['proposal_stale', {}],
  ['cosponsor_requested', { ...by, request: 'join' }],
  ['cosponsor_requested', { ...by, request: 'withdraw' }],
  ['cosponsor_request_decided', { request: 'join', decision: 'confirmed' }],
  ['cosponsor_request_decided', { request: 'withdraw', decision: 'declined' }],
  ['revision_issued', { symbol: 'CTOC/COP/2022/L.9/Rev.1' }],
  ['revision_issued', {}],
  ['paragraph_agreed', { paragraphId: 'op3', state: 'agreed_ad_ref' }],
  ['paragraph_agreed', { paragraphId: 'gone', state: 'agreed' }],
  ['paragraph_reopened', { paragraphId: 'op3' }],
  ['paragraph_reopened', { paragraphId: 'gone' }],
  ['text_frozen', {}],
];

describe('inbox items in the interface language', () => {
  it('say in English exactly what the server says, for every kind', () => {
    for (const [kind, payload] of cases) {
      const item = presentNotification(row(kind, payload), look);
      expect(item.facts, kind).toBeDefined();
      expect(inboxTitle(item, 'en'), `${kind} ${JSON.stringify(payload)}`).toBe(item.title);
      expect(inboxSummary(item, 'en')).toBe(item.summary);
    }
  });

  it('say the same facts in French, Arabic and Chinese, the delegation as that language names it', () => {
    const say = (kind: string, payload: Record<string, unknown>, lang: 'fr' | 'ar' | 'zh') => inboxTitle(presentNotification(row(kind, payload), look), lang);
    expect(say('proposal_tabled', cases[0]![1], 'fr')).toBe('Union européenne a présenté une proposition au nom de ses États membres');
    expect(say('proposal_tabled', cases[1]![1], 'fr')).toBe('Union européenne a présenté une proposition concernant OP 3 au nom de ses États membres');
    expect(say('comment_added', cases[4]![1], 'fr')).toBe('Union européenne a formulé un commentaire concernant OP 3 : « twelfth »');
    expect(say('proposal_decided', cases[6]![1], 'fr')).toBe('Votre proposition concernant OP 3 a été acceptée sous une forme modifiée');
    expect(say('paragraph_agreed', cases[16]![1], 'ar')).toBe('اتُّفق على OP 3 بشرط الاستشارة');
    expect(say('cosponsor_requested', cases[10]![1], 'ar')).toBe('يطلب الاتحاد الأوروبي الانضمام إلى مقدمي المشروع');
    expect(say('revision_issued', cases[14]![1], 'zh')).toBe('CTOC/COP/2022/L.9/Rev.1已印发');
    expect(say('proposal_decided', cases[7]![1], 'zh')).toBe('您的提案未接受');
    // A person without a delegation keeps their own name in every language.
    expect(say('comment_added', cases[3]![1], 'fr')).toBe('Delegate of the European Union a formulé un commentaire');
    const stale = presentNotification(row('proposal_stale', {}), look);
    expect(inboxSummary(stale, 'fr')).toBe('Réancrez-la ou retirez-la.');
  });

  it('keeps the server title when an item carries no facts', () => {
    expect(inboxTitle({ kind: 'text_frozen', title: 'The text was frozen: it is final' }, 'fr')).toBe('The text was frozen: it is final');
  });
});
