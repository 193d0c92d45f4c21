import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/languages';
import type { OralAmendment } from '../../shared/oralAmendments';
import {
  checkProposalDecision,
  countProposals,
  filterProposals,
  modifiedAmendment,
  onBehalfWords,
  overLimit,
  PROPOSAL_LIMITS,
  PROPOSAL_STATE_LABELS,
  PROPOSAL_STATES,
  pendingCount,
  proposalsOf,
  proposalTextHash,
  staleness,
  type ProposalRecordRow,
} from '../../shared/proposals';

const replace: OralAmendment = { kind: 'replace_words', paragraphId: 'op3', proposedBy: 'CHN', accepted: false, words: 'twelfth', text: 'thirteenth' };
const insert: OralAmendment = { kind: 'insert_words', paragraphId: 'op2', proposedBy: 'DEU', accepted: false, position: 'end', text: 'and beyond' };
const move: OralAmendment = { kind: 'move_paragraph', paragraphId: 'op1', proposedBy: 'MEX', accepted: false, position: 'after', targetId: 'op3' };

let seq = 0;
const tabled = (proposalId: string, amendment: OralAmendment, more: Record<string, unknown> = {}, userId = 'u-chn'): ProposalRecordRow => ({
  seq: ++seq,
  type: 'proposal_tabled',
  userId,
  at: `2026-12-05T10:00:${String(seq).padStart(2, '0')}Z`,
  payload: {
    proposalId,
    amendment,
    rationale: null,
    delegationId: amendment.proposedBy,
    onBehalfOf: null,
    supersedes: null,
    quoted: 'words' in amendment ? amendment.words : null,
    paragraphTextHash: 'h',
    anchor: { start: 'AA', end: 'BB' },
    ...more,
  },
});
const decided = (proposalId: string, state: string, more: Record<string, unknown> = {}, userId = 'u-chl'): ProposalRecordRow => ({
  seq: ++seq,
  type: 'proposal_decided',
  userId,
  at: `2026-12-05T11:00:${String(seq).padStart(2, '0')}Z`,
  payload: { proposalId, state, ...more },
});
const other = (type: string): ProposalRecordRow => ({ seq: ++seq, type, userId: 'u-sec', at: '2026-12-05T09:00:00Z', payload: {} });

describe('the states of a proposal', () => {
  it('goes from pending to each final state once, never back', () => {
    for (const next of PROPOSAL_STATES.slice(1)) expect(checkProposalDecision('pending', next)).toEqual({ ok: true, value: true });
    expect(checkProposalDecision('pending', 'pending')).toEqual({ ok: false, error: 'a proposal cannot be made pending again' });
    expect(checkProposalDecision('accepted_as_modified', 'rejected')).toEqual({ ok: false, error: 'the proposal is no longer pending: it was accepted as modified' });
    expect(checkProposalDecision('withdrawn', 'accepted').ok).toBe(false);
    expect(checkProposalDecision('pending', 'adopted' as never).ok).toBe(false);
  });
});

describe('folding the record into proposals', () => {
  it('reads each proposal with who tabled and decided it, when, its note and modified words, among other entries', () => {
    const rows = [
      other('issued'),
      tabled('p1', replace, { rationale: 'The next session is the thirteenth.' }),
      tabled('p2', insert, {}, 'u-deu'),
      other('paragraph_state'),
      decided('p1', 'accepted_as_modified', { text: '13th', note: 'shorter', logSeq: 42 }),
      tabled('p3', move, {}, 'u-mex'),
      decided('p2', 'rejected', { note: null }),
    ];
    const list = proposalsOf([...rows].reverse());
    expect(list.map((p) => [p.id, p.state])).toEqual([
      ['p1', 'accepted_as_modified'],
      ['p2', 'rejected'],
      ['p3', 'pending'],
    ]);
    expect(list[0]).toMatchObject({
      rationale: 'The next session is the thirteenth.',
      delegationId: 'CHN',
      proposedBy: 'u-chn',
      decidedBy: 'u-chl',
      modifiedText: '13th',
      note: 'shorter',
      logSeq: 42,
      quoted: 'twelfth',
      anchor: { start: 'AA', end: 'BB' },
    });
    expect(list[0]!.decidedAt).toBe(rows[4]!.at);
    expect(list[2]).toMatchObject({ state: 'pending', decidedAt: null, decidedBy: null, quoted: null, proposedBy: 'u-mex' });
  });

  it('marks a superseded proposal with the one that replaced it, and ignores a second decision', () => {
    const list = proposalsOf([
      tabled('p1', replace),
      tabled('p2', { ...replace, text: '13th' }, { supersedes: 'p1' }),
      decided('p1', 'superseded'),
      decided('p1', 'accepted'),
      decided('nope', 'accepted'),
    ]);
    expect(list.map((p) => [p.id, p.state, p.supersedes, p.supersededBy])).toEqual([
      ['p1', 'superseded', null, 'p2'],
      ['p2', 'pending', 'p1', null],
    ]);
  });

  it('counts the pending proposals of a record without folding it', () => {
    const rows = [tabled('p1', replace), tabled('p2', insert), tabled('p3', move), decided('p2', 'withdrawn'), other('issued')];
    expect(pendingCount(rows)).toBe(2);
    expect(pendingCount(rows)).toBe(proposalsOf(rows).filter((p) => p.state === 'pending').length);
    expect(pendingCount([])).toBe(0);
  });
});

