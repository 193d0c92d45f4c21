/** The Word redline: every change a tracked change, whole paragraphs with their marks, numbers kept. */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { compareTexts } from '../../../shared/compare';
import { exportRedline, REDLINE_AUTHOR } from '../../../server/export/redline';
import { doc, fn, op, title } from '../../builders';
import { original, revised } from '../../helpers/lineage';

const documentXml = async (bytes: Buffer) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
// The body's paragraphs, each as its XML.
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
const options = { left: 'L.1', right: 'L.1/Rev.1', symbol: 'X/L.1/Rev.1', lang: 'en' as const, date: new Date('2022-10-18T09:30:00.123Z') };

describe('exportRedline', () => {
  it('tracks an inserted and a deleted paragraph with their paragraph marks, and a renumbering on the label', async () => {
    const xml = await documentXml(await exportRedline(compareTexts(original(), revised()), options));
    const ps = paragraphs(xml);
    const inserted = ps.find((p) => p.includes('Urges States parties'))!;
    expect(inserted).toMatch(/<w:pPr>[\s\S]*<w:rPr><w:ins [^>]*w:author="Penholder"/);
    const deleted = ps.find((p) => p.includes('transnational organized crime'))!;
    expect(deleted).toMatch(/<w:pPr>[\s\S]*<w:rPr><w:del /);
    expect(deleted).not.toContain('<w:t ');
    // OP 2 → OP 3: "2." struck, "3." inserted, the text untouched.
    const renumbered = ps.find((p) => p.includes('Requests the Secretariat'))!;
    expect(renumbered).toMatch(/<w:del [^>]*>[\s\S]*?<w:delText[^>]*>2\.<\/w:delText>/);
    expect(renumbered).toMatch(/<w:ins [^>]*>[\s\S]*?<w:t[^>]*>3\.<\/w:t>/);
    expect(xml).toContain('w:date="2022-10-18T09:30:00Z"');
    // Every revision id is distinct: Word refuses to accept a change whose id repeats.
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps Chinese edits inside a sentence and footnotes where they are', async () => {
    const a = doc(title('加强国际合作'), op({ id: 'o1' }, '决定继续开展工作', fn('联合国，《条约汇编》'), '；'));
    const b = doc(title('加强国际合作'), op({ id: 'o1' }, '决定继续并加强开展工作', fn('联合国，《条约汇编》，第 2225 卷'), '；'));
    const bytes = await exportRedline(compareTexts(a, b), { ...options, lang: 'zh' });
    const xml = await documentXml(bytes);
    expect(xml).toMatch(/<w:ins [^>]*>[\s\S]*?<w:t[^>]*>并加强<\/w:t>/);
    expect(xml).toContain('〔脚注：');
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    expect(text).toContain('比较：L.1 → L.1/Rev.1');
    expect(text).toContain(REDLINE_AUTHOR);
  });
});
