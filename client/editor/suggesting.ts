/**
 * Suggesting mode (as in Google Docs): what this user types, deletes or pastes in a paragraph is
 * not written to the shared text. It becomes a pending suggestion of this browser, one per
 * paragraph — the words replaced struck through, the words typed underlined, in the user's
 * delegation colour — until "Propose" tables it (POST /api/drafts/:id/proposals) or Escape
 * discards it. Keystrokes in one paragraph merge into one suggestion (shared/suggest.ts
 * `mergeEdits`); what it proposes is the one word amendment of shared/oralAmendments.ts that
 * makes it (`suggestAmendment`).
 *
 * The shared text is never touched: the page's dispatch hands every local transaction that would
 * change the text to `divertToSuggestion`, which returns a transaction that changes only this
 * plugin's state. Changes of structure (a new paragraph, Enter, joining paragraphs, a kind or
 * level, a footnote, formatting) and edits spanning paragraphs are refused with a message: a
 * suggestion is words in one paragraph. A new, deleted or moved paragraph is proposed with its own
 * form (client/panels/proposals.ts `suggestionForms`), which Enter opens while suggesting.
 * The server decides in any case: it refuses a read-only connection's updates whatever it sends.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { type EditorState, Plugin, PluginKey, TextSelection, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import { sequentialNumbering } from '../../shared/numbering';
import { inlineText } from '../../shared/oralAmendments';
import { isParagraph } from '../../shared/schema';
import { applyEdit, editBetween, type TextEdit } from '../../shared/suggest';
import { t } from '../i18n';

/**
 * One pending suggestion: the characters [from, to) of the shared paragraph's inline text
 * `base` to be replaced by `text`. Kept as offsets in the paragraph's words, not document
 * positions: y-prosemirror redraws the whole document on every remote change, which no position
 * mapping survives; the offsets follow the paragraph's own words (`carrySuggestion`).
 */
export interface PendingSuggestion {
  paragraphId: string;
  base: string;
  from: number;
  to: number;
  text: string;
}

/** What the plugin holds. */
export interface SuggestingState {
  /** Whether local edits become suggestions. */
  on: boolean;
  /** This user's colour (the delegation's presence colour). */
  colour: string;
  /** The pending suggestions, one per paragraph. */
  pending: readonly PendingSuggestion[];
  /** Why the last edit was not taken as a suggestion; null when it was. */
  message: string | null;
  decorations: DecorationSet;
}

// Kept beside the plugin (the editor's other keys are in keys.ts, which this helper may not edit).
/** The suggesting plugin's key. */
export const suggestingKey = new PluginKey<SuggestingState>('penholder-suggesting');

// `hold`: a change of the local copy only, while an input method composes (see dispatchSuggesting): suggestions stay as they are.
type Meta = { on?: boolean; pending?: readonly PendingSuggestion[]; message?: string | null; hold?: true };

/** Turn suggesting on or off (turning it off keeps nothing pending). */
export function setSuggesting(state: EditorState, on: boolean): Transaction {
  return state.tr.setMeta(suggestingKey, { on, pending: on ? suggestingKey.getState(state)?.pending : [], message: null } satisfies Meta);
}

/** Discard the pending suggestion of a paragraph (all of them when `paragraphId` is null). */
export function discardSuggestion(state: EditorState, paragraphId: string | null): Transaction {
  const pending = suggestingKey.getState(state)?.pending ?? [];
  return state.tr.setMeta(suggestingKey, { pending: paragraphId === null ? [] : pending.filter((p) => p.paragraphId !== paragraphId), message: null } satisfies Meta);
}

/** Whether local edits become suggestions now. */
export function isSuggesting(state: EditorState): boolean {
  return suggestingKey.getState(state)?.on === true;
}

/** The paragraph with this id and its position, or null. */
export function findParagraph(doc: PMNode, id: string): { node: PMNode; pos: number } | null {
  let hit: { node: PMNode; pos: number } | null = null;
  doc.descendants((node, pos) => {
    if (hit) return false;
    if (isParagraph(node) && node.attrs.id === id) hit = { node, pos };
    return !node.isTextblock;
  });
  return hit;
}

