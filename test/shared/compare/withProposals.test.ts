import { describe, expect, it } from 'vitest';
import { applyPendingProposals, occurrenceAt, runsOf, type PendingChange } from '../../../shared/compare/withProposals';
import type { OralAmendment } from '../../../shared/oralAmendments';
import { doc, op, sub, title } from '../../builders';

const text = () =>
  doc(
    title('T'),
    op({ id: 'op1' }, 'Decides to act on the report and the report annexed;'),
    sub({ id: 'a' }, 'first;'),
    op({ id: 'op2' }, 'Requests a report.'),
    op({ id: 'op3' }, 'Invites States.'),
  );
const change = (id: string, delegationId: string | null, amendment: Record<string, unknown>, extra: Partial<PendingChange> = {}): PendingChange => ({
  id,
  delegationId,
  amendment: { proposedBy: delegationId, accepted: false, ...amendment } as OralAmendment,
  ...extra,
});
const who = (by: readonly (string | null | undefined)[]) => runsOf(by).map((r) => `${r.who ?? '-'}×${r.length}`);

describe('the working text with pending proposals', () => {
  it('applies two proposals on one paragraph in turn, each delegation keeping its own words and deletions', () => {
    const out = applyPendingProposals(text(), [
      change('p1', 'peru', { kind: 'replace_words', paragraphId: 'op1', words: 'act', text: 'move' }),
      change('p2', 'chile', { kind: 'insert_words', paragraphId: 'op1', words: 'Decides', position: 'after', text: 'firmly' }),
    ]);
    expect(out.skipped).toEqual([]);
    expect(out.applied.map((a) => a.id)).toEqual(['p1', 'p2']);
    const c = out.changes.get('op1')!;
    expect(c.text).toBe('Decides firmly to move on the report and the report annexed;');
    expect(c.proposals).toEqual(['p1', 'p2']);
    // "firmly" and a space by Chile, "move" by Peru (diffed by character: letters it shares with "act" stay as they were).
    const by = (d: string) =>
      c.text
        .split('')
        .filter((_, i) => c.writtenBy[i] === d)
        .join('');
    expect(by('chile').trim()).toBe('firmly');
    expect(by('chile')).toHaveLength(7);
    expect(by('peru')).toMatch(/^[move]+$/);
    // What nobody wrote is what nobody deleted: the working text's characters that stay, in order.
    const kept = c.text
      .split('')
      .filter((_, i) => c.writtenBy[i] === undefined)
      .join('');
    expect(kept).toBe(
      c.original
        .split('')
        .filter((_, i) => c.deletedBy[i] === undefined)
        .join(''),
    );
    expect(kept.startsWith('Decides to ')).toBe(true);
    expect(c.original.split('').filter((_, i) => c.deletedBy[i] === 'peru').length).toBeGreaterThan(0);
    expect(c.deletedBy.every((b) => b === undefined || b === 'peru')).toBe(true);
    expect(
      c.fromOriginal
        .filter((o) => o >= 0)
        .map((o) => c.original[o])
        .join(''),
    ).toBe(
      c.text
        .split('')
        .filter((_, i) => c.fromOriginal[i]! >= 0)
        .join(''),
    );
  });

  it('skips a stale proposal and one whose paragraph an earlier one deletes, and says why', () => {
    const out = applyPendingProposals(text(), [
      change('p1', 'peru', { kind: 'delete_words', paragraphId: 'op2', words: 'a' }, { stale: 'the words it quotes were changed' }),
      change('p2', null, { kind: 'delete_paragraph', paragraphId: 'op3' }),
      change('p3', 'chile', { kind: 'replace_words', paragraphId: 'op3', words: 'States', text: 'Parties' }),
      change('p4', 'chile', { kind: 'replace_words', paragraphId: 'op2', words: 'nothing here', text: 'x' }),
    ]);
    expect(out.applied.map((a) => a.id)).toEqual(['p2']);
    expect(out.skipped).toEqual([
      { id: 'p1', delegationId: 'peru', why: 'the words it quotes were changed' },
      { id: 'p3', delegationId: 'chile', why: 'a proposal tabled before it deletes that paragraph', deletedBy: 'p2' },
      { id: 'p4', delegationId: 'chile', why: expect.stringContaining('"nothing here" are not in it') },
    ]);
    expect(out.changes.get('op3')).toMatchObject({ text: '', wholeBy: null, original: 'Invites States.' });
    expect(who(out.changes.get('op3')!.deletedBy)).toEqual(['-×15']);
    expect(out.changes.has('op2')).toBe(false);
  });

  it('applies words at the occurrence its anchor points at, and credits a move and a new paragraph whole', () => {
    const out = applyPendingProposals(text(), [
      change('p1', 'peru', { kind: 'replace_words', paragraphId: 'op1', words: 'report', text: 'study', occurrence: 1 }, { occurrence: 2 }),
      change('p2', 'chile', { kind: 'move_paragraph', paragraphId: 'op1', position: 'after', targetId: 'op2' }),
      change('p3', 'austria', { kind: 'insert_paragraph', paragraphId: 'op3', position: 'after', paragraphType: 'operative', text: 'Decides to remain seized.', newId: 'n1' }),
    ]);
    expect(out.skipped).toEqual([]);
    expect(out.changes.get('op1')!.text).toBe('Decides to act on the report and the study annexed;');
    expect(out.changes.get('op1')!.wholeBy).toBe('chile');
    // The subparagraph moves with its paragraph.
    expect(out.changes.get('a')!.wholeBy).toBe('chile');
    expect(out.changes.get('n1')).toMatchObject({ text: 'Decides to remain seized.', original: '', wholeBy: 'austria' });
    expect(who(out.changes.get('n1')!.writtenBy)).toEqual(['austria×25']);
    const ids: string[] = [];
    out.doc.forEach((n) => void ids.push(String(n.attrs.id ?? '')));
    expect(ids).toEqual(['', 'op2', 'op1', 'a', 'op3', 'n1']);
  });

  it('finds which occurrence of the words starts at a place', () => {
    expect(occurrenceAt('a report, the report', 'report', 14)).toBe(2);
    expect(occurrenceAt('a report, the report', 'report', 2)).toBe(1);
    expect(occurrenceAt('a report, the report', 'report', 5)).toBeNull();
  });
});
