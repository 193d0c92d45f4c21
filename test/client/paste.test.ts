import { describe, expect, it } from 'vitest';
import { insertParagraphs, pastedParagraphs } from '../../client/editor/paste';
import { resolutionSchema as schema } from '../../shared/schema';
import { doc, op, plain, pp, rows, stateAt, title } from './builders';

const fromWord = 'Recalling its resolution 10/4,\r\nNoting with concern the rise,\r\n1.\tDecides to act;\r\n2.\tRequests the Secretariat:\r\n(a)\tTo do X;\r\n(b)\tTo do Y.';

describe('paste', () => {
  it('reads pasted lines as structured paragraphs', () => {
    const nodes = pastedParagraphs(fromWord, schema)!;
    expect(nodes.map((n) => `${n.type.name}${n.attrs.level ?? ''}`)).toEqual(['preambular', 'preambular', 'operative', 'operative', 'subparagraph1', 'subparagraph1']);
    expect(nodes[2]!.textContent).toBe('Decides to act;');
  });

  it('leaves a single line to the ordinary inline paste', () => {
    expect(pastedParagraphs('just some words', schema)).toBeNull();
  });

  it('inserts after the paragraph holding the cursor, or in place of an empty one', () => {
    const nodes = pastedParagraphs('1. First;\n2. Second.', schema)!;
    let state = stateAt(doc(title('T'), op('A', 'o1'), op('B', 'o2')), 'o1');
    let next = state.apply(insertParagraphs(state, nodes)!);
    expect(rows(next.doc).map((r) => r.replace(/\|\w*\|/, '|'))).toEqual(['title|T', 'operative|A', 'operative|First;', 'operative|Second.', 'operative|B']);
    state = stateAt(doc(title('T'), pp('', 'p1')), 'p1');
    next = state.apply(insertParagraphs(state, nodes)!);
    expect(next.doc.childCount).toBe(3);
    next.doc.check();
  });

  it('puts paragraphs pasted in the title after it', () => {
    const nodes = pastedParagraphs('1. First;\n2. Second.', schema)!;
    const state = stateAt(doc(title('T'), plain('x', 'x1')), null, 1);
    const next = state.apply(insertParagraphs(state, nodes)!);
    expect(rows(next.doc)[1]).toMatch(/^operative\|\w+\|First;$/);
  });
});
