import { describe, expect, it } from 'vitest';
import type { DelegationKind, LocalizedText } from '../../shared/delegations';
import {
  checkCosponsorDecision,
  checkCosponsorRequest,
  CosponsorshipEntries,
  cosponsorRequestsOf,
  cosponsorshipDeadline,
  draftCosponsorDeadlineOf,
  formatDeadline,
  isDeadline,
  nameInSentence,
  sponsorListText,
  sponsorsAsOf,
  sponsorshipNote,
  type CosponsorRecordRow,
  type NamedDelegation,
  type SponsorshipEvent,
} from '../../shared/sponsorship';

/** Record rows from tiny builders, in the order given. */
function record(...entries: [type: string, payload: Record<string, unknown>, at: string, userId?: string][]): CosponsorRecordRow[] {
  return entries.map(([type, payload, at, userId], i) => ({ seq: i + 1, type, payload, at, userId: userId ?? 'u1' }));
}
const asked = (requestId: string, delegationId: string, kind: 'join' | 'withdraw', at = '2022-10-18T09:00:00.000Z') =>
  [CosponsorshipEntries.requested, { requestId, delegationId, kind, onBehalfOf: null }, at, `user-of-${delegationId}`] as [string, Record<string, unknown>, string, string];
const decided = (requestId: string, decision: 'confirmed' | 'declined', at = '2022-10-18T10:00:00.000Z', note: string | null = null) =>
  [CosponsorshipEntries.decided, { requestId, decision, note }, at, 'penholder'] as [string, Record<string, unknown>, string, string];
const noDeadline = cosponsorshipDeadline(null, null);

describe('co-sponsorship requests, folded from the record', () => {
  it('folds requests in order with their first decision, ignoring other entries', () => {
    const rows = record(
      asked('r1', 'PER', 'join'),
      ['paragraph_state', { paragraphId: 'op1', state: 'agreed' }, '2022-10-18T09:30:00.000Z'],
      decided('r1', 'confirmed'),
      decided('r1', 'declined'),
      asked('r2', 'AUT', 'join'),
    );
    const requests = cosponsorRequestsOf(rows);
    expect(requests.map((r) => [r.id, r.delegationId, r.state])).toEqual([
      ['r1', 'PER', 'confirmed'],
      ['r2', 'AUT', 'pending'],
    ]);
    expect(requests[0]).toMatchObject({ requestedBy: 'user-of-PER', requestedAt: '2022-10-18T09:00:00.000Z', decidedBy: 'penholder', decidedAt: '2022-10-18T10:00:00.000Z' });
  });

  it('refuses a second pending request of one delegation (pending), not one after a decision', () => {
    const pending = cosponsorRequestsOf(record(asked('r1', 'PER', 'join')));
    const refused = checkCosponsorRequest(pending, { delegationId: 'PER', kind: 'join' }, noDeadline, () => 'Peru');
    expect(refused).toEqual({ ok: false, error: { kind: 'pending', message: 'Peru has already asked to join the sponsors; the request awaits a decision' } });
    expect(checkCosponsorRequest(pending, { delegationId: 'AUT', kind: 'join' }, noDeadline).ok).toBe(true);
    const declined = cosponsorRequestsOf(record(asked('r1', 'PER', 'join'), decided('r1', 'declined')));
    expect(checkCosponsorRequest(declined, { delegationId: 'PER', kind: 'join' }, noDeadline).ok).toBe(true);
  });

  it('decides a request once (decided)', () => {
    const [done] = cosponsorRequestsOf(record(asked('r1', 'PER', 'join'), decided('r1', 'declined')));
    expect(checkCosponsorDecision(done!, 'confirmed', noDeadline)).toEqual({ ok: false, error: { kind: 'decided', message: 'this request was already declined' } });
    const [open] = cosponsorRequestsOf(record(asked('r1', 'PER', 'join')));
    expect(checkCosponsorDecision(open!, 'confirmed', noDeadline).ok).toBe(true);
  });
});

