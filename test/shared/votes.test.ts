import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkRollCall,
  checkVoteCounts,
  majorityMargin,
  parseTwoThirdsRule,
  countVote,
  parseActionVote,
  parseRecordedVote,
  possibleOutcomes,
  presentAndVoting,
  requiredVotes,
  type Majority,
  type RecordedVote,
  type VoteOutcome,
} from '../../shared/votes';

/** A recorded vote: yes / no / abstain under a majority. */
function vote(yes: number, no: number, abstain: number, majority: Majority = 'simple'): RecordedVote {
  return { yes, no, abstain, majority };
}

/** Count and expect success. */
function counted(v: RecordedVote, twoThirds?: 'at-least' | 'more-than'): VoteOutcome {
  const r = countVote(v, twoThirds ? { twoThirds } : {});
  if (!r.ok) throw new Error(`expected the vote to count: ${r.error}`);
  return r.value;
}

interface FixtureVote {
  question: { en: string };
  yes: number;
  no: number;
  abstain: number;
  majority: Majority;
  outcome: string;
}
const session = JSON.parse(readFileSync(new URL('../../server/demo/fixtures/cop11-session.json', import.meta.url), 'utf8')) as { recordedVotes: FixtureVote[] };

describe('the recorded votes of the eleventh session of the COP to UNTOC', () => {
  it('whether observer status is procedural: 63/15/25, two-thirds of 78 present and voting', () => {
    const v = vote(63, 15, 25, 'two-thirds');
    expect(presentAndVoting(v)).toBe(78);
    // The rules' wording ("at least two thirds"): 2/3 × 78 = 52 exactly.
    expect(counted(v, 'at-least')).toEqual({ presentAndVoting: 78, required: 52, carried: true, majority: 'two-thirds', rule: 'at-least' });
    // The report's arithmetic: "exceeded the two-thirds majority of 53".
    expect(counted(v, 'more-than')).toEqual({ presentAndVoting: 78, required: 53, carried: true, majority: 'two-thirds', rule: 'more-than' });
  });

  it('deciding on the three NGOs together: 59/12/30, simple majority, carried', () => {
    expect(counted(vote(59, 12, 30))).toEqual({ presentAndVoting: 71, required: 36, carried: true, majority: 'simple', rule: null });
  });

  it('granting observer status: 58/7/34, simple majority, carried', () => {
    expect(counted(vote(58, 7, 34))).toEqual({ presentAndVoting: 65, required: 33, carried: true, majority: 'simple', rule: null });
  });

  it('every vote in the fixture counts to the outcome the report records, under either rule', () => {
    expect(session.recordedVotes).toHaveLength(3);
    for (const fixture of session.recordedVotes) {
      const v = parseRecordedVote({ yes: fixture.yes, no: fixture.no, abstain: fixture.abstain, majority: fixture.majority });
      expect(v.ok).toBe(true);
      if (!v.ok) continue;
      // "procedural" is how the report words a carried vote on that question.
      const carried = fixture.outcome === 'carried' || fixture.outcome === 'procedural';
      expect(counted(v.value, 'at-least').carried, fixture.question.en).toBe(carried);
      expect(counted(v.value, 'more-than').carried, fixture.question.en).toBe(carried);
    }
  });
});

