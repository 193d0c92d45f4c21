/** Authorship colours (client/editor/authorship.ts): the server's runs become tints on the right characters, or none. */
import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { authorshipDecorations, authorshipPlugin, type Authorship } from '../../client/editor/authorship';
import type { ParagraphAuthorship } from '../../shared/history';
import { resolutionSchema } from '../../shared/schema';
import { doc, fn, op, title } from './builders';

const NAMES: Record<string, string> = { peru: 'Peru', chile: 'Chile' };
const nameOf = (id: string | null) => (id ? (NAMES[id] ?? id) : 'the secretariat');
const para = (index: number, id: string, text: string, runs: [string | null, number][]): ParagraphAuthorship => ({
  index,
  id,
  type: 'operative',
  text,
  runs: runs.map(([delegationId, length]) => ({ delegationId, userId: null, length })),
  byDelegation: [],
});

// Each tint as [the characters it covers, who it names].
function tints(d: ReturnType<typeof doc>, authorship: Authorship): [string, string][] {
  return authorshipDecorations(d, authorship)
    .find()
    .sort((a, b) => a.from - b.from)
    .map((x: Decoration) => [d.textBetween(x.from, x.to), (x as unknown as { type: { attrs: { title: string } } }).type.attrs.title]);
}

describe('authorship colours', () => {
  const text = doc(title('T'), op('Urges all States', 'o1'), op('Invites donors', 'o2', fn('See note.', 'f1'), resolutionSchema.text(' to act.')));

  it("tints each delegation's characters, a footnote's text where it stands", () => {
    const authorship: Authorship = {
      nameOf,
      paragraphs: [
        para(1, 'o1', 'Urges all States', [
          ['chile', 6],
          ['peru', 4],
          ['chile', 6],
        ]),
        para(2, 'o2', 'Invites donorsSee note. to act.', [
          ['peru', 15],
          [null, 8],
          ['peru', 8],
        ]),
      ],
    };
    expect(tints(text, authorship)).toEqual([
      ['Urges ', 'Written by Chile'],
      ['all ', 'Written by Peru'],
      ['States', 'Written by Chile'],
      ['Invites donors', 'Written by Peru'],
      ['S', 'Written by Peru'],
      ['ee note.', 'Written by the secretariat'],
      [' to act.', 'Written by Peru'],
    ]);
  });

  it('leaves a paragraph untinted when its characters are not the ones the server counted', () => {
    const stale: Authorship = { nameOf, paragraphs: [para(1, 'o1', 'Urges all Member States', [['chile', 23]]), para(2, 'o9', 'Invites donorsSee note. to act.', [['peru', 31]])] };
    expect(tints(text, stale)).toEqual([]);
  });

  it('follows local edits between two answers, and goes away when turned off', () => {
    const plugin = authorshipPlugin();
    let state = EditorState.create({ doc: text, plugins: [plugin] });
    const authorship: Authorship = { nameOf, paragraphs: [para(1, 'o1', 'Urges all States', [['peru', 16]])] };
    state = state.apply(state.tr.setMeta(plugin.spec.key!, authorship));
    state = state.apply(state.tr.insertText('Strongly ', 4)); // before "Urges": the title "T" is 1–2
    const set = plugin.getState(state)!;
    const [only] = set.find();
    expect(state.doc.textBetween(only!.from, only!.to)).toBe('Urges all States');
    state = state.apply(state.tr.setMeta(plugin.spec.key!, null));
    expect(plugin.getState(state)!.find()).toEqual([]);
  });
});
