/**
 * The thread that reads one Word file: unpacks it (zipCheck.mjs, every entry inflated within
 * the limit whatever the file declares), parses it with mammoth, and posts back the part of
 * mammoth's model the importers read (wordModel.ts), as plain data. Everything a hostile file
 * can make expensive — inflating, parsing XML, walking the tree — happens here, under the
 * thread's memory limit and the caller's clock (wordThread.ts), never on the event loop that
 * relays edits.
 *
 * mammoth keeps of a paragraph's list only its level: each numbered paragraph of the body is
 * marked with a bookmark tying it to the numbering read from the XML (docxListNumbering.mjs), and
 * the copy gives it that numbering in place of the bookmark.
 *
 * Images are never unpacked: the importers take text only, so the model keeps an image as a
 * bare node, counted, and mammoth is never asked to convert one (an image referenced a hundred
 * times was a hundred base64 copies of it).
 *
 * Plain ESM JavaScript, so that it starts the same under node, tsx and vitest without a loader.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import mammoth from 'mammoth';
import { ATTRS, LIST_MARK, markListParagraphs, readListDefinitions } from './docxListNumbering.mjs';
import { openZip, ZipRefusal } from './zipCheck.mjs';

const { bytes, limits, nice } = workerData;

// On Linux a priority set from a thread is that thread's alone: the reading yields the CPU to the
// event loop that relays edits (on two cores, the machine's other core is often busy too).
try {
  if (nice) setPriority(nice);
} catch {
  // Not permitted here (some containers): the heap limit and the clock still hold.
}

const FIELDS = ['styleId', 'styleName', 'isItalic', 'isBold', 'value', 'name', 'noteType', 'noteId'];

// A run style no document defines: the read hook below gives it to hidden runs, and the copy leaves them out.
const HIDDEN_RUN = 'penholder-hidden-run';

// The parts holding the text the importers read: the body, footnotes and endnotes.
const TEXT_PART = /(?:^|\/)(?:document\d*|footnotes|endnotes)\.xml$/;
// The main document part, whose numbered paragraphs are marked with their numbering (docxListNumbering.mjs).
const MAIN_PART = /(?:^|\/)document\d*\.xml$/;
const TEXT_BOX = new RegExp(`<w:txbxContent(?:\\s${ATTRS})?>[\\s\\S]*?</w:txbxContent>`, 'g');
const RUN_PROPERTIES = /<w:rPr>([\s\S]*?)<\/w:rPr>/g;
const VANISH = /<w:vanish(?:\s+w:val="(?:true|1|on)")?\s*\/>/;
const MOVED_AWAY_MARK = new RegExp(`<w:moveFrom(\\s${ATTRS})?/>`, 'g');
const SIMPLE_FIELD_TAG = new RegExp(`</?w:fldSimple(?:\\s${ATTRS})?/?>`, 'g');

/**
 * A part's XML as Word displays it, for mammoth, which reads some of what Word does not print and
 * leaves out some of what it does:
 * - a text box (w:txbxContent) floats beside the text ("Advance unedited version"): mammoth made
 *   its lines paragraphs of the text, after the one it is anchored in. Word puts no text box in
 *   another; should a file do so, the part is read as it is.
 * - hidden text (a run with w:vanish, a facilitator's note) is not printed: such a run is given a
 *   style of its own, and left out of the model. (A run hidden by its character style is not seen.)
 * - the paragraph mark of a paragraph moved away by a tracked move (w:moveFrom) is gone, as a
 *   deleted one (w:del) is: mammoth merges a deleted paragraph with the next, but kept a moved one
 *   as an empty paragraph, which still counted in its list (1, 3, 4).
 * - a simple field (w:fldSimple: a page number, a cross-reference) shows its last result, which
 *   mammoth left out with the field: its runs are read as the paragraph's own.
 * Word always writes its namespace as w:; a file spelling it otherwise is read as before.
 */
function asDisplayed(xml) {
  if (xml.includes('<w:txbxContent')) {
    const without = xml.replace(TEXT_BOX, '');
    if (!without.includes('</w:txbxContent>')) xml = without;
  }
  if (xml.includes('<w:vanish')) {
    // A formatting change's w:rPrChange (the run's former properties) stands last in w:rPr: only what comes before it counts.
    xml = xml.replace(RUN_PROPERTIES, (whole, inner) => (VANISH.test(inner.split('<w:rPrChange')[0]) ? `<w:rPr><w:rStyle w:val="${HIDDEN_RUN}"/>${inner}</w:rPr>` : whole));
  }
  if (xml.includes('<w:moveFrom')) xml = xml.replace(MOVED_AWAY_MARK, '<w:del$1/>');
  if (xml.includes('<w:fldSimple')) xml = xml.replace(SIMPLE_FIELD_TAG, '');
  return xml;
}

