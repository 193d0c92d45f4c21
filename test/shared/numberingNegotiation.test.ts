import { describe, expect, it } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import { negotiationBase, negotiationNumbering, sequentialNumbering, type Numbering, type NumberingBase } from '../../shared/numbering';
import { annex, doc, heading, op, pp, sub, sub2, title } from '../builders';

const refs = (n: Numbering) => Object.fromEntries(n.paragraphs.map((p) => [p.id, p.ref]));
const labels = (n: Numbering) => n.paragraphs.map((p) => p.label);
const negotiated = (text: PMNode, base: NumberingBase) => {
  const result = negotiationNumbering(text, base);
  if (!result.ok) throw new Error(result.error);
  return result.value;
};
/** The base an issued text leaves for the next round of negotiation. */
const baseOf = (text: PMNode) => negotiationBase(sequentialNumbering(text));

describe('negotiation numbering', () => {
  const ops = (...ids: string[]) => ids.map((id) => op({ id }, `Paragraph ${id}.`));
  const issued = doc(title('T'), pp({ id: 'pp1' }, '…'), pp({ id: 'pp2' }, '…'), ...ops('o1', 'o2', 'o3', 'o4', 'o5'));
  const base = baseOf(issued);

  it('labels a paragraph inserted after OP 3 "3 bis", then the next "3 ter"', () => {
    const once = doc(title('T'), pp({ id: 'pp1' }, '…'), pp({ id: 'pp2' }, '…'), ...ops('o1', 'o2', 'o3', 'n1', 'o4', 'o5'));
    expect(labels(negotiated(once, base)).slice(2)).toEqual(['1.', '2.', '3.', '3 bis.', '4.', '5.']);
    const twice = doc(title('T'), pp({ id: 'pp1' }, '…'), pp({ id: 'pp2' }, '…'), ...ops('o1', 'o2', 'o3', 'n1', 'n2', 'o4', 'o5'));
    const n = negotiated(twice, base);
    expect(labels(n).slice(2)).toEqual(['1.', '2.', '3.', '3 bis.', '3 ter.', '4.', '5.']);
    expect(n.byId.get('n2')).toMatchObject({ number: '3 ter', ref: 'OP 3 ter' });
  });

  it('names the insertions up to "decies" and beyond', () => {
    const inserted = Array.from({ length: 10 }, (_, i) => `n${i}`);
    const text = doc(title('T'), ...ops('o1', 'o2', 'o3', ...inserted, 'o4', 'o5'));
    expect(
      negotiated(text, base)
        .paragraphs.slice(3, 13)
        .map((p) => p.number),
    ).toEqual(['3 bis', '3 ter', '3 quater', '3 quinquies', '3 sexies', '3 septies', '3 octies', '3 novies', '3 decies', '3 undecies']);
  });

  it('leaves a gap where a paragraph was deleted', () => {
    const text = doc(title('T'), ...ops('o1', 'o2', 'o3', 'o5'));
    expect(labels(negotiated(text, base))).toEqual(['1.', '2.', '3.', '5.']);
    expect(refs(negotiated(text, base)).o5).toBe('OP 5');
  });

  it('labels a new paragraph before OP 1 "new"', () => {
    const text = doc(title('T'), ...ops('n1', 'n2', 'o1', 'o2'));
    const n = negotiated(text, base);
    expect(labels(n)).toEqual(['new', 'new bis', '1.', '2.']);
    expect(n.byId.get('n1')!.ref).toBe('OP new');
  });

  it('keeps moved paragraphs their numbers', () => {
    const text = doc(title('T'), ...ops('o1', 'o4', 'n1', 'o2', 'o3', 'o5'));
    expect(labels(negotiated(text, base))).toEqual(['1.', '4.', '4 bis.', '2.', '3.', '5.']);
  });

  it('numbers inserted preambular paragraphs "PP 2 bis" and subparagraphs "(a) bis"', () => {
    const before = doc(
      title('T'),
      pp({ id: 'pp1' }, '…'),
      pp({ id: 'pp2' }, '…'),
      op({ id: 'o1' }, '…'),
      op({ id: 'o2' }, '…'),
      sub({ id: 's1' }, '…'),
      sub({ id: 's2' }, '…'),
      sub2({ id: 'r1' }, '…'),
    );
    const after = doc(
      title('T'),
      pp({ id: 'pp1' }, '…'),
      pp({ id: 'pp2' }, '…'),
      pp({ id: 'np' }, '…'),
      op({ id: 'o1' }, '…'),
      op({ id: 'o2' }, '…'),
      sub({ id: 's1' }, '…'),
      sub({ id: 'ns' }, '…'),
      sub({ id: 's2' }, '…'),
      sub2({ id: 'nr' }, '…'),
      sub2({ id: 'r1' }, '…'),
    );
    expect(refs(negotiated(after, baseOf(before)))).toEqual({
      pp1: 'PP 1',
      pp2: 'PP 2',
      np: 'PP 2 bis',
      o1: 'OP 1',
      o2: 'OP 2',
      s1: 'OP 2 (a)',
      ns: 'OP 2 (a) bis',
      s2: 'OP 2 (b)',
      nr: 'OP 2 (b) (new)',
      r1: 'OP 2 (b) (i)',
    });
  });

  it('numbers the subparagraphs of a new paragraph, or the first ones of an old one, in sequence', () => {
    const text = doc(title('T'), ...ops('o1', 'o2', 'o3', 'n1'), sub('…'), sub('…'), op({ id: 'o4' }, '…'), sub('…'));
    expect(refs(negotiated(text, base))).toMatchObject({ n1: 'OP 3 bis', p1: 'OP 3 bis (a)', p2: 'OP 3 bis (b)', o4: 'OP 4', p3: 'OP 4 (a)' });
  });

  it('numbers as new a paragraph that moved under another parent, level or kind', () => {
    const before = doc(title('T'), pp({ id: 'x' }, '…'), op({ id: 'o1' }, '…'), sub({ id: 's1' }, '…'), sub({ id: 's2' }, '…'), op({ id: 'o2' }, '…'), sub({ id: 's3' }, '…'));
    const after = doc(
      title('T'),
      op({ id: 'x' }, '…'),
      op({ id: 'o1' }, '…'),
      sub({ id: 's1' }, '…'),
      sub2({ id: 's2' }, '…'),
      op({ id: 'o2' }, '…'),
      sub({ id: 's3' }, '…'),
      sub({ id: 'o1x' }, '…'),
    );
    expect(refs(negotiated(after, baseOf(before)))).toEqual({
      x: 'OP new',
      o1: 'OP 1',
      s1: 'OP 1 (a)',
      s2: 'OP 1 (a) (i)',
      o2: 'OP 2',
      s3: 'OP 2 (a)',
      o1x: 'OP 2 (a) bis',
    });
  });

  it('numbers the second of two paragraphs sharing an id as new', () => {
    const text = doc(title('T'), ...ops('o1', 'o2', 'o2', 'o3'));
    expect(labels(negotiated(text, base))).toEqual(['1.', '2.', '2 bis.', '3.']);
  });

  it('keeps a single operative paragraph unnumbered until a second one joins it', () => {
    const single = doc(title('T'), op({ id: 'o' }, '…'), sub({ id: 's' }, '…'));
    const singleBase = baseOf(single);
    expect(singleBase).toEqual({ o: 'OP', s: 'OP (a)' });
    expect(refs(negotiated(single, singleBase))).toEqual({ o: 'OP', s: 'OP (a)' });
    const joined = doc(title('T'), op({ id: 'o' }, '…'), sub({ id: 's' }, '…'), op({ id: 'n' }, '…'));
    expect(refs(negotiated(joined, singleBase))).toEqual({ o: 'OP 1', s: 'OP 1 (a)', n: 'OP 1 bis' });
  });

  it('keeps annexed paragraphs their numbers within their annex', () => {
    const before = doc(title('T'), op({ id: 'o1' }, '…'), annex(heading('H'), sub({ id: 'a' }, '…'), sub({ id: 'b' }, '…')), annex(heading('H'), op({ id: 'c' }, '…')));
    const after = doc(
      title('T'),
      op({ id: 'o1' }, '…'),
      annex(heading('H'), sub({ id: 'a' }, '…'), sub({ id: 'n' }, '…'), sub({ id: 'b' }, '…')),
      annex(heading('H'), op({ id: 'c' }, '…')),
    );
    expect(refs(negotiated(after, baseOf(before)))).toEqual({ o1: 'OP', a: 'Annex I, para. (a)', n: 'Annex I, para. (a) bis', b: 'Annex I, para. (b)', c: 'Annex II, para. 1' });
  });

  it('renumbers in sequence when the next revision is issued', () => {
    const text = doc(title('T'), pp({ id: 'pp1' }, '…'), pp({ id: 'n0' }, '…'), ...ops('n1', 'o1', 'o3', 'n2', 'n3', 'o5'));
    expect(labels(negotiated(text, base)).slice(2)).toEqual(['new', '1.', '3.', '3 bis.', '3 ter.', '5.']);
    const issuedAgain = sequentialNumbering(text);
    expect(labels(issuedAgain).slice(2)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
    expect(refs(issuedAgain).n0).toBe('PP 2');
  });

  it('accepts the base as a Map', () => {
    const text = doc(title('T'), ...ops('o2', 'n'));
    expect(labels(negotiated(text, new Map(Object.entries(base))))).toEqual(['2.', '2 bis.']);
  });

  it('refuses a base whose numbers are not paragraph numbers', () => {
    const text = doc(title('T'), ...ops('o1'));
    for (const bad of ['three', 'OP 3 bos', 'OP 03', 'Annex IIII, para. 1', 'PP 2 (a)', 'para.', 'OP 4 (abc)']) {
      const result = negotiationNumbering(text, { o1: bad });
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.error).toContain('o1');
    }
    expect(negotiationNumbering(text, { o1: 3 } as unknown as NumberingBase).ok).toBe(false);
  });
});