describe('stale proposals', () => {
  const pending = proposalsOf([tabled('p1', replace)])[0]!;
  it('is stale when the quoted words changed or were deleted, or the paragraph is gone; not when they read the same', () => {
    const text = 'Requests the Secretariat to report at its twelfth session.';
    expect(staleness(pending, text, 'twelfth')).toEqual({ stale: false, why: null });
    expect(staleness(pending, text, 'tenth')).toEqual({ stale: true, why: 'the words "twelfth" it quotes now read "tenth"' });
    expect(staleness(pending, text, null)).toEqual({ stale: true, why: 'the words "twelfth" it quotes were deleted' });
    expect(staleness(pending, null, null)).toEqual({ stale: true, why: 'its paragraph was deleted' });
    expect(staleness({ ...pending, state: 'accepted' }, null, null)).toEqual({ stale: false, why: null });
  });

  it('judges a proposal quoting no words by its paragraph: a rewrite by the hash, a move by its target', () => {
    const rewrite = { state: 'pending' as const, amendment: { ...replace, kind: 'replace_paragraph', text: 'x' } as OralAmendment, quoted: null };
    const hash = proposalTextHash('Urges all States;');
    expect(hash).toMatch(/^[0-9a-f]{14}$/);
    expect(proposalTextHash('Urges all States.')).not.toBe(hash);
    expect(staleness({ ...rewrite, paragraphTextHash: hash }, 'Urges all States;', null).stale).toBe(false);
    expect(staleness({ ...rewrite, paragraphTextHash: hash }, 'Urges all States.', null)).toEqual({
      stale: true,
      why: 'the paragraph it rewrites was changed since it was tabled',
    });
    const moving = { state: 'pending' as const, amendment: move, quoted: null, paragraphTextHash: 'h' };
    expect(staleness(moving, 'Urges.', null, true).stale).toBe(false);
    expect(staleness(moving, 'Urges.', null, false)).toEqual({ stale: true, why: 'the paragraph it is to go after was deleted' });
    expect(staleness({ ...moving, amendment: insert }, 'Anything at all.', null).stale).toBe(false);
  });
});

describe('lists, limits and modified words', () => {
  const rows = [tabled('p1', replace), tabled('p2', insert), tabled('p3', move), decided('p2', 'accepted')];
  const list = proposalsOf(rows);
  const staleOne = (p: { id: string }) => p.id === 'p1';

  it('filters by state, stale, delegation and paragraph (a move by either end), and counts by state', () => {
    expect(filterProposals(list, { state: 'pending' }, staleOne).map((p) => p.id)).toEqual(['p1', 'p3']);
    expect(filterProposals(list, { state: 'stale' }, staleOne).map((p) => p.id)).toEqual(['p1']);
    expect(filterProposals(list, { delegationId: 'DEU' }, staleOne).map((p) => p.id)).toEqual(['p2']);
    expect(filterProposals(list, { paragraphId: 'op3' }, staleOne).map((p) => p.id)).toEqual(['p1', 'p3']);
    expect(filterProposals(list, {}, staleOne)).toHaveLength(3);
    expect(countProposals(list, staleOne)).toEqual({ pending: 2, accepted: 1, accepted_as_modified: 0, rejected: 0, withdrawn: 0, superseded: 0, stale: 1 });
  });

  it('names the field over its limit', () => {
    const long = 'x'.repeat(PROPOSAL_LIMITS.text + 1);
    expect(overLimit({ amendment: replace, rationale: 'short' })).toBeNull();
    expect(overLimit({ amendment: { ...replace, text: long } })).toEqual({ field: 'text', limit: 2000 });
    expect(overLimit({ amendment: { ...replace, words: long } })).toEqual({ field: 'words', limit: 2000 });
    expect(overLimit({ amendment: replace, rationale: 'r'.repeat(2001) })).toEqual({ field: 'rationale', limit: 2000 });
    expect(overLimit({ amendment: replace, rationale: 'r'.repeat(2000) })).toBeNull();
    expect(overLimit({ amendment: replace, note: 'n'.repeat(2001) })).toEqual({ field: 'note', limit: 2000 });
  });

  it('modifies the words a proposal brings, never a deletion or a move', () => {
    expect(modifiedAmendment(replace, '13th')).toEqual({ ok: true, value: { ...replace, text: '13th' } });
    expect(modifiedAmendment(insert, 'Cote\u0301')).toMatchObject({ ok: true, value: { text: 'Coté' } });
    expect(modifiedAmendment(move, 'x')).toEqual({ ok: false, error: 'a move brings no words to modify: accept it or reject it' });
    expect(modifiedAmendment({ ...replace, kind: 'delete_words' } as OralAmendment, 'x').ok).toBe(false);
    expect(modifiedAmendment(replace, '  ').ok).toBe(false);
  });
});

describe('whom a proposal speaks for, in words', () => {
  it('prefixes a group name once, keeps words that already say it, and says nothing for a delegation alone', () => {
    expect(onBehalfWords('the Group of 77 and China')).toBe('on behalf of the Group of 77 and China');
    expect(onBehalfWords('also on behalf of its member States')).toBe('also on behalf of its member States');
    expect(onBehalfWords(null)).toBeNull();
    expect(onBehalfWords('')).toBeNull();
  });
});

describe('the names of the states of a proposal', () => {
  it('are named in each of the six languages', () => {
    for (const state of PROPOSAL_STATES) for (const lang of LANGUAGES) expect(PROPOSAL_STATE_LABELS[state][lang], `${state} ${lang}`).toMatch(/\S/);
    expect(PROPOSAL_STATE_LABELS.accepted_as_modified.fr).toBe('acceptée sous une forme modifiée');
    expect(PROPOSAL_STATE_LABELS.rejected.zh).toBe('未接受');
  });
});