describe('the co-sponsorship deadline', () => {
  const session = '2022-10-20T18:00:00.000Z';
  const draft = '2022-10-19T12:00:00Z';

  it("takes the draft's deadline over the session's, and the session's when the draft has none", () => {
    expect(cosponsorshipDeadline(draft, session, new Date('2022-10-19T11:59:59Z'))).toEqual({ draft, session, effective: draft, passed: false });
    expect(cosponsorshipDeadline(draft, session, new Date('2022-10-19T12:00:00Z')).passed).toBe(true);
    expect(cosponsorshipDeadline(null, session, new Date('2022-10-19T12:00:00Z'))).toEqual({ draft: null, session, effective: session, passed: false });
    expect(cosponsorshipDeadline(null, session, new Date('2022-10-21T00:00:00Z')).passed).toBe(true);
    expect(cosponsorshipDeadline(null, null, new Date('2099-01-01T00:00:00Z'))).toEqual({ draft: null, session: null, effective: null, passed: false });
  });

  it("reads the draft's own deadline from the record: the latest entry, null clears it", () => {
    const set = (deadline: string | null) => [CosponsorshipEntries.deadline, { deadline }, '2022-10-18T08:00:00Z'] as [string, Record<string, unknown>, string];
    expect(draftCosponsorDeadlineOf(record())).toBeNull();
    expect(draftCosponsorDeadlineOf(record(set(draft)))).toBe(draft);
    expect(draftCosponsorDeadlineOf(record(set(draft), set(session)))).toBe(session);
    expect(draftCosponsorDeadlineOf(record(set(draft), set(null)))).toBeNull();
  });

  it('refuses a request to join from the deadline on (closed), with the deadline in words; withdrawing stays open', () => {
    const closed = cosponsorshipDeadline(draft, session, new Date('2022-10-19T12:00:00Z'));
    expect(checkCosponsorRequest([], { delegationId: 'PER', kind: 'join' }, closed)).toEqual({
      ok: false,
      error: { kind: 'closed', message: 'co-sponsorship of this draft closed on 19 October 2022, 12:00 UTC' },
    });
    expect(checkCosponsorRequest([], { delegationId: 'PER', kind: 'withdraw' }, closed).ok).toBe(true);
  });

  it('confirms a request to join made before the deadline after it, not one made after a deadline moved earlier', () => {
    const now = new Date('2022-10-21T09:00:00Z');
    const [early] = cosponsorRequestsOf(record(asked('r1', 'PER', 'join', '2022-10-20T17:00:00Z')));
    expect(checkCosponsorDecision(early!, 'confirmed', cosponsorshipDeadline(null, session, now)).ok).toBe(true);
    const [late] = cosponsorRequestsOf(record(asked('r2', 'PER', 'join', '2022-10-20T19:00:00Z')));
    const refused = checkCosponsorDecision(late!, 'confirmed', cosponsorshipDeadline(null, session, now));
    expect(refused).toMatchObject({ ok: false, error: { kind: 'closed' } });
    expect(checkCosponsorDecision(late!, 'declined', cosponsorshipDeadline(null, session, now)).ok).toBe(true);
  });

  it('accepts only ISO date-times in UTC, and writes them for people', () => {
    for (const good of ['2022-10-20T18:00Z', '2022-10-20T18:00:00Z', '2022-10-20T18:00:00.000Z', '2024-02-29T23:59:59Z']) expect(isDeadline(good), good).toBe(true);
    for (const bad of ['2022-10-20', '2022-10-20T18:00:00+02:00', '2022-10-20T24:00:00Z', '2023-02-29T10:00:00Z', 'tomorrow', '2022-10-20 18:00:00Z'])
      expect(isDeadline(bad), bad).toBe(false);
    expect(formatDeadline('2022-10-20T18:00:00.000Z')).toBe('20 October 2022, 18:00 UTC');
  });
});

