/**
 * Structural changes said aloud: when this user's own edit turns the paragraph at the caret into
 * another kind or level (Mod-], Mod-[, the toolbar, Enter in an empty subparagraph), the page's
 * polite live region hears "now subparagraph (c) (i) of operative paragraph 3". Another
 * delegation's edits are not announced: they would interrupt whoever is typing.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, type EditorState, type Transaction } from 'prosemirror-state';
import { isParagraphNode } from './commands';
import { numberingKey, structureAnnouncerKey, ySyncPluginKey } from './keys';
import { t } from '../i18n';

/** Options of the structure announcer. */
export interface StructureAnnouncerOptions {
  /** Where the words go: a polite live region of the page. */
  announce: (message: string) => void;
}

// The paragraph that holds the caret, or null (the title, an annex heading).
function paragraphAtCaret(state: EditorState): PMNode | null {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) {
    const node = $from.node(d);
    if (isParagraphNode(node)) return node;
  }
  return null;
}

function isRemote(tr: Transaction): boolean {
  return (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
}

/** What the plugin remembers: the id of the paragraph whose structure this user's last edit changed. */
interface Changed {
  id: string | null;
}

/** The plugin that announces this user's structural changes of the paragraph at the caret. */
export function structureAnnouncerPlugin(options: StructureAnnouncerOptions): Plugin<Changed> {
  return new Plugin<Changed>({
    key: structureAnnouncerKey,
    state: {
      init: () => ({ id: null }),
      apply(tr, _value, before, after) {
        if (!tr.docChanged || isRemote(tr)) return { id: null };
        const was = paragraphAtCaret(before);
        const now = paragraphAtCaret(after);
        if (!was || !now || was.attrs.id !== now.attrs.id) return { id: null };
        const same = was.type === now.type && was.attrs.level === now.attrs.level;
        return { id: same ? null : (now.attrs.id as string) };
      },
    },
    view: () => ({
      update(view, previous) {
        const changed = structureAnnouncerKey.getState(view.state) as Changed | undefined;
        if (!changed?.id || changed === structureAnnouncerKey.getState(previous)) return;
        const name = numberingKey.getState(view.state)?.names.get(changed.id);
        options.announce(name ? t('editor:nowNamed', { name }) : t('editor:nowUnnumbered'));
      },
    }),
  });
}
