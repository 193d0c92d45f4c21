import { describe, expect, it } from 'vitest';
import { annexLabel, formatOrdinal, latinSuffix, letterNumber, parseOrdinal, parseRef, romanNumber } from '../../shared/numberingLabels';

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

  it('reads references into their parts', () => {
    expect(parseRef('OP 4 (c) bis (ii)')).toEqual({ annex: null, head: 'op', path: ['4', '(c) bis', '(ii)'], sole: false });
    expect(parseRef('Annex II, para. (b)')).toEqual({ annex: 1, head: 'lettered', path: ['(b)'], sole: false });
    expect(parseRef('Annex, PP 2 ter')).toEqual({ annex: 0, head: 'pp', path: ['2 ter'], sole: false });
    expect(parseRef('OP (a)')).toEqual({ annex: null, head: 'op', path: ['1', '(a)'], sole: true });
    expect(parseRef('PP new bis')).toEqual({ annex: null, head: 'pp', path: ['new bis'], sole: false });
  });
});
