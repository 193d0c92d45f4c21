/**
 * The ProseMirror schema of a resolution or decision text.
 *
 * The text is kept flat on purpose: one top-level node per paragraph, with subparagraphs
 * as `subparagraph` nodes carrying a `level` (1 = (a), 2 = (i)) that belong to the
 * operative paragraph before them. A flat text keeps editing simple (Enter, Tab and
 * Shift-Tab change a node's kind or level, never its nesting), keeps y-prosemirror's
 * Y.XmlFragment shallow, and lets a comparison align paragraphs one by one.
 *
 * Numbers are never stored: `numbering.ts` derives them. Every paragraph carries a stable
 * `id` so that a comparison can follow it across revisions.
 *
 * Shape of a text:
 *
 *   title  formula?  (preambular | operative | subparagraph | plain)*  annex*
 *
 * - `formula` is the organ's opening formula ("The Conference of the Parties …,").
 * - `subparagraph` directly after the formula (no operative paragraph before it) is a
 *   lettered paragraph of a decision that has "lettered paragraphs only".
 * - `plain` is an unnumbered paragraph (a chapeau in an annex, an agenda heading, a quoted
 *   passage).
 * - `annex` holds an `annexHeading` then its own paragraphs; annexes are numbered I, II …
 *   when there are several.
 * - `footnote` is an inline atom holding the note's text; footnotes are numbered
 *   continuously through the whole text.
 */
import { Schema, type NodeSpec, type MarkSpec, type Node as PMNode } from 'prosemirror-model';

/** The kinds of paragraph that carry a stable id and (maybe) a derived number. */
export const PARAGRAPH_TYPES = ['preambular', 'operative', 'subparagraph', 'plain'] as const;
/** One of the paragraph node type names. */
export type ParagraphType = (typeof PARAGRAPH_TYPES)[number];

/** The deepest subparagraph level: 1 is (a), (b); 2 is (i), (ii). */
export const MAX_SUBPARAGRAPH_LEVEL = 2;

const idAttr = { id: { default: '', validate: 'string' } };

/** Subparagraph levels are 1 or 2; anything else is a malformed text, refused on load. */
function validateLevel(value: unknown): void {
  if (value !== 1 && value !== 2) throw new RangeError(`subparagraph level must be 1 or 2, not ${JSON.stringify(value)}`);
}

function paragraph(type: string, extraAttrs: Record<string, { default: unknown; validate?: (v: unknown) => void }> = {}): NodeSpec {
  return {
    content: 'inline*',
    group: 'paragraph',
    attrs: { ...idAttr, ...extraAttrs },
    parseDOM: [
      {
        tag: `p[data-kind="${type}"]`,
        getAttrs: (dom: HTMLElement) => ({
          id: dom.getAttribute('data-id') ?? '',
          ...(type === 'subparagraph' ? { level: dom.getAttribute('data-level') === '2' ? 2 : 1 } : {}),
        }),
      },
    ],
    toDOM: (node: PMNode) => [
      'p',
      {
        'data-kind': type,
        'data-id': node.attrs.id,
        ...(type === 'subparagraph' ? { 'data-level': String(node.attrs.level) } : {}),
        class: `ph-${type}`,
      },
      0,
    ],
  };
}

const nodes = {
  doc: { content: 'title formula? paragraph* annex*' },
  title: {
    content: 'inline*',
    parseDOM: [{ tag: 'h1' }],
    toDOM: () => ['h1', { class: 'ph-title' }, 0],
  },
  formula: {
    content: 'inline*',
    parseDOM: [{ tag: 'p[data-kind="formula"]' }],
    toDOM: () => ['p', { 'data-kind': 'formula', class: 'ph-formula' }, 0],
  },
  preambular: paragraph('preambular'),
  operative: paragraph('operative'),
  subparagraph: paragraph('subparagraph', { level: { default: 1, validate: validateLevel } }),
  plain: paragraph('plain'),
  annex: {
    content: 'annexHeading paragraph*',
    attrs: { ...idAttr },
    defining: true,
    parseDOM: [{ tag: 'section[data-kind="annex"]', getAttrs: (dom: HTMLElement) => ({ id: dom.getAttribute('data-id') ?? '' }) }],
    toDOM: (node: PMNode) => ['section', { 'data-kind': 'annex', 'data-id': node.attrs.id, class: 'ph-annex' }, 0],
  },
  annexHeading: {
    content: 'inline*',
    parseDOM: [{ tag: 'h2' }],
    toDOM: () => ['h2', { class: 'ph-annex-heading' }, 0],
  },
  footnote: {
    group: 'inline',
    content: 'text*',
    inline: true,
    atom: true,
    attrs: { ...idAttr },
    parseDOM: [{ tag: 'span[data-kind="footnote"]', getAttrs: (dom: HTMLElement) => ({ id: dom.getAttribute('data-id') ?? '' }) }],
    toDOM: (node: PMNode) => ['span', { 'data-kind': 'footnote', 'data-id': node.attrs.id, class: 'ph-footnote' }, 0],
  },
  text: { group: 'inline' },
} satisfies Record<string, NodeSpec>;

const marks = {
  em: { parseDOM: [{ tag: 'i' }, { tag: 'em' }], toDOM: () => ['em', 0] },
  strong: { parseDOM: [{ tag: 'b' }, { tag: 'strong' }], toDOM: () => ['strong', 0] },
} satisfies Record<string, MarkSpec>;

/**
 * The one schema of Penholder texts, shared by the server, the client and the importer. Its
 * node and mark names are known to the type (the specs are checked with `satisfies`, not
 * widened to a Record), so `resolutionSchema.nodes.footnote` is a NodeType, while a name read
 * from input may still be missing.
 */
export const resolutionSchema = new Schema({ nodes, marks });

/** Whether a node is a paragraph that carries a stable id. */
export function isParagraph(node: PMNode): boolean {
  return (PARAGRAPH_TYPES as readonly string[]).includes(node.type.name);
}

/** The JSON form of a text, as stored and sent over HTTP. */
export type TextJSON = ReturnType<PMNode['toJSON']>;

/** Rebuild a text from JSON; throws a RangeError on JSON that does not fit the schema. */
export function textFromJSON(json: unknown): PMNode {
  const node = resolutionSchema.nodeFromJSON(json);
  node.check();
  return node;
}

/** A new stable paragraph id: 12 random base-36 characters, the same on server and client. */
export function newParagraphId(): string {
  const bytes = new Uint8Array(16);
  let id = '';
  // 252 = 7 × 36: rejecting the top 4 byte values keeps every character equally likely.
  while (id.length < 12) {
    globalThis.crypto.getRandomValues(bytes);
    for (const b of bytes) if (b < 252 && id.length < 12) id += (b % 36).toString(36);
  }
  return id;
}
