import { describe, expect, it } from 'vitest';
import { excerpt } from '../../../shared/compare/units';

// The excerpt as it was computed from the whole 48-character head, before the 25-character shortcut.
function fromWholeHead(text: string): string {
  let head = text.slice(0, 48);
  if (!/[^\S ]| {2}|^ | $|[\uD800-\uDFFF]/.test(head)) return head.length <= 24 ? head : `${head.slice(0, 20)}…`;
  head = head.replace(/\s+/g, ' ').trim();
  if (!/[\uD800-\uDFFF]/.test(head)) return head.length <= 24 ? head : `${head.slice(0, 20)}…`;
  const chars = Array.from(head);
  return chars.length <= 24 ? head : `${chars.slice(0, 20).join('')}…`;
}

describe('the excerpt that names an unnumbered paragraph', () => {
  it('is its opening words, folded, cut at 20 characters past 24', () => {
    expect(excerpt('Recalling its resolution 10/4 on cooperation,')).toBe('Recalling its resolu…');
    expect(excerpt('  Short   one ')).toBe('Short one');
    expect(excerpt('缔约方会议请秘书处报告执行情况并提供资料以及其他相关信息。')).toBe('缔约方会议请秘书处报告执行情况并提供资料…');
  });

  it('is what the whole 48-character head gave, on 200,000 texts of spaces, tabs, ideographic spaces, emoji and letters', () => {
    const alphabet = ['a', 'b', ' ', ' ', '\t', '\u3000', '\u00a0', '\n', '😀', '缔', '约', '\uD83D'];
    let seed = 12345;
    // The high bits of a linear congruential generator (its low bits repeat too soon), multiplied in 32 bits.
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) >>> 12;
    let differ = 0;
    for (let k = 0; k < 200_000; k++) {
      const n = next() % 60;
      let text = '';
      // Mostly letters, so that long even openings with whitespace or emoji after them are common.
      for (let i = 0; i < n; i++) text += next() % 4 === 0 ? alphabet[next() % alphabet.length] : alphabet[next() % 2];
      // And runs of spaces after the opening words, which folding shortens.
      if (k % 3 === 0) text = text.slice(0, 22) + ' '.repeat(next() % 30) + text.slice(22);
      if (excerpt(text) !== fromWholeHead(text)) differ++;
    }
    expect(differ).toBe(0);
  });
});
