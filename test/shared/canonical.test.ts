import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJSON, canonicalText, canonicalTextJSON, sha256Hex, textHash } from '../../shared/canonical';
import { importPlainText } from '../../shared/importText';
import { textFromJSON } from '../../shared/schema';
import { doc, em, examples, fn, op, pp, strong, title } from '../builders';

const node = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const FIXTURES = new URL('../../server/demo/fixtures/cop11-zh/', import.meta.url);
// The 150 KB Chinese report lives beside the repository; the test uses it when it is there.
const REPORT = new URL('../../bench/fixtures/cop11-report.zh.txt', import.meta.url);
const fixtureTexts = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => [f, readFileSync(new URL(f, FIXTURES), 'utf8')] as const);

// Reverse the key order of every object, as a database might return them.
const reorder = (v: any): any =>
  Array.isArray(v)
    ? v.map(reorder)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, reorder(x)]),
        )
      : v;

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 examples', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('agrees with node:crypto on every length around the block boundaries', () => {
    for (let n = 0; n <= 200; n++) expect(sha256Hex('a'.repeat(n)), `length ${n}`).toBe(node('a'.repeat(n)));
  });

  it('agrees with node:crypto on random bytes and random Unicode text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), (bytes) => sha256Hex(bytes) === node(bytes)),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => sha256Hex(s) === node(s)),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => sha256Hex(s) === node(s)),
      { numRuns: 300 },
    );
  });

  it('agrees with node:crypto on the fixture texts and the whole report', () => {
    for (const [name, text] of fixtureTexts) expect(sha256Hex(text), name).toBe(node(text));
    for (const big of [new URL('../../server/demo/fixtures/cop11-session.json', import.meta.url), REPORT].filter(existsSync)) {
      const bytes = readFileSync(big);
      expect(sha256Hex(new Uint8Array(bytes)), big.pathname).toBe(node(bytes));
    }
  });
});

describe('canonicalJSON', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJSON({ b: 1, a: [{ d: 'x', c: null }, true], é: 2, Z: 0 })).toBe('{"Z":0,"a":[{"c":null,"d":"x"},true],"b":1,"é":2}');
    expect(canonicalJSON({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJSON(NaN)).toThrow(RangeError);
    expect(() => canonicalJSON({ f: () => 1 })).toThrow(RangeError);
  });

  it('parses back to the same value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => canonicalJSON(JSON.parse(canonicalJSON(v))) === canonicalJSON(v)));
  });
});

describe('canonical texts', () => {
  const small = () => doc(title('T'), pp({ id: 'p1' }, em('Recalling'), ' it', fn({ id: 'f1' }, 'A/77/1.'), ','), op({ id: 'p2' }, 'Decides.'));

  it('is pinned: a change to the canonical form changes every stored hash', () => {
    expect(canonicalTextJSON(small())).toBe(
      '{"content":[{"content":[{"text":"T","type":"text"}],"type":"title"},' +
        '{"attrs":{"id":"p1"},"content":[{"marks":[{"type":"em"}],"text":"Recalling","type":"text"},{"text":" it","type":"text"},' +
        '{"attrs":{"id":"f1"},"content":[{"text":"A/77/1.","type":"text"}],"type":"footnote"},{"text":",","type":"text"}],"type":"preambular"},' +
        '{"attrs":{"id":"p2"},"content":[{"text":"Decides.","type":"text"}],"type":"operative"}],"type":"doc"}',
    );
    expect(textHash(small())).toBe(sha256Hex(canonicalTextJSON(small())));
  });

  it('is the same for a node and its JSON, whatever the key order or the layout of the JSON', () => {
    for (const [name, text] of Object.entries(examples)) {
      const json = text.toJSON();
      expect(textHash(json), name).toBe(textHash(text));
      expect(textHash(reorder(json)), name).toBe(textHash(text));
      expect(textHash(JSON.parse(JSON.stringify(json, null, 2))), name).toBe(textHash(text));
      // Round trip: the canonical JSON is a text of the schema, equal to the original.
      expect(textFromJSON(JSON.parse(canonicalTextJSON(text))).eq(text), name).toBe(true);
    }
  });

  it('ignores Unicode normalisation, stray attributes, split text nodes and mark order', () => {
    const nfd = doc(title('Cote\u0301 d’Ivoire'), op({ id: 'o' }, 'Décide.'.normalize('NFD')));
    const nfc = doc(title('Coté d’Ivoire'), op({ id: 'o' }, 'Décide.'));
    expect(textHash(nfd)).toBe(textHash(nfc));
    expect(canonicalText(nfd).eq(nfc)).toBe(true);
    const json: any = small().toJSON();
    json.content[2].attrs.colour = 'red';
    json.content[2].content = [
      { type: 'text', text: 'Deci' },
      { type: 'text', text: 'des.' },
    ];
    json.content[1].content[0].marks = [{ type: 'em' }];
    expect(textHash(json)).toBe(textHash(small()));
    const both = (marks: string[]) => textHash({ type: 'doc', content: [{ type: 'title', content: [{ type: 'text', text: 'x', marks: marks.map((type) => ({ type })) }] }] });
    expect(both(['strong', 'em'])).toBe(both(['em', 'strong']));
    expect(textHash(doc(title(strong('x'), em('y'))))).not.toBe(textHash(doc(title(em('x'), strong('y')))));
  });

  it('a default attribute left out is the default', () => {
    const json: any = { type: 'doc', content: [{ type: 'title' }, { type: 'subparagraph', content: [{ type: 'text', text: 'a' }] }] };
    expect(canonicalTextJSON(json)).toBe('{"content":[{"type":"title"},{"attrs":{"id":"","level":1},"content":[{"text":"a","type":"text"}],"type":"subparagraph"}],"type":"doc"}');
  });

  it('tells apart texts that differ in words, in paragraph kind or in paragraph ids', () => {
    const base = textHash(small());
    expect(textHash(doc(title('T'), pp({ id: 'p1' }, em('Recalling'), ' it', fn({ id: 'f1' }, 'A/77/1.'), ','), op({ id: 'p2' }, 'Decides!')))).not.toBe(base);
    expect(textHash(doc(title('T'), pp({ id: 'p1' }, em('Recalling'), ' it', fn({ id: 'f1' }, 'A/77/1.'), ','), pp({ id: 'p2' }, 'Decides.')))).not.toBe(base);
    expect(textHash(doc(title('T'), pp({ id: 'p1' }, em('Recalling'), ' it', fn({ id: 'f1' }, 'A/77/1.'), ','), op({ id: 'p3' }, 'Decides.')))).not.toBe(base);
  });

  it('refuses JSON that is not a text of the schema', () => {
    expect(() => textHash({ type: 'doc', content: [{ type: 'operative' }] })).toThrow(RangeError);
    expect(() => textHash({ type: 'table' })).toThrow(RangeError);
  });

  it('hashes the imported fixture texts as node:crypto does, and stably across re-imports', () => {
    for (const [name, printed] of fixtureTexts) {
      const importWithIds = () => {
        let n = 0;
        const r = importPlainText(printed, { newId: () => `i${++n}` });
        if (!r.ok) throw new Error(r.error);
        return r.value.doc;
      };
      const text = importWithIds();
      expect(textHash(text), name).toBe(node(canonicalTextJSON(text)));
      expect(textHash(importWithIds()), name).toBe(textHash(text));
      expect(textHash(reorder(text.toJSON())), name).toBe(textHash(text));
    }
  });
});
