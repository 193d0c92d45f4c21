/**
 * Read-only mode, mirrored from the server. The server is the authority (it drops a read-only
 * connection's updates whatever it sends); this plugin only keeps the editor honest: it turns off
 * editing, and it filters out local changes, because keymaps and toolbar commands still run when
 * a view is not editable and would otherwise change the local copy that the server never accepts.
 * A text nobody may change (the text acted on) is shown by a view of its own, `createTextView`.
 *
 * Read-only, the text stays a multi-line textbox that says it is read-only (`aria-readonly`) and
 * stays in the Tab order (`tabindex="0"`): a screen-reader user reaches it and reads it like any
 * other, and is told it cannot be changed (WCAG 4.1.2).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, Plugin, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { AnnexLanguage } from '../../shared/numberingLabels';
import { FootnoteView } from './footnotes';
import { houseStylePlugin } from './houseStyle';
import { readOnlyKey, ySyncPluginKey, type ReadOnlyState } from './keys';
import { numberingPlugin } from './numbering';

/** Options of the read-only plugin. */
export interface ReadOnlyOptions {
  /** Start read-only (before the server has said anything), with this reason. */
  initialReason?: string | null;
}

/** A transaction that switches the editor to edit mode (reason null) or to read-only with a reason. */
export function setReadOnly(state: EditorState, reason: string | null): Transaction {
  return state.tr.setMeta(readOnlyKey, { editable: reason === null, reason } satisfies ReadOnlyState);
}

/** What a text that may not be changed says of itself, editor or text view alike. */
const READ_ONLY_ATTRIBUTES: Record<string, string> = { 'aria-readonly': 'true', tabindex: '0' };

function isRemote(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return meta?.isChangeOrigin === true;
}

/** The plugin that holds the read-only state and refuses local changes while it is on. */
export function readOnlyPlugin(options: ReadOnlyOptions = {}): Plugin<ReadOnlyState> {
  const reason = options.initialReason ?? null;
  return new Plugin<ReadOnlyState>({
    key: readOnlyKey,
    state: {
      init: () => ({ editable: reason === null, reason }),
      apply: (tr, value) => (tr.getMeta(readOnlyKey) as ReadOnlyState | undefined) ?? value,
    },
    filterTransaction(tr, state) {
      if (!tr.docChanged || isRemote(tr)) return true;
      return readOnlyKey.getState(state)?.editable ?? true;
    },
    props: {
      editable: (state) => readOnlyKey.getState(state)?.editable ?? true,
      attributes: (state): Record<string, string> => ((readOnlyKey.getState(state)?.editable ?? true) ? {} : READ_ONLY_ATTRIBUTES),
    },
  });
}

/** Options of a text shown read-only. */
export interface TextViewOptions {
  /** Where the view goes. */
  mount: HTMLElement;
  /** The text, never changed by the view. */
  doc: PMNode;
  /** What the text is, for screen readers ("Text as adopted — L.10/Rev.2 as orally amended"). */
  label: string;
  /** Language of annex labels. */
  lang?: AnnexLanguage;
}

/**
 * A text that nobody edits (the text a body acted on): the editor's numbers, house style and
 * footnote marks on the schema's own markup, without the collaboration plugins. Destroy it when
 * leaving the page.
 */
export function createTextView(options: TextViewOptions): EditorView {
  const state = EditorState.create({ doc: options.doc, plugins: [numberingPlugin({ lang: options.lang }), houseStylePlugin()] });
  return new EditorView(options.mount, {
    state,
    editable: () => false,
    nodeViews: { footnote: (node, v, getPos) => new FootnoteView(node, v, getPos, () => null) },
    attributes: { class: 'ph-editor ph-text-view', role: 'textbox', 'aria-multiline': 'true', ...READ_ONLY_ATTRIBUTES, 'aria-label': options.label },
  });
}
