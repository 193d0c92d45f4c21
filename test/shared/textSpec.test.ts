/** Naming a text of a draft in a URL: every kind round-trips, and a spec that names nothing is refused. */
import { describe, expect, it } from 'vitest';
import { formatTextSpec, parseTextSpec, type TextSpec } from '../../shared/textSpec';

describe('text specs', () => {
  it('round-trip every kind', () => {
    const specs: TextSpec[] = [
      { kind: 'working' },
      { kind: 'revision', symbol: 'L.9/Rev.1' },
      { kind: 'revision', symbol: 'CTOC/COP/2022/L.9' },
      { kind: 'seq', seq: 0 },
      { kind: 'seq', seq: 42 },
      { kind: 'at', at: '2022-10-21T12:05:00.000Z' },
      { kind: 'amended', symbol: 'L.10/Rev.2' },
      { kind: 'final' },
    ];
    for (const s of specs) expect(parseTextSpec(formatTextSpec(s))).toEqual({ ok: true, value: s });
  });

  it('reads a time with an offset as UTC', () => {
    expect(parseTextSpec('at:2022-10-21T14:05+02:00')).toEqual({ ok: true, value: { kind: 'at', at: '2022-10-21T12:05:00.000Z' } });
  });

  it('refuses specs that name no text, saying what would', () => {
    for (const bad of ['', 'seq:', 'seq:-1', 'seq:1.5', 'at:yesterday', 'at:2022-10-21', 'amended:', 'L.9 Rev.1', '../etc', 'L.9?x']) {
      const parsed = parseTextSpec(bad);
      expect(parsed.ok, bad).toBe(false);
    }
    const refused = parseTextSpec('L.9 Rev.1');
    expect(!refused.ok && refused.error).toContain('working, final, seq:<n>, at:<time> or amended:<symbol>');
  });

  it('reads "final" as the text acted on, not as a symbol', () => {
    expect(parseTextSpec(' final ')).toEqual({ ok: true, value: { kind: 'final' } });
    expect(formatTextSpec({ kind: 'final' })).toBe('final');
    expect(parseTextSpec('L.final')).toEqual({ ok: true, value: { kind: 'revision', symbol: 'L.final' } });
  });
});
