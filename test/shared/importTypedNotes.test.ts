/**
 * Note references typed as bracketed numbers, as Arabic (and some other) texts print them once a
 * copy has lost the superscript: "… لعام 2024،(1)" in the running text and "(1) انظر A/79/100." at
 * the end. The reference after a final comma or stop must not hide the paragraph's kind, and the
 * notes at the end are the text's notes, not a paragraph; a list numbered "(1)", "(2)" inside an
 * operative paragraph stays the paragraphs it was. The words are made for these tests.
 */
import { describe, expect, it } from 'vitest';
import { blocks, codes, load, notesOf, runningText, shape, typedText } from './importHelpers';

const AR = ['حماية الأراضي الرطبة الساحلية', 'إن الجمعية العامة،'];
const EN = ['Protection of coastal wetlands', 'The General Assembly,'];
const AR_OPS = ['1 - تقرر أن تواصل النظر في المسألة؛', '2 - تطلب إلى الأمين العام أن يقدم تقريرا.'];
const EN_OPS = ['1. Decides to remain seized of the matter;', '2. Requests the Secretary-General to report.'];

describe('a typed reference after the final comma or stop', () => {
  it('Arabic: "2024،(1)" ends a preambular paragraph, and "(1) انظر …" at the end is its note', () => {
    const body = ['إذ تشير إلى قرارها 78/1 لعام 2024،(1)', 'وإذ تحيط علما بتقرير الأمين العام،(2)', ...AR_OPS];
    const result = load(typedText(AR, body, ['(1) انظر A/79/100.', '(2) A/79/200.']));
    expect(shape(result)).toEqual(['pre', 'pre', 'op 1.', 'op 2.']);
    expect(notesOf(result)).toEqual(['انظر A/79/100.', 'A/79/200.']);
    expect(blocks(result.doc)[2]).toBe('preambular: إذ تشير إلى قرارها 78/1 لعام 2024،انظر A/79/100.');
    expect(runningText(result.doc)).not.toContain('(1)');
    expect(result.report.footnotes.map((f) => [f.printed, f.references])).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it('Arabic-Indic digits: "(١)" in the text and "(١) …" at the end', () => {
    const body = ['إذ تشير إلى قرارها 78/1 لعام 2024،(١)', 'وإذ تحيط علما بتقرير الأمين العام،(٢)', ...AR_OPS];
    const result = load(typedText(AR, body, ['(١) انظر A/79/100.', '(٢) A/79/200.']));
    expect(shape(result)).toEqual(['pre', 'pre', 'op 1.', 'op 2.']);
    expect(notesOf(result)).toEqual(['انظر A/79/100.', 'A/79/200.']);
  });

  it('English, French and Spanish: "2024,(1)" ends a preambular paragraph', () => {
    const texts = [
      typedText(EN, ['Recalling its resolution 78/1 of 2024,(1)', 'Taking note of the report,(2)', ...EN_OPS], ['(1) A/79/100.', '(2) A/79/200.']),
      typedText(
        ['Protection des zones humides côtières', "L'Assemblée générale,"],
        [
          'Rappelant sa résolution 78/1 de 2024,(1)',
          'Prenant note du rapport,(2)',
          '1. Décide de rester saisie de la question ;',
          '2. Prie le Secrétaire général de faire rapport.',
        ],
        ['(1) A/79/100.', '(2) A/79/200.'],
      ),
      typedText(
        ['Protección de los humedales costeros', 'La Asamblea General,'],
        [
          'Recordando su resolución 78/1 de 2024,(1)',
          'Tomando nota del informe,(2)',
          '1. Decide seguir ocupándose de la cuestión;',
          '2. Solicita al Secretario General que la informe.',
        ],
        ['(1) A/79/100.', '(2) A/79/200.'],
      ),
    ];
    for (const text of texts) {
      const result = load(text);
      expect(shape(result), text).toEqual(['pre', 'pre', 'op 1.', 'op 2.']);
      expect(notesOf(result), text).toEqual(['A/79/100.', 'A/79/200.']);
    }
  });

  it('references typed one after another, "2024,(1)(2)", are each linked to their note', () => {
    const body = ['Recalling its resolutions 78/1 and 78/2 of 2024,(1)(2)', 'Taking note of the report,(3)', ...EN_OPS];
    const result = load(typedText(EN, body, ['(1) A/78/100.', '(2) A/78/200.', '(3) A/79/300.']));
    expect(shape(result)).toEqual(['pre', 'pre', 'op 1.', 'op 2.']);
    expect(notesOf(result)).toEqual(['A/78/100.', 'A/78/200.', 'A/79/300.']);
    expect(blocks(result.doc)[2]).toBe('preambular: Recalling its resolutions 78/1 and 78/2 of 2024,A/78/100.A/78/200.');
    expect(runningText(result.doc)).not.toMatch(/\([123]\)/);
    expect(result.report.footnotes.map((f) => [f.printed, f.references])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
  });

  it('without notes, references that recur still leave the paragraphs preambular, kept in the text as printed', () => {
    const result = load(typedText(EN, ['Recalling its resolution 78/1 of 2024,(1)', 'Taking note of the report,(2)', ...EN_OPS]));
    expect(shape(result)).toEqual(['pre', 'pre', 'op 1.', 'op 2.']);
    expect(notesOf(result)).toEqual([]);
    expect(blocks(result.doc)[2]).toBe('preambular: Recalling its resolution 78/1 of 2024,(1)');
    expect(codes(result)).toContain('footnote-not-found');
  });

  it('a single "(1)" without a note is not taken for a reference', () => {
    const result = load(typedText(EN, ['Recalling its resolution 78/1 of 2024,(1)', ...EN_OPS]));
    expect(shape(result)).toEqual(['plain', 'op 1.', 'op 2.']);
    expect(notesOf(result)).toEqual([]);
  });
});

describe('typed notes at the end of the text', () => {
  it('are not joined onto the last operative paragraph, whose reference follows its full stop', () => {
    const body = ['Recalling its resolution 78/1,', '1. Decides to remain seized of the matter;(1)', '2. Requests the Secretary-General to report.(2)'];
    const result = load(typedText(EN, body, ['(1) A/79/100.', '(2) See A/79/200, para. 3.']));
    expect(shape(result)).toEqual(['pre', 'op 1.', 'op 2.']);
    expect(blocks(result.doc)[4]).toBe('operative: Requests the Secretary-General to report.See A/79/200, para. 3.');
    expect(codes(result)).not.toContain('page-split-joined');
  });

  it('Arabic: "(1) انظر …" after the last operative paragraph is a note, referenced after a word', () => {
    const body = ['إذ تشير إلى الاتفاقية(1) وإلى قرارها 78/1،', '1 - تقرر أن تواصل النظر في المسألة؛', '2 - تطلب إلى الأمين العام أن يقدم تقريرا(2).'];
    const result = load(typedText(AR, body, ['(1) انظر A/79/100.', '(2) A/79/200.']));
    expect(shape(result)).toEqual(['pre', 'op 1.', 'op 2.']);
    expect(notesOf(result)).toEqual(['انظر A/79/100.', 'A/79/200.']);
    expect(codes(result)).toContain('footnote-typed');
  });

  it('a text cut from a report has its typed notes from 21 on', () => {
    const body = ['Recalling its resolution 78/1,(21)', 'Noting the report,(22)', ...EN_OPS];
    const result = load(typedText(EN, body, ['(21) A/79/100.', '(22) A/79/200.']));
    expect(shape(result)).toEqual(['pre', 'pre', 'op 1.', 'op 2.']);
    expect(notesOf(result)).toEqual(['A/79/100.', 'A/79/200.']);
  });
});

describe('typed notes at the foot of a page', () => {
  it('are read as the notes of the references before them, with those at the end', () => {
    const body = [
      'Recalling its resolution 78/1 of 2024,(1)',
      'Taking note of the report of the Secretary-General,(2)',
      '(1) A/79/100.',
      '(2) A/79/200.',
      '1. Decides to remain seized of the matter;(3)',
      '2. Requests the Secretary-General to report.',
    ];
    const result = load(typedText(EN, body, ['(3) A/79/300.']));
    expect(shape(result)).toEqual(['pre', 'pre', 'op 1.', 'op 2.']);
    expect(notesOf(result)).toEqual(['A/79/100.', 'A/79/200.', 'A/79/300.']);
    expect(runningText(result.doc)).not.toMatch(/\([123]\)/);
    expect(result.report.footnotes.map((f) => [f.printed, f.references])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
    expect(result.report.warnings.find((w) => w.code === 'footnote-typed')?.message).toContain('at the foot of its pages and at its end');
  });

  it('Arabic: a paragraph split by the page, its note at the foot between its halves, is joined', () => {
    const body = [
      'إذ تشير إلى الاتفاقية(1) وإلى جميع القرارات السابقة ذات الصلة التي اتخذتها بشأن هذه المسألة',
      '(1) انظر A/79/100.',
      'في دوراتها السابقة،',
      'وإذ تحيط علما بتقرير الأمين العام،(2)',
      '(2) A/79/200.',
      ...AR_OPS,
    ];
    const result = load(typedText(AR, body));
    expect(shape(result)).toEqual(['pre', 'pre', 'op 1.', 'op 2.']);
    expect(notesOf(result)).toEqual(['انظر A/79/100.', 'A/79/200.']);
    expect(blocks(result.doc)[2]).toContain('المسألة في دوراتها السابقة،');
    expect(codes(result)).toContain('page-split-joined');
  });

  it('a list item "(1)" after a chapeau stays a paragraph, though "(1)" is referred to before it', () => {
    const body = ['Recalling its resolution 78/1,(1)', '1. Welcomes the report;', '2. Decides:', '(1) To continue its work;', '(2) To report at its next session.'];
    const result = load(typedText(EN, body, ['(1) A/79/100.']));
    expect(shape(result)).toEqual(['pre', 'op 1.', 'op 2.', 'plain', 'plain']);
    expect(notesOf(result)).toEqual(['A/79/100.']);
    expect(blocks(result.doc).some((b) => b.endsWith('(1) To continue its work;'))).toBe(true);
  });

  it('a line "(n) …" not taken for a note is text: the references in it count', () => {
    const body = ['Recalling its resolution 78/1,(1)', 'Decides', '(3) to take note of the report,(2)', '(4) to continue its work;', ...EN_OPS];
    const result = load(typedText(EN, body, ['(1) A/79/100.', '(2) A/79/200.']));
    expect(notesOf(result)).toEqual(['A/79/100.', 'A/79/200.']);
    expect(blocks(result.doc).some((b) => b.includes('(3) to take note of the report,A/79/200.'))).toBe(true);
  });

  it('a line "(n) …" before its reference, or out of order, is no note', () => {
    const early = load(typedText(EN, ['(1) A/79/100.', 'Recalling its resolution 78/1,(1)', 'Noting the report,(2)', ...EN_OPS], ['(2) A/79/200.']));
    expect(notesOf(early)).toEqual(['A/79/200.']);
    expect(blocks(early.doc)).toContain('plain: (1) A/79/100.');
    const skipped = load(typedText(EN, ['Recalling its resolution 78/1,(1)', '(2) A/79/200.', 'Noting the report,(2)', ...EN_OPS], ['(1) A/79/100.']));
    expect(notesOf(skipped)).toEqual(['A/79/100.']);
  });
});

describe('a list numbered "(1)", "(2)" is no notes section', () => {
  const list = ['2. Decides:', '(1) To continue its work;', '(2) To report at its next session.'];

  it('stays as read before when nothing in the body refers to it', () => {
    const result = load(typedText(EN, ['Recalling its resolution 78/1,', '1. Welcomes the report;', ...list]));
    expect(shape(result)).toEqual(['pre', 'op 1.', 'op 2.', 'plain', 'plain']);
    expect(notesOf(result)).toEqual([]);
    expect(codes(result)).not.toContain('footnote-typed');
  });

  it('stays when the body cites "article 4(1)" and "section IV(2)" of a treaty', () => {
    const result = load(typedText(EN, ['Recalling article 4(1) of the Convention,', '1. Welcomes the report under section IV(2);', ...list]));
    expect(shape(result)).toEqual(['pre', 'op 1.', 'op 2.', 'plain', 'plain']);
    expect(notesOf(result)).toEqual([]);
  });

  it('stays when the body cites "article 4(1)(b)" and "article 4(1)(2)"', () => {
    const result = load(typedText(EN, ['Recalling article 4(1)(2) of the Convention,', '1. Welcomes the report under article 5(1)(b);', ...list]));
    expect(shape(result)).toEqual(['pre', 'op 1.', 'op 2.', 'plain', 'plain']);
    expect(notesOf(result)).toEqual([]);
  });

  it('stays when the items run out of order or one of them is never referred to', () => {
    const gaps = load(typedText(EN, ['Recalling its resolution 78/1,(1)', '1. Welcomes the report;', '2. Decides:'], ['(1) To continue its work;', '(3) To report.']));
    expect(notesOf(gaps)).toEqual([]);
    const unused = load(typedText(EN, ['Recalling its resolution 78/1,(1)', '1. Welcomes the report;', '2. Decides:'], ['(1) To continue its work;', '(2) To report.']));
    expect(notesOf(unused)).toEqual([]);
  });
});
