/**
 * A .docx as a ZIP, read defensively. `listZip` looks at the central directory only: is it a
 * ZIP at all, does it hold a Word document, how large does it say it unpacks to — so a file that
 * admits to being a "zip bomb", or a truncated upload, is refused without inflating a byte.
 * `openZip` then gives the entries to a reader (mammoth) one at a time, inflating each with the
 * output bounded: a size the file declares is never trusted, an entry that inflates to more
 * than it declared, or a file whose entries together inflate to more than the limit, stops at
 * the limit and is refused.
 *
 * Plain ESM JavaScript, so that the import's worker thread (docxRead.worker.mjs) loads it under
 * node, tsx and vitest alike; the types are in zipCheck.d.mts.
 */
import { crc32, inflateRawSync } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;

const notWord = () => ({
  ok: false,
  error: { reason: 'not-docx', message: 'The file is not a Word document (.docx): save it from Word as "Word Document (.docx)", or paste its text.' },
});
const corrupt = () => ({
  ok: false,
  error: { reason: 'corrupt', message: 'The Word file is damaged or incomplete and cannot be read: save it again from Word and upload it anew.' },
});
const tooLarge = (limit) => ({
  ok: false,
  error: { reason: 'too-large', message: `The Word file unpacks to more than ${Math.round(limit / 1024 / 1024)} MB: it cannot be a resolution's text.` },
});

/** A ZIP refused while its entries are read; `refusal` is the reason the user is told (an ImportError). */
export class ZipRefusal extends Error {
  constructor(error) {
    super(error.message);
    this.name = 'ZipRefusal';
    this.refusal = error;
  }
}

function findEndRecord(b) {
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) if (b.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** List a ZIP's entries from its central directory; a failure says why in the user's words. */
export function listZip(bytes, limit) {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < 22 || b.readUInt32LE(0) !== LOCAL) return notWord();
  const end = findEndRecord(b);
  if (end < 0) return corrupt();
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const names = [];
  const entries = [];
  let unpackedBytes = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== CENTRAL) return corrupt();
    const nameLength = b.readUInt16LE(at + 28);
    const skip = nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
    if (at + 46 + skip > b.length) return corrupt();
    const entry = {
      name: b.toString('utf8', at + 46, at + 46 + nameLength),
      flags: b.readUInt16LE(at + 8),
      method: b.readUInt16LE(at + 10),
      crc: b.readUInt32LE(at + 16),
      packedBytes: b.readUInt32LE(at + 20),
      unpackedBytes: b.readUInt32LE(at + 24),
      localOffset: b.readUInt32LE(at + 42),
    };
    names.push(entry.name);
    entries.push(entry);
    // 0xFFFFFFFF means a ZIP64 size: more than any document we accept.
    unpackedBytes += entry.unpackedBytes === 0xffffffff ? Number.POSITIVE_INFINITY : entry.unpackedBytes;
    at += 46 + skip;
  }
  if (unpackedBytes > limit) return tooLarge(limit);
  if (!names.includes('word/document.xml')) return notWord();
  return { ok: true, value: { names, unpackedBytes, entries } };
}

// The bytes of one entry, inflated with the output bounded by what it declared and by what is
// left of the file's budget; throws a ZipRefusal.
function unpack(b, entry, budget, limit) {
  const at = entry.localOffset;
  if (entry.flags & 1) throw new ZipRefusal(corrupt().error); // encrypted
  if (at + 30 > b.length || b.readUInt32LE(at) !== LOCAL) throw new ZipRefusal(corrupt().error);
  // The local header's name and extra field may differ in length from the central directory's.
  const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
  if (start + entry.packedBytes > b.length) throw new ZipRefusal(corrupt().error);
  const packed = b.subarray(start, start + entry.packedBytes);
  // One byte more than allowed, to tell "exactly the size it declared" from "more".
  const bound = Math.min(entry.unpackedBytes, budget.left) + 1;
  let out;
  if (entry.method === STORED) out = packed;
  else if (entry.method === DEFLATED) {
    try {
      out = inflateRawSync(packed, { maxOutputLength: bound });
    } catch (err) {
      if (err?.code === 'ERR_BUFFER_TOO_LARGE') throw new ZipRefusal(tooLarge(limit).error);
      throw new ZipRefusal(corrupt().error);
    }
  } else throw new ZipRefusal(corrupt().error);
  if (out.length > budget.left) throw new ZipRefusal(tooLarge(limit).error);
  // More, or fewer, bytes than the directory said: the file lies about its sizes.
  if (out.length !== entry.unpackedBytes) throw new ZipRefusal(out.length > entry.unpackedBytes ? tooLarge(limit).error : corrupt().error);
  if (crc32(out) !== entry.crc) throw new ZipRefusal(corrupt().error);
  budget.left -= out.length;
  return out;
}

/**
 * Open a ZIP for reading: its listing, and `read(name)`, which inflates that entry (bounded)
 * when asked and only then. Every byte inflated counts against `limit`, whatever the entries
 * declare; `read` throws a ZipRefusal once the file has inflated to more.
 */
export function openZip(bytes, limit) {
  const listed = listZip(bytes, limit);
  if (!listed.ok) return listed;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const byName = new Map();
  for (const entry of listed.value.entries) if (!byName.has(entry.name)) byName.set(entry.name, entry);
  const budget = { left: limit };
  return {
    ok: true,
    value: {
      ...listed.value,
      exists: (name) => byName.has(name),
      read(name) {
        const entry = byName.get(name);
        if (!entry) throw new ZipRefusal(corrupt().error);
        return unpack(b, entry, budget, limit);
      },
      inflatedBytes: () => limit - budget.left,
    },
  };
}
