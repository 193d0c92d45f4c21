import { describe, expect, it } from 'vitest';
import { compareTexts } from '../../../shared/compare';
import { pastedNumbering, printedReferences, type PrintedText } from '../../../shared/compare/printedNumbers';
import { importPlainText } from '../../../shared/importText';
import { changes } from './helpers';

/** A printed text imported as a paste would be, with the importer's reading of its labels. */
function pasted(text: string, prefix: string): PrintedText {
  let n = 0;
  const result = importPlainText(text, { newId: () => `${prefix}${++n}` });
  if (!result.ok) throw new Error(result.error);
  return { doc: result.value.doc, paragraphs: result.value.report.paragraphs };
}

/** Compare two pasted texts as POST /api/compare does. */
function comparePasted(a: string, b: string) {
  const [left, right] = [pasted(a, 'a'), pasted(b, 'b')];
  const numbering = pastedNumbering(left, right);
  return { numbering, comparison: compareTexts(left.doc, right.doc, numbering.base ? { base: numbering.base } : {}) };
}

const lines = (...ls: string[]) => ls.join('\n\n');
const HEAD = ['Strengthening cooperation', 'The Conference of the Parties,', 'Recalling its resolution 10/4,', 'Noting the report of the Working Group,'];
const OP1 = '1. Decides to continue its work;';
const OP2 = '2. Requests the Secretariat to report;';
const OP3 = '3. Invites States to contribute.';

describe('pasted texts that print negotiation numbers', () => {
  it('are compared with the printed "2 bis", nothing renumbered', () => {
    const { numbering, comparison: c } = comparePasted(lines(...HEAD, OP1, OP2, OP3), lines(...HEAD, OP1, OP2, '2 bis. Urges States parties to cooperate;', OP3));
    expect(numbering).toMatchObject({ numbering: 'negotiation', note: null });
    expect(changes(c).map((r) => r.label)).toEqual(['OP 2 bis (new)']);
    expect(c.summary.en).toBe('OP 2 bis inserted');
    expect(c.summary.zh).toBe('新增执行部分第 2之二 段');
  });

  it('keep "bis" and "ter" on both sides, and the letters under them', () => {
    const before = lines(...HEAD, OP1, OP2, '2 bis. Urges States parties:', '(a) To cooperate;', '(b) To report;', OP3);
    const after = lines(...HEAD, OP1, OP2, '2 bis. Urges States parties:', '(a) To cooperate fully;', '(b) To report;', '2 ter. Encourages donors to contribute;', OP3);
    const { numbering, comparison: c } = comparePasted(before, after);
    expect(numbering.numbering).toBe('negotiation');
    expect(changes(c).map((r) => `${r.status} ${r.label}`)).toEqual(['changed OP 2 bis (a)', 'inserted OP 2 ter (new)']);
    expect(c.summary.en).toBe('OP 2 bis (a) changed; OP 2 ter inserted');
  });

  it('are compared by the "OP 1 bis" and "PP 1 bis" labels a negotiation text prints', () => {
    const before = lines(
      'Strengthening cooperation',
      'The Conference of the Parties,',
      'PP 1 Recalling its resolution 10/4,',
      'PP 2 Noting the report,',
      'OP 1 Decides to continue its work;',
      'OP 2 Requests a report.',
    );
    const after = lines(
      'Strengthening cooperation',
      'The Conference of the Parties,',
      'PP 1 Recalling its resolution 10/4,',
      'PP 1 bis Welcoming the work of the Secretariat,',
      'PP 2 Noting the report,',
      'OP 1 Decides to continue its work;',
      'OP 1 bis Urges States parties to cooperate;',
      'OP 2 Requests a report.',
    );
    const { numbering, comparison: c } = comparePasted(before, after);
    expect(numbering.numbering).toBe('negotiation');
    expect(c.summary.en).toBe('PP 1 bis inserted; OP 1 bis inserted');
  });

  it('print their references in place of the derived ones', () => {
    const text = pasted(lines(...HEAD, OP1, '1 bis. Urges States:', '(a) To cooperate;', OP2), 'p');
    expect([...printedReferences(text).values()]).toEqual(['PP 1', 'PP 2', 'OP 1', 'OP 1 bis', 'OP 1 bis (a)', 'OP 2']);
  });

  it('are numbered in sequence, with a note that says so, when a printed number cannot be kept', () => {
    // "2 bis" printed twice: one of the two cannot have it.
    const twice = lines(...HEAD, OP1, OP2, '2 bis. Urges States parties to cooperate;', '2 bis. Encourages donors to contribute;', OP3);
    const { numbering, comparison: c } = comparePasted(lines(...HEAD, OP1, OP2, OP3), twice);
    expect(numbering.numbering).toBe('sequential');
    expect(numbering.base).toBeUndefined();
    expect(numbering.note).toMatch(/numbered in sequence/);
    expect(c.summary.en).toBe('OP 3–4 inserted; former OP 3 renumbered 5');
  });

  it('keep a printed number even out of order: the reader sees what is printed', () => {
    const { numbering, comparison: c } = comparePasted(lines(...HEAD, OP1, OP2, OP3), lines(...HEAD, OP1, OP2, OP3, '1 bis. Urges States parties to cooperate;'));
    expect(numbering.numbering).toBe('negotiation');
    expect(c.summary.en).toBe('OP 1 bis inserted');
  });

  it('leave texts without negotiation numbers numbered in sequence, with no note', () => {
    const { numbering, comparison: c } = comparePasted(
      lines(...HEAD, OP1, OP2, OP3),
      lines(...HEAD, OP1, '2. Urges States parties to cooperate;', '3. Requests the Secretariat to report;', '4. Invites States to contribute.'),
    );
    expect(numbering).toEqual({ numbering: 'sequential', note: null });
    expect(c.summary.en).toBe('OP 2 inserted; former OP 2–3 renumbered 3–4');
  });
});