const tooMuch = (what) => new ZipRefusal({ reason: 'too-large', message: `The Word file holds ${what}: it cannot be a resolution's text.` });

// mammoth's tree as plain data (its nodes carry functions, e.g. an image's `read`), counted as it
// is copied: a small file of many empty paragraphs must not become a model the main thread chokes on.
function plain(node, count) {
  if (++count.nodes > limits.nodes) throw tooMuch(`more than ${limits.nodes} elements`);
  if (node.type === 'image') {
    if (++count.images > limits.images) throw tooMuch(`more than ${limits.images} images`);
    return { type: 'image' };
  }
  const out = { type: node.type };
  for (const key of FIELDS) if (node[key] !== undefined && node[key] !== null) out[key] = node[key];
  if (typeof node.value === 'string' && (count.chars += node.value.length) > limits.textChars) {
    throw tooMuch(`more than ${Math.round(limits.textChars / 1024)} K characters of text`);
  }
  if (node.numbering) out.numbering = { level: String(node.numbering.level), isOrdered: !!node.numbering.isOrdered };
  if (node.children) {
    let mark;
    const children = node.children.filter((child) => {
      if (child.type === 'bookmarkStart' && child.name?.startsWith(LIST_MARK)) {
        // A paragraph whose mark was deleted is read with the next: the last numbering is the paragraph's own.
        mark = lists[Number(child.name.slice(LIST_MARK.length))];
        return false;
      }
      return !(child.type === 'run' && child.styleId === HIDDEN_RUN);
    });
    if (mark && node.type === 'paragraph') out.list = mark;
    out.children = children.map((child) => plain(child, count));
  }
  return out;
}

// The numbering of the paragraphs marked in the main document part, in the order of their marks.
let lists = [];

/**
 * The main document part `name` with its numbered paragraphs marked, and their numbering kept in
 * `lists`: the numbering and styles parts are found by the part's relationships, as mammoth finds them.
 */
function markLists(zip, name, xml) {
  const dir = name.slice(0, name.lastIndexOf('/') + 1);
  const text = (part) => (zip.exists(part) ? new TextDecoder('utf-8').decode(zip.read(part)) : '');
  const targets = new Map();
  for (const [, attrs] of text(`${dir}_rels/${name.slice(dir.length)}.rels`).matchAll(/<Relationship\b([^>]*)>/g)) {
    const type = /\sType="[^"]*\/(numbering|styles)"/.exec(attrs)?.[1];
    const target = /\sTarget="([^"]*)"/.exec(attrs)?.[1];
    if (type && target) targets.set(type, target.startsWith('/') ? target.slice(1) : dir + target);
  }
  const part = (kind) => text(targets.get(kind) ?? `${dir}${kind}.xml`);
  const marked = markListParagraphs(xml, readListDefinitions(part('numbering'), part('styles')));
  lists = marked.lists;
  return marked.xml;
}

async function read() {
  const opened = openZip(bytes, limits.unpackedBytes);
  if (!opened.ok) return opened;
  const zip = opened.value;
  // mammoth's own view of a .docx (its zipfile.js): exists, and read as bytes, text or base64.
  const file = {
    exists: (name) => zip.exists(name),
    read: async (name, encoding) => {
      const data = zip.read(name);
      if (encoding === 'base64') return data.toString('base64');
      if (encoding) {
        const xml = new TextDecoder(encoding).decode(data);
        if (!TEXT_PART.test(name)) return xml;
        return MAIN_PART.test(name) ? markLists(zip, name, asDisplayed(xml)) : asDisplayed(xml);
      }
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    },
  };
  let captured = null;
  await mammoth.convertToHtml(
    { file },
    {
      // Take the model and hand mammoth an empty body to render: the HTML is not wanted.
      transformDocument: (document) => {
        captured = document;
        return { ...document, children: [] };
      },
    },
  );
  if (!captured) return { ok: false, error: { reason: 'corrupt', message: 'The Word file is damaged and cannot be read: save it again from Word and upload it anew.' } };
  const count = { nodes: 0, images: 0, chars: 0 };
  const children = captured.children.map((n) => plain(n, count));
  const notes = Object.values(captured.notes?._notes ?? {}).map((note) => ({
    noteType: note.noteType,
    noteId: note.noteId,
    body: note.body.map((n) => plain(n, count)),
  }));
  return { ok: true, value: { children, notes, inflatedBytes: zip.inflatedBytes(), ...count } };
}

let reply;
try {
  reply = await read();
} catch (err) {
  reply =
    err instanceof ZipRefusal
      ? { ok: false, error: err.refusal }
      : { ok: false, error: { reason: 'corrupt', message: 'The Word file is damaged and cannot be read: save it again from Word and upload it anew.' } };
}
parentPort.postMessage(reply);
