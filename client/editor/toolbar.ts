/**
 * The small toolbar over the text: the structure commands, each also on the keyboard (shown in
 * its tooltip and `aria-keyshortcuts`). A toolbar is one tab stop (WAI-ARIA toolbar pattern):
 * arrow keys move between its buttons, so Tab goes from the toolbar straight into the text.
 * Under it, a short note says the keys of the text, and how to leave it (client/editor/keymap.ts).
 */
import type { Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { el } from '../dom';
import { directionOf, t, uiLanguage } from '../i18n';
import { addAnnex, nestParagraph, outdentParagraph, setParagraphKind } from './commands';
import { insertFootnoteCommand, type AskText } from './footnotes';
import { isEditable } from './keys';
import { SHORTCUTS } from './keymap';

interface Tool {
  label: string;
  command: Command;
  keys: string;
  /** A stable name for tests and styles (`data-tool`). */
  name: string;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
function keyLabel(keys: string): string {
  return keys.replace('Mod', isMac ? 'Cmd' : 'Ctrl').replace(/-/g, '+');
}
// A key's name isolated from the words around it (U+2066 … U+2069) in a right-to-left interface: "Ctrl+]" stays "Ctrl+]" inside an Arabic sentence.
const isolated = (keys: string) => (directionOf(uiLanguage()) === 'rtl' ? `\u2066${keyLabel(keys)}\u2069` : keyLabel(keys));

/** The id of the note that says the keys of the text (the editor's accessible description). */
export const KEYS_NOTE_ID = 'editor-keys';

/** What the toolbar gives the page. */
export interface Toolbar {
  /** The toolbar. */
  element: HTMLElement;
  /** The note that says the keys of the text, to put under the toolbar. */
  keysNote: HTMLElement;
  /** Call after each state change. */
  update(): void;
  /** Move the focus to the toolbar (Escape in the text); false when it is hidden (read only). */
  focus(): boolean;
}

/** Build the toolbar for `view`; call `update` after each state change. */
export function toolbar(getView: () => EditorView | null, ask?: AskText): Toolbar {
  const tools: Tool[] = [
    { name: 'preambular', label: t('editor:toolPreambular'), command: setParagraphKind('preambular'), keys: SHORTCUTS.preambular },
    { name: 'operative', label: t('editor:toolOperative'), command: setParagraphKind('operative'), keys: SHORTCUTS.operative },
    { name: 'nest', label: t('editor:toolNest'), command: nestParagraph, keys: SHORTCUTS.nest },
    { name: 'outdent', label: t('editor:toolOutdent'), command: outdentParagraph, keys: SHORTCUTS.outdent },
    { name: 'plain', label: t('editor:toolPlain'), command: setParagraphKind('plain'), keys: SHORTCUTS.plain },
    { name: 'annex', label: t('editor:toolAnnex'), command: addAnnex, keys: SHORTCUTS.annex },
    { name: 'footnote', label: t('editor:toolFootnote'), command: insertFootnoteCommand(ask), keys: SHORTCUTS.footnote },
    { name: 'undo', label: t('editor:toolUndo'), command: undoCommand, keys: SHORTCUTS.undo },
    { name: 'redo', label: t('editor:toolRedo'), command: redoCommand, keys: SHORTCUTS.redo },
  ];
  const buttons = tools.map((tool, i) => {
    const button = el(
      'button',
      {
        type: 'button',
        tabIndex: i === 0 ? 0 : -1,
        title: t('editor:toolTitle', { label: tool.label, keys: isolated(tool.keys) }),
        attrs: { 'aria-keyshortcuts': keyLabel(tool.keys).replace('Ctrl', 'Control').replace('Cmd', 'Meta'), 'data-tool': tool.name },
      },
      tool.label,
    );
    // mousedown would move the editor's selection away; keep it where the user left it.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => {
      const view = getView();
      if (!view) return;
      tool.command(view.state, view.dispatch, view);
      view.focus();
    });
    return button;
  });
  const element = el('div', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': t('editor:toolbar'), 'aria-controls': 'editor' } }, ...buttons);
  const keysNote = el('p', { className: 'keys-note', id: KEYS_NOTE_ID }, t('editor:keysNote', { nest: isolated(SHORTCUTS.nest), outdent: isolated(SHORTCUTS.outdent) }));
  element.addEventListener('keydown', (event) => {
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    // The arrow towards the end of the line moves to the next button: the left one in Arabic.
    const forward = getComputedStyle(element).direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
    const step = event.key === forward ? 1 : event.key === backward ? -1 : 0;
    const target = event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : step ? (i + step + buttons.length) % buttons.length : -1;
    if (target < 0) return;
    event.preventDefault();
    buttons[i]!.tabIndex = -1;
    buttons[target]!.tabIndex = 0;
    buttons[target]!.focus();
  });
  return {
    element,
    keysNote,
    focus() {
      if (element.hidden) return false;
      (buttons.find((b) => b.tabIndex === 0) ?? buttons[0])?.focus();
      return true;
    },
    update() {
      const view = getView();
      const editable = view ? isEditable(view.state) : false;
      element.hidden = !editable;
      keysNote.hidden = !editable;
      tools.forEach((tool, i) => {
        // Disabled buttons stay focusable for screen readers via aria-disabled.
        const applies = view !== null && editable && tool.command(view.state, undefined, view);
        buttons[i]!.setAttribute('aria-disabled', String(!applies));
      });
    },
  };
}