describe('requiredVotes', () => {
  it('the two rules differ only when two thirds is a whole number', () => {
    expect(requiredVotes(78, 'two-thirds', 'at-least')).toBe(52);
    expect(requiredVotes(78, 'two-thirds', 'more-than')).toBe(53);
    expect(requiredVotes(77, 'two-thirds', 'at-least')).toBe(52);
    expect(requiredVotes(77, 'two-thirds', 'more-than')).toBe(52);
    expect(requiredVotes(76, 'two-thirds', 'at-least')).toBe(51);
    expect(requiredVotes(76, 'two-thirds', 'more-than')).toBe(51);
  });

  it('defaults to the wording of the rules ("at least")', () => {
    expect(requiredVotes(78, 'two-thirds')).toBe(52);
    expect(counted(vote(52, 26, 0, 'two-thirds')).carried).toBe(true);
  });

  it('a simple majority is more than half of those present and voting', () => {
    expect(requiredVotes(10, 'simple')).toBe(6);
    expect(requiredVotes(11, 'simple')).toBe(6);
    expect(requiredVotes(1, 'simple')).toBe(1);
  });

  it('is always at least one, so nothing carries without a yes vote', () => {
    for (const majority of ['simple', 'two-thirds'] as const) {
      for (const rule of ['at-least', 'more-than'] as const) expect(requiredVotes(0, majority, rule)).toBe(1);
    }
  });

  it('throws a RangeError on a count that is not a whole number (a programmer error)', () => {
    expect(() => requiredVotes(-1, 'simple')).toThrow(RangeError);
    expect(() => requiredVotes(2.5, 'simple')).toThrow(RangeError);
    expect(() => requiredVotes(3, 'absolute' as Majority)).toThrow(RangeError);
    expect(() => requiredVotes(3, 'two-thirds', 'about' as 'at-least')).toThrow(RangeError);
  });

  it('matches the definitions on every count: yes ≥ ⌈2n/3⌉, yes > 2n/3, yes > n/2', () => {
    fc.assert(
      fc.property(fc.nat(100_000), (n) => {
        const atLeast = requiredVotes(n, 'two-thirds', 'at-least');
        const moreThan = requiredVotes(n, 'two-thirds', 'more-than');
        const simple = requiredVotes(n, 'simple');
        if (n > 0) {
          expect(3 * atLeast >= 2 * n && 3 * (atLeast - 1) < 2 * n).toBe(true);
          expect(3 * moreThan > 2 * n && 3 * (moreThan - 1) <= 2 * n).toBe(true);
          expect(2 * simple > n && 2 * (simple - 1) <= n).toBe(true);
        }
        expect(moreThan - atLeast).toBe(n > 0 && n % 3 === 0 ? 1 : 0);
      }),
    );
  });
});

describe('countVote', () => {
  it('a tie fails a simple majority', () => {
    expect(counted(vote(20, 20, 5))).toMatchObject({ presentAndVoting: 40, required: 21, carried: false });
  });

  it('abstentions are not votes cast', () => {
    expect(counted(vote(3, 2, 100))).toMatchObject({ presentAndVoting: 5, carried: true });
  });

  it('nothing carries with nobody present and voting', () => {
    expect(counted(vote(0, 0, 25))).toEqual({ presentAndVoting: 0, required: 1, carried: false, majority: 'simple', rule: null });
    expect(counted(vote(0, 0, 0, 'two-thirds'))).toMatchObject({ presentAndVoting: 0, required: 1, carried: false });
  });

  it('one short of two thirds fails', () => {
    expect(counted(vote(51, 27, 0, 'two-thirds'), 'at-least').carried).toBe(false);
    expect(counted(vote(52, 26, 0, 'two-thirds'), 'more-than').carried).toBe(false);
  });

  it.each<[RecordedVote, string]>([
    [vote(-1, 0, 0), '"yes" must be a whole number of votes (0 or more), not -1'],
    [vote(1, 2.5, 0), '"no" must be a whole number of votes (0 or more), not 2.5'],
    [vote(1, 2, Number.NaN), '"abstain" must be a whole number of votes (0 or more), not NaN'],
    [vote(1, 2, Infinity), '"abstain" must be a whole number of votes (0 or more), not Infinity'],
    [{ yes: '5', no: 0, abstain: 0, majority: 'simple' } as unknown as RecordedVote, '"yes" must be a whole number of votes (0 or more), not "5"'],
    [{ no: 0, abstain: 0, majority: 'simple' } as unknown as RecordedVote, '"yes" must be a whole number of votes (0 or more), not missing'],
    [vote(1, 2, 3, 'absolute' as Majority), '"majority" must be "simple" or "two-thirds", not "absolute"'],
  ])('refuses %j as a value, naming the bad count', (v, message) => {
    expect(countVote(v)).toEqual({ ok: false, error: message });
  });

  it('refuses an unknown two-thirds rule as a value', () => {
    expect(countVote(vote(1, 0, 0, 'two-thirds'), { twoThirds: 'most' as 'at-least' })).toEqual({
      ok: false,
      error: 'the two-thirds rule must be "at-least" or "more-than", not "most"',
    });
  });
});

describe('possibleOutcomes', () => {
  it('a vote of exactly two thirds could carry or fail depending on the rule', () => {
    expect(possibleOutcomes(vote(52, 26, 0, 'two-thirds'))).toEqual({ ok: true, value: { couldCarry: true, couldFail: true } });
  });

  it('a clear vote has one possible outcome', () => {
    expect(possibleOutcomes(vote(63, 15, 25, 'two-thirds'))).toEqual({ ok: true, value: { couldCarry: true, couldFail: false } });
    expect(possibleOutcomes(vote(10, 10, 0))).toEqual({ ok: true, value: { couldCarry: false, couldFail: true } });
  });

  it('refuses a vote that cannot be counted', () => {
    expect(possibleOutcomes(vote(-3, 0, 0)).ok).toBe(false);
  });
});

