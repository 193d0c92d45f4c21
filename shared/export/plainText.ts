/**
 * A text as the session's report prints it: the number line once adopted ("第 11/5 号决议",
 * "Resolution 11/5"), the title, the formula, the paragraphs with their derived numbers ("1.",
 * "(a)"), annexes under their labels, footnote markers as superscript digits and the notes
 * at the end (a plain-text file has no pages to put them at the foot of), bold as `**…**` like
 * the fixture texts; the line of adoption ("Adopted at the 11th meeting, on 21 October 2022")
 * after the text, before the notes. In a language version, a block that still holds the
 * reference language's words ends with the note saying so, in brackets (pending.ts): "… session;
 * [Pas encore traduit : texte dans la langue de référence]". One blank line
 * between blocks, so that `importPlainText` reads the output back into the same structure (it
 * drops that note).
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { Lang } from '../delegations';
import type { TextJSON } from '../schema';
import { readBlocks, type BlockOptions, type Inline } from './blocks';
import { adoptionLine, numberLine, type PublishedNumber } from './meta';
import { pendingMarker } from './pending';

export { numberLine } from './meta';

/** The number an adopted text took, with the meeting and date of its adoption when known. */
export type PublishedAs = PublishedNumber & { meeting?: number; date?: string };

/** Options of `exportPlainText`. */
export interface PlainTextOptions extends BlockOptions {
  /** The number the text took when adopted: printed first, as the report does, then the line of its adoption. */
  adoptedAs?: PublishedAs | null;
  /** The language of the number line and of the note on blocks not yet translated; Chinese texts print "第 11/5 号决议". */
  lang?: Lang;
  /** Line ending; "\n" by default. */
  eol?: string;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A footnote number in superscript digits, as printed after the word it annotates. */
export function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!);
}

// Markers only: the notes themselves are printed after the text.
function line(inlines: readonly Inline[], notes: string[]): string {
  let out = '';
  for (const i of inlines) {
    // Bold as the fixtures carry it ("**建议**"), which the plain-text importer reads back as bold.
    if (i.type === 'text') out += i.strong && i.text.trim() !== '' ? `**${i.text}**` : i.text;
    else {
      out += superscript(i.number);
      notes.push(`${superscript(i.number)} ${i.text}`);
    }
  }
  // A line break inside a block would read back as two paragraphs.
  return out.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** The text as the report prints it, numbers derived by `numbering.ts`. */
export function exportPlainText(text: PMNode | TextJSON, options: PlainTextOptions = {}): string {
  const lang = options.lang ?? 'en';
  const { blocks } = readBlocks(text, options);
  const notes: string[] = [];
  const out: string[] = [];
  const published = options.adoptedAs;
  if (published) out.push(numberLine(published, lang));
  for (const b of blocks) {
    if (b.role === 'annex') {
      out.push(b.label);
      continue;
    }
    const words = line(b.inlines, notes) + (b.pending ? pendingMarker(lang) : '');
    out.push(b.role === 'paragraph' && b.label ? `${b.label} ${words}` : words);
  }
  // The line of adoption closes the text, as resolutions end with their meeting and date: at the
  // top, the importer would take it for the title (the first line without final punctuation).
  if (published?.meeting !== undefined && published.date !== undefined) out.push(adoptionLine({ meeting: published.meeting, date: published.date }, lang));
  // An empty block (an untitled draft) would only shift the importer's reading of the lines.
  const paragraphs = out.filter((l) => l.trim() !== '');
  return [...paragraphs, ...notes].join((options.eol ?? '\n').repeat(2)) + (options.eol ?? '\n');
}
