/**
 * The selection as the page shows it. ProseMirror reads the browser's selection on its
 * `selectionchange` event, which the browser fires a task later: a key pressed straight after a
 * click or End can find the editor's own selection still where it was. What the user sees is
 * the page's, so commands that act "at the caret" read it here; where the editor cannot place it
 * (outside the editor, inside a node view), its own selection is the best guess.
 */
import type { EditorView } from 'prosemirror-view';

export interface PageSelection {
  /** Document positions, from ≤ to. */
  from: number;
  to: number;
  /** Where the caret is (the selection's moving end). */
  head: number;
}

export function pageSelection(view: EditorView): PageSelection {
  const own = view.state.selection;
  const dom = view.dom.ownerDocument.getSelection();
  if (dom?.anchorNode && dom.focusNode && view.dom.contains(dom.anchorNode) && view.dom.contains(dom.focusNode)) {
    try {
      const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
      const head = view.posAtDOM(dom.focusNode, dom.focusOffset);
      const size = view.state.doc.content.size;
      if (anchor >= 0 && head >= 0 && anchor <= size && head <= size) return { from: Math.min(anchor, head), to: Math.max(anchor, head), head };
    } catch {
      // A selection the editor cannot place: its own is the best guess.
    }
  }
  return { from: own.from, to: own.to, head: own.head };
}
