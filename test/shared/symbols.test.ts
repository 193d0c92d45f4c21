import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkPrefix, compareSymbols, draftSymbol, formatSymbol, isDraftText, orderLineage, parseSymbol, sameDraft, type DocSymbol } from '../../shared/symbols';

/** A parsed symbol of the COP 11 session, with the given parts changed. */
function sym(over: Partial<DocSymbol> = {}): DocSymbol {
  return { prefix: 'CTOC/COP/2022', lNumber: 9, revision: 0, reissued: false, ...over };
}

/** Parse and expect success. */
function parsed(text: string): DocSymbol {
  const r = parseSymbol(text);
  if (!r.ok) throw new Error(`expected ${text} to parse: ${r.error}`);
  return r.value;
}

/** Parse and expect a refusal; returns its message. */
function refusal(text: string): string {
  const r = parseSymbol(text);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused`);
  return r.error;
}

describe('parseSymbol', () => {
  it.each<[string, DocSymbol]>([
    ['CTOC/COP/2022/L.9', sym()],
    ['CTOC/COP/2022/L.9/Rev.1', sym({ revision: 1 })],
    ['A/C.3/68/L.75', sym({ prefix: 'A/C.3/68', lNumber: 75 })],
    ['A/C.3/68/L.1/Add.3', sym({ prefix: 'A/C.3/68', lNumber: 1, addendum: 3 })],
    ['CTOC/COP/2022/L.5/Corr.1', sym({ lNumber: 5, corrigendum: 1 })],
    ['CTOC/COP/2022/L.10/Rev.2/Add.1', sym({ lNumber: 10, revision: 2, addendum: 1 })],
    ['CTOC/COP/2022/L.10/Rev.2/Corr.1', sym({ lNumber: 10, revision: 2, corrigendum: 1 })],
    ['A/68/L.1/Add.1/Corr.2', sym({ prefix: 'A/68', lNumber: 1, addendum: 1, corrigendum: 2 })],
    ['A/C.3/68/L.75*', sym({ prefix: 'A/C.3/68', lNumber: 75, reissued: true })],
    ['E/CN.15/2022/L.3/Rev.1*', sym({ prefix: 'E/CN.15/2022', lNumber: 3, revision: 1, reissued: true })],
  ])('reads %s', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it('leaves addendum and corrigendum out when there are none', () => {
    const s = parsed('CTOC/COP/2022/L.9/Rev.1');
    expect('addendum' in s).toBe(false);
    expect('corrigendum' in s).toBe(false);
  });

  it.each<[string, string]>([
    ['', 'the symbol is empty'],
    ['CTOC/COP/2022/L.9/Rev.x', '"Rev.x": revision number must be a positive integer'],
    ['CTOC/COP/2022/L.9/Rev.', '"Rev.": revision number must be a positive integer'],
    ['CTOC/COP/2022/L.9/Rev.0', '"Rev.0": revision number must be a positive integer'],
    ['CTOC/COP/2022/L.9/Rev.01', '"Rev.01": revision number has a leading zero'],
    ['CTOC/COP/2022/L.9/Rev.-1', '"Rev.-1": revision number must be a positive integer'],
    ['CTOC/COP/2022/L.9/Rev.1.5', '"Rev.1.5": revision number must be a positive integer'],
    ['CTOC/COP/2022/L.0', '"L.0": draft number must be a positive integer'],
    ['CTOC/COP/2022/L.x', '"L.x": draft number must be a positive integer'],
    ['CTOC/COP/2022/L.99999999999999999999', '"L.99999999999999999999": draft number is too large'],
    ['CTOC/COP/2022/L.5/Add.0', '"Add.0": addendum number must be a positive integer'],
    ['CTOC/COP/2022/L.5/Corr.two', '"Corr.two": corrigendum number must be a positive integer'],
    ['CTOC/COP/2022', '"CTOC/COP/2022": missing the L part (such as "L.9") after the session prefix'],
    ['CTOC/COP/2022/Rev.1', '"CTOC/COP/2022/Rev.1": missing the L part (such as "L.9") after the session prefix'],
    ['L.9', '"L.9": missing the session prefix before the L part'],
    ['CTOC/COP/2022/l.9', '"l.9": write the L part with a capital "L", as in "L.9"'],
    ['CTOC/COP/2022/L9', '"L9": write the L part with a dot, as in "L.9"'],
    ['CTOC/COP/2022/L.9/rev.1', '"rev.1": write "Rev.1" (suffixes are written Rev., Add. and Corr.)'],
    ['CTOC/COP/2022/L.9/ADD.1', '"ADD.1": write "Add.1" (suffixes are written Rev., Add. and Corr.)'],
    ['CTOC/COP/2022/L.9 /Rev.1', '"L.9 ": a symbol contains no spaces'],
    ['CTOC/COP/2022/L.9/Rev. 1', '"Rev. 1": a symbol contains no spaces'],
    [' CTOC/COP/2022/L.9', '" CTOC": a symbol contains no spaces'],
    ['CTOC/COP/2022/L.9/Rev.1/Rev.2', '"Rev.2": the symbol already has a revision ("Rev.1")'],
    ['CTOC/COP/2022/L.9/Add.1/Add.2', '"Add.2": the symbol already has an addendum ("Add.1")'],
    ['CTOC/COP/2022/L.9/Corr.1/Corr.1', '"Corr.1": the symbol already has a corrigendum ("Corr.1")'],
    ['CTOC/COP/2022/L.9/Add.1/Rev.1', '"Rev.1": "Rev." must come before "Add.1"'],
    ['CTOC/COP/2022/L.9/Corr.1/Add.1', '"Add.1": "Add." must come before "Corr.1"'],
    ['CTOC/COP/2022/L.9/Amend.1', '"Amend.1": unknown suffix (expected Rev.n, Add.n or Corr.n)'],
    ['CTOC/COP/2022/L.9/Rev1', '"Rev1": unknown suffix (expected Rev.n, Add.n or Corr.n)'],
    ['CTOC//2022/L.9', '"CTOC//2022/L.9": a symbol has no empty part between two "/"'],
    ['CTOC/COP/2022/L.9/', '"CTOC/COP/2022/L.9/": a symbol has no empty part between two "/"'],
    ['ctoc/COP/2022/L.9', '"ctoc": a prefix part is capital letters and digits, with dots between them (as in "C.3")'],
    ['A/C..3/68/L.1', '"C..3": a prefix part is capital letters and digits, with dots between them (as in "C.3")'],
    ['A/C-3/68/L.1', '"C-3": a prefix part is capital letters and digits, with dots between them (as in "C.3")'],
    ['CTOC/COP/2022/L.9*/Rev.1', '"L.9*": the reissue mark "*" comes once, at the end of the symbol'],
    ['A/C.3/68/L.75**', '"L.75**": the reissue mark "*" comes once, at the end of the symbol'],
  ])('refuses %j', (text, message) => {
    expect(refusal(text)).toBe(message);
  });

  it('names the bad part in every refusal of a malformed suffix', () => {
    for (const bad of ['Rev.x', 'Rev.0', 'rev.1', 'Amend.1', 'Corr.', 'Add.007']) {
      expect(refusal(`A/C.3/68/L.1/${bad}`)).toContain(`"${bad}"`);
    }
  });

  it('refuses a value that is not text instead of throwing', () => {
    expect(parseSymbol(42 as unknown as string)).toEqual({ ok: false, error: 'a symbol must be text' });
  });
});

describe('formatSymbol', () => {
  it('writes the suffixes in order: Rev, Add, Corr, then the reissue mark', () => {
    expect(formatSymbol(sym({ lNumber: 10, revision: 2, addendum: 1, corrigendum: 3, reissued: true }))).toBe('CTOC/COP/2022/L.10/Rev.2/Add.1/Corr.3*');
  });

  it('throws a RangeError on a value no symbol could have (a programmer error)', () => {
    expect(() => formatSymbol(sym({ lNumber: 0 }))).toThrow(RangeError);
    expect(() => formatSymbol(sym({ revision: -1 }))).toThrow(RangeError);
    expect(() => formatSymbol(sym({ revision: 1.5 }))).toThrow(RangeError);
    expect(() => formatSymbol(sym({ addendum: 0 }))).toThrow(RangeError);
    expect(() => formatSymbol(sym({ prefix: 'ctoc/cop' }))).toThrow(RangeError);
    expect(() => formatSymbol(sym({ prefix: '' }))).toThrow(RangeError);
  });
});

// A prefix part never looks like an L part ("L.5", "L5"): the parser could not tell them apart.
const prefixPart = fc.stringMatching(/^[A-Z0-9]{1,4}(\.[A-Z0-9]{1,3})?$/).filter((p) => !/^L(\.|\d+$)/.test(p));
const docSymbol: fc.Arbitrary<DocSymbol> = fc
  .record({
    prefix: fc.array(prefixPart, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/')),
    lNumber: fc.integer({ min: 1, max: 500 }),
    revision: fc.integer({ min: 0, max: 12 }),
    addendum: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
    corrigendum: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
    reissued: fc.boolean(),
  })
  .map(({ addendum, corrigendum, ...rest }) => ({
    ...rest,
    ...(addendum !== undefined ? { addendum } : {}),
    ...(corrigendum !== undefined ? { corrigendum } : {}),
  }));

describe('round trips', () => {
  it('parse ∘ format is the identity on parsed symbols', () => {
    fc.assert(
      fc.property(docSymbol, (s) => {
        const back = parseSymbol(formatSymbol(s));
        expect(back).toEqual({ ok: true, value: s });
      }),
    );
  });

  it('format ∘ parse gives back every well-formed symbol unchanged', () => {
    for (const text of [
      'CTOC/COP/2022/L.9',
      'CTOC/COP/2022/L.9/Rev.1',
      'A/C.3/68/L.75',
      'A/C.3/68/L.1/Add.3',
      'CTOC/COP/2022/L.5/Corr.1',
      'CTOC/COP/2022/L.10/Rev.2/Add.1',
      'A/C.3/68/L.75*',
    ]) {
      expect(formatSymbol(parsed(text))).toBe(text);
    }
  });

  it('writes back unchanged any text it accepts (one spelling per document), and never throws', () => {
    const piece = fc.constantFrom(
      'CTOC',
      'COP',
      '2022',
      'A',
      'C.3',
      'c.3',
      '68',
      'L.9',
      'L.10',
      'L.0',
      'l.9',
      'L9',
      'Rev.1',
      'Rev.2',
      'Rev.0',
      'rev.1',
      'Add.2',
      'Corr.1',
      'Corr.01',
      'X.1',
      '*',
      ' ',
      '',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 7 }), fc.boolean(), (pieces, star) => {
        const text = pieces.join('/') + (star ? '*' : '');
        const r = parseSymbol(text);
        if (r.ok) expect(formatSymbol(r.value)).toBe(text);
        else expect(r.error).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });

  it('a formatted symbol always passes the prefix check for its prefix', () => {
    fc.assert(fc.property(docSymbol, (s) => checkPrefix(s.prefix).ok));
  });
});

describe('checkPrefix', () => {
  it('accepts session prefixes', () => {
    for (const p of ['CTOC/COP/2022', 'A/C.3/68', 'E/CN.15/2022', 'A/HRC/52']) expect(checkPrefix(p)).toEqual({ ok: true, value: p });
  });

  it('refuses a malformed prefix naming the part', () => {
    expect(checkPrefix('')).toEqual({ ok: false, error: 'the symbol prefix is empty' });
    expect(checkPrefix('A/c.3/68')).toEqual({
      ok: false,
      error: '"c.3": a prefix part is capital letters and digits, with dots between them (as in "C.3")',
    });
    expect(checkPrefix('A//68')).toEqual({ ok: false, error: '"A//68": a symbol has no empty part between two "/"' });
    expect(checkPrefix('A/C 3')).toEqual({ ok: false, error: '"C 3": a symbol contains no spaces' });
    expect(checkPrefix('A/L.5')).toEqual({ ok: false, error: '"L.5": a prefix part cannot look like the L part' });
    expect(checkPrefix('A/L5')).toEqual({ ok: false, error: '"L5": a prefix part cannot look like the L part' });
  });
});

describe('the lineage of a draft', () => {
  it('draftSymbol writes the symbol of revision n of draft L.k', () => {
    expect(draftSymbol('CTOC/COP/2022', 9)).toBe('CTOC/COP/2022/L.9');
    expect(draftSymbol('CTOC/COP/2022', 9, 2)).toBe('CTOC/COP/2022/L.9/Rev.2');
    expect(() => draftSymbol('CTOC/COP/2022', 0)).toThrow(RangeError);
  });

  it('isDraftText tells a text of the draft from an addendum or corrigendum', () => {
    expect(isDraftText(parsed('CTOC/COP/2022/L.9/Rev.1'))).toBe(true);
    expect(isDraftText(parsed('A/C.3/68/L.1/Add.3'))).toBe(false);
    expect(isDraftText(parsed('CTOC/COP/2022/L.5/Corr.1'))).toBe(false);
  });

  it('sameDraft compares prefix and L-number only', () => {
    expect(sameDraft(parsed('CTOC/COP/2022/L.9'), parsed('CTOC/COP/2022/L.9/Rev.1/Corr.1*'))).toBe(true);
    expect(sameDraft(parsed('CTOC/COP/2022/L.9'), parsed('CTOC/COP/2022/L.10'))).toBe(false);
    expect(sameDraft(parsed('CTOC/COP/2022/L.9'), parsed('CTOC/COP/2020/L.9'))).toBe(false);
  });

  it('compareSymbols orders L.9 < L.9/Rev.1 < L.9/Rev.2 and puts Add/Corr after the text they amend', () => {
    const inOrder = [
      'CTOC/COP/2022/L.9',
      'CTOC/COP/2022/L.9/Corr.1',
      'CTOC/COP/2022/L.9/Add.1',
      'CTOC/COP/2022/L.9/Add.1/Corr.1',
      'CTOC/COP/2022/L.9/Add.2',
      'CTOC/COP/2022/L.9/Rev.1',
      'CTOC/COP/2022/L.9/Rev.1*',
      'CTOC/COP/2022/L.9/Rev.1/Add.1',
      'CTOC/COP/2022/L.9/Rev.2',
      'CTOC/COP/2022/L.10',
      'CTOC/COP/2023/L.1',
    ].map(parsed);
    for (const [i, a] of inOrder.entries()) {
      for (const [j, b] of inOrder.entries()) {
        expect(Math.sign(compareSymbols(a, b))).toBe(Math.sign(i - j));
      }
    }
  });

  it('compareSymbols orders L-numbers as numbers, not text', () => {
    expect(compareSymbols(parsed('A/C.3/68/L.9'), parsed('A/C.3/68/L.10'))).toBeLessThan(0);
  });

  it('orderLineage sorts the texts of one draft', () => {
    expect(orderLineage(['CTOC/COP/2022/L.10/Rev.2', 'CTOC/COP/2022/L.10', 'CTOC/COP/2022/L.10/Rev.1'])).toEqual({
      ok: true,
      value: ['CTOC/COP/2022/L.10', 'CTOC/COP/2022/L.10/Rev.1', 'CTOC/COP/2022/L.10/Rev.2'],
    });
    expect(orderLineage([])).toEqual({ ok: true, value: [] });
  });

  it('orderLineage refuses another draft, a duplicate and a malformed symbol, naming it', () => {
    expect(orderLineage(['CTOC/COP/2022/L.9', 'CTOC/COP/2022/L.10'])).toEqual({
      ok: false,
      error: '"CTOC/COP/2022/L.10" is not a text of the same draft as "CTOC/COP/2022/L.9"',
    });
    expect(orderLineage(['CTOC/COP/2022/L.9/Rev.1', 'CTOC/COP/2022/L.9', 'CTOC/COP/2022/L.9/Rev.1'])).toEqual({
      ok: false,
      error: '"CTOC/COP/2022/L.9/Rev.1" appears twice',
    });
    expect(orderLineage(['CTOC/COP/2022/L.9', 'CTOC/COP/2022/L.9/rev.1'])).toEqual({
      ok: false,
      error: '"rev.1": write "Rev.1" (suffixes are written Rev., Add. and Corr.)',
    });
  });

  it('orderLineage sorts any shuffle of a lineage into the same order', () => {
    const lineage = ['CTOC/COP/2022/L.9', 'CTOC/COP/2022/L.9/Add.1', 'CTOC/COP/2022/L.9/Rev.1', 'CTOC/COP/2022/L.9/Rev.2'];
    fc.assert(
      fc.property(fc.shuffledSubarray(lineage, { minLength: lineage.length }), (shuffled) => {
        expect(orderLineage(shuffled)).toEqual({ ok: true, value: lineage });
      }),
    );
  });
});