describe('checking votes arriving as JSON', () => {
  it('checkVoteCounts keeps only the three counts', () => {
    expect(checkVoteCounts({ yes: 1, no: 2, abstain: 3, extra: true } as unknown as RecordedVote)).toEqual({
      ok: true,
      value: { yes: 1, no: 2, abstain: 3 },
    });
    expect(checkVoteCounts(null as unknown as RecordedVote)).toEqual({ ok: false, error: 'a vote needs "yes", "no" and "abstain" counts' });
  });

  it('parseRecordedVote refuses what is not an object', () => {
    for (const json of [null, 3, 'yes', [1, 2, 3]]) expect(parseRecordedVote(json).ok).toBe(false);
  });

  it('parseActionVote reads a vote without a vote and a recorded vote', () => {
    expect(parseActionVote({ kind: 'without_vote' })).toEqual({ ok: true, value: { kind: 'without_vote' } });
    expect(parseActionVote({ kind: 'recorded', yes: 58, no: 7, abstain: 34, majority: 'simple' })).toEqual({
      ok: true,
      value: { kind: 'recorded', yes: 58, no: 7, abstain: 34, majority: 'simple' },
    });
  });

  it.each<[unknown, string]>([
    [null, 'a vote must be an object with a "kind"'],
    [[1, 2], 'a vote must be an object with a "kind"'],
    [{}, '"kind" must be "without_vote" or "recorded", not missing'],
    [{ kind: 'secret' }, '"kind" must be "without_vote" or "recorded", not "secret"'],
    [{ kind: 'without_vote', yes: 3 }, 'a decision without a vote has no "yes"'],
    [{ kind: 'recorded', yes: 1, no: 1, abstain: 0, majority: 'simple', quorum: 3 }, 'unknown field "quorum" in a recorded vote'],
    [{ kind: 'recorded', yes: 1, no: -1, abstain: 0, majority: 'simple' }, '"no" must be a whole number of votes (0 or more), not -1'],
    [{ kind: 'recorded', yes: 1, no: 1, abstain: 0 }, '"majority" must be "simple" or "two-thirds", not missing'],
  ])('parseActionVote refuses %j naming the bad field', (json, message) => {
    expect(parseActionVote(json)).toEqual({ ok: false, error: message });
  });
});

describe('majorityMargin and the country-by-country list', () => {
  it('says whether the yes votes exceeded, reached or fell short of the number required', () => {
    // The report's "exceeded the two-thirds majority of 53" with 63 yes of 78.
    expect(majorityMargin(63, requiredVotes(78, 'two-thirds', 'more-than'))).toBe('exceeded');
    expect(majorityMargin(36, requiredVotes(71, 'simple'))).toBe('reached');
    expect(majorityMargin(32, requiredVotes(65, 'simple'))).toBe('short');
  });

  it('takes a list that matches the counts, refusing one that does not or names a delegation twice', () => {
    const counts = { yes: 2, no: 1, abstain: 0 };
    expect(checkRollCall({ yes: ['a', 'b'], no: ['c'], abstain: [] }, counts)).toEqual({ ok: true, value: { yes: ['a', 'b'], no: ['c'], abstain: [] } });
    expect(checkRollCall({ yes: ['a'], no: ['c'], abstain: [] }, counts)).toEqual({ ok: false, error: 'the list names 1 under "yes" but the count is 2' });
    expect(checkRollCall({ yes: ['a', 'c'], no: ['c'], abstain: [] }, counts)).toEqual({ ok: false, error: 'delegation "c" is listed twice in the vote' });
    expect(checkRollCall({ yes: ['a', 'b'], no: ['c'], abstain: [], absent: [] }, counts).ok).toBe(false);
    expect(checkRollCall({ yes: ['a', 2], no: ['c'], abstain: [] }, counts).ok).toBe(false);
    expect(checkRollCall([], counts).ok).toBe(false);
  });

  it('reads a two-thirds rule from JSON', () => {
    expect(parseTwoThirdsRule('more-than')).toEqual({ ok: true, value: 'more-than' });
    expect(parseTwoThirdsRule('most').ok).toBe(false);
  });
});
