/**
 * Word files in the shapes delegations send them: the symbol block in a table over the title, the
 * masthead typed as lines, a Penholder export with paragraphs typed after Enter, lists that run on
 * into an annex, subparagraphs typed after soft line breaks, and what Word keeps out of the
 * printed text (text boxes, hidden text, a tracked move) or shows of a field. The words are made up.
 */
import JSZip from 'jszip';
import { Document, LevelFormat, Packer, Paragraph, SimpleField, Tab, Table, TableCell, TableRow, Textbox, TextRun, WidthType } from 'docx';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../server/export/docx';
import { importDocx, type DocxImportResult } from '../../../server/export/docxImport';
import { annex, doc, formula, heading, op, pp, title } from '../../builders';
import { metaFor } from '../../shared/export/helpers';

type Block = Paragraph | Table | Textbox;

// Operative paragraphs at level 0, subparagraphs at 1 and 2, numbered by Word's own list.
const numbered = (text: string, level: 0 | 1 | 2 = 0) => new Paragraph({ text, numbering: { reference: 'ops', level } });

async function wordFile(children: Block[]): Promise<Uint8Array> {
  const file = new Document({
    numbering: {
      config: [
        {
          reference: 'ops',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.' },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)' },
            { level: 2, format: LevelFormat.LOWER_ROMAN, text: '(%3)' },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}

// The file with its body's XML edited, as Word writes what the `docx` package does not.
async function edited(bytes: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file('word/document.xml', edit(await zip.file('word/document.xml')!.async('string')));
  return new Uint8Array(await zip.generateAsync({ type: 'nodebuffer' }));
}

// The body's XML with `para` put after the paragraph holding `words`.
function insertAfter(xml: string, words: string, para: string): string {
  expect(xml).toContain(words);
  const end = xml.indexOf('</w:p>', xml.indexOf(words)) + '</w:p>'.length;
  return xml.slice(0, end) + para + xml.slice(end);
}

async function read(bytes: Uint8Array): Promise<DocxImportResult> {
  const result = await importDocx(bytes, { lang: 'en' });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

// The text's blocks as "kind: words", annex blocks marked.
function blocks(result: DocxImportResult): string[] {
  const out: string[] = [];
  result.doc.forEach((node) => {
    if (node.type.name === 'annex') node.forEach((child) => out.push(`annex ${child.type.name}: ${child.textContent}`));
    else out.push(`${node.type.name}: ${node.textContent}`);
  });
  return out;
}

const HEADING_LINES = [
  'Eighty-first session',
  'Second Committee',
  'Agenda item 19 (c)',
  'Sustainable development: protection of coastal wetlands for present and future generations',
  'Freedonia and Ruritania: draft resolution',
];
const MASTHEAD = ['United Nations', 'A/C.2/81/L.14', 'General Assembly', 'Distr.: Limited', '3 November 2026', 'Original: English'];

// A short draft: title, formula, one preambular and two operative paragraphs (made anew for each file).
const body = (): Paragraph[] => [
  new Paragraph('Protection of coastal wetlands'),
  new Paragraph('The General Assembly,'),
  new Paragraph('Recalling its resolution 79/212 of 19 December 2024,'),
  numbered('Welcomes the report of the Secretary-General;'),
  numbered('Decides to remain seized of the matter.'),
];
const BODY_READ = [
  'title: Protection of coastal wetlands',
  'formula: The General Assembly,',
  'preambular: Recalling its resolution 79/212 of 19 December 2024,',
  'operative: Welcomes the report of the Secretary-General;',
  'operative: Decides to remain seized of the matter.',
];

function symbolBlock(): Table {
  const cell = (...lines: string[]) => new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: lines.map((l) => new Paragraph(l)) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: [cell('United Nations'), cell('A/C.2/81/L.14')] }),
      new TableRow({ children: [cell('General Assembly'), cell('Distr.: Limited', '3 November 2026', '', 'Original: English')] }),
    ],
  });
}

