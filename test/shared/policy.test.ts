/**
 * The policy, rule by rule: every rule for every role, on a draft being negotiated (issued), one
 * acted on (adopted) and one frozen. The HTTP matrices check that the routes ask the policy;
 * this table checks what the policy answers.
 *
 * Inactive accounts never reach the policy: authentication refuses their sign-ins and sessions
 * (test/server/auth/authenticate.test.ts, test/server/http/auth.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/accounts';
import { deriveStatus, EVENT_TYPES, holdsFreeze, type DraftEvent, type DraftStatus } from '../../shared/lifecycle';
import {
  ACCESS_EVENT_TYPES,
  draftPermissions,
  FINAL_ACTION_TEXT_REFUSAL,
  FROZEN_COMMENT_REFUSAL,
  FROZEN_EDIT_REFUSAL,
  FROZEN_TEXT_REFUSAL,
  holdsFinalAction,
  mayAdminister,
  mayChangeSponsorship,
  mayComment,
  mayCreateDraft,
  mayDecideCosponsorship,
  mayDecideProposal,
  mayEditText,
  mayReadDraft,
  mayRecordEvent,
  mayRequestCosponsorship,
  mayResolveComment,
  mayTableProposal,
  mayWithdrawProposal,
  maySetCosponsorshipDeadline,
  mayWriteRecord,
  MEETING_EVENT_TYPES,
  textReadOnly,
  type DraftAccess,
  type Permission,
} from '../../shared/policy';
import { ev } from './lifecycleHelpers';

const ACTORS = {
  secretariat: { id: 'u-sec', role: 'secretariat', delegationId: null },
  chairHere: { id: 'u-chair', role: 'chair', delegationId: null },
  chairElsewhere: { id: 'u-chair-2', role: 'chair', delegationId: null },
  mainSponsor: { id: 'u-chl', role: 'delegate', delegationId: 'CHL' },
  coSponsor: { id: 'u-per', role: 'delegate', delegationId: 'PER' },
  nonSponsor: { id: 'u-usa', role: 'delegate', delegationId: 'USA' },
  noDelegation: { id: 'u-none', role: 'delegate', delegationId: null },
} satisfies Record<string, Actor>;
type Who = keyof typeof ACTORS;
const WHO = Object.keys(ACTORS) as Who[];

function status(events: DraftEvent[]): DraftStatus {
  const s = deriveStatus(events);
  if (!s.ok) throw new Error(s.error);
  return s.value;
}

/** The three drafts every rule is asked about: negotiated, acted on, frozen. */
const SCENES = {
  issued: status([ev.issued(0)]),
  adopted: status([ev.issued(0), ev.adopted()]),
  frozen: status([ev.issued(0), ev.adopted(), ev.frozen()]),
};
type Scene = keyof typeof SCENES;
const access = (scene: Scene): DraftAccess => ({
  chairUserId: 'u-chair',
  mainSponsorId: 'CHL',
  sponsorIds: new Set(['CHL', 'PER']),
  frozen: SCENES[scene].frozen,
  finalAction: SCENES[scene].isFinal,
});

type Rule = (actor: Actor, draft: DraftAccess, status: DraftStatus) => Permission;
/**
 * A rule and who it grants, per scene: the letters stand for the roles in the order of ACTORS
 * (secretariat, chair here, chair elsewhere, main sponsor, co-sponsor, non-sponsor, delegate
 * without a delegation), Y granted and - refused. One string for all three scenes, or one each.
 */
