import { describe, expect, it } from 'vitest';
import { checkVisibleText, forbiddenCharacter, hasVisibleText } from '../../shared/visibleText';

/** Show a string's code points, so that a failing row says which invisible it was. */
const show = (s: string) => [...s].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ') || '(empty)';

describe('hasVisibleText', () => {
  // Each row: a string that shows nothing, alone and repeated with spaces around it.
  it.each<[string, string]>([
    ['empty', ''],
    ['spaces', '   '],
    ['tab and newline', '\t\n'],
    ['no-break space', '\u00A0'],
    ['ideographic space', '\u3000'],
    ['zero-width space', '\u200B'],
    ['zero-width non-joiner', '\u200C'],
    ['zero-width joiner', '\u200D'],
    ['word joiner', '\u2060'],
    ['byte-order mark', '\uFEFF'],
    ['soft hyphen', '\u00AD'],
    ['left-to-right and right-to-left marks', '\u200E\u200F'],
    ['Arabic letter mark', '\u061C'],
    ['bidi embeddings and overrides', '\u202A\u202B\u202C\u202D\u202E'],
    ['bidi isolates', '\u2066\u2067\u2068\u2069'],
    ['NUL', '\u0000'],
    ['other C0 controls', '\u0001\u001B\u001F'],
    ['DEL and C1 controls', '\u007F\u0080\u0085\u009F'],
    ['variation selector', '\uFE0F'],
    ['combining grapheme joiner', '\u034F'],
    ['Hangul filler', '\u3164'],
    ['Mongolian vowel separator', '\u180E'],
    ['blank Braille pattern', '\u2800'],
    ['a mix of them', ' \u200B\u00AD\uFEFF\u2060 \u200D '],
  ])('%s shows nothing', (_, text) => {
    expect(hasVisibleText(text), show(text)).toBe(false);
    expect(hasVisibleText(` ${text}${text} `), show(text)).toBe(false);
    expect(checkVisibleText(text).ok, show(text)).toBe(false);
  });

  it.each<[string, string]>([
    ['Latin', 'Chile'],
    ['Chinese', '智利'],
    ['Arabic with a right-to-left mark', 'مصر\u200F'],
    ['Persian with a zero-width non-joiner', 'می\u200Cخواهم'],
    ['a single character between invisibles', '\u200Bx\u200B'],
    ['an emoji sequence with a joiner', '\u{1F469}\u200D\u{1F4BB}'],
    ['a soft hyphen inside a word', 'Counter\u00ADterrorism'],
  ])('%s is visible', (_, text) => {
    expect(hasVisibleText(text), show(text)).toBe(true);
  });
});

describe('forbiddenCharacter', () => {
  it.each<[string, string, string]>([
    ['NUL inside a name', 'Chi\u0000le', 'U+0000'],
    ['escape', 'A\u001B[31m', 'U+001B'],
    ['newline', 'Eleventh\nsession', 'U+000A'],
    ['tab', 'L.9\tdraft', 'U+0009'],
    ['DEL', 'Peru\u007F', 'U+007F'],
    ['a C1 control', 'Peru\u0085', 'U+0085'],
    ['a lone surrogate', 'Peru\uD800', 'U+D800'],
    ['a right-to-left override', 'Draft \u202Etxt.exe', 'U+202E'],
    ['a left-to-right isolate', '\u2066Chile\u2069', 'U+2066'],
  ])('refuses %s', (_, text, named) => {
    expect(forbiddenCharacter(text)).toBe(named);
    const checked = checkVisibleText(text);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toContain(named);
  });

  it.each([
    ['a plain name', 'Secretariat officer'],
    ['right-to-left and left-to-right marks', 'مصر\u200F (Egypt)\u200E'],
    ['joiners', 'می\u200Cخواهم'],
    ['an astral character', '\u{1F1E8}\u{1F1F1}'],
  ])('accepts %s', (_, text) => {
    expect(forbiddenCharacter(text)).toBeNull();
    expect(checkVisibleText(text)).toEqual({ ok: true, value: text });
  });
});
