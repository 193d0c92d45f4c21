/**
 * Transactions that come from outside the user's own typing — a list of proposals or paragraph
 * states loaded over HTTP, authorship colours — are dispatched through here.
 *
 * ProseMirror reads a new DOM selection (a click, a key that moved the caret) a moment after the
 * browser makes it. A transaction dispatched in between redraws the text and writes the editor's
 * older selection back into the page, over the user's click: the next keystroke or paste then
 * lands where the caret was before (a paste at the top of the text, Enter splitting another
 * paragraph). Reading the DOM first keeps the user's caret where they put it.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

// The view's DOM observer is not part of ProseMirror's typed API. `flush` reads the DOM's changes
// and selection, but does nothing while a flush is scheduled: `forceFlush` runs that one first.
type Observed = { domObserver?: { flush(): void; forceFlush(): void } };

/** Dispatch `make(state)` once the view has read what the user did in the page. */
export function dispatchFromOutside(view: EditorView, make: (state: EditorState) => Transaction): void {
  const observer = (view as unknown as Observed).domObserver;
  observer?.forceFlush();
  observer?.flush();
  view.dispatch(make(view.state));
}