const RULES: [name: string, rule: Rule, grants: string | Record<Scene, string>][] = [
  ['read the draft', (a, d) => mayReadDraft(a, d), 'YYYYYYY'],
  ['edit the working text', (a, d) => mayEditText(a, d), { issued: 'YY-YY--', adopted: '-------', frozen: '-------' }],
  ['put a draft forward', (a) => mayCreateDraft(a), 'Y--YYY-'],
  ['make the USA join', (a, d) => mayChangeSponsorship(a, d, 'USA', 'join'), { issued: 'Y------', adopted: 'Y------', frozen: '-------' }],
  ['withdraw co-sponsor Peru', (a, d) => mayChangeSponsorship(a, d, 'PER', 'withdraw'), { issued: 'Y------', adopted: 'Y------', frozen: '-------' }],
  ['withdraw the main sponsor', (a, d) => mayChangeSponsorship(a, d, 'CHL', 'withdraw'), '-------'],
  ['name the main sponsor', (a, d) => mayChangeSponsorship(a, d, 'PER', 'main'), { issued: 'Y------', adopted: 'Y------', frozen: '-------' }],
  ['record an introduction (who)', (a, d) => mayRecordEvent(a, d, 'introduced'), 'Y------'],
  ['record the draft withdrawn (who)', (a, d) => mayRecordEvent(a, d, 'withdrawn'), 'Y--Y---'],
  ['record a paragraph state (who)', (a, d) => mayRecordEvent(a, d, 'paragraph_state'), 'YY-----'],
  ['append a paragraph state', (a, d) => mayWriteRecord(a, d, 'paragraph_state'), { issued: 'YY-----', adopted: 'YY-----', frozen: '-------' }],
  ['append a number, after a freeze too', (a, d) => mayWriteRecord(a, d, 'numbered', true), 'Y------'],
  ['administer', (a) => mayAdminister(a), 'Y------'],
  ['permission: edit the text', (a, d, s) => draftPermissions(a, d, s).editText, { issued: 'YY-YY--', adopted: '-------', frozen: '-------' }],
  ['permission: issue a revision', (a, d, s) => draftPermissions(a, d, s).issueRevision, { issued: 'Y------', adopted: '-------', frozen: '-------' }],
  ['permission: record an introduction', (a, d, s) => draftPermissions(a, d, s).recordEvent.introduced, { issued: 'Y------', adopted: '-------', frozen: '-------' }],
  ['permission: record the adoption', (a, d, s) => draftPermissions(a, d, s).recordEvent.adopted, { issued: 'Y------', adopted: '-------', frozen: '-------' }],
  ['permission: withdraw the draft', (a, d, s) => draftPermissions(a, d, s).recordEvent.withdrawn, { issued: 'Y--Y---', adopted: '-------', frozen: '-------' }],
  ['permission: record an oral amendment', (a, d, s) => draftPermissions(a, d, s).recordOralAmendment, { issued: 'Y------', adopted: '-------', frozen: '-------' }],
  ['permission: set a paragraph state', (a, d, s) => draftPermissions(a, d, s).setParagraphState, { issued: 'YY-----', adopted: '-------', frozen: '-------' }],
  ['permission: change the sponsors', (a, d, s) => draftPermissions(a, d, s).changeSponsors, { issued: 'Y------', adopted: 'Y------', frozen: '-------' }],
  ['table a proposal', (a, d) => mayTableProposal(a, d), { issued: 'YY-YYY-', adopted: '-------', frozen: '-------' }],
  ['decide a proposal', (a, d) => mayDecideProposal(a, d), { issued: 'YY-Y---', adopted: '-------', frozen: '-------' }],
  ["withdraw the USA's proposal", (a, d) => mayWithdrawProposal(a, d, 'USA', 'u-usa'), { issued: 'Y----Y-', adopted: '-------', frozen: '-------' }],
  ["withdraw the chair's proposal", (a, d) => mayWithdrawProposal(a, d, null, 'u-chair'), { issued: 'YY-----', adopted: '-------', frozen: '-------' }],
  ['comment', (a, d) => mayComment(a, d), { issued: 'YYYYYYY', adopted: 'YYYYYYY', frozen: '-------' }],
  ["resolve the USA's comment", (a, d) => mayResolveComment(a, d, 'u-usa', 'USA'), { issued: 'YY-Y-Y-', adopted: 'YY-Y-Y-', frozen: '-------' }],
  ['ask to join as a co-sponsor', (a, d) => mayRequestCosponsorship(a, d, 'join'), { issued: '-----Y-', adopted: '-----Y-', frozen: '-------' }],
  ['ask to withdraw as a co-sponsor', (a, d) => mayRequestCosponsorship(a, d, 'withdraw'), { issued: '----Y--', adopted: '----Y--', frozen: '-------' }],
  ['decide a co-sponsorship request', (a, d) => mayDecideCosponsorship(a, d), { issued: 'Y--Y---', adopted: 'Y--Y---', frozen: '-------' }],
  ['permission: table a proposal', (a, d, s) => draftPermissions(a, d, s).tableProposal, { issued: 'YY-YYY-', adopted: '-------', frozen: '-------' }],
  ['permission: decide proposals', (a, d, s) => draftPermissions(a, d, s).decideProposals, { issued: 'YY-Y---', adopted: '-------', frozen: '-------' }],
  ['permission: comment', (a, d, s) => draftPermissions(a, d, s).comment, { issued: 'YYYYYYY', adopted: 'YYYYYYY', frozen: '-------' }],
  ['permission: ask to co-sponsor or withdraw', (a, d, s) => draftPermissions(a, d, s).requestCosponsorship, { issued: '----YY-', adopted: '----YY-', frozen: '-------' }],
  ['permission: decide co-sponsorship requests', (a, d, s) => draftPermissions(a, d, s).decideCosponsorship, { issued: 'Y--Y---', adopted: 'Y--Y---', frozen: '-------' }],
  ['permission: freeze', (a, d, s) => draftPermissions(a, d, s).freeze, { issued: '-------', adopted: 'Y------', frozen: '-------' }],
];

