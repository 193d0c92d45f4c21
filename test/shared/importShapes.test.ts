/**
 * Shapes of printed texts that were misread: Russian subparagraphs typed with Cyrillic letters
 * that look Latin, footnotes without a space after the mark or wrapped onto a second line, an
 * Arabic alef typed without its hamza, roman numerals straight under an operative paragraph,
 * annex headings printed on the marker's line, a Chinese published header with a full-width
 * full stop, lists longer than the alphabet ((aa), (أأ)) or than xxxix, and subparagraphs a
 * negotiation text labels "(a) bis". The words are made for these tests in the style of UN texts; none is a real resolution.
 */
import { describe, expect, it } from 'vitest';
import { exportPlainText } from '../../shared/export/plainText';
import { importPlainText } from '../../shared/importText';
import { negotiationBase, negotiationNumbering, sequentialNumbering } from '../../shared/numbering';
import { doc, formula, op, sub, sub2, title, withoutIds } from '../builders';
import { blocks, codes, footnotes, load, shape } from './importHelpers';

const BODY = ['Protection of coastal wetlands', 'The General Assembly,', 'Recalling its resolution 77/1,'];

describe('Cyrillic letters that look Latin in a Russian list', () => {
  const RU = ['Охрана прибрежных водно-болотных угодий', 'Генеральная Ассамблея,', 'ссылаясь на свою резолюцию 77/1,', '1. призывает государства:'];

  it('continues a Latin list with а, с, е typed in Cyrillic, as (a) to (e)', () => {
    // а, с and е below are Cyrillic; b and d are Latin.
    const result = load(
      [...RU, 'а) укреплять сотрудничество;', 'b) обмениваться данными;', 'с) проводить оценки;', 'd) представлять доклады;', 'е) привлекать общины.'].join('\n'),
    );
    expect(shape(result)).toEqual(['pre', 'op 1.', 'sub1 (a)', 'sub1 (b)', 'sub1 (c)', 'sub1 (d)', 'sub1 (e)']);
    expect(codes(result)).not.toContain('lettering-jump');
    // The label as printed is kept as typed.
    expect(result.report.paragraphs[4]!.asPrinted).toBe('с)');
    // A list all in Cyrillic keeps its own alphabet: е after д is (f).
    const cyrillic = load([...RU, 'а) укреплять;', 'б) обмениваться;', 'в) проводить;', 'г) представлять;', 'д) привлекать;', 'е) поощрять.'].join('\n'));
    expect(shape(cyrillic)).toEqual(['pre', 'op 1.', 'sub1 (a)', 'sub1 (b)', 'sub1 (c)', 'sub1 (d)', 'sub1 (e)', 'sub1 (f)']);
    expect(codes(cyrillic)).not.toContain('lettering-jump');
  });
});

