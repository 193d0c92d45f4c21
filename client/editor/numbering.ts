/**
 * Numbers shown, never typed: a decoration plugin over `shared/numbering`. Each paragraph gets
 * `data-number` ("3.", "(a)", "(ii)"; empty for a single operative paragraph), each footnote its
 * continuous number, each annex heading its label; the stylesheet prints them with `::before`,
 * so the caret never lands inside a number. With the negotiation switch on, each paragraph also
 * gets `data-negotiation` ("OP 3 bis"), its number in the text under negotiation.
 *
 * A `::before` number is not reliably read out, so each numbered paragraph is also a named group
 * for assistive technology (`role="group"`, `aria-label` "operative paragraph 3", from
 * shared/paragraphNames.ts): a screen reader says where the caret is, never in the text itself.
 *
 * Numbering is recomputed from the whole text on every change: a draft resolution is a few
 * hundred paragraphs at most, and a full pass is what keeps "insert OP between 2 and 3"
 * renumbering everyone's later paragraphs at once, remote edits included.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { negotiationNumbering, sequentialNumbering, type Numbering, type NumberingBase } from '../../shared/numbering';
import type { AnnexLanguage } from '../../shared/numberingLabels';
import { spokenParagraphNames } from '../../shared/paragraphNames';
import { numberingKey, type NumberingState } from './keys';
import { isParagraphNode } from './commands';
import { printedLabel } from '../../shared/numberingLabels';

/** Options of the numbering plugin. */
export interface NumberingOptions {
  /** Numbers of the text under negotiation (paragraph id → "OP 3"), from the last issued revision. */
  base?: NumberingBase | null;
  /** Show negotiation numbers beside the sequential ones from the start. */
  showNegotiation?: boolean;
  /** Language of the annex labels. */
  lang?: AnnexLanguage;
}

interface Config {
  base: NumberingBase | null;
  showNegotiation: boolean;
  lang: AnnexLanguage;
}

/** What a transaction may ask of the numbering plugin through its meta. */
export interface NumberingMeta {
  showNegotiation?: boolean;
  base?: NumberingBase | null;
}

interface FullState extends NumberingState {
  config: Config;
}

function build(doc: PMNode, config: Config): FullState {
  const seq = sequentialNumbering(doc, { lang: config.lang });
  let neg: Numbering | null = null;
  if (config.showNegotiation && config.base) {
    const result = negotiationNumbering(doc, config.base, { lang: config.lang });
    if (result.ok) neg = result.value; // a malformed base shows sequential numbers only, never a broken text
  }
  const decorations: Decoration[] = [];
  const labels = new Map<string, string>();
  const names = spokenParagraphNames(seq, config.lang);
  let p = 0;
  let f = 0;
  let a = 0;
  doc.descendants((node, pos) => {
    const name = node.type.name;
    if (isParagraphNode(node)) {
      const number = seq.paragraphs[p];
      const negotiated = neg?.paragraphs[p];
      p++;
      // Printed as the text's language prints it: "1." / Arabic "1 -" / "(a)" / "(أ)" (shared/numberingLabels.ts).
      const printed = number ? printedLabel(number, config.lang) : '';
      const attrs: Record<string, string> = { 'data-number': printed };
      if (negotiated?.ref) attrs['data-negotiation'] = negotiated.ref;
      if (number?.ref) attrs['data-ref'] = number.ref; // for the comparison view
      const name = number && seq.byId.get(number.id) === number ? names.get(number.id) : undefined;
      if (name) {
        attrs.role = 'group';
        attrs['aria-label'] = name;
      }
      decorations.push(Decoration.node(pos, pos + node.nodeSize, attrs));
      if (number) labels.set(number.id, printed);
      return true; // footnotes live inside paragraphs
    }
    if (name === 'footnote') {
      const n = seq.footnotes[f++]?.number;
      if (n !== undefined) {
        decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-number': String(n) }));
        labels.set(node.attrs.id as string, String(n));
      }
      return false;
    }
    if (name === 'annexHeading') {
      const label = seq.annexes[a++]?.label ?? '';
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-number': label }));
      return true;
    }
    return true;
  });
  return { decorations: DecorationSet.create(doc, decorations), showNegotiation: config.showNegotiation, labels, names, config };
}

/** A transaction that turns the negotiation numbers on or off, or sets the base they are counted from. */
export function setNumbering(state: EditorState, meta: NumberingMeta): Transaction {
  return state.tr.setMeta(numberingKey, meta);
}

/** The plugin that decorates paragraphs, footnotes and annex headings with their derived numbers. */
export function numberingPlugin(options: NumberingOptions = {}): Plugin<NumberingState> {
  const initial: Config = { base: options.base ?? null, showNegotiation: options.showNegotiation ?? false, lang: options.lang ?? 'en' };
  return new Plugin<NumberingState>({
    key: numberingKey,
    state: {
      init: (_config, state) => build(state.doc, initial),
      apply(tr, value) {
        const full = value as FullState;
        const meta = tr.getMeta(numberingKey) as NumberingMeta | undefined;
        if (!meta && !tr.docChanged) return value;
        return build(tr.doc, { ...full.config, ...meta });
      },
    },
    props: {
      decorations: (state) => numberingKey.getState(state)?.decorations,
    },
  });
}
