import { describe, expect, it } from 'vitest';
import type { EditorState } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';
import { paragraphsById, paragraphTextHash } from '../../shared/negotiation';
import { markName, paragraphMarksKey, paragraphMarksPlugin, setParagraphMarks, type ParagraphMarkJSON } from '../../client/editor/paragraphMarks';
import { doc, op, pp, stateAt, title } from './builders';

const text = doc(title('T'), pp('Recalling its resolution,', 'p1'), op('Decides to continue;', 'o1'), op('Requests a report;', 'o2'), op('Invites States;', 'o3'));
const hash = (id: string) => paragraphTextHash(paragraphsById(text).get(id)!);

// The node decorations' attributes by paragraph id, and the accessible names of the margin marks.
function marks(state: EditorState): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  const set = paragraphMarksKey.getState(state)!.decorations;
  for (const d of set.find()) {
    const spec = d as unknown as { from: number; type: { attrs?: Record<string, string>; spec?: { key?: string } } };
    const node = state.doc.nodeAt(d.from);
    if (spec.type.attrs && node) out[node.attrs.id] = { ...out[node.attrs.id], ...spec.type.attrs };
    const key = spec.type.spec?.key;
    if (key) {
      const [id, name] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      out[id] = { ...out[id], name };
    }
  }
  return out;
}

const withMarks = (states: Record<string, ParagraphMarkJSON>) => {
  const state = stateAt(text, 'o3', 0, [paragraphMarksPlugin({ draftId: null })]);
  return state.apply(setParagraphMarks(state, states));
};

describe('margin marks of paragraph states', () => {
  it('mark agreed, agreed ad referendum and locked paragraphs, each with a name that says it', () => {
    const state = withMarks({ o1: { state: 'agreed', textHash: hash('o1') }, o2: { state: 'agreed_ad_ref', textHash: hash('o2'), locked: true }, p1: { state: 'open' } });
    expect(marks(state)).toEqual({
      o1: { 'data-agreed': 'agreed', name: 'OP 1: agreed' },
      o2: { 'data-agreed': 'agreed_ad_ref', 'data-locked': 'true', name: 'OP 2: agreed ad referendum, locked by the chair' },
    });
  });

  it('turn "changed since agreed" the moment the words move, and back when they are restored', () => {
    let state = withMarks({ o1: { state: 'agreed', textHash: hash('o1') } });
    const at = (s: EditorState) => {
      let pos = -1;
      s.doc.descendants((n, p) => {
        if (n.attrs.id === 'o1') pos = p + 1;
      });
      return pos;
    };
    state = state.apply(state.tr.insertText('Firmly ', at(state)));
    expect(marks(state).o1).toEqual({ 'data-agreed': 'agreed', 'data-changed-since-agreed': 'true', name: 'OP 1: agreed, changed since agreed' });
    state = state.apply(state.tr.delete(at(state), at(state) + 'Firmly '.length));
    expect(marks(state).o1).toEqual({ 'data-agreed': 'agreed', name: 'OP 1: agreed' });
  });

  it('name who changed it and when once the server says so', () => {
    expect(
      markName('OP 1', { state: 'agreed', changedSinceAgreed: true, changedBy: { displayName: 'Delegate of Chile' }, changedAt: '2022-10-18T10:05:00Z', locked: true }, true),
    ).toMatch(/^OP 1: agreed, changed since agreed by Delegate of Chile on .*2022.*, locked by the chair$/);
  });

  it("keep a locked paragraph's local edits out, and let edits elsewhere and the server's text through", () => {
    const state = withMarks({ o2: { state: 'agreed', textHash: hash('o2'), locked: true } });
    let o2 = -1;
    let o3 = -1;
    state.doc.descendants((n, p) => {
      if (n.attrs.id === 'o2') o2 = p + 1;
      if (n.attrs.id === 'o3') o3 = p + 1;
    });
    expect(state.applyTransaction(state.tr.insertText('Never ', o2)).state.doc.eq(state.doc)).toBe(true);
    expect(state.applyTransaction(state.tr.delete(o2 - 1, o3 - 1)).state.doc.eq(state.doc)).toBe(true);
    expect(state.applyTransaction(state.tr.insertText('Gladly ', o3)).state.doc.textContent).toContain('Gladly Invites');
    const remote = state.tr.insertText('Server ', o2).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(state.applyTransaction(remote).state.doc.textContent).toContain('Server Requests');
  });
});