describe('the policy, every rule for every role', () => {
  for (const [name, rule, grants] of RULES) {
    for (const scene of Object.keys(SCENES) as Scene[]) {
      const want = typeof grants === 'string' ? grants : grants[scene];
      it(`${name} — ${scene}: ${want}`, () => {
        expect(want).toHaveLength(WHO.length);
        const got = WHO.map((who) => {
          const p = rule(ACTORS[who], access(scene), SCENES[scene]);
          if (!p.ok) expect(p.error, `${who} is refused with a reason`).toMatch(/\w+ \w+/);
          return p.ok ? 'Y' : '-';
        }).join('');
        expect(got).toBe(want);
      });
    }
  }
});

describe('the reasons a permission is refused', () => {
  const of = (who: Who, scene: Scene) => draftPermissions(ACTORS[who], access(scene), SCENES[scene]);

  it('says who may act before it says when', () => {
    expect(of('nonSponsor', 'adopted').freeze).toEqual({ ok: false, error: "only the secretariat records this in the draft's record" });
  });

  it('tells a chair of other consultations that this draft is not theirs, not that only the secretariat may', () => {
    expect(of('chairElsewhere', 'issued').setParagraphState).toEqual({ ok: false, error: "you are not the chair of this draft's informal consultations" });
    expect(of('chairHere', 'issued').setParagraphState.ok).toBe(true);
  });

  it("gives the lifecycle's reason when the state refuses", () => {
    expect(of('secretariat', 'issued').freeze).toEqual({ ok: false, error: 'cannot freeze a draft before final action is taken on it' });
    expect(of('secretariat', 'adopted').recordEvent.introduced).toEqual({ ok: false, error: 'cannot introduce a draft that has already been adopted' });
    expect(of('secretariat', 'frozen').freeze).toEqual({ ok: false, error: 'the draft is already frozen' });
  });

  it('refuses what would change a frozen text with the one message', () => {
    expect(of('secretariat', 'frozen').issueRevision).toEqual({ ok: false, error: FROZEN_TEXT_REFUSAL });
    expect(of('chairHere', 'frozen').setParagraphState).toEqual({ ok: false, error: FROZEN_TEXT_REFUSAL });
    expect(mayWriteRecord(ACTORS.secretariat, access('frozen'), 'oral_amendment')).toEqual({ ok: false, error: FROZEN_TEXT_REFUSAL });
  });

  it('closes the negotiation with final action', () => {
    expect(of('chairHere', 'adopted').setParagraphState).toEqual({ ok: false, error: 'action has been taken on the draft: its negotiation is over' });
    expect(of('secretariat', 'adopted').recordOralAmendment).toEqual({ ok: false, error: 'action has been taken on the draft: oral amendments are read out before it' });
    expect(draftPermissions(ACTORS.secretariat, { ...access('issued'), frozen: false }, status([])).recordOralAmendment).toEqual({
      ok: false,
      error: 'no text of this draft has been issued: oral amendments are made to an issued text',
    });
  });

  it('makes the working text read-only from final action on, saying why, the freeze first', () => {
    expect(textReadOnly(access('issued'))).toBeNull();
    expect(textReadOnly(access('adopted'))).toEqual({ reason: 'final_action', message: FINAL_ACTION_TEXT_REFUSAL });
    expect(textReadOnly(access('frozen'))).toEqual({ reason: 'frozen', message: FROZEN_EDIT_REFUSAL });
    expect(of('secretariat', 'adopted').editText).toEqual({ ok: false, error: FINAL_ACTION_TEXT_REFUSAL });
    expect(of('mainSponsor', 'frozen').editText).toEqual({ ok: false, error: FROZEN_EDIT_REFUSAL });
  });

  it('reads a final action from the record: any of the final states, not an issue or an introduction', () => {
    expect(holdsFinalAction([{ type: 'issued' }, { type: 'introduced' }, { type: 'oral_amendment' }])).toBe(false);
    for (const type of ['adopted', 'rejected', 'withdrawn', 'no_action', 'deferred']) expect(holdsFinalAction([{ type: 'issued' }, { type }]), type).toBe(true);
  });

  it('needs only whether the record holds each of ACCESS_EVENT_TYPES (what loaders read of a long record)', () => {
    // Records of every lifecycle type and the record's other kinds, in any order and number.
    const type = fc.constantFrom(...EVENT_TYPES, 'oral_amendment', 'proposal_tabled', 'proposal_decided', 'comment_added', 'vote_recorded');
    fc.assert(
      fc.property(
        fc.array(
          type.map((t) => ({ type: t })),
          { maxLength: 12 },
        ),
        (record) => {
          const held = [...new Set(record.map((e) => e.type))].filter((t) => ACCESS_EVENT_TYPES.includes(t as never)).map((t) => ({ type: t }));
          expect(holdsFreeze(held)).toBe(holdsFreeze(record));
          expect(holdsFinalAction(held)).toBe(holdsFinalAction(record));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('tells why a proposal, a comment or a co-sponsorship request is refused', () => {
    expect(mayTableProposal(ACTORS.chairElsewhere, access('issued'))).toEqual({ ok: false, error: "you are not the chair of this draft's informal consultations" });
    expect(mayTableProposal(ACTORS.nonSponsor, access('frozen'))).toEqual({ ok: false, error: FROZEN_EDIT_REFUSAL });
    expect(mayDecideProposal(ACTORS.mainSponsor, access('adopted'))).toEqual({ ok: false, error: FINAL_ACTION_TEXT_REFUSAL });
    expect(mayDecideProposal(ACTORS.coSponsor, access('issued')).ok).toBe(false);
    expect(mayComment(ACTORS.nonSponsor, access('frozen'))).toEqual({ ok: false, error: FROZEN_COMMENT_REFUSAL });
    expect(mayRequestCosponsorship(ACTORS.coSponsor, access('issued'), 'join')).toEqual({ ok: false, error: 'your delegation already sponsors this draft' });
    expect(mayRequestCosponsorship(ACTORS.mainSponsor, access('issued'), 'withdraw')).toEqual({
      ok: false,
      error: 'the main sponsor cannot withdraw; the draft itself is withdrawn instead',
    });
    expect(mayChangeSponsorship(ACTORS.nonSponsor, access('issued'), 'USA', 'join').ok).toBe(false);
    expect(maySetCosponsorshipDeadline(ACTORS.mainSponsor, access('issued'))).toEqual({ ok: false, error: 'only the secretariat sets the co-sponsorship deadline' });
    expect(maySetCosponsorshipDeadline(ACTORS.secretariat, access('issued')).ok).toBe(true);
    expect(maySetCosponsorshipDeadline(ACTORS.secretariat, access('frozen')).ok).toBe(false);
    // Superseding another delegation's proposal is refused in its own word.
    expect(mayWithdrawProposal(ACTORS.nonSponsor, access('issued'), 'PER', 'u-per')).toEqual({
      ok: false,
      error: 'only the delegation that tabled a proposal and the secretariat may withdraw it',
    });
    expect(mayWithdrawProposal(ACTORS.nonSponsor, access('issued'), 'PER', 'u-per', 'supersede')).toEqual({
      ok: false,
      error: 'only the delegation that tabled a proposal and the secretariat may supersede it',
    });
  });

  it('offers a withdrawal of a draft never issued, as the table allows', () => {
    const drafted = draftPermissions(ACTORS.secretariat, access('issued'), status([]));
    expect(MEETING_EVENT_TYPES.filter((t) => drafted.recordEvent[t].ok)).toEqual(['withdrawn']);
    expect(drafted.issueRevision.ok).toBe(true);
  });
});
