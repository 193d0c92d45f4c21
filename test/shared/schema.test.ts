import { describe, expect, it } from 'vitest';
import { isParagraph, newParagraphId, resolutionSchema as schema, textFromJSON } from '../../shared/schema';
import { annex, doc, em, examples, fn, formula, heading, op, plain, pp, sub, sub2, title, withoutIds } from '../builders';

const t = (text: string) => ({ type: 'text', text });
const json = (content: unknown[]) => ({ type: 'doc', content });

describe('schema', () => {
  describe('every example', () => {
    for (const [name, text] of Object.entries(examples)) {
      it(`${name}: fits the schema and survives a JSON round trip`, () => {
        expect(() => text.check()).not.toThrow();
        const back = textFromJSON(JSON.parse(JSON.stringify(text.toJSON())));
        expect(back.eq(text)).toBe(true);
        expect(back.toJSON()).toEqual(text.toJSON());
      });
    }
  });

  it('accepts the shapes of a text', () => {
    expect(() => doc(title('T'))).not.toThrow();
    expect(() => doc(title('T', fn('A note on the title.')), formula('The Conference,'), pp(em('Recalling'), ' …'), op('…'), sub('…'), sub2('…'), plain('…'))).not.toThrow();
    expect(() => doc(title('T'), sub('(a) …'), sub('(b) …'))).not.toThrow();
    expect(() => doc(title('T'), op('…'), annex(heading('Annex')), annex(heading('H', fn('n')), pp('…'), op('…'), sub('…'), plain('…')))).not.toThrow();
    expect(() => doc(title(''), op())).not.toThrow();
  });

  it('gives every paragraph, annex and footnote an id, and a subparagraph a level', () => {
    const text = doc(title('T'), pp('…'), op('…', fn('n')), sub('…'), sub2('…'), annex(heading('H'), plain('…')));
    const ids: string[] = [];
    text.descendants((node) => {
      if ('id' in node.attrs) ids.push(node.attrs.id);
      if (node.type.name === 'subparagraph') expect([1, 2]).toContain(node.attrs.level);
    });
    expect(ids).toEqual(['p1', 'p2', 'f1', 'p3', 'p4', 'a1', 'p5']);
    expect(schema.nodes.operative!.create().attrs).toEqual({ id: '' });
    expect(schema.nodes.subparagraph!.create().attrs).toEqual({ id: '', level: 1 });
  });

  it('tells paragraphs from other nodes', () => {
    const text = doc(title('T'), formula('F'), pp('a'), op('b'), sub('c'), plain('d'), annex(heading('H')));
    const kinds: string[] = [];
    text.forEach((node) => {
      if (isParagraph(node)) kinds.push(node.type.name);
    });
    expect(kinds).toEqual(['preambular', 'operative', 'subparagraph', 'plain']);
  });

  describe('rejects malformed texts', () => {
    const malformed: Record<string, unknown> = {
      'a doc without a title': json([{ type: 'operative', content: [t('Decides')] }]),
      'a doc with two titles': json([{ type: 'title' }, { type: 'title' }]),
      'a formula after a paragraph': json([{ type: 'title' }, { type: 'operative' }, { type: 'formula' }]),
      'a subparagraph inside the title': json([{ type: 'title', content: [{ type: 'subparagraph', content: [t('x')] }] }]),
      'text directly in the doc': json([{ type: 'title' }, t('loose text')]),
      'a paragraph after an annex': json([{ type: 'title' }, { type: 'annex', content: [{ type: 'annexHeading' }] }, { type: 'operative' }]),
      'an annex without its heading': json([{ type: 'title' }, { type: 'annex', content: [{ type: 'operative' }] }]),
      'an annex inside an annex': json([{ type: 'title' }, { type: 'annex', content: [{ type: 'annexHeading' }, { type: 'annex', content: [{ type: 'annexHeading' }] }] }]),
      'a footnote inside a footnote': json([{ type: 'title' }, { type: 'operative', content: [{ type: 'footnote', content: [{ type: 'footnote' }] }] }]),
      'a footnote that is not inline': json([{ type: 'title' }, { type: 'footnote', content: [t('n')] }]),
      'a node type the schema does not know': json([{ type: 'title' }, { type: 'paragraph' }]),
      'a mark the schema does not know': json([{ type: 'title', content: [{ type: 'text', text: 'T', marks: [{ type: 'underline' }] }] }]),
      'a text node without text': json([{ type: 'title', content: [{ type: 'text' }] }]),
      'a heading outside an annex': json([{ type: 'title' }, { type: 'annexHeading' }]),
    };
    for (const [name, value] of Object.entries(malformed)) {
      it(name, () => expect(() => textFromJSON(value)).toThrow(RangeError));
    }

    it('from the builders too', () => {
      expect(() => doc(op('Decides'))).toThrow(RangeError);
      expect(() => doc(title(sub('x')))).toThrow(RangeError);
      expect(() => doc(title('T'), annex(heading('H')), op('x'))).toThrow(RangeError);
      expect(() => doc(title('T'), annex(op('x')))).toThrow(RangeError);
    });

    it('a subparagraph level other than 1 or 2, and an id that is not a string', () => {
      expect(() => textFromJSON(json([{ type: 'title' }, { type: 'subparagraph', attrs: { id: 'x', level: 7 } }]))).toThrow(RangeError);
      expect(() => textFromJSON(json([{ type: 'title' }, { type: 'subparagraph', attrs: { id: 'x', level: '2' } }]))).toThrow(RangeError);
      expect(() => textFromJSON(json([{ type: 'title' }, { type: 'operative', attrs: { id: 7 } }]))).toThrow(RangeError);
      expect(textFromJSON(json([{ type: 'title' }, { type: 'subparagraph', attrs: { id: 'x', level: 2 } }])).childCount).toBe(2);
    });
  });

  it('compares texts regardless of their ids', () => {
    const a = doc(title('T'), op({ id: 'k2jf8s0qk1za' }, 'Decides', fn({ id: 'n1' }, 'note')));
    const b = doc(title('T'), op('Decides', fn('note')));
    expect(a.eq(b)).toBe(false);
    expect(withoutIds(a)).toEqual(withoutIds(b.toJSON()));
  });

  it('draws paragraph ids of 12 base-36 characters, unique over 10,000 draws', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const id = newParagraphId();
      expect(id).toMatch(/^[0-9a-z]{12}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(10_000);
  });
});
