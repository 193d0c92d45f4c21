import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keptEnds, lengthBound, profile, similarity } from '../../../shared/compare/similarity';

const text = fc.array(fc.constantFrom('a', 'b', 'ab', ' ', '中', '国', ';'), { maxLength: 30 }).map((parts) => parts.join(''));

describe('the bounds that spare the alignment its profiles', () => {
  it('keptEnds never claims more than the similarity, and lengthBound never less', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const s = similarity(profile(a), profile(b));
        expect(keptEnds(a, b)).toBeLessThanOrEqual(s + 1e-12);
        expect(lengthBound(a.length, b.length)).toBeGreaterThanOrEqual(s - 1e-12);
      }),
      { numRuns: 2000 },
    );
  });

  it('keptEnds reads a paragraph changed in its middle as nearly the same, and a different one as nothing kept', () => {
    const before = 'Requests the Secretariat to report to the Conference at its twelfth session.';
    expect(keptEnds(before, before.replace('twelfth', 'thirteenth'))).toBeGreaterThan(0.8);
    expect(keptEnds(before, 'Invites States parties to share good practices.')).toBe(0);
    expect(keptEnds('', '')).toBe(1);
  });
});