describe('footnote lines', () => {
  it('reads a footnote with no space after its mark', () => {
    const result = load([...BODY.slice(0, 2), 'Recalling its resolution 71/312,¹', '1. Welcomes the report.', '¹A/RES/71/312.'].join('\n'));
    expect(footnotes(result.doc).map((n) => n.textContent)).toEqual(['A/RES/71/312.']);
    expect(shape(result)).toEqual(['pre', 'op 1.']);
  });

  it('joins a note wrapped onto a second line to that note, and no paragraph after a note', () => {
    const NOTE = '² Official Records of the General Assembly, Seventy-eighth Session, Supplement No. 1';
    const result = load([...BODY, 'Taking note of the report of the Secretary-General,²', NOTE, '(A/78/1), chap. II.', '1. Welcomes the report.'].join('\n'));
    expect(footnotes(result.doc).map((n) => n.textContent)).toEqual(['Official Records of the General Assembly, Seventy-eighth Session, Supplement No. 1 (A/78/1), chap. II.']);
    expect(shape(result)).toEqual(['pre', 'pre', 'op 1.']);

    // A note ended by a full stop, then a paragraph.
    const ended = load(
      [...BODY, 'Taking note of the report of the Secretary-General,²', `${NOTE}.`, 'Noting with appreciation the work of the commissions,', '1. Welcomes the report.'].join('\n'),
    );
    expect(footnotes(ended.doc).map((n) => n.textContent)).toEqual([`${NOTE.slice(2)}.`]);
    expect(shape(ended)).toEqual(['pre', 'pre', 'pre', 'op 1.']);

    // A numbered paragraph, and a line opening in a capital, after a note without its full stop.
    const numbered = load([...BODY, 'Taking note of the report of the Secretary-General,²', NOTE, '1. Welcomes the report.'].join('\n'));
    expect(shape(numbered)).toEqual(['pre', 'pre', 'op 1.']);
    const capital = load(
      [...BODY, 'Taking note of the report of the Secretary-General,²', NOTE, 'Noting with appreciation the work of the commissions,', '1. Welcomes the report.'].join('\n'),
    );
    expect(shape(capital)).toEqual(['pre', 'pre', 'pre', 'op 1.']);

    // The rest of a paragraph that the page carried past the notes stays the paragraph's.
    const split = load(
      [
        ...BODY,
        'Taking note of the report of the Secretary-General² on the protection of wetlands in the coastal',
        NOTE,
        'zones of the small island developing States,',
        '1. Welcomes the report.',
      ].join('\n'),
    );
    expect(footnotes(split.doc).map((n) => n.textContent)).toEqual([NOTE.slice(2)]);
    expect(shape(split)).toEqual(['pre', 'pre', 'op 1.']);
    expect(result.report.paragraphs[1]!.lines).toEqual([4]);
    expect(split.report.paragraphs[1]!.lines).toEqual([4, 6]);
  });
});

describe('Arabic letters', () => {
  it('reads (ا), an alef typed without its hamza, as (أ)', () => {
    const result = load(
      ['حماية الأراضي الرطبة الساحلية', 'إن الجمعية العامة،', 'إذ تشير إلى قرارها 77/1،', '1 - تهيب بالدول:', '(ا) أن تعزز التعاون؛', '(ب) أن تتبادل البيانات.'].join('\n'),
    );
    expect(shape(result)).toEqual(['pre', 'op 1.', 'sub1 (a)', 'sub1 (b)']);
    expect(result.report.paragraphs.map((p) => p.asPrinted)).toEqual([null, '1 -', '(أ)', '(ب)']);
    expect(codes(result)).not.toContain('lettering-jump');
  });
});

describe('roman numerals', () => {
  it('reads (i), (ii), (iii) straight under an operative paragraph as a roman list, without a warning', () => {
    const result = load(
      [...BODY, '1. Decides that the fund shall be used for:', '(i) Restoring coastal wetlands;', '(ii) Training local staff;', '(iii) Monitoring water quality.'].join('\n'),
    );
    expect(shape(result)).toEqual(['pre', 'op 1.', 'sub2 (i)', 'sub2 (ii)', 'sub2 (iii)']);
    expect(codes(result)).not.toContain('lettering-jump');
    // (i) after (h) stays the letter i.
    const letters = 'abcdefghi'.split('').map((c) => `(${c}) Restoring site ${c};`);
    const afterH = load([...BODY, '1. Decides that the fund shall be used for:', ...letters].join('\n'));
    expect(shape(afterH).slice(-2)).toEqual(['sub1 (h)', 'sub1 (i)']);
    expect(codes(afterH)).not.toContain('lettering-jump');
  });
});

describe('annex headings on the marker line', () => {
  const annexOf = (text: string) => load([...BODY, '1. Adopts the terms of reference annexed to the present resolution.', ...text.split('\n')].join('\n'));

  it('reads "Annex I: Terms of reference" as the annex and its heading', () => {
    const result = annexOf('Annex I: Terms of reference\n1. The fund shall support coastal States.');
    expect(shape(result)).toEqual(['pre', 'op 1.', '[annex', 'op 1.', ']']);
    expect(result.report.annexes.map((a) => a.heading)).toEqual(['Terms of reference']);
    expect(codes(result)).not.toContain('annex-without-heading');
  });

  it('reads "ANNEX II — Rules" and "Annex III*" with its heading on the next line', () => {
    const result = annexOf(
      'Annex I\nTerms of reference\n1. The fund shall support coastal States.\nANNEX II — Rules\n1. The board shall meet once a year.\nAnnex III*\nBudget\n1. The budget shall be annual.',
    );
    expect(shape(result)).toEqual(['pre', 'op 1.', '[annex', 'op 1.', ']', '[annex', 'op 1.', ']', '[annex', 'op 1.', ']']);
    expect(result.report.annexes.map((a) => a.heading)).toEqual(['Terms of reference', 'Rules', 'Budget']);
    expect(codes(result)).not.toContain('annex-numbering');
  });
});

