import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareTexts } from '../../../shared/compare';
import { pastedNumbering, type PrintedText } from '../../../shared/compare/printedNumbers';
import { exportPlainText } from '../../../shared/export/plainText';
import { ImportedJSON } from '../../../shared/import/make';
import { importPlainTextJSON } from '../../../shared/import/read';
import { importPlainText } from '../../../shared/importText';
import { englishText } from '../export/helpers';
import { FILES, source } from '../importHelpers';

// POST /api/compare reads a pasted text straight to JSON (importPlainTextJSON); a draft's import
// makes checked nodes (importPlainText). Both must read every text alike, or a comparison would
// say something the imported draft does not.
function both(text: string): { nodes: PrintedText; json: PrintedText } {
  let n = 0;
  let m = 0;
  const nodes = importPlainText(text, { newId: () => `i${++n}` });
  const json = importPlainTextJSON(text, { newId: () => `i${++m}` });
  if (!nodes.ok || !json.ok) throw new Error(`not imported: ${text.slice(0, 40)}`);
  return { nodes: { doc: nodes.value.doc, paragraphs: nodes.value.report.paragraphs }, json: { doc: json.value.doc, paragraphs: json.value.report.paragraphs } };
}

const report = readFileSync(new URL('../../../bench/fixtures/cop11-report.zh.txt', import.meta.url), 'utf8');
const CASES: Record<string, string> = {
  ...Object.fromEntries(FILES.map((f) => [f, source(f)])),
  'the whole report': report,
  'an English text exported as plain text': exportPlainText(englishText()),
  'bold runs side by side, a footnote with an empty note, CRLF and a BOM':
    '\uFEFFResolution 11/9\r\nA **title** here\r\nThe Conference of the Parties,\r\n1. Decides **one****two** and **three**¹ more²;\r\n(a) To act;\r\n(i) Promptly;\r\n2. Requests³ the Secretariat.\r\n¹ A note.\r\n² \r\n',
  'an annex with headings and lettered paragraphs':
    'Title\nThe Conference of the Parties,\n1. Adopts the annex.\nAnnex I\nRules\nChapeau line\n(a) First;\n(b) Second.\nAnnex II\nMore rules\n1. Only rule.',
  'no structure at all': 'just some words\nand more words\r\nand a last line',
  'carriage returns only': 'Title\rThe Conference of the Parties,\r1. Decides.\r2. Requests.',
};

describe('a pasted text read to JSON for a comparison', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`is node for node the text importPlainText makes: ${name}`, () => {
      const { nodes, json } = both(text);
      expect(json.doc).toBeInstanceOf(ImportedJSON);
      expect((json.doc as ImportedJSON).json).toEqual((nodes.doc as { toJSON(): unknown }).toJSON());
      expect(json.paragraphs).toEqual(nodes.paragraphs);
    });
  }

  it('reports the same as importPlainText, warnings and footnotes included', () => {
    for (const text of Object.values(CASES)) {
      const [a, b] = [importPlainText(text, { newId: () => 'x' }), importPlainTextJSON(text, { newId: () => 'x' })];
      expect(a.ok && b.ok).toBe(true);
      if (a.ok && b.ok) expect(b.value.report).toEqual(a.value.report);
    }
  });

  it('refuses what importPlainText refuses, with its words', () => {
    for (const text of ['', '  \n \r\n', '¹ Only a note.\n² Another.']) {
      const [a, b] = [importPlainText(text), importPlainTextJSON(text)];
      expect(b).toEqual(a);
      expect(b.ok).toBe(false);
    }
  });

  it('gives every comparison the nodes give, numbered as pasted texts are', () => {
    const texts = Object.values(CASES);
    // Each text against the next, and the whole report against a copy with paragraphs edited, dropped and moved.
    const lines = report.split('\n');
    const edited = lines
      .filter((_, i) => i % 97 !== 5)
      .map((l, i) => (i % 13 === 3 ? l.replace(/的/, '之') : l))
      .concat(lines[40]!)
      .join('\n');
    const pairs: [string, string][] = texts.map((t, i) => [t, texts[(i + 1) % texts.length]!]);
    pairs.push([report, edited], ['1. Decides.\n5 bis. Urges.\n2. Requests.', '1. Decides.\n2. Requests.']);
    let changed = 0;
    for (const [a, b] of pairs) {
      const [left, right] = [both(a), both(b)];
      const viaNodes = pastedNumbering(left.nodes, right.nodes);
      const viaJSON = pastedNumbering(left.json, right.json);
      expect(viaJSON).toEqual(viaNodes);
      const base = viaNodes.base ? { base: viaNodes.base } : {};
      const expected = compareTexts(left.nodes.doc, right.nodes.doc, base);
      expect(compareTexts(left.json.doc, right.json.doc, base)).toEqual(expected);
      changed += expected.paragraphs.filter((p) => p.status !== 'unchanged').length;
    }
    // The pairs differ: the equality above is not that of two empty answers.
    expect(changed).toBeGreaterThan(100);
  });
});
