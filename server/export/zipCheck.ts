/**
 * A look at a .docx before anything unpacks it: is it a ZIP at all, does it hold a Word
 * document, and how large would it be unpacked. Read from the ZIP's central directory only,
 * so a hostile file (a "zip bomb", a truncated upload) is refused without inflating a byte.
 */
import { fail, ok, type Result } from '../../shared/result';
import { MAX_DOCX_UNPACKED_BYTES, type ImportError } from '../../shared/export/transfer';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** What the central directory says. */
export interface ZipListing {
  names: string[];
  unpackedBytes: number;
}

function findEndRecord(b: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) if (b.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** List a ZIP's entries from its central directory; a failure says why in the user's words. */
export function listZip(bytes: Uint8Array, limit = MAX_DOCX_UNPACKED_BYTES): Result<ZipListing, ImportError> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notWord = fail<ImportError>({ reason: 'not-docx', message: 'The file is not a Word document (.docx): save it from Word as "Word Document (.docx)", or paste its text.' });
  if (b.length < 22 || b.readUInt32LE(0) !== 0x04034b50) return notWord;
  const end = findEndRecord(b);
  const corrupt = fail<ImportError>({ reason: 'corrupt', message: 'The Word file is damaged or incomplete and cannot be read: save it again from Word and upload it anew.' });
  if (end < 0) return corrupt;
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const names: string[] = [];
  let unpackedBytes = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== CENTRAL) return corrupt;
    const unpacked = b.readUInt32LE(at + 24);
    const nameLength = b.readUInt16LE(at + 28);
    const skip = nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
    if (at + 46 + skip > b.length) return corrupt;
    names.push(b.toString('utf8', at + 46, at + 46 + nameLength));
    // 0xFFFFFFFF means a ZIP64 size: more than any document we accept.
    unpackedBytes += unpacked === 0xffffffff ? Number.POSITIVE_INFINITY : unpacked;
    at += 46 + skip;
  }
  if (unpackedBytes > limit) {
    return fail({ reason: 'too-large', message: `The Word file unpacks to more than ${Math.round(limit / 1024 / 1024)} MB: it cannot be a resolution's text.` });
  }
  if (!names.includes('word/document.xml')) return notWord;
  return ok({ names, unpackedBytes });
}
