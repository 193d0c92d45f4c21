/**
 * An empty text says what goes where. A new draft's working text is one empty title (see
 * server/collab/seed.ts); the editor shows a hint in it until someone types: the title first,
 * then the opening formula, the preambular paragraphs (PP) and the operative paragraphs (OP),
 * with the toolbar or its shortcuts. The hint is a decoration: it is never in the text. Screen
 * readers get it as the editor's `aria-placeholder` (the editor is a textbox).
 */
import { Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import { t } from '../i18n';

/** What an empty draft shows, in the interface's language. */
export function emptyTextHint(): string {
  return t('editor:emptyTextHint');
}

/** Whether a text is empty: nothing but blocks without any character or footnote. */
export function isEmptyText(doc: PMNode): boolean {
  let empty = true;
  doc.descendants((node) => {
    if (node.isInline) empty = false;
    return empty;
  });
  return empty;
}

/** The plugin: the hint on the first block of an empty text. */
export function placeholderPlugin(hint = emptyTextHint()): Plugin {
  return new Plugin({
    props: {
      attributes: (state): Record<string, string> => (isEmptyText(state.doc) ? { 'aria-placeholder': hint } : {}),
      decorations(state) {
        const first = state.doc.firstChild;
        if (!first || !isEmptyText(state.doc)) return null;
        return DecorationSet.create(state.doc, [Decoration.node(0, first.nodeSize, { class: 'ph-placeholder', 'data-placeholder': hint })]);
      },
    },
  });
}
