import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffText, sideText, type Segment } from '../../../shared/compare';

const changed = (segments: Segment[]) => segments.filter((s) => s.op !== 'equal');
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const cuts = (text: string) => new Set([...graphemes.segment(text)].map((s) => s.index).concat(text.length));

/** Every segment starts and ends on a grapheme boundary of the side it spells. */
function checkBoundaries(left: string, right: string, segments: Segment[]): void {
  const l = cuts(left);
  const r = cuts(right);
  let a = 0;
  let b = 0;
  for (const s of segments) {
    if (s.op !== 'insert') expect(l.has(a) && l.has(a + s.text.length), `left cut at ${a} in ${JSON.stringify(left)}`).toBe(true);
    if (s.op !== 'delete') expect(r.has(b) && r.has(b + s.text.length), `right cut at ${b} in ${JSON.stringify(right)}`).toBe(true);
    if (s.op !== 'insert') a += s.text.length;
    if (s.op !== 'delete') b += s.text.length;
  }
}

function check(left: string, right: string): Segment[] {
  const segments = diffText(left, right);
  expect(sideText(segments, 'left')).toBe(left);
  expect(sideText(segments, 'right')).toBe(right);
  expect(segments.every((s) => s.text !== '')).toBe(true);
  checkBoundaries(left, right, segments);
  return segments;
}

describe('diffText', () => {
  it('gives whole Chinese phrases, not scattered characters', () => {
    const left = '鼓励缔约国在可能和适当的情况下，根据国内法律法规利用联合调查机构；';
    const right = '大力鼓励缔约国在适当的情况下，根据国内法律法规以及适用的国际法利用联合调查机构；';
    expect(changed(check(left, right))).toEqual([
      { op: 'insert', text: '大力' },
      { op: 'delete', text: '可能和' },
      { op: 'insert', text: '以及适用的国际法' },
    ]);
  });

  it('gives whole English words after the semantic clean-up', () => {
    const segments = check('Requests the Secretariat to report to the Conference', 'Invites the Secretariat to report to the Conference');
    expect(changed(segments)).toEqual([
      { op: 'delete', text: 'Requests' },
      { op: 'insert', text: 'Invites' },
    ]);
  });

  it('reads Arabic right to left as text, the change whole', () => {
    const segments = check('يطلب إلى الأمانة أن تقدم تقريرا', 'يطلب إلى الأمين العام أن يقدم تقريرا');
    expect(sideText(segments, 'right')).toBe('يطلب إلى الأمين العام أن يقدم تقريرا');
    expect(changed(segments)).toEqual([
      { op: 'delete', text: 'الأمانة' },
      { op: 'insert', text: 'الأمين العام' },
      { op: 'delete', text: 'تقدم' },
      { op: 'insert', text: 'يقدم' },
    ]);
  });

  it('never splits a surrogate pair or an emoji with its modifier', () => {
    // diff-match-patch alone shares the high surrogate of 👍 and of the skin tones.
    expect(changed(check('Welcomes 👍🏽 warmly', 'Welcomes 👍🏿 warmly'))).toEqual([
      { op: 'delete', text: '👍🏽' },
      { op: 'insert', text: '👍🏿' },
    ]);
    expect(changed(check('cultural property 𠀀 of', 'cultural property 𠀁 of'))).toEqual([
      { op: 'delete', text: '𠀀' },
      { op: 'insert', text: '𠀁' },
    ]);
  });

  it('never splits a combining sequence or a joined emoji', () => {
    expect(changed(check('Co\u0302te d’Ivoire', 'Co\u0301te d’Ivoire'))).toEqual([
      { op: 'delete', text: 'Co\u0302te' },
      { op: 'insert', text: 'Co\u0301te' },
    ]);
    expect(changed(check('科特迪瓦e\u0302', '科特迪瓦e\u0301'))).toEqual([
      { op: 'delete', text: 'e\u0302' },
      { op: 'insert', text: 'e\u0301' },
    ]);
    expect(changed(check('a 👨‍👩‍👧 family', 'a 👨‍👩‍👦 family'))).toEqual([
      { op: 'delete', text: '👨‍👩‍👧' },
      { op: 'insert', text: '👨‍👩‍👦' },
    ]);
    // In a word, the whole word changes; where words have no spaces, only the grapheme does.
    expect(changed(check('Cote', 'Co\u0302te'))).toEqual([
      { op: 'delete', text: 'Cote' },
      { op: 'insert', text: 'Co\u0302te' },
    ]);
    expect(changed(check('行动👍🏽计划', '行动👍🏿计划'))).toEqual([
      { op: 'delete', text: '👍🏽' },
      { op: 'insert', text: '👍🏿' },
    ]);
  });

  it('gives one equal segment for the same text and none for two empty ones', () => {
    expect(diffText('同一段落', '同一段落')).toEqual([{ op: 'equal', text: '同一段落' }]);
    expect(diffText('', '')).toEqual([]);
    expect(check('', 'new')).toEqual([{ op: 'insert', text: 'new' }]);
  });

  it('spells both sides exactly and cuts only at grapheme boundaries, for any text', () => {
    const atoms = [
      'a',
      'b',
      ' ',
      '的',
      '国',
      '际',
      'é',
      'e',
      '\u0301',
      '\u0302',
      '👍',
      '🏽',
      '🏿',
      '\u200d',
      '👨',
      'ب',
      'ك',
      '\u064e',
      '가',
      '\u1100',
      '\u1161',
      '\r',
      '\n',
      '⟦',
      '⟧',
      '\ud83d',
    ];
    const text = fc.array(fc.constantFrom(...atoms), { maxLength: 30 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, text, (left, right) => {
        check(left, right);
      }),
      { numRuns: 500 },
    );
  });
});
