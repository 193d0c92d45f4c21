/**
 * The drafting editor assembled: the schema from shared/, bound to the draft's Y.XmlFragment by
 * y-prosemirror (sync, remote cursors, own-changes undo), with Penholder's structure keymap,
 * numbering, house style, paste and id plugins. One factory with typed options and defaults, so
 * that the page, the tests and a future comparison view build the same editor.
 */
import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';
import { EditorState, type Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { defaultCursorBuilder, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { PARAGRAPH_TYPES, resolutionSchema } from '../../shared/schema';
import type { NumberingBase } from '../../shared/numbering';
import type { AnnexLanguage } from '../../shared/numberingLabels';
import { authorshipPlugin } from './authorship';
import { editSelectedFootnote, FootnoteView, insertFootnoteCommand, askInPage, type AskText } from './footnotes';
import { houseStylePlugin } from './houseStyle';
import { paragraphIdsPlugin } from './ids';
import { paragraphMarksPlugin } from './paragraphMarks';
import { placeholderPlugin } from './placeholder';
import { draftingKeymap } from './keymap';
import { numberingPlugin } from './numbering';
import { pastePlugin } from './paste';
import { proposalMarksPlugin } from './proposalMarks';
import { readOnlyPlugin } from './readOnly';
import { structureAnnouncerPlugin } from './structureAnnouncer';
import { dispatchSuggesting, suggestingPlugin, type SuggestingOptions } from './suggesting';
import { t } from '../i18n';

/** Options of the drafting editor. */
export interface DraftingEditorOptions {
  /** Where the editor goes. */
  mount: HTMLElement;
  /** The draft's working text (the Y.Doc's XmlFragment named 'prosemirror'). */
  fragment: Y.XmlFragment;
  /** Presence of the others; without it no remote cursors are shown. */
  awareness?: Awareness | null;
  /** Start read-only with this reason (null: editable until the server says otherwise). */
  readOnlyReason?: string | null;
  /** Numbers of the text under negotiation, for the "3 bis" switch. */
  negotiationBase?: NumberingBase | null;
  /** Language of annex labels. */
  lang?: AnnexLanguage;
  /** How to ask for a footnote's text. */
  ask?: AskText;
  /** Told about paste refusals and similar notes for the user. */
  onMessage?: (message: string) => void;
  /** Says a structural change aloud ("now subparagraph (i)"), through a polite live region of the page. */
  announce?: (message: string) => void;
  /** Escape: where the focus goes out of the text (the toolbar); false when nowhere. */
  leave?: () => boolean;
  /** The id of the element that says the keys of the text (its accessible description). */
  keysNoteId?: string;
  /** Called after every state change (panels, footnote list, toolbar state). */
  onUpdate?: (view: EditorView) => void;
  /** Suggesting mode: whether it starts on, and this user's colour (client/editor/suggesting.ts). */
  suggesting?: SuggestingOptions;
}

// Nodes y-prosemirror's undo must not delete when undoing someone's change around them: our paragraphs.
const PROTECTED = new Set<string>(PARAGRAPH_TYPES);

/** Build the editor's plugins (exported for tests that run without a view). */
export function draftingPlugins(options: Omit<DraftingEditorOptions, 'mount' | 'onUpdate'>): Plugin[] {
  const ask = options.ask ?? askInPage;
  const plugins: Plugin[] = [ySyncPlugin(options.fragment)];
  if (options.awareness) {
    plugins.push(
      yCursorPlugin(options.awareness, {
        // The stock cursor, hidden from assistive technology: it stands inside the words, so a
        // screen reader would read its name in the middle of them. "Who is here" names everyone.
        cursorBuilder: (user: { name?: string; color?: string }) => {
          const el = defaultCursorBuilder(user);
          el.setAttribute('aria-hidden', 'true');
          return el;
        },
      }),
    );
  }
  plugins.push(
    yUndoPlugin({ protectedNodes: PROTECTED }),
    readOnlyPlugin({ initialReason: options.readOnlyReason ?? null }),
    // Before the keymaps: while suggesting, Escape discards the paragraph's suggestion and undo stays off the shared text.
    suggestingPlugin(options.suggesting),
    proposalMarksPlugin(),
    ...draftingKeymap(resolutionSchema, {
      insertFootnote: insertFootnoteCommand(ask),
      leave: options.leave,
      extra: { Enter: editSelectedFootnote(ask) },
    }),
    pastePlugin({ onRefused: options.onMessage }),
    paragraphIdsPlugin(),
    numberingPlugin({ base: options.negotiationBase ?? null, lang: options.lang }),
    houseStylePlugin(),
    placeholderPlugin(),
    authorshipPlugin(),
    paragraphMarksPlugin(),
    dropCursor(),
    gapCursor(),
  );
  if (options.announce) plugins.push(structureAnnouncerPlugin({ announce: options.announce }));
  return plugins;
}

/** Create the drafting editor in `options.mount`. Destroy the view when leaving the page. */
export function createDraftingEditor(options: DraftingEditorOptions): EditorView {
  const ask = options.ask ?? askInPage;
  const state = EditorState.create({ schema: resolutionSchema, plugins: draftingPlugins(options) });
  const view = new EditorView(options.mount, {
    state,
    nodeViews: {
      footnote: (node, v, getPos) => new FootnoteView(node, v, getPos, ask),
    },
    attributes: {
      class: 'ph-editor',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': t('editor:workingTextLabel'),
      ...(options.keysNoteId ? { 'aria-describedby': options.keysNoteId } : {}),
      spellcheck: 'true',
    },
    // `this`, not the `view` constant: y-prosemirror dispatches while the view is being constructed.
    // While suggesting, a change of the text becomes a pending suggestion instead (suggesting.ts).
    dispatchTransaction(this: EditorView, tr) {
      dispatchSuggesting(this, tr);
      options.onUpdate?.(this);
    },
  });
  options.onUpdate?.(view);
  return view;
}
