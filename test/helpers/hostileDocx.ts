/**
 * Hostile Word files, built in memory for tests and benchmarks (nothing big is committed): a ZIP
 * written by hand so that its directory can lie about sizes, a "zip bomb" whose main document
 * inflates to a gigabyte while declaring a few kilobytes, and a file that references one large
 * image many times.
 *
 *   const bomb = lyingZipBomb();                  // ≈ 1 MB, 1 GB inside, declares 4 KB
 *   const pictures = repeatedImage({ references: 100 });
 */
import { randomBytes } from 'node:crypto';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One entry of a hand-written ZIP. */
export interface RawZipEntry {
  name: string;
  /** The bytes as stored in the file (deflated when `method` is 8). */
  packed: Buffer;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  crc: number;
  /** The size the central directory and the local header declare (true or not). */
  declaredSize: number;
}

/** An honest entry: `data` deflated (or stored), its true size and CRC. */
export function entry(name: string, data: string | Buffer, method: 0 | 8 = 8): RawZipEntry {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return { name, packed: method === 8 ? deflateRawSync(bytes) : bytes, method, crc: crc32(bytes), declaredSize: bytes.length };
}

/** A ZIP of these entries, their sizes as declared (a lie is the caller's). */
export function zipOf(entries: RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.packed.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.packed.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.packed);
    centrals.push(central, name);
    offset += 30 + name.length + e.packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every Word file has besides its main document. */
function packageParts(documentRels = ''): RawZipEntry[] {
  return [
    entry(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Default Extension="png" ContentType="image/png"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    entry(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    entry(
      'word/_rels/document.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${documentRels}</Relationships>`,
    ),
  ];
}

/** A Word body of these paragraphs of plain text. */
export function documentXml(paragraphs: string[], extra = ''): string {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}" ${extra}><w:body>${body}</w:body></w:document>`;
}

/** A small, honest Word file of these paragraphs (a control beside the hostile ones). */
export function plainDocx(paragraphs: string[] = ['The Conference,', '1. Decides to continue;']): Buffer {
  return zipOf([...packageParts(), entry('word/document.xml', documentXml(paragraphs))]);
}

/**
 * A "zip bomb" that lies: word/document.xml inflates to `unpackedBytes` of well-formed XML (one
 * long paragraph) while the directory and the local header declare `declaredBytes`. Built from one deflated
 * megabyte repeated (each copy ends on a full flush, so copies can follow one another), so that a
 * gigabyte inside costs about a megabyte and a few milliseconds to make.
 */
export function lyingZipBomb(opts: { unpackedBytes?: number; declaredBytes?: number } = {}): Buffer {
  const unpacked = opts.unpackedBytes ?? 1024 * 1024 * 1024;
  const chunkBytes = 1024 * 1024;
  // One paragraph whose text is the gigabyte: a run of one letter deflates best (about 1:1000).
  const [head, tail] = documentXml(['\u0000']).split('\u0000') as [string, string];
  const flushed = (data: Buffer | string) => deflateRawSync(data, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const block = flushed(Buffer.alloc(chunkBytes, 'a'));
  // A final empty block (fixed Huffman, end of block at once) closes the stream.
  const packed = Buffer.concat([flushed(head), ...Array.from({ length: Math.ceil(unpacked / chunkBytes) }, () => block), flushed(tail), Buffer.from([0x03, 0x00])]);
  const bomb: RawZipEntry = { name: 'word/document.xml', packed, method: 8, crc: 0, declaredSize: opts.declaredBytes ?? 4096 };
  return zipOf([...packageParts(), bomb]);
}

/**
 * A Word file whose body shows one image `references` times: the image (`imageBytes` of random
 * data, stored as it is) is in the file once, so the file stays small while a reader that
 * renders every reference copies the image that many times.
 */
export function repeatedImage(opts: { references?: number; imageBytes?: number } = {}): Buffer {
  const references = opts.references ?? 100;
  const image = randomBytes(opts.imageBytes ?? Math.round(4.5 * 1024 * 1024));
  const drawing =
    '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="Emblem" descr="Emblem"/>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill>' +
    '<a:blip r:embed="rIdImage"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
  const namespaces =
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';
  const xml = documentXml(['The Conference,', '1. Decides to continue;'], namespaces).replace('</w:body>', `${drawing.repeat(references)}</w:body>`);
  return zipOf([
    ...packageParts(`<Relationship Id="rIdImage" Type="${R}/image" Target="media/image1.png"/>`),
    entry('word/document.xml', xml),
    entry('word/media/image1.png', image, 0),
  ]);
}
