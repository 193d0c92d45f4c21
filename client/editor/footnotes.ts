/**
 * Footnotes in the editor. A footnote is an inline atom holding its text (see shared/schema.ts);
 * in the running text it shows only its mark, numbered by the numbering plugin through
 * `data-number`, and its text is edited in a prompt rather than inline, where a caret inside a
 * superscript is hard to see and harder to reach by keyboard.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { NodeSelection, type Command } from 'prosemirror-state';
import type { EditorView, NodeView } from 'prosemirror-view';
import { editFootnote, insertFootnote } from './commands';

/** Asks the user for a footnote's text; null when they cancel. */
export type AskText = (label: string, current: string) => string | null;

/** The default way to ask: the browser's prompt, which every keyboard and screen reader can use. */
export const promptText: AskText = (label, current) => window.prompt(label, current);

/** A command that asks for a text and inserts a footnote holding it. */
export function insertFootnoteCommand(ask: AskText = promptText): Command {
  return (state, dispatch) => {
    if (!insertFootnote('x')(state)) return false;
    if (!dispatch) return true;
    const text = ask('Footnote text', '');
    return text ? insertFootnote(text)(state, dispatch) : false;
  };
}

/** A command that edits the selected footnote's text (Enter on a selected footnote mark). */
export function editSelectedFootnote(ask: AskText = promptText): Command {
  return (state, dispatch) => {
    const sel = state.selection;
    if (!(sel instanceof NodeSelection) || sel.node.type.name !== 'footnote') return false;
    if (!dispatch) return true;
    const text = ask('Footnote text (empty removes the footnote)', sel.node.textContent);
    return text === null ? false : editFootnote(sel.from, text)(state, dispatch);
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
      const pos = getPos();
      if (pos === undefined || !view.editable) return;
      const text = ask('Footnote text (empty removes the footnote)', this.node.textContent);
      if (text !== null) editFootnote(pos, text)(view.state, view.dispatch);
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