describe('the note for a member of a sponsoring group', () => {
  const named = (en: string, kind: DelegationKind = 'member'): NamedDelegation => ({ name: { en, zh: en }, kind });
  const delegations = new Map<string, NamedDelegation>([
    ['EU', named('European Union', 'regional')],
    ['DEU', named('Germany')],
    ['NLD', named('Netherlands')],
    ['CHL', named('Chile')],
    ['G77', named('Group of 77 and China', 'group')],
    ['BRA', named('Brazil')],
  ]);
  const onBehalf = { en: 'also on behalf of its member States', zh: '也代表其成员国' };
  /** The list after Chile, then each delegation joining; a code ending in * sponsors on behalf of its members. */
  const list = (...joined: string[]) => {
    const events: SponsorshipEvent[] = [{ seq: 1, delegationId: 'CHL', type: 'main', date: '2022-10-17', onBehalfOf: null }];
    for (const code of joined) {
      const behalf = code.endsWith('*');
      events.push({ seq: events.length + 1, delegationId: code.replace('*', ''), type: 'join', date: '2022-10-18', onBehalfOf: behalf ? onBehalf : null });
    }
    return sponsorsAsOf(events);
  };
  const members = [
    { groupId: 'EU', memberId: 'DEU' },
    { groupId: 'EU', memberId: 'NLD' },
    { groupId: 'G77', memberId: 'BRA' },
  ];

  it('tells a member State that the European Union sponsors on its behalf, and that it does not', () => {
    expect(sponsorshipNote(list('EU*'), members, 'DEU', delegations)).toBe('Germany is not a sponsor; the European Union sponsors on behalf of its member States');
    expect(sponsorshipNote(list('EU*'), members, 'NLD', delegations)).toBe('The Netherlands is not a sponsor; the European Union sponsors on behalf of its member States');
  });

  it('says nothing to a sponsor, a non-member, a reader without a delegation, or when the group does not sponsor', () => {
    expect(sponsorshipNote(list('EU*', 'DEU'), members, 'DEU', delegations)).toBeNull();
    expect(sponsorshipNote(list('EU*'), members, 'BRA', delegations)).toBeNull();
    expect(sponsorshipNote(list('EU*'), members, null, delegations)).toBeNull();
    expect(sponsorshipNote(list(), members, 'DEU', delegations)).toBeNull();
    expect(sponsorshipNote(list('EU*'), [], 'DEU', delegations)).toBeNull();
  });

  it('says nothing when the European Union sponsors in its own name (no "on behalf of" recorded)', () => {
    expect(sponsorshipNote(list('EU'), members, 'DEU', delegations)).toBeNull();
  });

  it('names a group of States by its members', () => {
    expect(sponsorshipNote(list('G77*'), members, 'BRA', delegations)).toBe('Brazil is not a sponsor; the Group of 77 and China sponsors on behalf of its members');
  });

  it('puts "the" before the names that take it in a sentence', () => {
    expect(['United Kingdom', 'Russian Federation', 'Sudan', 'Chile', 'State of Palestine'].map((en) => nameInSentence(named(en)))).toEqual([
      'the United Kingdom',
      'the Russian Federation',
      'the Sudan',
      'Chile',
      'the State of Palestine',
    ]);
  });
});

describe('the sponsor list as text', () => {
  const n = (en: string, zh: string, onBehalfOf: LocalizedText | null = null) => ({ name: { en, zh }, onBehalfOf });
  const base = { symbol: 'CTOC/COP/2022/L.4', title: { en: 'Strengthening international cooperation', zh: '加强国际合作' }, submittedBy: null };

  it('prints the sponsors in English alphabetical order in both languages, with "and" (和) and 、', () => {
    // Entered out of order: the text sorts them as the report does (State of Palestine under S).
    const sponsors = [n('United States', '美国'), n('State of Palestine', '巴勒斯坦国'), n('Chile', '智利'), n('Saudi Arabia', '沙特阿拉伯')];
    expect(sponsorListText({ ...base, sponsors, joinedAfter: [] }, 'en')).toBe(
      'CTOC/COP/2022/L.4\nStrengthening international cooperation\nSponsors: Chile, Saudi Arabia, State of Palestine and United States\n',
    );
    expect(sponsorListText({ ...base, sponsors, joinedAfter: [] }, 'zh')).toBe('CTOC/COP/2022/L.4\n加强国际合作\n提案国：智利、沙特阿拉伯、巴勒斯坦国和美国\n');
  });

  it('names who joined after the text was issued in their own sentence, and the officer who submitted it', () => {
    const input = {
      ...base,
      submittedBy: { en: 'Chair of the Working Group on International Cooperation', zh: '国际合作工作组主席' },
      sponsors: [n('European Union', '欧洲联盟', { en: 'also on behalf of its member States', zh: '也代表其成员国' })],
      joinedAfter: [n('Ecuador', '厄瓜多尔'), n('Canada', '加拿大')],
    };
    expect(sponsorListText(input, 'en').split('\n')).toEqual([
      'CTOC/COP/2022/L.4',
      'Strengthening international cooperation',
      'Submitted by the Chair of the Working Group on International Cooperation',
      'Sponsors: European Union (also on behalf of its member States)',
      'Subsequently, Canada and Ecuador joined the sponsors.',
      '',
    ]);
    expect(sponsorListText(input, 'zh').split('\n').slice(2)).toEqual([
      '国际合作工作组主席提交',
      '提案国：欧洲联盟（也代表其成员国）',
      '随后，加拿大和厄瓜多尔加入提案国行列。',
      '',
    ]);
  });

  it('says when there are no sponsors', () => {
    expect(sponsorListText({ ...base, sponsors: [], joinedAfter: [] }, 'en')).toMatch(/\nSponsors: none\n$/);
    expect(sponsorListText({ ...base, sponsors: [], joinedAfter: [] }, 'zh')).toMatch(/\n提案国：无\n$/);
  });
});
