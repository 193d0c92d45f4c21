/**
 * Every PluginKey of Penholder's editor, in one place (as y-prosemirror keeps its own in
 * `keys.js`): a plugin's state is read through its key, and one module makes the set easy to see.
 */
import { PluginKey, type EditorState } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';

export { ySyncPluginKey, yCursorPluginKey, yUndoPluginKey } from 'y-prosemirror';

/** The plugin that gives new and duplicated paragraphs a fresh stable id. */
export const paragraphIdsKey = new PluginKey('penholder-paragraph-ids');

/** State of the numbering plugin: its decorations and whether negotiation numbers are shown. */
export interface NumberingState {
  decorations: DecorationSet;
  showNegotiation: boolean;
  /** Derived labels by paragraph or footnote id, for panels and tests. */
  labels: ReadonlyMap<string, string>;
  /** Spoken names by paragraph id ("operative paragraph 3"), for screen readers and announcements. */
  names: ReadonlyMap<string, string>;
}

/** The plugin that shows derived numbers (1., (a), (i), footnote marks) as decorations. */
export const numberingKey = new PluginKey<NumberingState>('penholder-numbering');

/** The plugin that sets the house style by decoration: preambular opening words, text direction. */
export const houseStyleKey = new PluginKey<DecorationSet>('penholder-house-style');

/** The plugin that announces this user's structural changes ("now subparagraph (i)"). */
export const structureAnnouncerKey = new PluginKey('penholder-structure-announcer');

/** The plugin that turns pasted plain text or Word HTML into structured paragraphs. */
export const pasteKey = new PluginKey('penholder-paste');

/** State of the read-only plugin: whether this user may change the text, and why not. */
export interface ReadOnlyState {
  editable: boolean;
  reason: string | null;
}

/** The plugin that holds whether the text may be edited here (the server decides; we mirror it). */
export const readOnlyKey = new PluginKey<ReadOnlyState>('penholder-read-only');

/** Whether the editor state allows editing (true when no read-only plugin is installed). */
export function isEditable(state: EditorState): boolean {
  return readOnlyKey.getState(state)?.editable ?? true;
}
