/**
 * The chair's paragraph states shown in the text itself: a mark in the margin of each agreed
 * paragraph — agreed (✓), agreed ad referendum (✓ ad ref), changed since agreed (≠), locked
 * (lock) — each with an accessible name ("OP 1: agreed, changed since agreed by Chile on …") and a
 * glyph of its own, never colour alone.
 *
 * The states are the server's governed record (GET /api/drafts/:id/paragraph-states), read again
 * every few seconds (`pollMs`), and taken at once whenever the paragraph-states panel reads them
 * (`announceParagraphStates`: it does when the server says the record moved). "Changed since agreed" is derived here too, as the server derives it
 * (shared/negotiation.ts): the paragraph's words now against the text hash recorded when it was
 * marked, so the mark turns the moment the text moves; who changed it comes with the next read.
 *
 * A locked paragraph's local edits are filtered out with the chair's reason, shown above the
 * text: the server refuses them anyway (server/collab/agreedGuard.ts), and a refused edit would
 * leave this copy of the text out of step with the server's.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { type EditorState, Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import { CHANGED_SINCE_AGREED_LABEL, LOCKED_LABEL, PARAGRAPH_STATE_LABELS, paragraphTextHash, type ParagraphState } from '../../shared/negotiation';
import { sequentialNumbering } from '../../shared/numbering';
import { isParagraph } from '../../shared/schema';
import { api } from '../api';
import { formatWhen, localizedString } from '../dom';
import { t } from '../i18n';
import { dispatchFromOutside } from './outsideDispatch';
import { pageSelection } from './pageSelection';

/** One paragraph's state as GET /api/drafts/:id/paragraph-states sends it (server/presenters/meeting.ts). */
export interface ParagraphMarkJSON {
  state: ParagraphState;
  locked?: boolean;
  textHash?: string | null;
  changedSinceAgreed?: boolean;
  changedBy?: { displayName: string } | null;
  changedAt?: string | null;
}

/** What the plugin holds: the states by paragraph id, and the decorations drawn from them. */
export interface ParagraphMarksState {
  marks: ReadonlyMap<string, ParagraphMarkJSON>;
  decorations: DecorationSet;
}

/** The plugin's key (set new states with `setParagraphMarks`). */
export const paragraphMarksKey = new PluginKey<ParagraphMarksState>('penholder-paragraph-marks');

/** Options of the margin marks. */
export interface ParagraphMarksOptions {
  /** The draft whose states are shown; by default the one the page's address names (/drafts/<id>); null reads nothing. */
  draftId?: string | null;
  /** How often the states are read again, in ms, until the page's paragraph-states panel hands them over (`announceParagraphStates`). */
  pollMs?: number;
}

/** The window event by which the page hands the plugin states it has just read (`announceParagraphStates`). */
export const PARAGRAPH_STATES_EVENT = 'penholder:paragraph-states';

/** Hand the margin marks of `draftId`'s editor the states just read (the paragraph-states panel does, on every read). */
export function announceParagraphStates(draftId: string, states: Record<string, ParagraphMarkJSON>): void {
  globalThis.dispatchEvent?.(new CustomEvent(PARAGRAPH_STATES_EVENT, { detail: { draftId, states } }));
}

/** A transaction that shows these states (by paragraph id) in the margin. */
export function setParagraphMarks(state: EditorState, marks: Record<string, ParagraphMarkJSON>): Transaction {
  return state.tr.setMeta(paragraphMarksKey, new Map(Object.entries(marks)));
}

/** Whether a paragraph's words differ from those the chair marked (the server's word when the hash is not known). */
export function changedSinceAgreed(mark: ParagraphMarkJSON, node: PMNode | undefined): boolean {
  if (!mark.textHash) return mark.changedSinceAgreed === true;
  return node === undefined || paragraphTextHash(node) !== mark.textHash;
}

/** The accessible name of a paragraph's margin mark: "OP 1: agreed, changed since agreed by Chile on 5 December 2026, 19:30". */
export function markName(ref: string, mark: ParagraphMarkJSON, changed: boolean): string {
  const parts = [localizedString(PARAGRAPH_STATE_LABELS[mark.state])];
  if (changed) {
    const who = mark.changedSinceAgreed && mark.changedBy ? t('editor:markBy', { name: mark.changedBy.displayName }) : '';
    const when = mark.changedSinceAgreed && mark.changedAt ? t('editor:markOn', { date: formatWhen(mark.changedAt) }) : '';
    parts.push(`${localizedString(CHANGED_SINCE_AGREED_LABEL)}${who}${when}`);
  }
  if (mark.locked) parts.push(t('editor:lockedByChair', { locked: localizedString(LOCKED_LABEL) }));
  return t('editor:markName', { ref, parts: parts.join(t('common:listSeparator')) });
}

