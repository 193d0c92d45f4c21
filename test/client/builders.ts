/**
 * Tiny builders for resolution texts in tests, in the spirit of prosemirror-test-builder:
 * `doc(title('T'), pp('Recalling', 'p1'), op('Decides', 'o1'))`.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, TextSelection, type Plugin } from 'prosemirror-state';
import { resolutionSchema as schema } from '../../shared/schema';

type Content = (PMNode | string)[];

const inline = (content: Content) => content.map((c) => (typeof c === 'string' ? schema.text(c) : c)).filter((n) => n.isInline);

/** A text: title first, then the given blocks. */
export const doc = (...blocks: PMNode[]) => schema.nodes.doc!.create(null, blocks);
/** The title. */
export const title = (...c: Content) => schema.nodes.title!.create(null, inline(c));
/** The opening formula. */
export const formula = (...c: Content) => schema.nodes.formula!.create(null, inline(c));
/** A preambular paragraph with id. */
export const pp = (text: string, id = '', ...more: PMNode[]) => schema.nodes.preambular!.create({ id }, inline([text, ...more].filter((x) => x !== '')));
/** An operative paragraph with id. */
export const op = (text: string, id = '', ...more: PMNode[]) => schema.nodes.operative!.create({ id }, inline([text, ...more].filter((x) => x !== '')));
/** A subparagraph of level 1 or 2 with id. */
export const sub = (text: string, id = '', level = 1) => schema.nodes.subparagraph!.create({ id, level }, text ? schema.text(text) : null);
/** A plain paragraph with id. */
export const plain = (text: string, id = '') => schema.nodes.plain!.create({ id }, text ? schema.text(text) : null);
/** An annex: heading text, then paragraphs. */
export const annex = (heading: string, id: string, ...paras: PMNode[]) =>
  schema.nodes.annex!.create({ id }, [schema.nodes.annexHeading!.create(null, heading ? schema.text(heading) : null), ...paras]);
/** A footnote holding text. */
export const fn = (text: string, id = '') => schema.nodes.footnote!.create({ id }, schema.text(text));

/** A state over `d` with the cursor in the paragraph with `id` at `offset` (or at its end). */
export function stateAt(d: PMNode, id: string | null, offset?: number, plugins: Plugin[] = []): EditorState {
  const state = EditorState.create({ doc: d, plugins });
  let at = 1;
  if (id !== null) {
    d.descendants((node, pos) => {
      if (node.attrs.id === id && node.isTextblock) at = pos + 1 + (offset ?? node.content.size);
      return true;
    });
  }
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)));
}

/** The text's paragraphs as [kind(level), id, text] rows: easy to compare in assertions. */
export function rows(d: PMNode): string[] {
  const out: string[] = [];
  d.descendants((node) => {
    if (!node.isTextblock) return true;
    const level = node.type.name === 'subparagraph' ? String(node.attrs.level) : '';
    out.push(`${node.type.name}${level}|${node.attrs.id ?? ''}|${node.textContent}`);
    return false;
  });
  return out;
}

/** Run a command on a state; returns the new state, or null when the command does not apply. */
export function run(state: EditorState, command: (s: EditorState, d?: (tr: import('prosemirror-state').Transaction) => void) => boolean): EditorState | null {
  let next: EditorState | null = null;
  const applies = command(state, (tr) => {
    next = state.apply(tr);
  });
  return applies ? (next ?? state) : null;
}
