/**
 * Word's own list numbers, as the page shows them: subparagraphs numbered by a list of their own
 * ("(a)", "(i)" at the list's first level), numbering given by a paragraph style, lists Word
 * restarts or continues, and an Arabic note number typed in the text. The words are made up.
 */
import JSZip from 'jszip';
import { Document, LevelFormat, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../server/export/docx';
import { importDocx, type DocxImportResult } from '../../../server/export/docxImport';
import type { Lang } from '../../../shared/languages';
import { doc, formula, op, pp, title } from '../../builders';
import { metaFor } from '../../shared/export/helpers';

// Three lists of one level each, as a drafter makes them with Word's buttons: operative
// paragraphs 1., 2. …; subparagraphs (a), (b) …; and (i), (ii) … under those.
// Arabic texts: 1 - and (أ) (ب) in abjad order.
const LISTS = [
  { reference: 'ops', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] },
  { reference: 'letters', levels: [{ level: 0, format: LevelFormat.LOWER_LETTER, text: '(%1)' }] },
  { reference: 'romans', levels: [{ level: 0, format: LevelFormat.LOWER_ROMAN, text: '(%1)' }] },
  { reference: 'arabicOps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1 -' }] },
  { reference: 'arabicLetters', levels: [{ level: 0, format: LevelFormat.ARABIC_ABJAD, text: '(%1)' }] },
];

// A paragraph in one of the lists; each `instance` is a list of its own, restarted by Word.
const listed = (reference: string, text: string, instance = 0) => new Paragraph({ text, numbering: { reference, level: 0, instance } });

async function wordFile(children: Paragraph[]): Promise<Uint8Array> {
  const file = new Document({ numbering: { config: LISTS }, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(file));
}

// The file with some of its parts' XML edited, as Word writes what the `docx` package does not.
async function edited(bytes: Uint8Array, edits: Record<string, (xml: string) => string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, edit] of Object.entries(edits)) zip.file(name, edit(await zip.file(name)!.async('string')));
  return new Uint8Array(await zip.generateAsync({ type: 'nodebuffer' }));
}

