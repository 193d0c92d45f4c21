import { describe, expect, it } from 'vitest';
import { addAnnex, editFootnote, insertFootnote, nestParagraph, outdentParagraph, setParagraphKind, splitParagraph } from '../../client/editor/commands';
import { paragraphIdsPlugin } from '../../client/editor/ids';
import { annex, doc, fn, op, plain, pp, rows, run, stateAt, sub, title } from './builders';

const text = () => doc(title('Title'), pp('Recalling', 'p1'), op('Decides', 'o1'), op('Requests', 'o2'));

function ids(d: import('prosemirror-model').Node): string[] {
  const out: string[] = [];
  d.descendants((n) => {
    if (n.attrs.id !== undefined) out.push(n.attrs.id as string);
    return true;
  });
  return out;
}

describe('splitParagraph (Enter)', () => {
  it('starts a new paragraph of the same kind with a fresh id, the first half keeping its id', () => {
    const next = run(stateAt(text(), 'o1', 3), splitParagraph)!;
    const r = rows(next.doc);
    expect(r[2]).toBe('operative|o1|Dec');
    expect(r[3]).toMatch(/^operative\|[0-9a-z]{12}\|ides$/);
    expect(r[4]).toBe('operative|o2|Requests');
  });

  it("keeps a subparagraph's level", () => {
    const next = run(stateAt(doc(title('T'), op('A', 'o1'), sub('x', 's1', 2)), 's1'), splitParagraph)!;
    expect(rows(next.doc)[3]).toMatch(/^subparagraph2\|\w{12}\|$/);
  });

  it('at the start of a paragraph inserts the new one above, so the text keeps its id', () => {
    const next = run(stateAt(text(), 'o2', 0), splitParagraph)!;
    const r = rows(next.doc);
    expect(r[3]).toMatch(/^operative\|\w{12}\|$/);
    expect(r[4]).toBe('operative|o2|Requests');
  });

  it('brings an empty subparagraph out one level', () => {
    const next = run(stateAt(doc(title('T'), op('A', 'o1'), sub('', 's1', 1)), 's1'), splitParagraph)!;
    expect(rows(next.doc)[2]).toBe('operative|s1|');
  });

  it('moves from the title to a new preambular paragraph', () => {
    const next = run(stateAt(doc(title('T')), null, 2), splitParagraph)!;
    expect(rows(next.doc)[1]).toMatch(/^preambular\|\w{12}\|$/);
    expect(next.selection.$from.parent.type.name).toBe('preambular');
  });

  it('gives every new paragraph a distinct id', () => {
    let state = stateAt(text(), 'o2');
    for (let i = 0; i < 20; i++) state = run(state, splitParagraph)!;
    const all = ids(state.doc);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('nesting (Mod-]) and un-nesting (Mod-[)', () => {
  it('nest an operative paragraph into (a), then (i), keeping its id', () => {
    let state = stateAt(text(), 'o2');
    state = run(state, nestParagraph)!;
    expect(rows(state.doc)[3]).toBe('subparagraph1|o2|Requests');
    state = run(state, nestParagraph)!;
    expect(rows(state.doc)[3]).toBe('subparagraph2|o2|Requests');
    expect(run(state, nestParagraph)).toBeNull(); // no level 3
  });

  it('come back out to an operative paragraph', () => {
    let state = stateAt(doc(title('T'), op('A', 'o1'), sub('x', 's1', 2)), 's1');
    state = run(state, outdentParagraph)!;
    expect(rows(state.doc)[2]).toBe('subparagraph1|s1|x');
    state = run(state, outdentParagraph)!;
    expect(rows(state.doc)[2]).toBe('operative|s1|x');
    expect(run(state, outdentParagraph)).toBeNull();
  });

  it('leave preambular paragraphs alone', () => {
    expect(run(stateAt(text(), 'p1'), nestParagraph)).toBeNull();
  });
});

describe('setParagraphKind', () => {
  it('turns an operative paragraph preambular and back, keeping its id', () => {
    let state = run(stateAt(text(), 'o1'), setParagraphKind('preambular'))!;
    expect(rows(state.doc)[2]).toBe('preambular|o1|Decides');
    state = run(state, setParagraphKind('operative'))!;
    expect(rows(state.doc)[2]).toBe('operative|o1|Decides');
    expect(run(state, setParagraphKind('operative'))).toBeNull();
  });
});

describe('annexes and footnotes', () => {
  it('adds an annex with a heading and a paragraph, cursor in the heading', () => {
    const state = run(stateAt(text(), 'o2'), addAnnex)!;
    expect(state.doc.lastChild!.type.name).toBe('annex');
    expect(state.selection.$from.parent.type.name).toBe('annexHeading');
    state.doc.check();
  });

  it('inserts, edits and removes a footnote', () => {
    let state = run(stateAt(text(), 'o1'), insertFootnote('See A/RES/1.'))!;
    let pos = -1;
    state.doc.descendants((n, p) => {
      if (n.type.name === 'footnote') pos = p;
      return true;
    });
    expect(state.doc.nodeAt(pos)!.textContent).toBe('See A/RES/1.');
    state = run(state, editFootnote(pos, 'See A/RES/2.'))!;
    expect(state.doc.nodeAt(pos)!.textContent).toBe('See A/RES/2.');
    state = run(state, editFootnote(pos, ''))!;
    expect(state.doc.nodeAt(pos)?.type.name).not.toBe('footnote');
    expect(run(state, insertFootnote('  '))).toBeNull();
  });
});

describe('paragraph ids plugin', () => {
  it('renews duplicate and missing ids after a change, keeping the first', () => {
    let n = 0;
    const plugin = paragraphIdsPlugin({ newId: () => `new${++n}` });
    const d = doc(title('T'), op('A', 'same'), op('B', 'same'), plain('C', ''), annex('H', 'same', plain('x', 'k')));
    const state = stateAt(d, 'k', undefined, [plugin]);
    const next = state.apply(state.tr.insertText('!'));
    expect(ids(next.doc)).toEqual(['same', 'new1', 'new2', 'new3', 'k']);
  });

  it('gives footnotes ids too', () => {
    const plugin = paragraphIdsPlugin({ newId: () => 'fresh' });
    const state = stateAt(doc(title('T'), op('A', 'o1', fn('n', 'o1'))), 'o1', 0, [plugin]);
    const next = state.apply(state.tr.insertText('x'));
    expect(ids(next.doc)).toEqual(['o1', 'fresh']);
  });
});

describe('the texts stay valid', () => {
  it('after every command', () => {
    const d = doc(title('T'), pp('Recalling', 'p1'), op('A', 'o1'), sub('a', 's1'), sub('i', 's2', 2), op('B', 'o2'));
    for (const id of ['p1', 'o1', 's1', 's2', 'o2']) {
      for (const command of [splitParagraph, nestParagraph, outdentParagraph, addAnnex, setParagraphKind('plain'), insertFootnote('n')]) {
        run(stateAt(d, id, 1), command)?.doc.check();
      }
    }
  });
});
