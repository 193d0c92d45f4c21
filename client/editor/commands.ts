/**
 * Structure commands of a resolution text. The text is flat (see shared/schema.ts), so every
 * structural edit is a change of a paragraph's kind or level, never of nesting: Mod-] turns an
 * operative paragraph into subparagraph (a), Mod-[ turns it back (client/editor/keymap.ts). Each command keeps the
 * paragraph's id, because a paragraph that changes kind is still the same paragraph to compare.
 */
import type { Node as PMNode, NodeType } from 'prosemirror-model';
import { Selection, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { MAX_SUBPARAGRAPH_LEVEL, PARAGRAPH_TYPES, newParagraphId, type ParagraphType } from '../../shared/schema';

const PARAGRAPH_NAMES: ReadonlySet<string> = new Set(PARAGRAPH_TYPES);

/** Whether a node is one of the numbered or plain paragraph kinds. */
export function isParagraphNode(node: PMNode): boolean {
  return PARAGRAPH_NAMES.has(node.type.name);
}

/** The paragraphs touched by the selection, with their positions, in document order. */
export function selectedParagraphs(state: EditorState): { node: PMNode; pos: number }[] {
  const { from, to } = state.selection;
  const found: { node: PMNode; pos: number }[] = [];
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (isParagraphNode(node)) found.push({ node, pos });
    return !node.isTextblock;
  });
  return found;
}

// Apply `change` to each selected paragraph; the command applies when at least one changes.
function mapParagraphs(change: (node: PMNode) => { type: NodeType; attrs: Record<string, unknown> } | null): Command {
  return (state, dispatch) => {
    const tr = state.tr;
    let changed = false;
    for (const { node, pos } of selectedParagraphs(state)) {
      const next = change(node);
      if (!next) continue;
      tr.setNodeMarkup(pos, next.type, next.attrs, node.marks);
      changed = true;
    }
    if (!changed) return false;
    dispatch?.(tr.scrollIntoView());
    return true;
  };
}

/** Turn the selected paragraphs into paragraphs of `kind`, keeping their ids (subparagraphs start at (a)). */
export function setParagraphKind(kind: ParagraphType): Command {
  return (state, dispatch) => {
    const type = state.schema.nodes[kind]!;
    return mapParagraphs((node) => {
      if (node.type === type) return null;
      return { type, attrs: kind === 'subparagraph' ? { id: node.attrs.id, level: 1 } : { id: node.attrs.id } };
    })(state, dispatch);
  };
}

/** Mod-]: nest one step, operative 3 → (a) → (i). Applies to nothing else. */
export const nestParagraph: Command = (state, dispatch) => {
  const sub = state.schema.nodes.subparagraph!;
  return mapParagraphs((node) => {
    if (node.type.name === 'operative') return { type: sub, attrs: { id: node.attrs.id, level: 1 } };
    if (node.type === sub && node.attrs.level < MAX_SUBPARAGRAPH_LEVEL) return { type: sub, attrs: { ...node.attrs, level: node.attrs.level + 1 } };
    return null;
  })(state, dispatch);
};

/** Mod-[: come out one step, (i) → (a) → operative. */
export const outdentParagraph: Command = (state, dispatch) => {
  const sub = state.schema.nodes.subparagraph!;
  const op = state.schema.nodes.operative!;
  return mapParagraphs((node) => {
    if (node.type !== sub) return null;
    return node.attrs.level > 1 ? { type: sub, attrs: { ...node.attrs, level: node.attrs.level - 1 } } : { type: op, attrs: { id: node.attrs.id } };
  })(state, dispatch);
};

// Where a new paragraph may go after the block at `depth`: right after it, when the schema allows.
function insertAfter(tr: Transaction, $pos: ReturnType<EditorState['doc']['resolve']>, depth: number, node: PMNode): boolean {
  const after = $pos.after(depth);
  const $after = tr.doc.resolve(after);
  if (!$after.parent.canReplaceWith($after.index(), $after.index(), node.type)) return false;
  tr.insert(after, node).setSelection(TextSelection.create(tr.doc, after + 1));
  return true;
}

/**
 * Enter: a new paragraph of the same kind (and level) with a fresh id. In the title, formula or an
 * annex heading it moves on to the first paragraph, making one when there is none. An empty
 * subparagraph comes out one level instead, as an empty list item does in a word processor.
 */
export const splitParagraph: Command = (state, dispatch) => {
  const { $from, $to } = state.selection;
  if (!$from.parent.isTextblock || !$from.sameParent($to)) return false;
  const parent = $from.parent;
  if (!isParagraphNode(parent)) {
    if (!dispatch) return true;
    const tr = state.tr.deleteSelection();
    const $pos = tr.selection.$from;
    const kind = parent.type.name === 'annexHeading' ? 'plain' : 'preambular';
    const fresh = state.schema.nodes[kind]!.create({ id: newParagraphId() });
    if (!insertAfter(tr, $pos, $pos.depth, fresh)) {
      const next = Selection.findFrom(tr.doc.resolve($pos.after()), 1, true);
      if (!next) return false;
      tr.setSelection(next);
    }
    dispatch(tr.scrollIntoView());
    return true;
  }
  if (parent.content.size === 0 && parent.type.name === 'subparagraph') return outdentParagraph(state, dispatch);
  if (!dispatch) return true;
  const tr = state.tr.deleteSelection();
  const $pos = tr.selection.$from;
  const attrs = { ...parent.attrs, id: newParagraphId() };
  if ($pos.parentOffset === 0 && $pos.parent.content.size > 0) {
    // At the start of a paragraph the text moves down with its id; the new empty one goes above.
    tr.insert($pos.before(), parent.type.create(attrs));
  } else {
    tr.split($pos.pos, 1, [{ type: parent.type, attrs }]);
  }
  dispatch(tr.scrollIntoView());
  return true;
};

/** Add an annex at the end of the text (heading and one paragraph) and put the cursor in its heading. */
export const addAnnex: Command = (state, dispatch) => {
  const { annex, annexHeading, plain } = state.schema.nodes;
  const node = annex!.create({ id: newParagraphId() }, [annexHeading!.create(), plain!.create({ id: newParagraphId() })]);
  const end = state.doc.content.size;
  if (!state.doc.canReplaceWith(state.doc.childCount, state.doc.childCount, annex!)) return false;
  if (!dispatch) return true;
  const tr = state.tr.insert(end, node);
  dispatch(tr.setSelection(TextSelection.create(tr.doc, end + 2)).scrollIntoView());
  return true;
};

/** Insert a footnote holding `text` at the cursor; footnotes are numbered by decoration, never stored. */
export function insertFootnote(text: string): Command {
  return (state, dispatch) => {
    const type = state.schema.nodes.footnote!;
    const { $from } = state.selection;
    if (!text.trim() || !$from.parent.canReplaceWith($from.index(), $from.index(), type)) return false;
    if (!dispatch) return true;
    const node = type.create({ id: newParagraphId() }, state.schema.text(text.trim()));
    dispatch(state.tr.replaceSelectionWith(node, false).scrollIntoView());
    return true;
  };
}

/** Replace the text of the footnote at `pos` (an empty text removes the footnote). */
export function editFootnote(pos: number, text: string): Command {
  return (state, dispatch) => {
    const node = state.doc.nodeAt(pos);
    if (node?.type.name !== 'footnote') return false;
    if (!dispatch) return true;
    const tr = state.tr;
    if (!text.trim()) tr.delete(pos, pos + node.nodeSize);
    else tr.replaceWith(pos + 1, pos + node.nodeSize - 1, state.schema.text(text.trim()));
    dispatch(tr);
    return true;
  };
}