describe('a Chinese text as published', () => {
  it('reads the number and the title from "80/215．沿海湿地"', () => {
    const result = load(['2025年12月19日大会通过的决议', '80/215．沿海湿地', '大会，', '回顾其第77/1号决议，', '1. 欢迎报告。'].join('\n'));
    expect(result.report.heading).toMatchObject({ kind: 'resolution', number: '80/215' });
    expect(blocks(result.doc).slice(0, 2)).toEqual(['title: 沿海湿地', 'formula: 大会，']);
  });
});

describe('long lists, as the exports print them', () => {
  const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
  const FORMULA = {
    ar: 'إن مؤتمر الأطراف،',
    zh: '缔约方会议，',
    en: 'The Conference of the Parties,',
    fr: 'La Conférence des Parties,',
    ru: 'Конференция Участников,',
    es: 'La Conferencia de las Partes,',
  };

  it.each(LANGS)('reads back 60 lettered and 45 roman subparagraphs in %s: (aa) and (أأ), (xxxviii) and (xl), with no warning', (lang) => {
    const text = doc(
      title('T'),
      formula(FORMULA[lang]),
      op('Requests:'),
      ...Array.from({ length: 60 }, (_, i) => sub(`item ${i + 1};`)),
      op('Decides:'),
      ...Array.from({ length: 45 }, (_, i) => sub2(`point ${i + 1};`)),
    );
    let n = 0;
    const back = importPlainText(exportPlainText(text, { lang }), { newId: () => `x${++n}`, lang });
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(withoutIds(back.value.doc)).toEqual(withoutIds(text));
    expect(codes(back.value)).toEqual([]);
  });
});

describe('subparagraphs inserted during negotiation', () => {
  const base = doc(
    title('T'),
    formula('The Conference of the Parties,'),
    op({ id: 'o1' }, 'Requests:'),
    sub({ id: 's1' }, 'first;'),
    sub2({ id: 'r1' }, 'one;'),
    sub({ id: 's2' }, 'second;'),
    op({ id: 'o2' }, 'Decides.'),
  );
  const now = doc(
    title('T'),
    formula('The Conference of the Parties,'),
    op({ id: 'o1' }, 'Requests:'),
    sub({ id: 's1' }, 'first;'),
    sub2({ id: 'r1' }, 'one;'),
    sub2({ id: 'r1b' }, 'one more;'),
    sub({ id: 's1b' }, 'new;'),
    sub({ id: 's1c' }, 'newer;'),
    sub({ id: 's2' }, 'second;'),
    op({ id: 'o2' }, 'Decides.'),
  );

  it.each(['en', 'fr', 'ar', 'zh'] as const)('reads "(a) bis", "(a) ter" and "(i) bis" as printed in %s, without a warning and without the word in the text', (lang) => {
    const numbering = negotiationNumbering(now, negotiationBase(sequentialNumbering(base)));
    if (!numbering.ok) throw new Error(numbering.error);
    const printed = exportPlainText(now, { lang, numbering: numbering.value });
    expect(printed).toContain(' bis new;');
    let n = 0;
    const back = importPlainText(printed, { newId: () => `x${++n}`, lang });
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(withoutIds(back.value.doc)).toEqual(withoutIds(now));
    expect(codes(back.value)).toEqual([]);
    expect(back.value.report.paragraphs.map((p) => p.printed)).toContain('(a) ter');
  });

  it('says so when an inserted subparagraph does not follow the one it names', () => {
    const result = load([...BODY, '1. Requests:', '(a) first;', '(b) second;', '(a) bis misplaced;', '2. Decides.'].join('\n'));
    expect(codes(result)).toContain('lettering-jump');
  });
});
