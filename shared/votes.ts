/**
 * Recorded votes: yes / no / abstain counts and the majority a question requires.
 *
 * "Present and voting" means casting a yes or no vote: abstentions are not votes cast, so
 * present and voting = yes + no. A simple majority needs more yes than no votes (a tie fails).
 * A two-thirds majority needs two thirds of those present and voting, and bodies round it two
 * ways, which matter only when that number is a whole number:
 *
 * - `'at-least'`: yes ≥ ⌈2n/3⌉, the wording of the rules of procedure ("a two-thirds majority
 *   of the Parties present and voting"). With 78 present and voting: 52 are required.
 * - `'more-than'`: yes ≥ ⌊2n/3⌋ + 1, the next whole number above two thirds, the arithmetic
 *   of the report of the eleventh session of the COP to UNTOC: "of the 78 States present and
 *   voting, the votes in favour exceeded the two-thirds majority of 53".
 *
 * With nobody present and voting nothing carries: a proposal needs at least one yes vote.
 */
import { fail, ok, type Result } from './result';

/** The majorities a question can require. */
export const MAJORITIES = ['simple', 'two-thirds'] as const;
/** One of the majorities. */
export type Majority = (typeof MAJORITIES)[number];

/** The ways of turning "two thirds of n" into a number of votes (see the module comment). */
export const TWO_THIRDS_RULES = ['at-least', 'more-than'] as const;
/** One of the two-thirds rounding rules. */
export type TwoThirdsRule = (typeof TWO_THIRDS_RULES)[number];

/** How a form names each majority. */
export const MAJORITY_LABELS: Readonly<Record<Majority, string>> = { simple: 'simple', 'two-thirds': 'two thirds' };
/** How a form names each two-thirds rule. */
export const TWO_THIRDS_RULE_LABELS: Readonly<Record<TwoThirdsRule, string>> = { 'more-than': 'more than two thirds', 'at-least': 'at least two thirds' };
/** The choices of a select, one per value, in the module's order. */
export const choices = <V extends string>(values: readonly V[], labels: Readonly<Record<V, string>>): [V, string][] => values.map((v) => [v, labels[v]]);

/** The rule used when none is given: the wording of the rules of procedure. */
export const DEFAULT_TWO_THIRDS_RULE: TwoThirdsRule = 'at-least';

/** The counts of a recorded vote. */
export interface VoteCounts {
  yes: number;
  no: number;
  abstain: number;
}

/** A recorded vote: its counts and the majority the question required. */
export interface RecordedVote extends VoteCounts {
  majority: Majority;
}

/** How a body took a decision: without a vote, or by a recorded vote. */
export type ActionVote = { kind: 'without_vote' } | ({ kind: 'recorded' } & RecordedVote);

/** What counting a recorded vote gives. */
export interface VoteOutcome {
  /** yes + no: abstentions are not votes cast. */
  presentAndVoting: number;
  /** The number of yes votes needed to carry. */
  required: number;
  /** Whether the question carried (yes ≥ required). */
  carried: boolean;
  majority: Majority;
  /** The two-thirds rule applied; null for a simple majority. */
  rule: TwoThirdsRule | null;
}

const COUNT_FIELDS = ['yes', 'no', 'abstain'] as const;

function describe(value: unknown): string {
  return typeof value === 'number' ? String(value) : value === undefined ? 'missing' : (JSON.stringify(value) ?? String(value));
}

/** Check the three counts: each a whole number, 0 or more; refused naming the bad count. */
export function checkVoteCounts(counts: VoteCounts): Result<VoteCounts> {
  if (typeof counts !== 'object' || counts === null) return fail('a vote needs "yes", "no" and "abstain" counts');
  for (const field of COUNT_FIELDS) {
    const n: unknown = counts[field];
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
      return fail(`"${field}" must be a whole number of votes (0 or more), not ${describe(n)}`);
    }
  }
  return ok({ yes: counts.yes, no: counts.no, abstain: counts.abstain });
}

/** Check a recorded vote arriving as JSON; refused naming the bad field. */
export function parseRecordedVote(json: unknown): Result<RecordedVote> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('a recorded vote must be an object with "yes", "no", "abstain" and "majority"');
  }
  const record = json as Record<string, unknown>;
  const counts = checkVoteCounts(record as unknown as VoteCounts);
  if (!counts.ok) return counts;
  const majority = record.majority;
  if (!(MAJORITIES as readonly unknown[]).includes(majority)) {
    return fail(`"majority" must be "simple" or "two-thirds", not ${describe(majority)}`);
  }
  return ok({ ...counts.value, majority: majority as Majority });
}

/** Check an action's vote arriving as JSON (`without_vote` or `recorded`); refused naming the bad field. */
export function parseActionVote(json: unknown): Result<ActionVote> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('a vote must be an object with a "kind"');
  const kind = (json as { kind?: unknown }).kind;
  if (kind === 'without_vote') {
    const stray = Object.keys(json).find((k) => k !== 'kind');
    return stray === undefined ? ok({ kind }) : fail(`a decision without a vote has no "${stray}"`);
  }
  if (kind !== 'recorded') return fail(`"kind" must be "without_vote" or "recorded", not ${describe(kind)}`);
  const stray = Object.keys(json).find((k) => !VOTE_FIELDS.has(k));
  if (stray !== undefined) return fail(`unknown field "${stray}" in a recorded vote`);
  const vote = parseRecordedVote(json);
  return vote.ok ? ok({ kind, ...vote.value }) : vote;
}

