/**
 * A text read once for every exporter: its blocks in print order, each with its derived number
 * (from `numbering.ts`, never worked out here) and its inline runs, footnotes numbered through
 * the whole text, and — in a language version — whether it still holds the reference language's
 * words (`pending`, which each export marks: pending.ts). Its words are read as a file can print
 * them (printable.ts). Word, Akoma Ntoso and plain text then only lay these blocks out.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { sequentialNumbering, type Numbering } from '../numbering';
import type { Lang } from '../languages';
import { printedLabel } from '../numberingLabels';
import { printable } from './printable';
import { textFromJSON, type ParagraphType, type TextJSON } from '../schema';
import { FORMULA_ID, TITLE_ID } from '../versionBlocks';

/** A run of text with its marks, or a footnote with its derived number. */
export type Inline = { type: 'text'; text: string; em: boolean; strong: boolean } | { type: 'footnote'; id: string; number: number; text: string };

/** One block of a text, in print order; `pending`: a language version's block that still holds the reference language's words. */
export type Block =
  | { role: 'title'; inlines: Inline[]; pending: boolean }
  | { role: 'formula'; inlines: Inline[]; pending: boolean }
  | {
      role: 'paragraph';
      kind: ParagraphType;
      /** 1 or 2 for a subparagraph, 0 otherwise. */
      level: 0 | 1 | 2;
      id: string;
      /** As the text's language prints it: "3.", "(a)"; Arabic "3 -", "(أ)"; French "a)"; "" (preambular, plain, a single operative paragraph). */
      label: string;
      /** "3", "(a)", "2" for PP 2; "" for plain and a single operative paragraph. */
      number: string;
      /** The annex index, or null in the body of the text. */
      annex: number | null;
      inlines: Inline[];
      pending: boolean;
    }
  | { role: 'annex'; id: string; index: number; label: string }
  | { role: 'annexHeading'; annex: number; inlines: Inline[]; pending: boolean };

/** Options of `readBlocks`. */
export interface BlockOptions {
  /** The numbers to print: sequential by default (an issued text); pass negotiation numbering for a working text. */
  numbering?: Numbering;
  /** The language the text is printed in: its paragraph labels (`printedLabel`) and, when `numbering` is not given, its annex labels. */
  lang?: Lang;
  /**
   * For a language version: the ids of the blocks that still hold the reference language's words,
   * as the version lists them (paragraph ids, the annex's id for its heading, TITLE_ID, FORMULA_ID).
   */
  pending?: readonly string[];
}

/** A text as blocks, and the numbering they were labelled with. */
export interface ReadText {
  blocks: Block[];
  numbering: Numbering;
  /** How many footnotes the text holds. */
  footnoteCount: number;
}

/** Accept a node or stored JSON alike; JSON is checked against the schema (a RangeError when it does not fit). */
export function asDoc(text: PMNode | TextJSON): PMNode {
  return typeof (text as PMNode)?.type?.name === 'string' ? (text as PMNode) : textFromJSON(text);
}

/** Read a text into blocks; numbers come from `numbering.ts`. */
export function readBlocks(text: PMNode | TextJSON, options: BlockOptions = {}): ReadText {
  const doc = asDoc(text);
  const numbering = options.numbering ?? sequentialNumbering(doc, { lang: options.lang });
  const blocks: Block[] = [];
  const pending = new Set(options.pending ?? []);
  let paragraph = 0;
  let footnote = 0;
  const inlines = (node: PMNode): Inline[] => {
    const out: Inline[] = [];
    node.forEach((child) => {
      if (child.type.name === 'footnote') {
        const n = numbering.footnotes[footnote++]?.number ?? footnote;
        out.push({ type: 'footnote', id: String(child.attrs.id), number: n, text: printable(child.textContent) });
      } else if (child.isText) {
        const marks = new Set(child.marks.map((m) => m.type.name));
        const run = { type: 'text' as const, text: printable(child.text ?? ''), em: marks.has('em'), strong: marks.has('strong') };
        const last = out[out.length - 1];
        if (last?.type === 'text' && last.em === run.em && last.strong === run.strong) last.text += run.text;
        else out.push(run);
      }
    });
    return out;
  };
  const visit = (node: PMNode, annex: number | null, annexId: string | null = null) => {
    const name = node.type.name;
    if (name === 'title' || name === 'formula') blocks.push({ role: name, inlines: inlines(node), pending: pending.has(name === 'title' ? TITLE_ID : FORMULA_ID) });
    // A version lists an annex heading under its annex's id.
    else if (name === 'annexHeading') blocks.push({ role: 'annexHeading', annex: annex ?? 0, inlines: inlines(node), pending: annexId !== null && pending.has(annexId) });
    else if (name === 'annex') {
      const index = blocks.filter((b) => b.role === 'annex').length;
      const id = String(node.attrs.id);
      blocks.push({ role: 'annex', id, index, label: numbering.annexes[index]?.label ?? '' });
      node.forEach((child) => visit(child, index, id));
    } else {
      const number = numbering.paragraphs[paragraph++];
      blocks.push({
        role: 'paragraph',
        kind: name as ParagraphType,
        level: name === 'subparagraph' ? (Number(node.attrs.level) >= 2 ? 2 : 1) : 0,
        id: String(node.attrs.id),
        label: number ? (options.lang ? printedLabel(number, options.lang) : number.label) : '',
        number: number?.number ?? '',
        annex,
        inlines: inlines(node),
        pending: pending.has(String(node.attrs.id)),
      });
    }
  };
  doc.forEach((child) => visit(child, null));
  return { blocks, numbering, footnoteCount: footnote };
}

/** The words of some inline runs, footnotes left out. */
export function plainWords(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.type === 'text' ? i.text : '')).join('');
}
