/**
 * Every delegation colour is readable where it is used: white on the cursor label, and as the
 * colour of proposed words on the insertion's light green (WCAG 1.4.3, 4.5:1; deleted words keep
 * the text's dark red, only their strike takes the colour). The
 * demo's China drew its proposed words in #4d7c0f on the insertion green at 4.40:1.
 */
import { describe, expect, it } from 'vitest';
import { PRESENCE_PALETTE } from '../../shared/presence';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('the delegation colours', () => {
  it.each(['#ffffff', '#e6f4ea'])('reach 4.5:1 against %s', (background) => {
    for (const colour of PRESENCE_PALETTE) expect(contrast(colour, background), colour).toBeGreaterThanOrEqual(4.5);
  });
  it('fails a colour under 4.5:1', () => expect(contrast('#4d7c0f', '#e6f4ea')).toBeLessThan(4.5));
});