const VOTE_FIELDS = new Set(['kind', ...COUNT_FIELDS, 'majority']);

/** yes + no: the members present and voting. */
export function presentAndVoting(counts: VoteCounts): number {
  return counts.yes + counts.no;
}

/**
 * The yes votes needed to carry with `n` present and voting; at least 1. Throws a RangeError
 * when `n` is not a whole number of votes (a programmer error: counts are checked first).
 */
export function requiredVotes(n: number, majority: Majority, rule: TwoThirdsRule = DEFAULT_TWO_THIRDS_RULE): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Invalid number present and voting: ${n}`);
  let required: number;
  if (majority === 'simple') required = Math.floor(n / 2) + 1;
  else if (majority === 'two-thirds') {
    if (rule === 'at-least') required = Math.ceil((2 * n) / 3);
    else if (rule === 'more-than') required = Math.floor((2 * n) / 3) + 1;
    else throw new RangeError(`Invalid two-thirds rule: ${String(rule)}`);
  } else throw new RangeError(`Invalid majority: ${String(majority)}`);
  return Math.max(1, required);
}

/**
 * Count a recorded vote: present and voting, the yes votes required and whether it carried.
 * Refused (not thrown) when a count or the majority is not valid.
 */
export function countVote(vote: RecordedVote, options: { twoThirds?: TwoThirdsRule } = {}): Result<VoteOutcome> {
  const checked = parseRecordedVote(vote);
  if (!checked.ok) return checked;
  const rule = options.twoThirds ?? DEFAULT_TWO_THIRDS_RULE;
  if (!(TWO_THIRDS_RULES as readonly unknown[]).includes(rule)) {
    return fail(`the two-thirds rule must be "at-least" or "more-than", not ${describe(rule)}`);
  }
  const { yes, majority } = checked.value;
  const n = presentAndVoting(checked.value);
  const required = requiredVotes(n, majority, rule);
  return ok({
    presentAndVoting: n,
    required,
    carried: yes >= required,
    majority,
    rule: majority === 'two-thirds' ? rule : null,
  });
}

/**
 * Whether a recorded vote could have carried under some two-thirds rule, and whether it could
 * have failed under some rule. A record of an outcome is credible only when the outcome is
 * possible under one of the rules a body may apply. Refused when the vote is not valid.
 */
export function possibleOutcomes(vote: RecordedVote): Result<{ couldCarry: boolean; couldFail: boolean }> {
  const lenient = countVote(vote, { twoThirds: 'at-least' });
  if (!lenient.ok) return lenient;
  const strict = countVote(vote, { twoThirds: 'more-than' });
  if (!strict.ok) return strict;
  return ok({ couldCarry: lenient.value.carried, couldFail: !strict.value.carried });
}

/** How the yes votes stood against the number required: above it, exactly at it, or below. */
export type MajorityMargin = 'exceeded' | 'reached' | 'short';

/** Where the yes votes stand against the number required (the report's "exceeded the two-thirds majority of 53"). */
export function majorityMargin(yes: number, required: number): MajorityMargin {
  return yes > required ? 'exceeded' : yes === required ? 'reached' : 'short';
}

/** The ways a delegation can be listed in a recorded vote, as the country-by-country list prints them. */
export const BALLOTS = ['yes', 'no', 'abstain'] as const;
/** One way of voting. */
export type Ballot = (typeof BALLOTS)[number];

/** The country-by-country list of a recorded vote: delegation ids under each way of voting. */
export interface RollCall {
  yes: string[];
  no: string[];
  abstain: string[];
}

/** Check a two-thirds rounding rule arriving as JSON; refused naming it. */
export function parseTwoThirdsRule(json: unknown): Result<TwoThirdsRule> {
  return (TWO_THIRDS_RULES as readonly unknown[]).includes(json) ? ok(json as TwoThirdsRule) : fail(`the two-thirds rule must be "at-least" or "more-than", not ${describe(json)}`);
}

/**
 * Check a country-by-country list against the counts it lists: three arrays of ids, nobody
 * listed twice, and as many names under each way of voting as the count says (the list is of
 * the same vote, so a mismatch means one of them is wrong). Refused naming what is wrong.
 */
export function checkRollCall(json: unknown, counts: VoteCounts): Result<RollCall> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('the list of the vote must be an object with "yes", "no" and "abstain" lists');
  const record = json as Record<string, unknown>;
  const stray = Object.keys(record).find((k) => !(BALLOTS as readonly string[]).includes(k));
  if (stray !== undefined) return fail(`unknown field "${stray}" in the list of the vote`);
  const seen = new Set<string>();
  const out: RollCall = { yes: [], no: [], abstain: [] };
  for (const ballot of BALLOTS) {
    const list = record[ballot];
    if (!Array.isArray(list) || list.some((id) => typeof id !== 'string' || id.length === 0)) return fail(`"${ballot}" of the list must be a list of delegation ids`);
    for (const id of list as string[]) {
      if (seen.has(id)) return fail(`delegation ${JSON.stringify(id)} is listed twice in the vote`);
      seen.add(id);
    }
    if (list.length !== counts[ballot]) return fail(`the list names ${list.length} under "${ballot}" but the count is ${counts[ballot]}`);
    out[ballot] = [...(list as string[])];
  }
  return ok(out);
}
