/**
 * The house style, set by decoration and never stored: the opening words of a preambular
 * paragraph in italics ("*Noting with concern* the …"), and each paragraph's direction taken from
 * its own text (`dir="auto"`), so that an Arabic paragraph runs right to left beside English ones
 * and mixed text keeps its order. Stored marks would travel into revisions and comparisons; a
 * decoration only changes how the text looks here.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { houseStyleKey } from './keys';
import { openingWordsLength } from '../../shared/houseStyle';

export { openingWordsLength };

// Text of a paragraph up to its first footnote; the opening words never run past a note mark.
function leadingText(node: PMNode): string {
  let text = '';
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (!child.isText) break;
    text += child.text;
  }
  return text;
}

/** The house-style decorations of a whole text. */
export function houseStyleDecorations(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { dir: 'auto' }));
    if (node.type.name === 'preambular') {
      const length = openingWordsLength(leadingText(node));
      if (length > 0) decorations.push(Decoration.inline(pos + 1, pos + 1 + length, { class: 'ph-opening' }));
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** The plugin that keeps the house-style decorations up to date (recomputed on change: texts are short). */
export function houseStylePlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: houseStyleKey,
    state: {
      init: (_config, state) => houseStyleDecorations(state.doc),
      apply: (tr, value) => (tr.docChanged ? houseStyleDecorations(tr.doc) : value),
    },
    props: {
      decorations: (state) => houseStyleKey.getState(state),
    },
  });
}