describe('Word files as delegations send them', () => {
  it('leaves out the symbol block, a table over the first paragraph, and the heading lines under it, with a warning', async () => {
    const result = await read(await wordFile([symbolBlock(), ...HEADING_LINES.map((l) => new Paragraph(l)), ...body()]));
    expect(blocks(result)).toEqual(BODY_READ);
    // The five heading lines only: the symbol block is not read as lines at all.
    expect(result.report.warnings.map((w) => w.message)).toEqual(['Lines 1 to 9 stand before the title (a heading, the sponsors?) and are not imported.']);
  });

  it('reads a text that sits in a table, with a line under it, as the text', async () => {
    const text = new Table({
      rows: [new TableRow({ children: [new TableCell({ children: body() })] })],
    });
    const result = await read(await wordFile([text, new Paragraph('Freedonia, 3 November 2026')]));
    expect(blocks(result).slice(0, 5)).toEqual(BODY_READ);
  });

  it('finds the formula under a masthead typed as lines: six masthead lines, five heading lines and the title', async () => {
    const result = await read(await wordFile([...[...MASTHEAD, ...HEADING_LINES].map((l) => new Paragraph(l)), ...body()]));
    expect(blocks(result)).toEqual(BODY_READ);
    expect(result.report.warnings.map((w) => w.message)).toEqual(['Lines 1 to 21 stand before the title (a heading, the sponsors?) and are not imported.']);
  });

  it('in a Penholder export, reads the paragraphs Word gave another style by their list level or their punctuation and place, and says which', async () => {
    const text = doc(
      title('Protection of coastal wetlands'),
      formula('The Conference of the Parties,'),
      pp('Recalling its decision 7/3,'),
      op('Welcomes the report of the secretariat;'),
      op('Decides to remain seized of the matter.'),
      annex(heading('Terms of reference'), op('The working group shall meet once a year.')),
    );
    const exported = await exportDocx(text, metaFor({ lang: 'en', originalLanguage: 'en' }));
    const unedited = await read(exported);
    expect(unedited.readAs).toBe('penholder');
    expect(unedited.report.warnings).toEqual([]);
    const normal = (words: string) => `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t>${words}</w:t></w:r></w:p>`;
    const bytes = await edited(exported, (xml) => {
      const numId = /<w:numId w:val="(\d+)"\/>/.exec(xml)![1];
      const listed = `<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>Of wetlands of international importance;</w:t></w:r></w:p>`;
      xml = insertAfter(xml, ' its decision 7/3,', normal('Noting with appreciation the offer of Freedonia to host the twelfth session,'));
      // Enter after an operative paragraph: no style at all is Normal too; an empty paragraph is no text.
      xml = insertAfter(xml, 'Welcomes the report of the secretariat;', `<w:p><w:r><w:t>Invites Parties to share their inventories:</w:t></w:r></w:p>${listed}<w:p/>`);
      return insertAfter(xml, 'The working group shall meet once a year.', normal('Its members shall serve for two years.'));
    });
    const result = await read(bytes);
    expect(result.readAs).toBe('penholder');
    expect(blocks(result)).toEqual([
      'title: Protection of coastal wetlands',
      'formula: The Conference of the Parties,',
      'preambular: Recalling its decision 7/3,',
      'preambular: Noting with appreciation the offer of Freedonia to host the twelfth session,',
      'operative: Welcomes the report of the secretariat;',
      'operative: Invites Parties to share their inventories:',
      'subparagraph: Of wetlands of international importance;',
      'operative: Decides to remain seized of the matter.',
      'annex annexHeading: Terms of reference',
      'annex operative: The working group shall meet once a year.',
      'annex operative: Its members shall serve for two years.',
    ]);
    const warnings = result.report.warnings;
    expect(warnings.map((w) => w.code)).toEqual(['unstyled-paragraph', 'unstyled-paragraph', 'unstyled-paragraph', 'unstyled-paragraph']);
    expect(warnings[0]!.message).toMatch(
      /^Line \d+ \("Noting with appreciation the offer of Freedonia to host the…"\) is in none of Penholder's paragraph styles: read as a preambular paragraph by its punctuation and place\.$/,
    );
    expect(warnings[1]!.message).toContain('("Invites Parties to share their inventories:") is in none of Penholder\'s paragraph styles: read as an operative paragraph');
    expect(warnings[2]!.message).toContain('read as a subparagraph by its list level');
    expect(warnings[3]!.message).toContain('("Its members shall serve for two years.")');
  });

  it("numbers each annex from 1, though the file's list runs on from the body's", async () => {
    const result = await read(
      await wordFile([
        ...body(),
        new Paragraph('Annex'),
        new Paragraph('Terms of reference'),
        numbered('The working group shall meet once a year.'),
        numbered('It shall report to the Assembly at its eighty-third session.'),
      ]),
    );
    expect(result.report.paragraphs.map((p) => [p.annex, p.asPrinted])).toEqual([
      [null, null],
      [null, '1.'],
      [null, '2.'],
      [0, '1.'],
      [0, '2.'],
    ]);
    expect(result.report.warnings).toEqual([]);
  });

  it('starts a line at a soft line break before a typed label; any other soft break is a space', async () => {
    const result = await read(
      await wordFile([
        new Paragraph({ children: [new TextRun('Protection of coastal wetlands'), new TextRun({ text: 'for present and future generations', break: 1 })] }),
        ...body().slice(1, 3),
        new Paragraph({
          numbering: { reference: 'ops', level: 0 },
          children: [
            new TextRun('Encourages all States:'),
            new TextRun({ break: 1 }),
            new TextRun({ children: ['(a)', new Tab(), 'To cooperate in the protection of wetlands;'] }),
            new TextRun({ break: 1 }),
            new TextRun({ children: ['(b)', new Tab(), 'To share information on migratory birds;'] }),
          ],
        }),
        body()[4]!,
      ]),
    );
    expect(blocks(result)).toEqual([
      'title: Protection of coastal wetlands for present and future generations',
      ...BODY_READ.slice(1, 3),
      'operative: Encourages all States:',
      'subparagraph: To cooperate in the protection of wetlands;',
      'subparagraph: To share information on migratory birds;',
      'operative: Decides to remain seized of the matter.',
    ]);
    expect(result.report.paragraphs.map((p) => p.asPrinted)).toEqual([null, '1.', '(a)', '(b)', '2.']);
  });

  describe('what Word prints', () => {
    it('leaves out a text box', async () => {
      const box = new Textbox({ style: { width: '100pt', height: '40pt' }, children: [new Paragraph('Advance unedited version')] });
      const result = await read(await wordFile([body()[0]!, box, ...body().slice(1)]));
      expect(blocks(result)).toEqual(BODY_READ);
    });

    it('leaves out hidden text', async () => {
      const hidden = new Paragraph({
        numbering: { reference: 'ops', level: 0 },
        children: [new TextRun('Welcomes the report of the Secretary-General;'), new TextRun({ text: ' [Note by the facilitator: to be merged]', vanish: true })],
      });
      const result = await read(await wordFile([...body().slice(0, 3), hidden, body()[4]!]));
      expect(blocks(result)).toEqual(BODY_READ);
    });

    it('leaves out a paragraph moved away by a tracked move, so that the list counts on without it', async () => {
      const bytes = await wordFile([...body().slice(0, 4), numbered('MOVED'), body()[4]!]);
      // As Word tracks a paragraph moved elsewhere: its words and its paragraph mark marked as moved from.
      const moved = await edited(bytes, (xml) =>
        xml.replace(
          /<w:p>(<w:pPr>(?:(?!<\/w:pPr>).)*)<\/w:pPr><w:r><w:t xml:space="preserve">MOVED<\/w:t><\/w:r><\/w:p>/s,
          '<w:p>$1<w:rPr><w:moveFrom w:id="1" w:author="Freedonia" w:date="2026-11-03T00:00:00Z"/></w:rPr></w:pPr>' +
            '<w:moveFrom w:id="2" w:author="Freedonia" w:date="2026-11-03T00:00:00Z"><w:r><w:delText>Invites States to contribute;</w:delText></w:r></w:moveFrom></w:p>',
        ),
      );
      expect(await JSZip.loadAsync(moved).then((z) => z.file('word/document.xml')!.async('string'))).toContain('<w:moveFrom w:id="1"');
      const result = await read(moved);
      expect(blocks(result)).toEqual(BODY_READ);
      expect(result.report.paragraphs.map((p) => p.asPrinted)).toEqual([null, '1.', '2.']);
      expect(result.report.warnings).toEqual([]);
    });

    it("keeps what a simple field shows (a page number, a paragraph's)", async () => {
      const fields = new Paragraph({
        numbering: { reference: 'ops', level: 0 },
        children: [new TextRun('Requests the Secretary-General to report as set out on page '), new SimpleField('PAGE', '3'), new TextRun(' of the annex;')],
      });
      const result = await read(await wordFile([...body().slice(0, 4), fields, body()[4]!]));
      expect(blocks(result)).toContain('operative: Requests the Secretary-General to report as set out on page 3 of the annex;');
    });
  });
});