/** A pending suggestion read as an edit of its paragraph's text now, with the document position of each character; null when the paragraph is gone. */
export function suggestionEdit(doc: PMNode, s: PendingSuggestion): { before: string; edit: TextEdit; posOf: number[] } | null {
  const found = findParagraph(doc, s.paragraphId);
  if (!found) return null;
  const inline = inlineText(found.node, found.pos);
  if (inline.text !== s.base || s.to > inline.text.length) return null;
  return { before: inline.text, edit: { from: s.from, to: s.to, text: s.text }, posOf: inline.posOf };
}

/**
 * A pending suggestion carried through someone else's change of its paragraph: the words
 * around it keep it in place; null when the paragraph went, or the words it replaces were
 * deleted.
 */
export function carrySuggestion(doc: PMNode, s: PendingSuggestion): PendingSuggestion | null {
  const found = findParagraph(doc, s.paragraphId);
  if (!found) return null;
  const now = inlineText(found.node, found.pos).text;
  if (now === s.base) return s;
  const remote = editBetween(s.base, now);
  if (!remote) return s;
  const shift = remote.text.length - (remote.to - remote.from);
  const carry = (x: number, end: boolean) =>
    x < remote.from || (x === remote.from && !end) ? x : x >= remote.to ? x + shift : end ? remote.from + remote.text.length : remote.from;
  const from = carry(s.from, false);
  const to = Math.max(from, carry(s.to, true));
  if (s.to > s.from && to === from && s.text === '') return null;
  return { ...s, base: now, from, to };
}

