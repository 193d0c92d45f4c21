/**
 * The part of mammoth's document model the importers read (mammoth ships no types for it):
 * paragraphs with their style and list level, runs with italics and bold, footnote references,
 * bookmarks. Reading through mammoth keeps one parser of Word's XML in the project.
 */
import mammoth from 'mammoth';

/** A node of mammoth's document tree. */
export interface WordNode {
  type: string;
  children?: WordNode[];
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
  isItalic?: boolean;
  isBold?: boolean;
  value?: string;
  name?: string;
  noteType?: string;
  noteId?: string;
}

/** A Word document: its body and a way to find a footnote's paragraphs. */
export interface WordDocument {
  children: WordNode[];
  notes: { resolve(ref: WordNode): { body: WordNode[] } | null };
}

/** Read a .docx into mammoth's model; throws on a file mammoth cannot read. */
export async function readWordDocument(bytes: Uint8Array): Promise<WordDocument> {
  let captured: WordDocument | null = null;
  await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      transformDocument: (document: WordDocument) => {
        captured = document;
        return document;
      },
    },
  );
  if (!captured) throw new Error('mammoth returned no document');
  return captured;
}

/** The body's paragraphs in order, table cells included (a pasted text sometimes sits in a table). */
export function paragraphsOf(nodes: readonly WordNode[]): WordNode[] {
  const out: WordNode[] = [];
  for (const n of nodes) {
    if (n.type === 'paragraph') out.push(n);
    else if (n.children) out.push(...paragraphsOf(n.children));
  }
  return out;
}

/** The plain text of some nodes: text, tabs as tabs, line breaks as spaces, notes left out. */
export function textOf(nodes: readonly WordNode[] | undefined): string {
  let out = '';
  for (const n of nodes ?? []) {
    if (n.type === 'text') out += n.value ?? '';
    else if (n.type === 'tab') out += '\t';
    else if (n.type === 'break') out += ' ';
    else if (n.type !== 'noteReference') out += textOf(n.children);
  }
  return out;
}

/** A footnote's paragraphs (none when the reference points nowhere). */
export function noteParagraphs(doc: WordDocument, ref: WordNode): WordNode[] {
  const note = doc.notes.resolve(ref);
  return note ? paragraphsOf(note.body) : [];
}

/** A footnote's text: its paragraphs joined by spaces (the schema's footnotes are one run of text). */
export function noteText(doc: WordDocument, ref: WordNode): string {
  return noteParagraphs(doc, ref)
    .map((p) => textOf(p.children).trim())
    .filter((t) => t !== '')
    .join(' ');
}
