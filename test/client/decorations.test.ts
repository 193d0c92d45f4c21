import { describe, expect, it } from 'vitest';
import type { EditorState } from 'prosemirror-state';
import { houseStyleDecorations, houseStylePlugin, openingWordsLength } from '../../client/editor/houseStyle';
import { numberingKey } from '../../client/editor/keys';
import { numberingPlugin, setNumbering } from '../../client/editor/numbering';
import { splitParagraph } from '../../client/editor/commands';
import { annex, doc, fn, op, plain, pp, run, stateAt, sub, title } from './builders';

// The data-number attribute of every decorated node, in document order.
function numbers(state: EditorState, attr = 'data-number'): string[] {
  const set = numberingKey.getState(state)!.decorations;
  return set
    .find()
    .sort((a, b) => a.from - b.from)
    .map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs[attr] ?? '-');
}

describe('numbering decorations', () => {
  const text = doc(title('T'), pp('Recalling', 'p1'), op('A', 'o1'), sub('x', 's1'), sub('y', 's2', 2), op('B', 'o2', fn('n1', 'f1')), op('C', 'o3', fn('n2', 'f2')));

  it('show 1., (a), (i) and continuous footnote numbers', () => {
    const state = stateAt(text, 'o1', undefined, [numberingPlugin()]);
    expect(numbers(state)).toEqual(['', '1.', '(a)', '(i)', '2.', '1', '3.', '2']);
  });

  it('leave a single operative paragraph unnumbered', () => {
    const state = stateAt(doc(title('T'), pp('Recalling', 'p1'), op('Decides', 'o1')), 'o1', undefined, [numberingPlugin()]);
    expect(numbers(state)).toEqual(['', '']);
  });

  it('renumber the later paragraphs when one is inserted between 2 and 3', () => {
    const state = stateAt(text, 'o2', undefined, [numberingPlugin()]);
    const next = run(state, splitParagraph)!;
    expect(numbers(next).filter((n) => n.endsWith('.'))).toEqual(['1.', '2.', '3.', '4.']);
  });

  it('show negotiation numbers beside the sequential ones when switched on', () => {
    const base = { p1: 'PP 1', o1: 'OP 1', s1: 'OP 1 (a)', s2: 'OP 1 (a) (i)', o2: 'OP 2', o3: 'OP 3' };
    let state = stateAt(text, 'o2', undefined, [numberingPlugin({ base })]);
    state = run(state, splitParagraph)!;
    expect(numbers(state, 'data-negotiation')).not.toContain('OP 2 bis');
    state = state.apply(setNumbering(state, { showNegotiation: true }));
    expect(numbers(state, 'data-negotiation')).toContain('OP 2 bis');
    expect(numbers(state)).toContain('4.');
  });

  it('label annex headings', () => {
    const state = stateAt(doc(title('T'), op('A', 'o1'), annex('First', 'a1', plain('x', 'x1')), annex('Second', 'a2')), 'o1', undefined, [numberingPlugin()]);
    expect(numbers(state)).toContain('Annex I');
    expect(numbers(state)).toContain('Annex II');
  });
});

describe('house style', () => {
  it('finds the opening words of preambular paragraphs', () => {
    const cases: [string, string][] = [
      ['Recalling its resolution 10/4,', 'Recalling'],
      ['Noting with concern the rise in', 'Noting with concern'],
      ['Deeply concerned about', 'Deeply concerned'],
      ['Bearing in mind that', 'Bearing in mind'],
      ['Taking note with appreciation of the report', 'Taking note with appreciation'],
      ['Recalling also, that', 'Recalling also'],
      ['回顾其第 10/4 号决议，', ''],
      ['إذ يشير', ''],
    ];
    for (const [text, opening] of cases) expect(text.slice(0, openingWordsLength(text))).toBe(opening);
  });

  it('italicises only preambular openings and sets dir=auto on every paragraph', () => {
    const d = doc(title('T'), pp('Welcoming the report,', 'p1'), op('Decides to act', 'o1'));
    const found = houseStyleDecorations(d).find();
    const inline = found.filter((x) => x.from !== x.to && (x as any).type.attrs.class === 'ph-opening');
    expect(inline).toHaveLength(1);
    expect(d.textBetween(inline[0]!.from, inline[0]!.to)).toBe('Welcoming');
    expect(found.filter((x) => (x as any).type.attrs.dir === 'auto')).toHaveLength(3);
    expect(houseStylePlugin()).toBeDefined();
  });
});