// Why a keystroke in a locked paragraph changed nothing, in the interface's language (shared/negotiation.ts lockedRefusal says it in English for the server).
function lockedMessage(ref: string, state: ParagraphState): string {
  return t('editor:notChangedLocked', { ref, state: localizedString(PARAGRAPH_STATE_LABELS[state]) });
}

function markElement(name: string, mark: ParagraphMarkJSON, changed: boolean): HTMLElement {
  const span = document.createElement('span');
  span.className = `ph-margin-mark ph-mark-${mark.state}${changed ? ' ph-mark-changed' : ''}${mark.locked ? ' ph-mark-locked' : ''}`;
  span.contentEditable = 'false';
  span.setAttribute('role', 'img');
  span.setAttribute('aria-label', name);
  span.title = name;
  span.dataset.paragraphMark = mark.state;
  span.dataset.changed = String(changed);
  span.dataset.locked = String(mark.locked === true);
  // Words rather than pictographs for the rest: a padlock emoji needs a font the reader may not have.
  span.textContent = [changed ? '≠' : '✓', mark.state === 'agreed_ad_ref' ? t('editor:markAdRef') : null, mark.locked ? t('editor:markLock') : null].filter(Boolean).join('\n');
  return span;
}

function draw(doc: PMNode, marks: ReadonlyMap<string, ParagraphMarkJSON>): DecorationSet {
  if (marks.size === 0) return DecorationSet.empty;
  const refs = sequentialNumbering(doc).byId;
  const decorations: Decoration[] = [];
  const seen = new Set<string>();
  doc.descendants((node, pos) => {
    if (!isParagraph(node)) return !node.isTextblock;
    const id = node.attrs.id as string;
    const mark = marks.get(id);
    if (!mark || mark.state === 'open' || seen.has(id)) return false;
    seen.add(id);
    const changed = changedSinceAgreed(mark, node);
    const name = markName(refs.get(id)?.ref || t('editor:thisParagraph'), mark, changed);
    const key = `${id}:${name}`;
    decorations.push(
      Decoration.node(pos, pos + node.nodeSize, {
        'data-agreed': mark.state,
        ...(changed ? { 'data-changed-since-agreed': 'true' } : {}),
        ...(mark.locked ? { 'data-locked': 'true' } : {}),
      }),
      Decoration.widget(pos + 1, () => markElement(name, mark, changed), { side: -1, key, ignoreSelection: true }),
    );
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

// The locked paragraph a local transaction would change, or null.
function lockedTouched(tr: Transaction, before: PMNode, marks: ReadonlyMap<string, ParagraphMarkJSON>): { id: string; node: PMNode } | null {
  const locked = [...marks].filter(([, m]) => m.locked && m.state !== 'open').map(([id]) => id);
  if (locked.length === 0) return null;
  const find = (doc: PMNode) => {
    const found = new Map<string, PMNode>();
    doc.descendants((node) => {
      if (isParagraph(node) && locked.includes(node.attrs.id) && !found.has(node.attrs.id)) found.set(node.attrs.id, node);
      return !node.isTextblock;
    });
    return found;
  };
  const was = find(before);
  const now = find(tr.doc);
  for (const [id, node] of was) if (!now.get(id)?.eq(node)) return { id, node };
  return null;
}

// The locked paragraph the page's selection (read from the page: the editor's may lag behind it) lies in or spans, or null.
function lockedAt(view: EditorView, marks: ReadonlyMap<string, ParagraphMarkJSON>): string | null {
  const locked = new Set([...marks].filter(([, m]) => m.locked && m.state !== 'open').map(([id]) => id));
  if (locked.size === 0) return null;
  const { from, to } = pageSelection(view);
  let hit: string | null = null;
  view.state.doc.descendants((node, pos) => {
    if (hit !== null) return false;
    if (!isParagraph(node)) return !node.isTextblock;
    if (locked.has(node.attrs.id) && from <= pos + node.nodeSize - 1 && to >= pos + 1) hit = node.attrs.id as string;
    return false;
  });
  return hit;
}

/** The plugin: margin marks from the chair's record, and a locked paragraph's local edits kept out. */
export function paragraphMarksPlugin(options: ParagraphMarksOptions = {}): Plugin<ParagraphMarksState> {
  const fromAddress = /^\/drafts\/([^/]+)/.exec(globalThis.location?.pathname ?? '')?.[1];
  const draftId = options.draftId !== undefined ? options.draftId : fromAddress ? decodeURIComponent(fromAddress) : null;
  const pollMs = options.pollMs ?? 5_000;
  // Set by the filter (which may not dispatch), shown by the view.
  let refusal: string | null = null;
  let show: (() => void) | null = null;
  return new Plugin<ParagraphMarksState>({
    key: paragraphMarksKey,
    state: {
      init: (_config, state) => ({ marks: new Map(), decorations: draw(state.doc, new Map()) }),
      apply(tr, value, _old, state) {
        const marks = tr.getMeta(paragraphMarksKey) as ReadonlyMap<string, ParagraphMarkJSON> | undefined;
        if (marks) return { marks, decorations: draw(state.doc, marks) };
        if (!tr.docChanged || value.marks.size === 0) return value;
        return { marks: value.marks, decorations: draw(state.doc, value.marks) };
      },
    },
    filterTransaction(tr, state) {
      if (!tr.docChanged) return true;
      const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
      if (meta?.isChangeOrigin) return true; // the server's text, as it stands
      const marks = paragraphMarksKey.getState(state)?.marks;
      const touched = marks ? lockedTouched(tr, state.doc, marks) : null;
      if (!touched) return true;
      const ref = sequentialNumbering(state.doc).byId.get(touched.id)?.ref || t('editor:thisParagraph');
      refusal = lockedMessage(ref, marks!.get(touched.id)!.state);
      queueMicrotask(() => show?.());
      return false;
    },
    props: {
      decorations: (state) => paragraphMarksKey.getState(state)?.decorations ?? null,
      handleDOMEvents: {
        // Typing is stopped before the browser changes the page: a keystroke the filter refused
        // after the fact would leave the page's text out of step with the editor's, and the caret
        // where the editor last knew it, in another paragraph.
        beforeinput(view, event) {
          const input = event as InputEvent;
          if (!/^(insert|delete|format|history)/.test(input.inputType)) return false;
          const marks = paragraphMarksKey.getState(view.state)?.marks;
          const hit = marks ? lockedAt(view, marks) : null;
          if (!hit) return false;
          event.preventDefault();
          refusal = lockedMessage(sequentialNumbering(view.state.doc).byId.get(hit)?.ref || t('editor:thisParagraph'), marks!.get(hit)!.state);
          show?.();
          return true;
        },
      },
    },
    view(view: EditorView) {
      const message = document.createElement('p');
      message.className = 'ph-lock-message';
      message.setAttribute('role', 'alert');
      message.hidden = true;
      view.dom.parentNode?.insertBefore(message, view.dom);
      let hide: ReturnType<typeof setTimeout> | undefined;
      show = () => {
        message.textContent = refusal ?? '';
        message.hidden = !refusal;
        clearTimeout(hide);
        hide = setTimeout(() => {
          message.hidden = true;
        }, 8_000);
      };
      let timer: ReturnType<typeof setInterval> | undefined;
      let stopped = false;
      let last = '';
      const take = (states: Record<string, ParagraphMarkJSON>) => {
        const seen = JSON.stringify(states);
        if (stopped || seen === last) return;
        last = seen;
        dispatchFromOutside(view, (state) => setParagraphMarks(state, states));
      };
      const load = () => {
        if (draftId === null) return;
        api<{ states: Record<string, ParagraphMarkJSON> }>('GET', `/api/drafts/${encodeURIComponent(draftId)}/paragraph-states`)
          .then((json) => take(json.states))
          .catch(() => undefined);
      };
      // The panel reads the states whenever the server says the record moved: take them at once.
      const heard = (event: Event) => {
        const detail = (event as CustomEvent<{ draftId: string; states: Record<string, ParagraphMarkJSON> }>).detail;
        if (!detail || detail.draftId !== draftId) return;
        // The panel reads them for us from now on: no second reader of the same states.
        clearInterval(timer);
        take(detail.states);
      };
      if (draftId !== null) {
        load();
        timer = setInterval(load, pollMs);
        globalThis.addEventListener?.(PARAGRAPH_STATES_EVENT, heard);
      }
      return {
        destroy() {
          stopped = true;
          globalThis.removeEventListener?.(PARAGRAPH_STATES_EVENT, heard);
          clearInterval(timer);
          clearTimeout(hide);
          show = null;
          message.remove();
        },
      };
    },
  });
}
