/**
 * Footnote marks the importer misread: two marks in a row after one word ("the Convention¹²" for
 * notes 1 and 2, read as note 12) and a mark before a paragraph's first word ("¹Recalling …", read
 * as a note and the paragraph lost). Both are how Penholder's own plain-text export prints such
 * notes, so each case is also read back from the export. The words are made for these tests.
 */
import { describe, expect, it } from 'vitest';
import { exportPlainText } from '../../shared/export/plainText';
import { importPlainText } from '../../shared/importText';
import { doc, fn, formula, op, pp, title, withoutIds } from '../builders';
import { blocks, codes, footnotes, load, runningText, shape } from './importHelpers';

const HEAD = ['Protection of coastal wetlands', 'The General Assembly,'];
const notesOf = (text: string) => footnotes(load(text).doc).map((n) => n.textContent);
const note = (n: number) => `Note ${n}.`;
const sup = (n: number) => String(n).replace(/\d/gu, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
const noteLines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${sup(from + i)} ${note(from + i)}`);

describe('two marks in a row after one word', () => {
  it('reads "¹²" as notes 1 and 2 when the notes hold 1 and 2 but no 12', () => {
    const result = load([...HEAD, 'Recalling the Convention¹², and its Protocol,', '1. Decides to remain seized of the matter.', ...noteLines(1, 2)].join('\n'));
    expect(footnotes(result.doc).map((n) => n.textContent)).toEqual([note(1), note(2)]);
    expect(blocks(result.doc)[2]).toBe('preambular: Recalling the ConventionNote 1.Note 2., and its Protocol,');
    expect(runningText(result.doc)).toContain('RecallingtheConvention,anditsProtocol,');
    expect(codes(result)).toEqual([]);
  });

  it('reads "¹ ²" as notes 1 and 2, the space between the marks not kept in the text', () => {
    const result = load([...HEAD, 'Recalling the Convention¹ ², and its Protocol,', '1. Decides to remain seized of the matter.', ...noteLines(1, 2)].join('\n'));
    expect(footnotes(result.doc).map((n) => n.textContent)).toEqual([note(1), note(2)]);
    expect(runningText(result.doc)).toContain('RecallingtheConvention,anditsProtocol,');
    expect(result.doc.child(2).child(1).type.name).toBe('footnote');
    expect(result.doc.child(2).child(2).type.name).toBe('footnote');
    expect(codes(result)).toEqual([]);
  });

  it('keeps "¹²" as note 12 when note 12 exists and the marks before it run to 11', () => {
    const paragraphs = Array.from({ length: 11 }, (_, i) => `Recalling its resolution ${i + 1}/1,${sup(i + 1)}`);
    const result = load([...HEAD, ...paragraphs, 'Recalling also the Convention,¹²', '1. Decides to remain seized of the matter.', ...noteLines(1, 12)].join('\n'));
    expect(footnotes(result.doc).map((n) => n.textContent)).toEqual(Array.from({ length: 12 }, (_, i) => note(i + 1)));
    expect(codes(result)).toEqual([]);
  });

  it('reads the same "¹²" by the sequence of marks: notes 1 and 2 first, note 12 after mark 11', () => {
    const middle = Array.from({ length: 9 }, (_, i) => `Recalling its resolution ${i + 3}/1,${sup(i + 3)}`);
    const result = load([...HEAD, 'Recalling the Convention¹²,', ...middle, 'Recalling also the Protocol,¹²', '1. Decides.', ...noteLines(1, 12)].join('\n'));
    expect(footnotes(result.doc).map((n) => n.textContent)).toEqual(Array.from({ length: 12 }, (_, i) => note(i + 1)));
    expect(codes(result)).toEqual([]);
  });

  it('reads marks of two digits each in a row, and a text cut from a report whose notes start at 21', () => {
    const paragraphs = Array.from({ length: 9 }, (_, i) => `Recalling its resolution ${i + 1}/1,${sup(i + 1)}`);
    const tens = load([...HEAD, ...paragraphs, 'Recalling the Convention¹⁰¹¹,', '1. Decides.', ...noteLines(1, 11)].join('\n'));
    expect(footnotes(tens.doc).map((n) => n.textContent)).toEqual(Array.from({ length: 11 }, (_, i) => note(i + 1)));
    expect(codes(tens)).toEqual([]);
    const cut = load([...HEAD, 'Recalling the Convention²¹²²,', '1. Decides.²³', ...noteLines(21, 23)].join('\n'));
    expect(footnotes(cut.doc).map((n) => n.textContent)).toEqual([note(21), note(22), note(23)]);
    expect(codes(cut)).toEqual(['footnote-renumbered']);
  });

  it('reads marks in a row in a Chinese text', () => {
    const result = load(['保护沿海湿地', '大会，', '回顾《公约》¹²及其议定书³，', '1. 决定继续处理此案。', '¹ 注一。', '² 注二。', '³ 注三。'].join('\n'));
    expect(footnotes(result.doc).map((n) => n.textContent)).toEqual(['注一。', '注二。', '注三。']);
    expect(codes(result)).toEqual([]);
  });

  it('leaves a run in the text as printed when no reading of it has notes: a unit, or a note not printed', () => {
    const km = load([...HEAD, 'Noting that 40 km² of wetlands were lost,¹', '1. Decides.', ...noteLines(1, 1)].join('\n'));
    expect(runningText(km.doc)).toContain('40km²');
    expect(footnotes(km.doc).map((n) => n.textContent)).toEqual([note(1)]);
    // Note 1 is printed but not note 2, nor 12: "¹²" stays as printed, with the warning it always had.
    const missing = load([...HEAD, 'Recalling the Convention¹²,', '1. Decides.¹', ...noteLines(1, 1)].join('\n'));
    expect(runningText(missing.doc)).toContain('Convention¹²,');
    expect(codes(missing)).toEqual(['footnote-not-found']);
  });
});

describe('a mark before the first word of a paragraph', () => {
  it('keeps the paragraph and its mark when the note is printed after it', () => {
    const result = load([...HEAD, '¹Recalling the Convention,', 'Noting the report,²', '1. Decides.', ...noteLines(1, 2)].join('\n'));
    expect(shape(result)).toEqual(['pre', 'pre', 'op 1.']);
    expect(footnotes(result.doc).map((n) => n.textContent)).toEqual([note(1), note(2)]);
    expect(result.doc.child(2).firstChild!.type.name).toBe('footnote');
    expect(codes(result)).toEqual([]);
  });

  it('keeps it when the note is printed right under the paragraph, at the foot of its page', () => {
    const text = [...HEAD, 'Recalling its resolution 77/1,¹', '¹ A/RES/77/1.', '²Noting the report of the Secretary-General,', '² A/78/1.', '1. Decides.'].join('\n');
    const result = load(text);
    expect(shape(result)).toEqual(['pre', 'pre', 'op 1.']);
    expect(notesOf(text)).toEqual(['A/RES/77/1.', 'A/78/1.']);
    expect(codes(result)).toEqual([]);
  });

  it('keeps two marks before the first word', () => {
    const result = load([...HEAD, '¹²Recalling the Convention,', '1. Decides.', ...noteLines(1, 2)].join('\n'));
    expect(shape(result)).toEqual(['pre', 'op 1.']);
    expect(footnotes(result.doc).map((n) => n.textContent)).toEqual([note(1), note(2)]);
    expect(codes(result)).toEqual([]);
  });

  it('keeps it in a text read as plain paragraphs', () => {
    const result = load(['¹Some words of a letter.', 'More words.', '¹ A note.'].join('\n'));
    expect(blocks(result.doc)).toEqual(['title: ', 'plain: A note.Some words of a letter.', 'plain: More words.']);
    expect(codes(result)).toEqual(['no-structure']);
  });

  it('still reads note lines as notes: after their mark, repeated, or with nothing referring to them', () => {
    const after = load([...HEAD, 'Recalling its resolution 77/1,¹', '1. Decides.', '¹A/RES/77/1.'].join('\n'));
    expect(shape(after)).toEqual(['pre', 'op 1.']);
    expect(footnotes(after.doc).map((n) => n.textContent)).toEqual(['A/RES/77/1.']);
    const twice = load([...HEAD, 'Recalling its resolution 77/1,¹', '1. Decides.', '¹ A/RES/77/1.', '¹ A/RES/77/2.'].join('\n'));
    expect(shape(twice)).toEqual(['pre', 'op 1.']);
    expect(codes(twice)).toEqual(['footnote-duplicate']);
    const unused = load([...HEAD, 'Recalling its resolution 77/1,', '1. Decides.', '¹ A/RES/77/1.'].join('\n'));
    expect(shape(unused)).toEqual(['pre', 'op 1.']);
    expect(codes(unused)).toEqual(['footnote-unused']);
  });
});

describe("reading back Penholder's plain-text export", () => {
  const readBack = (text: ReturnType<typeof doc>, lang: 'en' | 'zh' = 'en') => {
    let n = 0;
    const back = importPlainText(exportPlainText(text, { lang }), { newId: () => `x${++n}`, lang });
    if (!back.ok) throw new Error(back.error);
    return back.value;
  };

  it('reads back two notes on one word and a note before a paragraph, as exported', () => {
    const text = doc(
      title('Protection of coastal wetlands'),
      formula('The General Assembly,'),
      pp('Recalling the Convention', fn('United Nations, Treaty Series, vol. 996.'), fn('Ibid., vol. 1437.'), ' and its Protocol,'),
      pp(fn('A/78/1.'), 'Noting the report of the Secretary-General,'),
      op('Decides to remain seized of the matter.'),
    );
    expect(exportPlainText(text)).toContain('Convention¹² and');
    expect(exportPlainText(text)).toContain('\n³Noting');
    const back = readBack(text);
    expect(withoutIds(back.doc)).toEqual(withoutIds(text));
    expect(codes(back)).toEqual(['footnote-ibid']);
  });

  it('reads back twelve notes, two of them on the first word (¹²) and the twelfth alone (¹²)', () => {
    const text = doc(
      title('T'),
      formula('The General Assembly,'),
      pp('Recalling the Convention', fn('Note 1.'), fn('Note 2.'), ','),
      ...Array.from({ length: 9 }, (_, i) => pp(`Recalling its resolution ${i + 3}/1,`, fn(note(i + 3)))),
      pp(fn('Note 12.'), 'Noting the report,'),
      op('Decides', fn('Note 13.'), fn('Note 14.'), '.'),
    );
    expect(exportPlainText(text)).toContain('¹²Noting');
    expect(exportPlainText(text)).toContain('Decides¹³¹⁴.');
    const back = readBack(text);
    expect(withoutIds(back.doc)).toEqual(withoutIds(text));
    expect(codes(back)).toEqual([]);
  });

  it('reads back notes before the first word of the title and of the opening formula, which stay title and formula', () => {
    const text = doc(
      title(fn('A note on the title.'), 'Protection of coastal wetlands'),
      formula(fn('A note on the formula.'), 'The General Assembly,'),
      pp('Recalling its resolution 77/1,'),
      op('Decides.'),
    );
    expect(exportPlainText(text)).toMatch(/^¹Protection.*\n²The General Assembly,/su);
    const back = readBack(text);
    expect(withoutIds(back.doc)).toEqual(withoutIds(text));
    expect(codes(back)).toEqual([]);
  });

  it('reads back a Chinese text with two notes on one word and one before a paragraph', () => {
    const text = doc(
      title('保护沿海湿地'),
      formula('大会，'),
      pp('回顾《公约》', fn('注一。'), fn('注二。'), '，'),
      pp(fn('注三。'), '注意到秘书长的报告，'),
      op('决定继续处理此案。'),
    );
    const back = readBack(text, 'zh');
    expect(withoutIds(back.doc)).toEqual(withoutIds(text));
    expect(codes(back)).toEqual([]);
  });
});
