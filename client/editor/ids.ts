/**
 * Stable paragraph ids, kept unique. A comparison follows each paragraph across revisions by its
 * id, so a paragraph made by Enter, paste or drag must never share its neighbour's id. Rather than
 * trust every command to mint ids, one appendTransaction pass fixes missing and duplicate ids
 * after any local change: the first paragraph in document order keeps an id, later copies get
 * fresh ones (so the upper half of a split keeps the identity, the new half is "new").
 */
import { Plugin, type EditorState, type Transaction } from 'prosemirror-state';
import { newParagraphId } from '../../shared/schema';
import { paragraphIdsKey, ySyncPluginKey, isEditable } from './keys';

/** Node types whose `id` must be present and unique in a text. */
export const IDENTIFIED_TYPES: ReadonlySet<string> = new Set(['preambular', 'operative', 'subparagraph', 'plain', 'annex', 'footnote']);

/** Options of the paragraph id plugin. */
export interface ParagraphIdsOptions {
  /** Makes a fresh id; tests pass a counter for stable output. */
  newId?: () => string;
}

/** Positions of nodes whose id is missing or already taken earlier in the document. */
export function findIdProblems(state: EditorState): number[] {
  const seen = new Set<string>();
  const problems: number[] = [];
  state.doc.descendants((node, pos) => {
    if (IDENTIFIED_TYPES.has(node.type.name)) {
      const id = node.attrs.id as string;
      if (!id || seen.has(id)) problems.push(pos);
      else seen.add(id);
    }
    return node.type.name !== 'footnote'; // a footnote holds only text
  });
  return problems;
}

/** A transaction that gives every node in `positions` a fresh id, or null when there is none. */
export function fixIds(state: EditorState, newId: () => string = newParagraphId): Transaction | null {
  const problems = findIdProblems(state);
  if (problems.length === 0) return null;
  const tr = state.tr;
  for (const pos of problems) tr.setNodeAttribute(pos, 'id', newId());
  // Not marked addToHistory=false: y-prosemirror reads that flag off the last transaction of a
  // dispatch, so it would make the Enter that caused the fix impossible to undo.
  return tr;
}

// A remote change arrives through y-sync; its author's client fixes its own ids, and fixing
// them here too would make two clients race to rename the same paragraph.
function isRemote(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return meta?.isChangeOrigin === true;
}

/** The plugin that keeps paragraph, annex and footnote ids present and unique after local edits. */
export function paragraphIdsPlugin(options: ParagraphIdsOptions = {}): Plugin {
  const newId = options.newId ?? newParagraphId;
  return new Plugin({
    key: paragraphIdsKey,
    appendTransaction(trs, _old, state) {
      if (!isEditable(state)) return null;
      if (!trs.some((tr) => tr.docChanged && !isRemote(tr))) return null;
      return fixIds(state, newId);
    },
  });
}
