import { describe, expect, it } from 'vitest';
import { sequentialNumbering } from '../../shared/numbering';
import { annexLabel, arabicLetter, formatOrdinal, latinSuffix, letterNumber, parseOrdinal, parseRef, printedLabel, romanNumber } from '../../shared/numberingLabels';
import { doc, formula, op, pp, sub, sub2, title } from '../builders';

describe('numbering labels', () => {
  it('letters, roman numerals and Latin insertion words', () => {
    expect([1, 2, 26, 27, 28, 52, 53].map(letterNumber)).toEqual(['a', 'b', 'z', 'aa', 'bb', 'zz', 'aaa']);
    expect([1, 2, 3, 4, 9, 14, 40, 1999].map(romanNumber)).toEqual(['i', 'ii', 'iii', 'iv', 'ix', 'xiv', 'xl', 'mcmxcix']);
    expect([1, 2, 3, 9, 19, 20].map(latinSuffix)).toEqual(['bis', 'ter', 'quater', 'decies', 'vicies', '#21']);
    expect(() => letterNumber(0)).toThrow(RangeError);
  });

  it('reads back every ordinal it writes', () => {
    for (const style of ['arabic', 'letter', 'roman'] as const) {
      for (const n of [0, 1, 4, 9, 26, 27, 60]) {
        for (const k of [0, 1, 2, 19, 20, 25]) expect(parseOrdinal(formatOrdinal({ n, k }, style), style)).toEqual({ n, k });
      }
    }
    expect(parseOrdinal('(iiv)', 'roman')).toBeNull();
    expect(parseOrdinal('(ab)', 'letter')).toBeNull();
    expect(parseOrdinal('3 #5', 'arabic')).toBeNull();
  });

  it('labels annexes in English and Chinese', () => {
    expect(annexLabel(0, 1)).toBe('Annex');
    expect([0, 1, 3, 8].map((i) => annexLabel(i, 12))).toEqual(['Annex I', 'Annex II', 'Annex IV', 'Annex IX']);
    expect([0, 1, 9, 10, 11, 19, 20].map((i) => annexLabel(i, 30, 'zh'))).toEqual(['附件一', '附件二', '附件十', '附件十一', '附件十二', '附件二十', '附件二十一']);
    expect(annexLabel(0, 1, 'zh')).toBe('附件');
    expect(() => annexLabel(2, 2)).toThrow(RangeError);
  });

  it('labels annexes in French, Spanish, Russian and Arabic as their UN texts print them', () => {
    expect([0, 1].map((i) => annexLabel(i, 2, 'fr'))).toEqual(['Annexe I', 'Annexe II']);
    expect([annexLabel(0, 1, 'fr'), annexLabel(0, 1, 'es'), annexLabel(0, 1, 'ru'), annexLabel(0, 1, 'ar')]).toEqual(['Annexe', 'Anexo', 'Приложение', 'المرفق']);
    expect([0, 3].map((i) => annexLabel(i, 4, 'es'))).toEqual(['Anexo I', 'Anexo IV']);
    expect([0, 3].map((i) => annexLabel(i, 4, 'ru'))).toEqual(['Приложение I', 'Приложение IV']);
    expect([0, 1, 10, 19, 20].map((i) => annexLabel(i, 30, 'ar'))).toEqual(['المرفق الأول', 'المرفق الثاني', 'المرفق الحادي عشر', 'المرفق العشرون', 'المرفق 21']);
  });

  it('prints paragraph numbers as each language prints them', () => {
    const numbering = sequentialNumbering(
      doc(
        title('T'),
        formula('F,'),
        pp({ id: 'p1' }, 'Recalling,'),
        op({ id: 'o1' }, 'Decides;'),
        op({ id: 'o2' }, 'Requests:'),
        sub({ id: 's1' }, 'a;'),
        sub({ id: 's2' }, 'b;'),
        sub({ id: 's3' }, 'c:'),
        sub2({ id: 't1' }, 'i;'),
        sub2({ id: 't2' }, 'ii;'),
        sub({ id: 's4' }, 'd;'),
        sub({ id: 's5' }, 'e.'),
      ),
    );
    const labels = (lang: Parameters<typeof printedLabel>[1]) => numbering.paragraphs.map((p) => printedLabel(p, lang));
    expect(labels('en')).toEqual(['', '1.', '2.', '(a)', '(b)', '(c)', '(i)', '(ii)', '(d)', '(e)']);
    expect(labels('zh')).toEqual(['', '1.', '2.', '(a)', '(b)', '(c)', '㈠', '㈡', '(d)', '(e)']);
    expect(labels('fr')).toEqual(['', '1.', '2.', 'a)', 'b)', 'c)', 'i)', 'ii)', 'd)', 'e)']);
    expect(labels('es')).toEqual(labels('fr'));
    expect(labels('ru')).toEqual(labels('fr'));
    expect(labels('ar')).toEqual(['', '1 -', '2 -', '(أ)', '(ب)', '(ج)', '’1‘', '’2‘', '(د)', '(هـ)']);
  });

  it('keeps the Latin word of an inserted paragraph in every language, and counts Arabic letters in abjad order', () => {
    const bis = { kind: 'operative', level: 0, label: '3 bis.', number: '3 bis' } as const;
    expect([printedLabel(bis, 'fr'), printedLabel(bis, 'ar')]).toEqual(['3 bis.', '3 bis -']);
    const subBis = { kind: 'subparagraph', level: 1, label: '(c) bis', number: '(c) bis' } as const;
    expect([printedLabel(subBis, 'es'), printedLabel(subBis, 'ar')]).toEqual(['c) bis', '(ج) bis']);
    expect([1, 5, 10, 26, 28, 29].map(arabicLetter)).toEqual(['أ', 'هـ', 'ي', 'ض', 'غ', 'أأ']);
    expect(printedLabel({ kind: 'subparagraph', level: 2, label: '(xii)', number: '(xii)' }, 'zh')).toBe('(十二)');
  });

  it('reads references into their parts', () => {
    expect(parseRef('OP 4 (c) bis (ii)')).toEqual({ annex: null, head: 'op', path: ['4', '(c) bis', '(ii)'], sole: false });
    expect(parseRef('Annex II, para. (b)')).toEqual({ annex: 1, head: 'lettered', path: ['(b)'], sole: false });
    expect(parseRef('Annex, PP 2 ter')).toEqual({ annex: 0, head: 'pp', path: ['2 ter'], sole: false });
    expect(parseRef('OP (a)')).toEqual({ annex: null, head: 'op', path: ['1', '(a)'], sole: true });
    expect(parseRef('PP new bis')).toEqual({ annex: null, head: 'pp', path: ['new bis'], sole: false });
  });
});
