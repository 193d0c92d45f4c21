/**
 * Paste from Word or plain text. Text copied from Word or a PDF arrives as lines; the importer of
 * `shared/importText` reads them as a resolution is printed ("1. …" operative, "(a) …"
 * subparagraph, "…," preambular, footnote lines) and we insert its paragraphs as structured
 * paragraphs with fresh ids. ProseMirror's own HTML parsing would merge Word's paragraphs into one
 * (the schema parses only Penholder's own `p[data-kind]`), so foreign HTML is read as its plain
 * text. A copy from Penholder itself (`data-pm-slice`) keeps ProseMirror's paste; the id plugin
 * then renews the copied ids.
 */
import { Fragment, type Node as PMNode, type Schema } from 'prosemirror-model';
import { Plugin, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { importPlainText } from '../../shared/importText';
import { pasteKey } from './keys';
import { isParagraphNode } from './commands';

/** Options of the paste plugin. */
export interface PasteOptions {
  /** Told when the importer refused the text and the paste fell back to plain text. */
  onRefused?: (reason: string) => void;
}

// An organ's formula ("The Conference of the Parties …,") pasted into the body is a plain
// paragraph; any other "formula" the importer found is the first preambular paragraph of a
// fragment that came without a title.
function formulaAsParagraph(node: PMNode, schema: Schema): PMNode {
  const text = node.textContent.trim();
  const isOrgan = /^The\s/.test(text) || [...text].length < 12;
  return schema.nodes[isOrgan ? 'plain' : 'preambular']!.create({ id: '' }, node.content);
}

/**
 * The paragraphs pasted `text` becomes, or null when it is a single line (pasted inline) or
 * the importer refuses it. Title and formula become paragraphs; annexes are flattened, their
 * headings plain, so that a fragment fits anywhere among the paragraphs.
 */
export function pastedParagraphs(text: string, schema: Schema, onRefused?: (reason: string) => void): PMNode[] | null {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  if (!normalised.trim().includes('\n')) return null;
  const result = importPlainText(normalised);
  if (!result.ok) {
    onRefused?.(result.error);
    return null;
  }
  const out: PMNode[] = [];
  const take = (node: PMNode) => {
    const name = node.type.name;
    if (isParagraphNode(node)) out.push(schema.nodeFromJSON(node.toJSON()));
    else if (name === 'formula' && node.content.size > 0) out.push(formulaAsParagraph(node, schema));
    else if ((name === 'title' || name === 'annexHeading') && node.content.size > 0) out.push(schema.nodes.plain!.create({ id: '' }, schema.nodeFromJSON(node.toJSON()).content));
    else if (name === 'annex') node.forEach(take);
  };
  result.value.doc.forEach(take);
  return out.length > 0 ? out : null;
}

/**
 * Insert pasted paragraphs at the cursor: they replace the paragraph the cursor is in when it is
 * empty, else go after it. In the title or formula they go before the first paragraph.
 */
export function insertParagraphs(state: EditorState, nodes: readonly PMNode[]): Transaction | null {
  const { $from } = state.selection;
  const fragment = Fragment.from(nodes as PMNode[]);
  const tr = state.tr;
  const block = $from.parent;
  let at: number;
  if (isParagraphNode(block) && block.content.size === 0) {
    tr.replaceWith($from.before(), $from.after(), fragment);
    at = $from.before();
  } else if (isParagraphNode(block)) {
    at = $from.after();
    tr.insert(at, fragment);
  } else if (block.type.name === 'annexHeading') {
    at = $from.after();
    tr.insert(at, fragment);
  } else {
    // In the title or formula: after the formula (or title), where paragraphs begin.
    const first = state.doc.firstChild!;
    at = first.nodeSize + (state.doc.childCount > 1 && state.doc.child(1).type.name === 'formula' ? state.doc.child(1).nodeSize : 0);
    tr.insert(at, fragment);
  }
  if (tr.doc.eq(state.doc)) return null;
  const end = at + fragment.size - 1;
  return tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(end, tr.doc.content.size)), -1)).scrollIntoView();
}

/** The plugin that turns multi-line pastes into structured paragraphs through the importer. */
export function pastePlugin(options: PasteOptions = {}): Plugin {
  return new Plugin({
    key: pasteKey,
    props: {
      handlePaste(view, event) {
        const data = event.clipboardData;
        if (!data) return false;
        const html = data.getData('text/html');
        if (html.includes('data-pm-slice')) return false; // copied inside Penholder
        const text = data.getData('text/plain');
        const nodes = pastedParagraphs(text, view.state.schema, options.onRefused);
        if (!nodes) {
          if (!html || !text) return false;
          // One line of foreign HTML: its text only, since Word's markup would not parse into our paragraphs.
          view.dispatch(view.state.tr.insertText(text.replace(/\s+/g, ' ').trim()).scrollIntoView());
          return true;
        }
        const tr = insertParagraphs(view.state, nodes);
        if (!tr) return false;
        view.dispatch(tr.setMeta('uiEvent', 'paste'));
        return true;
      },
    },
  });
}
