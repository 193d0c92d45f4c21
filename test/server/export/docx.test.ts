import JSZip from 'jszip';
import { Document, FootnoteReferenceRun, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { exportAkn } from '../../../shared/export/akn';
import { MAX_DOCX_BYTES } from '../../../shared/export/transfer';
import { negotiationBase, negotiationNumbering, sequentialNumbering } from '../../../shared/numbering';
import { exportDocx } from '../../../server/export/docx';
import { importDocx } from '../../../server/export/docxImport';
import { DocxRunStyles, DocxStyles } from '../../../server/export/docxStyles';
import { doc, em, formula, op, pp, title, withoutIds } from '../../builders';
import { englishText, fixtureTexts, frenchVersion, metaFor } from '../../shared/export/helpers';
import { validateAkn, xmllintAvailable } from './xmllint';

const canValidate = xmllintAvailable();

async function parts(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of ['word/document.xml', 'word/numbering.xml', 'word/footnotes.xml', 'word/styles.xml']) out[name] = (await zip.file(name)?.async('string')) ?? '';
  return out;
}

describe('Word export and import', () => {
  it.each(fixtureTexts().map((f) => [f.name, f.doc] as const))('%s: .docx and AKN out, .docx in again, nothing changed', async (_name, text) => {
    const bytes = await exportDocx(text, metaFor());
    if (canValidate) expect(validateAkn(exportAkn(text, metaFor()))).toBe('');
    const back = await importDocx(bytes);
    expect(back.ok && back.value.readAs).toBe('penholder');
    // Structure and words, and the paragraph, annex and footnote ids too (carried by bookmarks).
    if (back.ok) expect(back.value.doc.toJSON()).toEqual(text.toJSON());
  });

  it('numbers operative paragraphs and subparagraphs with a real numbering definition', async () => {
    const xml = await parts(await exportDocx(englishText(), metaFor({ lang: 'en', originalLanguage: 'en' })));
    const document = xml['word/document.xml']!;
    const operative = [...document.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="PhOperative"\/>(?:(?!<\/w:p>).)*?<\/w:p>/g)].map((m) => m[0]);
    expect(operative.length).toBe(3);
    for (const p of operative) expect(p).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(document).toMatch(/<w:pStyle w:val="PhSubparagraph1"\/><w:numPr><w:ilvl w:val="1"\/>/);
    expect(document).toMatch(/<w:pStyle w:val="PhSubparagraph2"\/><w:numPr><w:ilvl w:val="2"\/>/);
    // The numbers are not typed: the paragraph starts with its words.
    expect(document).not.toContain('1. Urges');
    const numbering = xml['word/numbering.xml']!;
    expect(numbering).toMatch(/<w:lvl w:ilvl="0"[^>]*>.*?<w:numFmt w:val="decimal"\/>.*?<w:lvlText w:val="%1."\/>/);
    expect(numbering).toMatch(/<w:lvl w:ilvl="1"[^>]*>.*?<w:numFmt w:val="lowerLetter"\/>.*?<w:lvlText w:val="\(%2\)"\/>/);
    // The annex is a list of its own (another w:num), so it counts from 1 again.
    const numIds = new Set([...document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]));
    expect(numIds.size).toBe(2);
  });

  it("sets the opening words of preambular paragraphs in italics and keeps the drafters' italics apart", async () => {
    const bytes = await exportDocx(englishText(), metaFor({ lang: 'en', originalLanguage: 'en' }));
    const document = (await parts(bytes))['word/document.xml']!;
    expect(document).toMatch(/<w:rStyle w:val="PhOpening"\/><w:i\/>(?:<w:iCs\/>)?<\/w:rPr><w:t xml:space="preserve">Recalling<\/w:t>/);
    expect(document).toMatch(/<w:rStyle w:val="PhOpening"\/><w:i\/>(?:<w:iCs\/>)?<\/w:rPr><w:t xml:space="preserve">Deeply concerned<\/w:t>/);
    const back = await importDocx(bytes);
    expect(back.ok && back.value.doc.toJSON()).toEqual(englishText().toJSON());
  });

  it('writes footnotes as real Word footnotes', async () => {
    const xml = await parts(await exportDocx(englishText(), metaFor({ lang: 'en', originalLanguage: 'en' })));
    expect(xml['word/document.xml']).toMatch(/<w:footnoteReference w:id="1"\/>.*<w:footnoteReference w:id="2"\/>/);
    expect(xml['word/footnotes.xml']).toContain('United Nations, Treaty Series, vol. 2225.');
    expect(xml['word/footnotes.xml']).toContain('See CTOC/COP/2022/3.');
  });

  it('prints the symbol block and the sponsors line', async () => {
    const document = (await parts(await exportDocx(englishText(), metaFor({ lang: 'en' }))))['word/document.xml']!;
    for (const line of [
      'CTOC/COP/2022/L.10/Rev.2',
      'Distr.: Limited',
      '20 October 2022',
      'Original: Chinese',
      'Eleventh session',
      'Vienna, 17–21 October 2022',
      'Agenda item 2 (d)',
      'Brazil, European Union (also on behalf of its member States) and Mexico: revised draft resolution',
    ]) {
      expect(document).toContain(line);
    }
  });

  it('reads back the italics drafters set on a preambular paragraph’s opening words as theirs', async () => {
    const text = doc(
      title('T'),
      formula('The Conference of the Parties,'),
      pp(em('Recalling'), ' its resolution 10/2,'),
      pp('Deeply ', em('concerned'), ' about trafficking in cultural property,'),
      pp('Noting the report of the Secretariat,'),
      op('Decides to meet again.'),
    );
    const back = await importDocx(await exportDocx(text, metaFor()));
    expect(back.ok && back.value.readAs).toBe('penholder');
    if (back.ok) expect(back.value.doc.toJSON()).toEqual(text.toJSON());
  });

  it('types numbers Word cannot count ("1 bis") and reads them back out', async () => {
    const issued = doc(title('T'), op({ id: 'a' }, 'One;'), op({ id: 'b' }, 'Two.'));
    const working = doc(title('T'), op({ id: 'a' }, 'One;'), op({ id: 'n' }, 'Inserted;'), op({ id: 'b' }, 'Two.'));
    const numbering = negotiationNumbering(working, negotiationBase(sequentialNumbering(issued)));
    expect(numbering.ok).toBe(true);
    if (!numbering.ok) return;
    const bytes = await exportDocx(working, metaFor({ textState: 'working' }), { numbering: numbering.value });
    const document = (await parts(bytes))['word/document.xml']!;
    expect(document).toContain('1 bis.');
    expect(document).not.toContain('<w:numPr>');
    const back = await importDocx(bytes);
    expect(back.ok && back.value.doc.toJSON()).toEqual(working.toJSON());
  });

  it('ends each block of a version not yet translated with the note, in italics, in the version’s language; reads back without it', async () => {
    const { text, pending } = frenchVersion();
    const bytes = await exportDocx(text, metaFor({ lang: 'fr', originalLanguage: 'en' }), { pending });
    const xml = await parts(bytes);
    const paragraphs = [...xml['word/document.xml']!.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const words = (p: string) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    const note = ' [Pas encore traduit\u00a0: texte dans la langue de référence]';
    const noted = paragraphs.filter((p) => p.includes(DocxRunStyles.pendingNote));
    expect(noted.map(words)).toEqual([
      `Deeply concerned about the trafficking in firearms,${note}`,
      `Requests the secretariat:${note}`,
      `To report to the Conference at its twelfth session.${note}`,
      `Recommendations${note}`,
    ]);
    for (const p of noted) expect(p).toContain(`<w:r><w:rPr><w:rStyle w:val="PhPendingNote"/><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">${note}</w:t></w:r></w:p>`);
    expect(paragraphs.map(words)).toContain('Prie instamment les États parties de coopérer\u00a0;');
    expect(xml['word/styles.xml']).toMatch(/<w:style w:type="character" w:styleId="PhPendingNote"[\s\S]*?<w:i\/>[\s\S]*?<\/w:style>/);
    const back = await importDocx(bytes);
    expect(back.ok && back.value.doc.toJSON()).toEqual(text.toJSON());
    expect((await parts(await exportDocx(text, metaFor({ lang: 'fr', originalLanguage: 'en' }))))['word/document.xml']).not.toContain(DocxRunStyles.pendingNote);
  });

  it('in an Arabic version, English words not yet translated run left to right and the Arabic note right to left', async () => {
    const text = doc(title('تعزيز التعاون الدولي'), op({ id: 'op1' }, 'يقرر مواصلة عمله؛'), op({ id: 'op2' }, 'Requests the Secretariat to report.'));
    const document = (await parts(await exportDocx(text, metaFor({ lang: 'ar', originalLanguage: 'en' }), { pending: ['op2'] })))['word/document.xml']!;
    const paragraphs = [...document.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const pending = paragraphs.find((p) => p.includes('Requests the Secretariat'))!;
    const translated = paragraphs.find((p) => p.includes('يقرر مواصلة عمله'))!;
    expect(pending).not.toMatch(/<w:pPr>[\s\S]*<w:bidi\/>[\s\S]*<\/w:pPr>/);
    expect(pending).toMatch(/<w:rStyle w:val="PhPendingNote"\/><w:i\/><w:iCs\/><w:rtl\/><\/w:rPr><w:t xml:space="preserve"> \[لم يُترجَم بعد: النص بلغة المرجع\]<\/w:t>/);
    expect(translated).toMatch(/<w:pPr>[\s\S]*<w:bidi\/>[\s\S]*<\/w:pPr>/);
    expect(translated).not.toContain('PhPendingNote');
  });

  it('reads a Word file from elsewhere by its printed lines and lists', async () => {
    const file = new Document({
      numbering: {
        config: [
          {
            reference: 'l',
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: '%1.' },
              { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)' },
            ],
          },
        ],
      },
      footnotes: { 1: { children: [new Paragraph('A note.')] } },
      sections: [
        {
          children: [
            new Paragraph('Strengthening cooperation'),
            new Paragraph('The Conference of the Parties,'),
            new Paragraph({ children: [new TextRun('Recalling its resolutions,'), new FootnoteReferenceRun(1)] }),
            new Paragraph({ text: 'Urges States;', numbering: { reference: 'l', level: 0 } }),
            new Paragraph({ text: 'Requests:', numbering: { reference: 'l', level: 0 } }),
            new Paragraph({ text: 'A report.', numbering: { reference: 'l', level: 1 } }),
          ],
        },
      ],
    });
    const back = await importDocx(await Packer.toBuffer(file));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.readAs).toBe('word');
    expect(back.value.report.paragraphs.map((p) => [p.kind, p.printed])).toEqual([
      ['preambular', null],
      ['operative', '1.'],
      ['operative', '2.'],
      ['subparagraph', '(a)'],
    ]);
    const json = withoutIds(back.value.doc) as { content: { type: string; content?: { type: string }[] }[] };
    expect(json.content[0]!.type).toBe('title');
    expect(json.content[2]!.content!.some((n) => n.type === 'footnote')).toBe(true);
  });

  describe('bad input: a clear reason, nothing read', () => {
    it.each([
      ['an empty file', Buffer.alloc(0), 'empty'],
      ['a text file', Buffer.from('1. Urges States;\n'), 'not-docx'],
      ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'not-docx'],
      ['a file over the limit', Buffer.alloc(MAX_DOCX_BYTES + 1, 0x50), 'too-large'],
    ])('%s', async (_what, bytes, reason) => {
      const result = await importDocx(bytes);
      expect(result.ok ? null : result.error.reason).toBe(reason);
    });

    it('a truncated Word file is corrupt', async () => {
      const bytes = await exportDocx(englishText(), metaFor());
      const result = await importDocx(bytes.subarray(0, Math.floor(bytes.length / 2)));
      expect(result.ok ? null : result.error.reason).toBe('corrupt');
    });

    it('a ZIP that is not a Word document', async () => {
      const zip = new JSZip();
      zip.file('hello.txt', 'hello');
      const result = await importDocx(await zip.generateAsync({ type: 'nodebuffer' }));
      expect(result.ok ? null : result.error.reason).toBe('not-docx');
    });

    it('a ZIP that would unpack to gigabytes is refused unread', async () => {
      const zip = new JSZip();
      zip.file('word/document.xml', Buffer.alloc(80 * 1024 * 1024, 0x20), { compression: 'DEFLATE' });
      const result = await importDocx(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
      expect(result.ok ? null : result.error.reason).toBe('too-large');
    });

    it('a Word document with garbage inside is corrupt', async () => {
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
      zip.file('word/document.xml', '<<not xml');
      const result = await importDocx(await zip.generateAsync({ type: 'nodebuffer' }));
      expect(result.ok).toBe(false);
      expect(['corrupt', 'no-text']).toContain(result.ok ? null : result.error.reason);
    });
  });

  it('uses the Penholder styles', () => {
    expect(Object.values(DocxStyles)).toContain('PhOperative');
  });
});
