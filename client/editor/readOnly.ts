/**
 * Read-only mode, mirrored from the server. The server is the authority (it drops a read-only
 * connection's updates whatever it sends); this plugin only keeps the editor honest: it turns off
 * editing, and it filters out local changes, because keymaps and toolbar commands still run when
 * a view is not editable and would otherwise change the local copy that the server never accepts.
 */
import { Plugin, type EditorState, type Transaction } from 'prosemirror-state';
import { readOnlyKey, ySyncPluginKey, type ReadOnlyState } from './keys';

/** Options of the read-only plugin. */
export interface ReadOnlyOptions {
  /** Start read-only (before the server has said anything), with this reason. */
  initialReason?: string | null;
}

/** A transaction that switches the editor to edit mode (reason null) or to read-only with a reason. */
export function setReadOnly(state: EditorState, reason: string | null): Transaction {
  return state.tr.setMeta(readOnlyKey, { editable: reason === null, reason } satisfies ReadOnlyState);
}

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
    },
  });
}
