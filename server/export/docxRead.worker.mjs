/**
 * The thread that reads one Word file: unpacks it (zipCheck.mjs, every entry inflated within
 * the limit whatever the file declares), parses it with mammoth, and posts back the part of
 * mammoth's model the importers read (wordModel.ts), as plain data. Everything a hostile file
 * can make expensive — inflating, parsing XML, walking the tree — happens here, under the
 * thread's memory limit and the caller's clock (wordThread.ts), never on the event loop that
 * relays edits.
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
  if (node.children) out.children = node.children.map((child) => plain(child, count));
  return out;
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
      if (encoding) return new TextDecoder(encoding).decode(data);
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
