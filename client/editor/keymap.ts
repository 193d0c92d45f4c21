/**
 * The keyboard of the drafting room. Structure is reachable without a mouse: Enter, Mod-] and
 * Mod-[ shape paragraphs; Mod-Alt shortcuts mirror the toolbar. Leaving the text never edits it
 * (WCAG 2.1.2): Tab and Shift-Tab are not bound, so they move the focus on as everywhere else, and
 * Escape goes to the toolbar. Undo and redo are y-prosemirror's, so they undo only this user's own
 * changes, never another delegation's.
 */
import { baseKeymap, chainCommands, toggleMark } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import type { Schema } from 'prosemirror-model';
import type { Command, Plugin } from 'prosemirror-state';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { addAnnex, nestParagraph, outdentParagraph, setParagraphKind, splitParagraph } from './commands';

/** Options of the drafting keymap. */
export interface DraftingKeymapOptions {
  /** Insert a footnote: asks for its text (the toolbar and Mod-Alt-f share it). */
  insertFootnote?: Command;
  /** Escape: move the focus out of the text (to the toolbar); false when there is nowhere to go. */
  leave?: () => boolean;
  /** Extra bindings, tried before the default binding of the same key. */
  extra?: Record<string, Command>;
}

/** The shortcuts, listed once so that the toolbar can show them in its tooltips. */
export const SHORTCUTS = {
  preambular: 'Mod-Alt-p',
  operative: 'Mod-Alt-o',
  plain: 'Mod-Alt-0',
  annex: 'Mod-Alt-a',
  footnote: 'Mod-Alt-f',
  nest: 'Mod-]',
  outdent: 'Mod-[',
  leave: 'Escape',
  undo: 'Mod-z',
  redo: 'Mod-Shift-z',
} as const;

/** The drafting keymaps: structure first, then ProseMirror's base keymap. */
export function draftingKeymap(schema: Schema, options: DraftingKeymapOptions = {}): Plugin[] {
  const bindings: Record<string, Command> = {
    Enter: splitParagraph,
    [SHORTCUTS.nest]: nestParagraph,
    [SHORTCUTS.outdent]: outdentParagraph,
    [SHORTCUTS.preambular]: setParagraphKind('preambular'),
    [SHORTCUTS.operative]: setParagraphKind('operative'),
    [SHORTCUTS.plain]: setParagraphKind('plain'),
    [SHORTCUTS.annex]: addAnnex,
    [SHORTCUTS.undo]: undoCommand,
    [SHORTCUTS.redo]: redoCommand,
    'Mod-y': redoCommand,
    'Mod-i': toggleMark(schema.marks.em!),
    'Mod-b': toggleMark(schema.marks.strong!),
  };
  if (options.insertFootnote) bindings[SHORTCUTS.footnote] = options.insertFootnote;
  const leave = options.leave;
  if (leave) bindings[SHORTCUTS.leave] = () => leave();
  // Shift-Enter would insert a hard break, which the schema has not: treat it as Enter.
  bindings['Shift-Enter'] = splitParagraph;
  for (const [key, command] of Object.entries(options.extra ?? {})) {
    bindings[key] = bindings[key] ? chainCommands(command, bindings[key]!) : command;
  }
  return [keymap(bindings), keymap(baseKeymap)];
}