async function read(bytes: Uint8Array, lang: Lang = 'en'): Promise<DocxImportResult> {
  const result = await importDocx(bytes, { lang });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

// Each paragraph as its kind (with a subparagraph's level) and the label it was read with.
function paragraphs(result: DocxImportResult): string[] {
  return result.report.paragraphs.map((p) => `${p.kind}${p.level ? ` ${p.level}` : ''} ${p.asPrinted ?? '-'}`);
}

const OPENING = () => [
  new Paragraph('Protection of coastal wetlands'),
  new Paragraph('The General Assembly,'),
  new Paragraph('Recalling its resolution 79/212 of 19 December 2024,'),
];

// Two operative paragraphs with subparagraphs, the second list of letters restarted by Word.
const SUBPARAGRAPHS_READ = [
  'preambular -',
  'operative 1.',
  'subparagraph 1 (a)',
  'subparagraph 1 (b)',
  'subparagraph 2 (i)',
  'subparagraph 2 (ii)',
  'operative 2.',
  'subparagraph 1 (a)',
  'subparagraph 1 (b)',
  'operative 3.',
];

/** Operative paragraphs with subparagraphs in lists of their own: letters, romans under them, letters restarted. */
const SUBPARAGRAPH_LISTS = () => [
  ...OPENING(),
  listed('ops', 'Requests the Secretary-General:'),
  listed('letters', 'To report to the Assembly at its eighty-second session;'),
  listed('letters', 'To consult Member States:'),
  listed('romans', 'On the terms of reference;'),
  listed('romans', 'On the timing of the meetings;'),
  listed('ops', 'Invites States:'),
  listed('letters', 'To cooperate in the protection of wetlands;', 1),
  listed('letters', 'To share information on migratory birds;', 1),
  listed('ops', 'Decides to remain seized of the matter.'),
];

describe("Word's list numbers", () => {
  it('reads subparagraphs numbered by lists of their own as (a), (b) … and (i), (ii) …, restarting with each list', async () => {
    const result = await read(await wordFile(SUBPARAGRAPH_LISTS()));
    expect(paragraphs(result)).toEqual(SUBPARAGRAPHS_READ);
    expect(result.report.warnings).toEqual([]);
  });

  it('reads the numbers of a list Word continues from another of its numberings, or starts at a number of its own', async () => {
    const bytes = await wordFile([
      ...OPENING(),
      listed('ops', 'Requests the Secretary-General:'),
      listed('letters', 'To report to the Assembly;'),
      listed('letters', 'To consult Member States;'),
      listed('ops', 'Invites States:'),
      // "Continue numbering": a numbering of the same list without a start of its own counts on.
      listed('letters', 'CONTINUED', 1),
      listed('ops', 'Decides:'),
      // "Set numbering value": this one starts at (d).
      listed('letters', 'STARTED', 2),
    ]);
    const result = await read(
      await edited(bytes, {
        'word/numbering.xml': (xml) => {
          const instances = [...xml.matchAll(/<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"\/>/g)];
          const letters = instances.filter((m) => m[2] === instances.at(-1)![2]);
          expect(letters).toHaveLength(3);
          const [, continued, started] = letters.map((m) => m[1]);
          return xml
            .replace(new RegExp(`(<w:num w:numId="${continued}">(?:(?!</w:num>).)*?)<w:lvlOverride(?:(?!</w:num>).)*</w:lvlOverride>`), '$1')
            .replace(new RegExp(`(<w:num w:numId="${started}">(?:(?!</w:num>).)*?<w:startOverride w:val=)"1"`), '$1"4"');
        },
      }),
    );
    expect(paragraphs(result).slice(-4)).toEqual(['operative 2.', 'subparagraph 1 (c)', 'operative 3.', 'subparagraph 1 (d)']);
  });

  it('reads the numbers a paragraph style gives, the paragraphs having none of their own', async () => {
    const bytes = await wordFile(SUBPARAGRAPH_LISTS());
    // Each list's numbering moved from its paragraphs to a style of its own ("Subparagraph (a)", based on
    // another style that carries the numbering), as a house template does.
    const styles: string[] = [];
    const result = await read(
      await edited(bytes, {
        'word/document.xml': (xml) =>
          xml.replace(/<w:pStyle w:val="ListParagraph"\/><w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/g, (_, numId: string) => {
            if (!styles.includes(numId)) styles.push(numId);
            return `<w:pStyle w:val="Listed${numId}"/>`;
          }),
        'word/styles.xml': (xml) => {
          const defined = styles.map(
            (numId) =>
              `<w:style w:type="paragraph" w:styleId="Numbered${numId}"><w:name w:val="Numbered ${numId}"/><w:pPr><w:numPr><w:numId w:val="${numId}"/></w:numPr></w:pPr></w:style>` +
              `<w:style w:type="paragraph" w:styleId="Listed${numId}"><w:name w:val="Listed ${numId}"/><w:basedOn w:val="Numbered${numId}"/></w:style>`,
          );
          return xml.replace('</w:styles>', `${defined.join('')}</w:styles>`);
        },
      }),
    );
    expect(styles).toHaveLength(4);
    expect(paragraphs(result)).toEqual(SUBPARAGRAPHS_READ);
  });

  it('reads Arabic subparagraphs lettered in abjad order by a list of their own', async () => {
    const result = await read(
      await wordFile([
        new Paragraph('حماية الأراضي الرطبة الساحلية'),
        new Paragraph('إن الجمعية العامة،'),
        new Paragraph('إذ تشير إلى قرارها 79/212،'),
        listed('arabicOps', 'تطلب إلى الأمين العام:'),
        listed('arabicLetters', 'أن يقدم تقريرا إلى الجمعية العامة؛'),
        listed('arabicLetters', 'أن يتشاور مع الدول الأعضاء؛'),
        listed('arabicOps', 'تقرر أن تبقي المسألة قيد نظرها.'),
      ]),
      'ar',
    );
    expect(paragraphs(result)).toEqual(['preambular -', 'operative 1 -', 'subparagraph 1 (أ)', 'subparagraph 1 (ب)', 'operative 2 -']);
  });

  it("in a Penholder export, reads a paragraph put in a list of letters of its own, outside Penholder's styles, as a subparagraph", async () => {
    const text = doc(
      title('Protection of coastal wetlands'),
      formula('The Conference of the Parties,'),
      pp('Recalling its decision 7/3,'),
      op('Invites Parties to share their inventories:'),
      op('Decides to remain seized of the matter.'),
    );
    const exported = await exportDocx(text, metaFor({ lang: 'en', originalLanguage: 'en' }));
    const letters = '<w:abstractNum w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>';
    const result = await read(
      await edited(exported, {
        'word/numbering.xml': (xml) =>
          xml.replace('<w:num ', `${letters}<w:num `).replace('</w:numbering>', '<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num></w:numbering>'),
        'word/document.xml': (xml) => {
          const at = xml.indexOf('</w:p>', xml.indexOf('Invites Parties to share their inventories:')) + '</w:p>'.length;
          const listed = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr></w:pPr><w:r><w:t>Of wetlands of international importance;</w:t></w:r></w:p>';
          return xml.slice(0, at) + listed + xml.slice(at);
        },
      }),
    );
    expect(result.readAs).toBe('penholder');
    expect(result.report.paragraphs.map((p) => p.kind)).toEqual(['preambular', 'operative', 'subparagraph', 'operative']);
    expect(result.report.warnings.map((w) => w.message)).toEqual([expect.stringContaining('read as a subparagraph by its list level')]);
  });

  // This already held before Word's list numbers were read from the file: a test that it stays so.
  it('does not take a note number typed at the end of an Arabic sentence, "،(1)" or "(1)", for a subparagraph', async () => {
    const result = await read(
      await wordFile([
        new Paragraph('حماية الأراضي الرطبة الساحلية'),
        new Paragraph('إن الجمعية العامة،'),
        new Paragraph('إذ تشير إلى قرارها 79/212 المؤرخ 19 كانون الأول/ديسمبر 2024،(1)'),
        listed('ops', 'ترحب بتقرير الأمين العام(2)؛'),
        listed('ops', 'تقرر أن تبقي المسألة قيد نظرها.(3)'),
      ]),
      'ar',
    );
    expect(result.report.paragraphs.map((p) => p.kind)).not.toContain('subparagraph');
    const operative: string[] = [];
    result.doc.forEach((node) => {
      if (node.type.name === 'operative') operative.push(node.textContent);
    });
    expect(operative).toEqual(['ترحب بتقرير الأمين العام(2)؛', 'تقرر أن تبقي المسألة قيد نظرها.(3)']);
    expect(result.report.paragraphs.filter((p) => p.kind === 'operative').map((p) => p.asPrinted)).toEqual(['1 -', '2 -']);
  });
});