const isRemote = (tr: Transaction) => (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;

// What a local transaction does to the text: an edit of one paragraph's words, or why it is no such thing.
function paragraphEdit(before: PMNode, after: PMNode): { id: string; node: PMNode; pos: number; text: string; edit: TextEdit } | { refused: string } | null {
  const start = before.content.findDiffStart(after.content);
  if (start === null) return null;
  const end = before.content.findDiffEnd(after.content);
  if (!end) return null;
  const endA = Math.max(end.a, start);
  const endB = Math.max(end.b, start);
  const $a = before.resolve(start);
  const $aEnd = before.resolve(endA);
  const $b = after.resolve(start);
  const $bEnd = after.resolve(endB);
  const para = $a.parent;
  const structure = t('editor:notSuggestedStructure');
  if ($a.parent.type.name === 'footnote' || $aEnd.parent.type.name === 'footnote') return { refused: t('editor:notSuggestedFootnote') };
  if (!isParagraph(para) || $aEnd.start() !== $a.start() || $b.start() !== $a.start() || $bEnd.start() !== $a.start()) return { refused: structure };
  const pos = $a.before();
  const changed = $b.parent;
  if (!changed.sameMarkup(para)) return { refused: structure };
  const was = inlineText(para, pos).text;
  const now = inlineText(changed, pos).text;
  const edit = editBetween(was, now);
  if (!edit) return { refused: t('editor:notSuggestedFormatting') };
  if (was.slice(edit.from, edit.to).includes('\uFFFC') || edit.text.includes('\uFFFC')) return { refused: t('editor:notSuggestedFootnoteAdded') };
  return { id: para.attrs.id as string, node: para, pos, text: was, edit };
}

// Where a position of the shared paragraph stands in the suggested text: inside or at the edges of the words replaced, at the end of the words typed.
function virtualOffset(x: number, s: TextEdit): number {
  if (x < s.from) return x;
  if (x >= s.to) return x - (s.to - s.from) + s.text.length;
  return s.from + s.text.length;
}

/**
 * The transaction to apply instead of `tr` in suggesting mode: the same selection, the text
 * unchanged, the pending suggestion of the paragraph edited (or a message saying why not).
 * Null when `tr` should be applied as it is (suggesting is off, a remote change, no change of the text).
 */
export function divertToSuggestion(state: EditorState, tr: Transaction): Transaction | null {
  const plugin = suggestingKey.getState(state);
  if (!plugin?.on || !tr.docChanged || isRemote(tr)) return null;
  const out = state.tr;
  const change = paragraphEdit(state.doc, tr.doc);
  if (change === null) return out;
  if ('refused' in change) return out.setMeta(suggestingKey, { message: change.refused } satisfies Meta);
  const inline = inlineText(change.node, change.pos);
  const known = plugin.pending.find((p) => p.paragraphId === change.id);
  const current = known ? suggestionEdit(state.doc, known)?.edit : undefined;
  const base: TextEdit = current ?? { from: 0, to: 0, text: '' };
  const suggested = applyEdit(change.text, base);
  const real = change.edit;
  let from = virtualOffset(real.from, base);
  let to = virtualOffset(real.to, base);
  if (from === to && real.to > real.from && real.text === '') {
    // Deleting words already struck through: take back a typed letter, or strike one more
    // (before them on Backspace, after them on Delete).
    const backwards = state.selection.head === inline.posOf[real.to];
    if (base.text.length > 0) from = to - 1;
    else if (backwards) from = Math.max(0, to - (real.to - real.from));
    else to = Math.min(suggested.length, to + (real.to - real.from));
  }
  const next = editBetween(change.text, suggested.slice(0, from) + real.text + suggested.slice(to));
  const others = plugin.pending.filter((p) => p.paragraphId !== change.id);
  const pending = next ? [...others, { paragraphId: change.id, base: change.text, ...next }] : others;
  // Typing goes on after the words typed, which are drawn where the words they replace end.
  if (next) out.setSelection(TextSelection.create(state.doc, inline.posOf[next.to]!));
  return out.setMeta(suggestingKey, { pending, message: null } satisfies Meta);
}

type SyncBinding = { mux: (f: () => void) => void };
const bindingOf = (state: EditorState) => (ySyncPluginKey.getState(state) as { binding?: SyncBinding } | undefined)?.binding ?? null;

// While an input method composes (Chinese, Japanese, Korean …) the words being composed must stay
// in the page, or the input method loses them: the paragraph changes in this editor's copy only,
// out of y-prosemirror's reach (its mutex), and becomes a suggestion when the composition ends.
const composing = new WeakMap<EditorView, { id: string; original: PMNode }>();

function endComposition(view: EditorView): void {
  const comp = composing.get(view);
  const binding = bindingOf(view.state);
  composing.delete(view);
  if (!comp || !binding) return;
  const found = findParagraph(view.state.doc, comp.id);
  if (!found || found.node.eq(comp.original)) return;
  // The shared paragraph back as it was, then the composed words as a suggestion upon it.
  binding.mux(() => {
    view.updateState(view.state.apply(view.state.tr.replaceWith(found.pos, found.pos + found.node.nodeSize, comp.original).setMeta(suggestingKey, { hold: true } satisfies Meta)));
  });
  const back = findParagraph(view.state.doc, comp.id);
  if (!back) return;
  const typed = view.state.tr.replaceWith(back.pos, back.pos + back.node.nodeSize, found.node);
  view.dispatch(divertToSuggestion(view.state, typed) ?? view.state.tr);
}

/**
 * Apply a transaction to the drafting editor: as it is, or — while suggesting — diverted into
 * a pending suggestion (`divertToSuggestion`), or, while an input method composes, to this
 * editor's copy only until the composition ends.
 */
export function dispatchSuggesting(view: EditorView, tr: Transaction): void {
  const binding = bindingOf(view.state);
  const comp = composing.get(view);
  const apply = (t: Transaction) => view.updateState(view.state.apply(t));
  if (binding && isSuggesting(view.state) && !comp && view.composing && tr.docChanged && !isRemote(tr)) {
    const change = paragraphEdit(view.state.doc, tr.doc);
    if (change && !('refused' in change)) composing.set(view, { id: change.id, original: change.node });
  }
  if (binding && composing.has(view)) {
    binding.mux(() => apply(tr.docChanged && !isRemote(tr) ? tr.setMeta(suggestingKey, { hold: true } satisfies Meta) : tr));
    return;
  }
  apply(divertToSuggestion(view.state, tr) ?? tr);
}

function draw(doc: PMNode, pending: readonly PendingSuggestion[], colour: string): DecorationSet {
  if (pending.length === 0) return DecorationSet.empty;
  const refs = sequentialNumbering(doc).byId;
  const decorations: Decoration[] = [];
  for (const p of pending) {
    const read = suggestionEdit(doc, p);
    if (!read) continue;
    const s = { paragraphId: p.paragraphId, from: read.posOf[p.from]!, to: read.posOf[p.to]!, text: p.text };
    const ref = refs.get(s.paragraphId)?.ref || t('editor:thisParagraphLower');
    if (s.to > s.from) {
      decorations.push(
        Decoration.inline(s.from, s.to, {
          nodeName: 'del',
          class: 'ph-suggest-del',
          style: `color: ${colour}`,
          title: t('editor:suggestionDelete', { ref }),
          'data-suggestion': 'delete',
        }),
      );
    }
    if (s.text !== '') {
      decorations.push(
        Decoration.widget(
          s.to,
          () => {
            const ins = document.createElement('ins');
            ins.className = 'ph-suggest-ins';
            ins.style.color = colour;
            ins.title = t('editor:suggestionInsert', { ref });
            ins.dataset.suggestion = 'insert';
            ins.textContent = s.text;
            return ins;
          },
          { side: -1, key: `suggest:${s.paragraphId}:${s.text}:${colour}`, marks: [] },
        ),
      );
    }
  }
  return DecorationSet.create(doc, decorations);
}

/** Options of suggesting mode. */
export interface SuggestingOptions {
  /** Start in suggesting mode. */
  on?: boolean;
  /** The colour of this user's suggestions. */
  colour?: string;
  /** Enter while suggesting: propose a new paragraph (the page opens its form); without it, Enter is refused like any change of structure. */
  onNewParagraph?: (view: EditorView) => void;
}

/** The plugin: pending suggestions in the text, Escape to discard one, undo kept off the shared text while suggesting. */
export function suggestingPlugin(options: SuggestingOptions = {}): Plugin<SuggestingState> {
  const colour = options.colour ?? '#1d4ed8';
  return new Plugin<SuggestingState>({
    key: suggestingKey,
    state: {
      init: () => ({ on: options.on === true, colour, pending: [], message: null, decorations: DecorationSet.empty }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(suggestingKey) as Meta | undefined;
        let pending = value.pending;
        if (tr.docChanged && !meta?.hold) pending = pending.map((s) => carrySuggestion(state.doc, s)).filter((s): s is PendingSuggestion => s !== null);
        if (meta?.pending) pending = meta.pending;
        const on = meta?.on ?? value.on;
        const message = meta && 'message' in meta ? (meta.message ?? null) : value.message;
        if (pending === value.pending && on === value.on && message === value.message && !tr.docChanged) return value;
        return { on, colour, pending, message, decorations: draw(state.doc, pending, colour) };
      },
    },
    props: {
      decorations: (state) => suggestingKey.getState(state)?.decorations ?? null,
      handleDOMEvents: {
        // The input method's final flush comes a little after compositionend (ProseMirror waits 20 ms).
        compositionend(view) {
          if (composing.has(view)) setTimeout(() => endComposition(view), 80);
          return false;
        },
        blur(view) {
          if (composing.has(view) && !view.composing) endComposition(view);
          return false;
        },
      },
      handleKeyDown(view, event) {
        const s = suggestingKey.getState(view.state);
        if (!s?.on) return false;
        const mod = event.ctrlKey || event.metaKey;
        if (mod && !event.altKey && (event.key.toLowerCase() === 'z' || event.key.toLowerCase() === 'y')) {
          // y-prosemirror's undo writes to the shared text directly: not while suggesting.
          view.dispatch(view.state.tr.setMeta(suggestingKey, { message: t('editor:undoOffSuggesting') } satisfies Meta));
          return true;
        }
        if (event.key === 'Enter' && !mod && !event.altKey && options.onNewParagraph) {
          options.onNewParagraph(view);
          return true;
        }
        if (event.key === 'Escape' && !mod && !event.altKey && !event.shiftKey) {
          const $head = view.state.selection.$head;
          const here = s.pending.find((p) => p.paragraphId === $head.parent.attrs.id);
          if (!here) return false;
          view.dispatch(discardSuggestion(view.state, here.paragraphId));
          return true;
        }
        return false;
      },
    },
  });
}
