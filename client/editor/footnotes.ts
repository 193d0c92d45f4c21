/**
 * Footnotes in the editor. A footnote is an inline atom holding its text (see shared/schema.ts);
 * in the running text it shows only its mark, numbered by the numbering plugin through
 * `data-number`, and its text is edited in a small editor that opens in the page under the caret
 * (`askInPage`) rather than inline, where a caret inside a superscript is hard to see and harder
 * to reach by keyboard. Enter saves, Shift+Enter breaks nothing (a footnote is one line), Escape
 * cancels; focus goes back to the text either way.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { NodeSelection, type Command, type EditorState } from 'prosemirror-state';
import type { EditorView, NodeView } from 'prosemirror-view';
import { t } from '../i18n';
import { editFootnote, insertFootnote } from './commands';

/** Asks the user for a footnote's text; null when they cancel. May answer at once or later. */
export type AskText = (label: string, current: string, view?: EditorView) => string | null | Promise<string | null>;

let openEditor: { close(): void } | null = null;

/**
 * The default way to ask: a labelled text field with Save and Cancel, opened in the page under
 * the caret (no `window.prompt`, which blocks the page and every remote edit behind it).
 */
export const askInPage: AskText = (label, current, view) =>
  new Promise((resolve) => {
    openEditor?.close();
    const box = document.createElement('form');
    box.className = 'ph-footnote-editor';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', label);
    const field = document.createElement('input');
    field.type = 'text';
    field.name = 'footnote';
    field.value = current;
    field.id = 'ph-footnote-text';
    const caption = document.createElement('label');
    caption.htmlFor = field.id;
    caption.textContent = label;
    const save = document.createElement('button');
    save.type = 'submit';
    save.textContent = t('editor:saveFootnote');
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = t('common:cancel');
    box.append(caption, field, save, cancel);
    const at = view ? view.coordsAtPos(view.state.selection.from) : null;
    if (at) {
      box.style.position = 'absolute';
      box.style.left = `${Math.max(8, Math.min(at.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - 360))}px`;
      box.style.top = `${at.bottom + window.scrollY + 6}px`;
    }
    const finish = (value: string | null) => {
      if (openEditor !== handle) return;
      openEditor = null;
      box.remove();
      view?.focus();
      resolve(value);
    };
    const handle = { close: () => finish(null) };
    openEditor = handle;
    box.addEventListener('submit', (event) => {
      event.preventDefault();
      finish(field.value);
    });
    cancel.addEventListener('click', () => finish(null));
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        finish(null);
      }
    });
    document.body.append(box);
    field.focus();
    field.select();
  });

// Run `then` on the answer: at once when `ask` answered at once (the state is still current),
// otherwise on the view's state when the answer comes (remote edits may have moved the text).
function whenAnswered(
  answer: string | null | Promise<string | null>,
  view: EditorView | undefined,
  then: (text: string | null, state: EditorState, dispatch: EditorView['dispatch']) => void,
  state: EditorState,
  dispatch: EditorView['dispatch'],
): void {
  if (!(answer instanceof Promise)) return then(answer, state, dispatch);
  void answer.then((text) => {
    if (view && !view.isDestroyed) then(text, view.state, view.dispatch);
  });
}

// Where the footnote with `id` stands now, or null.
function footnotePos(doc: PMNode, id: string): number | null {
  let found: number | null = null;
  doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node.type.name === 'footnote' && node.attrs.id === id) found = pos;
    return true;
  });
  return found;
}

/** A command that asks for a text and inserts a footnote holding it. */
export function insertFootnoteCommand(ask: AskText = askInPage): Command {
  return (state, dispatch, view) => {
    if (!insertFootnote('x')(state)) return false;
    if (!dispatch) return true;
    whenAnswered(ask(t('editor:footnoteText'), '', view), view, (text, now, send) => text && insertFootnote(text)(now, send), state, dispatch);
    return true;
  };
}

// Edit the footnote `id` with the answer to `ask`, wherever it stands when the answer comes.
function editById(ask: AskText, id: string, current: string, view: EditorView | undefined, state: EditorState, dispatch: EditorView['dispatch']): void {
  whenAnswered(
    ask(t('editor:footnoteTextEdit'), current, view),
    view,
    (text, now, send) => {
      const pos = footnotePos(now.doc, id);
      if (text !== null && pos !== null) editFootnote(pos, text)(now, send);
    },
    state,
    dispatch,
  );
}

/** A command that edits the selected footnote's text (Enter on a selected footnote mark). */
export function editSelectedFootnote(ask: AskText = askInPage): Command {
  return (state, dispatch, view) => {
    const sel = state.selection;
    if (!(sel instanceof NodeSelection) || sel.node.type.name !== 'footnote') return false;
    if (!dispatch) return true;
    editById(ask, sel.node.attrs.id as string, sel.node.textContent, view, state, dispatch);
    return true;
  };
}

/** The node view of a footnote mark: a superscript number; double-click edits its text. */
export class FootnoteView implements NodeView {
  /** The mark's element; the numbering plugin puts `data-number` on it. */
  readonly dom: HTMLElement;

  constructor(
    private node: PMNode,
    view: EditorView,
    getPos: () => number | undefined,
    ask: AskText,
  ) {
    this.dom = document.createElement('span');
    this.dom.className = 'ph-footnote';
    this.dom.contentEditable = 'false';
    this.render();
    this.dom.addEventListener('dblclick', (event) => {
      event.preventDefault();
      if (getPos() === undefined || !view.editable) return;
      editById(ask, this.node.attrs.id as string, this.node.textContent, view, view.state, view.dispatch);
    });
  }

  private render() {
    this.dom.title = this.node.textContent;
    this.dom.setAttribute('aria-label', `footnote: ${this.node.textContent}`);
    this.dom.setAttribute('data-id', this.node.attrs.id as string);
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.render();
    return true;
  }

  ignoreMutation(): boolean {
    return true;
  }
}

/** The footnotes of a text in document order, with their ids and texts, for the list under the text. */
export function listFootnotes(doc: PMNode): { id: string; text: string; pos: number }[] {
  const notes: { id: string; text: string; pos: number }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'footnote') notes.push({ id: node.attrs.id as string, text: node.textContent, pos });
    return node.type.name !== 'footnote';
  });
  return notes;
}
