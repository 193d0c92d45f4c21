import { describe, expect, it } from 'vitest';
import { MAX_DOCX_UNPACKED_BYTES } from '../../../shared/export/transfer';
import { importDocx } from '../../../server/export/docxImport';
import { readWordInThread, DEFAULT_WORD_LIMITS } from '../../../server/export/wordThread';
import { openZip, ZipRefusal } from '../../../server/export/zipCheck.mjs';
import { documentXml, entry, lyingZipBomb, plainDocx, repeatedImage, zipOf } from '../../helpers/hostileDocx';

// What a refused read gives back: its reason, or null when it was read.
const reasonOf = (result: { ok: boolean; error?: { reason: string } }) => (result.ok ? null : result.error!.reason);

function refusalOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    if (err instanceof ZipRefusal) return err.refusal.reason;
    throw err;
  }
}

describe('reading a Word file is bounded', () => {
  it('a ZIP whose directory lies about the size inside is refused at the size it declared, never inflated to the gigabyte', async () => {
    const bomb = lyingZipBomb(); // ≈ 1 MB, 1 GB inside, declares 4 KB
    const opened = openZip(bomb, MAX_DOCX_UNPACKED_BYTES);
    if (!opened.ok) throw new Error(opened.error.message);
    // The directory alone looks harmless: only inflating tells, and inflating stops at the lie.
    expect(opened.value.unpackedBytes).toBeLessThan(64 * 1024);
    expect(refusalOf(() => opened.value.read('word/document.xml'))).toBe('too-large');
    expect(opened.value.inflatedBytes()).toBeLessThan(64 * 1024);
    expect(reasonOf(await importDocx(bomb))).toBe('too-large');
  });

  it('every byte inflated counts against the limit, whatever the directory adds up to', () => {
    // One honest 600 KB part under a 1 MB limit: read twice (as overlapping entries would make a reader do), it is over.
    const zip = zipOf([entry('word/document.xml', documentXml(['A'])), entry('word/a.xml', 'x'.repeat(600 * 1024))]);
    const opened = openZip(zip, 1024 * 1024);
    if (!opened.ok) throw new Error(opened.error.message);
    opened.value.read('word/document.xml');
    opened.value.read('word/a.xml');
    expect(refusalOf(() => opened.value.read('word/a.xml'))).toBe('too-large');
    expect(opened.value.inflatedBytes()).toBeLessThanOrEqual(1024 * 1024);
  });

  it('an entry that inflates to less than it declared, or whose bytes fail its CRC, is damaged', () => {
    const xml = documentXml(['Decides to continue;']);
    const short = { ...entry('word/document.xml', xml), declaredSize: xml.length + 10 };
    const badCrc = { ...entry('word/document.xml', xml), crc: 12345 };
    for (const e of [short, badCrc]) {
      const opened = openZip(zipOf([e]), MAX_DOCX_UNPACKED_BYTES);
      if (!opened.ok) throw new Error(opened.error.message);
      expect(refusalOf(() => opened.value.read('word/document.xml'))).toBe('corrupt');
    }
    const garbage = { name: 'word/document.xml', packed: Buffer.from('not deflate at all'), method: 8 as const, crc: 0, declaredSize: 100 };
    const opened = openZip(zipOf([garbage]), MAX_DOCX_UNPACKED_BYTES);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(refusalOf(() => opened.value.read('word/document.xml'))).toBe('corrupt');
  });

  it('one large image referenced a hundred times is counted, never unpacked, and the text is read', async () => {
    const file = repeatedImage({ references: 100 }); // ≈ 4.7 MB: a 4.5 MB image, stored
    const read = await readWordInThread(file);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.stats.images).toBe(100);
    // The XML parts only: the image's 4.5 MB were never inflated, let alone copied a hundred times.
    expect(read.value.stats.inflatedBytes).toBeLessThan(256 * 1024);
    const imported = await importDocx(file);
    expect(imported.ok && imported.value.report.paragraphs.map((p) => p.kind)).toEqual(['operative']);
  });

  it('past the limit on images, elements or text, the file is refused', async () => {
    const pictures = repeatedImage({ references: 20, imageBytes: 1000 });
    expect(reasonOf(await importDocx(pictures, { limits: { images: 10 } }))).toBe('too-large');
    const many = zipOf([entry('word/document.xml', documentXml(Array.from({ length: 2000 }, (_, i) => `Paragraph ${i};`)))]);
    expect(reasonOf(await importDocx(many, { limits: { nodes: 1000 } }))).toBe('too-large');
    expect(reasonOf(await importDocx(many, { limits: { textChars: 10_000 } }))).toBe('too-large');
    expect(reasonOf(await importDocx(many))).toBeNull();
  });

  it('a file that needs more memory than the thread may use is refused, and the server carries on', async () => {
    // Honest sizes, well within the unpacked limit: 150,000 paragraphs are ~13 MB of XML, far more in a DOM.
    const big = zipOf([entry('word/document.xml', documentXml(Array.from({ length: 150_000 }, (_, i) => `Urges States parties to cooperate ${i};`)))]);
    const read = await readWordInThread(big, { ...DEFAULT_WORD_LIMITS, heapMb: 32, nodes: Number.POSITIVE_INFINITY, textChars: Number.POSITIVE_INFINITY });
    expect(reasonOf(read)).toBe('too-large');
    expect(read.ok ? '' : read.error.message).toContain('memory');
    expect(reasonOf(await importDocx(plainDocx()))).toBeNull();
  });

  it('a reading that outlasts its clock is stopped', async () => {
    const read = await readWordInThread(plainDocx(), { ...DEFAULT_WORD_LIMITS, timeMs: 1 });
    expect(reasonOf(read)).toBe('too-large');
    expect(read.ok ? '' : read.error.message).toContain('took more than');
    expect(reasonOf(await importDocx(plainDocx()))).toBeNull();
  });

  it('one file is read at a time; a few wait their turn, the rest find the reader busy', async () => {
    const reads = await Promise.all(Array.from({ length: 4 }, () => importDocx(plainDocx(), { limits: { queue: 2 } })));
    expect(reads.map(reasonOf).filter((r) => r === 'busy')).toHaveLength(1);
    expect(reads.filter((r) => r.ok)).toHaveLength(3);
    // The queue drained: the next file is read at once.
    expect(reasonOf(await importDocx(plainDocx(), { limits: { queue: 0 } }))).toBeNull();
  });
});
