import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Node as PMNode } from 'prosemirror-model';
import { importPlainText, IMPORT_WARNING_CODES, type ImportResult, type ImportWarningCode } from '../../shared/importText';
import { textFromJSON } from '../../shared/schema';
import { annex, doc, fn, formula, heading, op, plain, pp, strong, sub, sub2, title, withoutIds } from '../builders';

const FIXTURES = new URL('../../server/demo/fixtures/cop11-zh/', import.meta.url);
const FILES = [
  'resolution-11-1.txt',
  'resolution-11-2.txt',
  'resolution-11-3.txt',
  'resolution-11-4.txt',
  'resolution-11-5.txt',
  'resolution-11-6.txt',
  'decision-11-1.txt',
  'decision-11-2.txt',
  'draft-L9-Rev1.txt',
] as const;

const source = (file: string) => readFileSync(new URL(file, FIXTURES), 'utf8');

/** Imports with ids p1, p2 … so that failures are readable; fails the test on a refused import. */
function load(text: string): ImportResult {
  let n = 0;
  const result = importPlainText(text, { newId: () => `p${++n}` });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const fixture = (file: string) => load(source(file));

/** The top-level shape in short: "op 1.", "sub1 (a)", "pre", "plain", "[annex …" and "]". */
function shape(result: ImportResult): string[] {
  const printed = new Map(result.report.paragraphs.map((p) => [p.id, p.printed]));
  const out: string[] = [];
  const visit = (node: PMNode) => {
    const label = printed.get(node.attrs.id) ?? null;
    const name = { preambular: 'pre', operative: 'op', plain: 'plain', subparagraph: `sub${node.attrs.level}` }[node.type.name];
    if (name) out.push(label ? `${name} ${label}` : name);
  };
  result.doc.forEach((node) => {
    if (node.type.name === 'annex') {
      out.push('[annex');
      node.forEach(visit);
      out.push(']');
    } else visit(node);
  });
  return out;
}

const count = (list: string[], prefix: string) => list.filter((s) => s.startsWith(prefix)).length;
const labels = (first: string, last: string) => {
  const out: string[] = [];
  for (let c = first.charCodeAt(0); c <= last.charCodeAt(0); c++) out.push(`sub1 (${String.fromCharCode(c)})`);
  return out;
};
const ops = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `op ${from + i}.`);
const times = <T>(n: number, item: T): T[] => Array.from({ length: n }, () => item);

/** Every footnote node of a text, in order. */
function footnotes(node: PMNode): PMNode[] {
  const out: PMNode[] = [];
  node.descendants((child) => {
    if (child.type.name === 'footnote') out.push(child);
  });
  return out;
}

/** The running text of a doc (footnote notes left out), without white space. */
function runningText(node: PMNode): string {
  let text = '';
  node.descendants((child) => {
    if (child.type.name === 'footnote') return false;
    if (child.isText) text += child.text;
    return true;
  });
  return text.replace(/\s/gu, '');
}

/**
 * An independent oracle for "no words lost": the source without its number line, annex
 * markers, footnote lines, paragraph labels, footnote markers, "**" and white space.
 */
function sourceText(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .filter((l, i) => !(i === 0 && /^(第 \d+\/\d+ 号(决议|决定)|(Resolution|Decision) \d+\/\d+)$/u.test(l)))
    .filter((l) => !/^(附件[一二三]?|Annex( [IV]+)?)$/u.test(l))
    .filter((l) => !/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+ /u.test(l))
    .map((l) => l.replace(/^(- )?\([a-z]+\) /u, '').replace(/^\d+\. /u, ''))
    .join('')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹*\s]/gu, '');
}

const codes = (result: ImportResult): ImportWarningCode[] => result.report.warnings.map((w) => w.code);

describe('importPlainText: every fixture of the eleventh session', () => {
  // Footnote markers in each file (a note referenced three times counts three) and notes printed.
  const FOOTNOTES: Record<string, { markers: number; notes: number[] }> = {
    'resolution-11-1.txt': { markers: 7, notes: [1, 2, 3, 4] },
    'resolution-11-2.txt': { markers: 4, notes: [5, 6, 7, 8] },
    'resolution-11-3.txt': { markers: 4, notes: [9, 10] },
    'resolution-11-4.txt': { markers: 10, notes: [11, 12, 13, 14, 15, 16, 17, 18, 19, 20] },
    'resolution-11-5.txt': { markers: 3, notes: [21, 22, 23] },
    'resolution-11-6.txt': { markers: 6, notes: [24, 25, 26, 27, 28, 29] },
    'decision-11-1.txt': { markers: 0, notes: [] },
    'decision-11-2.txt': { markers: 0, notes: [] },
    'draft-L9-Rev1.txt': { markers: 0, notes: [] },
  };

  for (const file of FILES) {
    describe(file, () => {
      const text = source(file);
      const result = load(text);

      it('fits the schema and survives a JSON round trip', () => {
        expect(() => result.doc.check()).not.toThrow();
        expect(textFromJSON(result.doc.toJSON()).eq(result.doc)).toBe(true);
      });

      it('loses no words: the running text is the source minus numbers, markers and footnote lines', () => {
        expect(runningText(result.doc)).toBe(sourceText(text));
      });

      it('resolves every footnote marker and leaves no note in the running text', () => {
        const expected = FOOTNOTES[file]!;
        const nodes = footnotes(result.doc);
        expect(nodes).toHaveLength(expected.markers);
        expect(result.report.footnotes.map((f) => f.printed)).toEqual(expected.notes);
        expect(result.report.footnotes.reduce((sum, f) => sum + f.references, 0)).toBe(expected.markers);
        const notes = new Set(result.report.footnotes.map((f) => f.text));
        for (const node of nodes) expect(notes.has(node.textContent)).toBe(true);
        const running = runningText(result.doc);
        expect(running).not.toMatch(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/u);
        for (const note of notes) expect(running).not.toContain(note.replace(/\s/gu, ''));
        expect(codes(result)).not.toContain('footnote-not-found');
        expect(codes(result)).not.toContain('footnote-unused');
      });

      it('finds no gap in the printed numbers or letters', () => {
        expect(codes(result)).not.toContain('numbering-jump');
        expect(codes(result)).not.toContain('lettering-jump');
      });

      it('gives every paragraph, annex and footnote its own id, reported in document order', () => {
        const ids: string[] = [];
        result.doc.descendants((node) => {
          if (typeof node.attrs.id === 'string') ids.push(node.attrs.id);
        });
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.every((id) => id !== '')).toBe(true);
        const paragraphIds = ids.filter((id) => result.report.paragraphs.some((p) => p.id === id));
        expect(paragraphIds).toEqual(result.report.paragraphs.map((p) => p.id));
      });
    });
  }
});

describe('importPlainText: the structure of each fixture', () => {
  it('resolution 11/4: 21 preambular and 19 operative paragraphs, the number line as metadata', () => {
    const result = fixture('resolution-11-4.txt');
    expect(result.report.heading).toEqual({ kind: 'resolution', number: '11/4', line: 1 });
    expect(result.doc.firstChild!.textContent).toBe('加强预防犯罪和刑事司法对策，以在任何情况下，包括在发生武装冲突和自然灾害的情况下，保护文化财产');
    expect(result.report.formula).toBe('联合国打击跨国有组织犯罪公约缔约方会议，');
    expect(shape(result)).toEqual([...times(21, 'pre'), ...ops(1, 19)]);
  });

  it('resolution 11/5: 21 operative paragraphs, (a)–(e) under 4 and (a)–(d) under 9', () => {
    const result = fixture('resolution-11-5.txt');
    expect(shape(result)).toEqual([
      ...times(32, 'pre'),
      ...ops(1, 4),
      ...labels('a', 'e'),
      ...ops(5, 9),
      ...labels('a', 'd'),
      ...ops(10, 21),
    ]);
  });

  it('resolution 11/6: 29 operative paragraphs', () => {
    const result = fixture('resolution-11-6.txt');
    expect(shape(result)).toEqual([...times(19, 'pre'), ...ops(1, 29)]);
  });

  it('resolution 11/3: one unnumbered operative paragraph, then an annex of (a)–(l) where (i) is a letter', () => {
    const result = fixture('resolution-11-3.txt');
    expect(shape(result)).toEqual([...times(4, 'pre'), 'op', '[annex', 'plain', ...labels('a', 'l'), ']']);
    const operative = result.doc.child(6);
    expect(operative.type.name).toBe('operative');
    expect(operative.textContent).toMatch(/^核可.*这些建议载于本决议附件。$/u);
    expect(result.report.annexes.map((a) => a.printed)).toEqual(['附件']);
  });

  it('resolution 11/3: footnote 10, referenced three times, becomes three footnotes with the same text', () => {
    const result = fixture('resolution-11-3.txt');
    const notes = footnotes(result.doc).map((n) => n.textContent);
    expect(notes).toEqual([
      '联合国，《条约汇编》，第 2225 卷，第 39574 号。',
      ...times(3, 'CTOC/COP/WG.2/2022/4-CTOC/COP/WG.3/2022/4，第 9 段。'),
    ]);
    // One of them stands in the annex heading, where the marker was printed.
    const annexNode = result.doc.lastChild!;
    expect(footnotes(annexNode.firstChild!)).toHaveLength(1);
    expect(result.report.footnotes.find((f) => f.printed === 10)?.references).toBe(3);
    expect(codes(result)).toContain('footnote-repeated');
    expect(codes(result)).toContain('footnote-renumbered');
  });

  it('decision 11/2: the formula runs on into a chapeau and is kept whole; lettered paragraphs only', () => {
    const result = fixture('decision-11-2.txt');
    expect(result.report.heading).toEqual({ kind: 'decision', number: '11/2', line: 1 });
    expect(result.report.formula).toBe('联合国打击跨国有组织犯罪公约缔约方会议，考虑到缔约方会议议事规则第 3 条第 3 款：');
    expect(shape(result)).toEqual(labels('a', 'c'));
    expect(result.doc.child(1).type.name).toBe('formula');
  });

  it('draft L.9/Rev.1: no number line; the formula "…决定如下：" then (a) and (b)', () => {
    const result = fixture('draft-L9-Rev1.txt');
    expect(result.report.heading).toBeNull();
    expect(result.report.title).toBe('非政府组织、私营部门代表和学术界等相关利益攸关方参加建设性对话');
    expect(result.report.formula).toMatch(/^联合国打击跨国有组织犯罪公约缔约方会议根据.*决定如下：$/u);
    expect(shape(result)).toEqual(labels('a', 'b'));
    expect(codes(result)).toEqual([]);
  });

  it('resolution 11/1: two annexes of 24 and 13 lettered paragraphs under plain sub-headings', () => {
    const result = fixture('resolution-11-1.txt');
    const s = shape(result);
    expect(s.slice(0, 11)).toEqual([...times(8, 'pre'), ...ops(1, 2), '[annex']);
    const [first, second] = result.doc.content.content.filter((n) => n.type.name === 'annex');
    expect(count(s.slice(s.indexOf('[annex'), s.indexOf(']')), 'sub1')).toBe(24);
    expect(count(s.slice(s.lastIndexOf('[annex')), 'sub1')).toBe(13);
    expect(s.filter((x) => x.startsWith('sub'))).toEqual([...labels('a', 'x'), ...labels('a', 'm')]);
    expect(first!.childCount).toBe(1 + 5 + 24); // heading, chapeau and 4 sub-headings, (a)–(x)
    expect(second!.childCount).toBe(1 + 3 + 13);
    expect(first!.child(2).type.name).toBe('plain');
    expect(first!.child(2).textContent).toBe('联合调查机构在打击跨国有组织犯罪方面的应用和作用');
    expect(result.report.annexes.map((a) => a.printed)).toEqual(['附件一', '附件二']);
  });

  it('resolution 11/2: two annexes of 15 and 11 lettered paragraphs; "**建议**" read as bold', () => {
    const result = fixture('resolution-11-2.txt');
    const s = shape(result);
    expect(s.slice(0, 6)).toEqual([...times(3, 'pre'), ...ops(1, 2), '[annex']);
    expect(s.filter((x) => x.startsWith('sub'))).toEqual([...labels('a', 'o'), ...labels('a', 'k')]);
    const secondHeading = result.doc.lastChild!.firstChild!;
    expect(secondHeading.textContent).toBe('技术援助问题政府专家工作组在 2022 年 5 月 23 日至 27 日举行的第十三次会议上通过的建议');
    expect(secondHeading.lastChild!.eq(strong('建议'))).toBe(true);
    expect(codes(result)).toContain('markup');
  });

  it('rejoins the paragraphs split across a page, footnote lines or not in between', () => {
    const lines = (file: string) => fixture(file).report.paragraphs.filter((p) => p.lines.length > 1).map((p) => [p.printed, p.lines]);
    expect(lines('resolution-11-1.txt')).toEqual([
      [null, [19, 25]],
      ['(e)', [49, 53]],
      ['(p)', [77, 79]],
    ]);
    expect(lines('resolution-11-4.txt')).toEqual([
      [null, [55, 63]],
      ['17.', [101, 105]],
    ]);
    expect(lines('resolution-11-5.txt')).toEqual([[null, [73, 75]]]);
    const e = fixture('resolution-11-1.txt').report.paragraphs.find((p) => p.lines[0] === 49)!;
    const node = findById(fixture('resolution-11-1.txt').doc, e.id);
    expect(node.textContent).toContain('包括澄清适用的法律要求和披露要求。还鼓励缔约国');
    expect(node.textContent).not.toContain('CTOC/COP/WG.3/2021/3');
    expect(node.textContent.endsWith('等方面的挑战；')).toBe(true);
  });

  it('decision 11/1: the decision is plain, then the agenda heading as plain, items 1–9 operative with their sub-items', () => {
    const result = fixture('decision-11-1.txt');
    expect(result.report.heading).toEqual({ kind: 'decision', number: '11/1', line: 1 });
    expect(result.report.formula).toBeNull();
    expect(shape(result)).toEqual([
      'plain',
      'plain',
      'op 1.',
      ...labels('a', 'f'),
      'op 2.',
      ...labels('a', 'd'),
      ...ops(3, 9),
    ]);
    expect(result.doc.child(1).textContent).toBe('联合国打击跨国有组织犯罪公约缔约方会议核准缔约方会议第十二届会议临时议程如下。');
    expect(result.doc.child(4).textContent).toBe('缔约方会议第十二届会议开幕；');
    expect(codes(result)).toEqual(['unnumbered-before-numbered']);
  });
});

function findById(node: PMNode, id: string): PMNode {
  let found: PMNode | null = null;
  node.descendants((child) => {
    if (child.attrs.id === id) found = child;
    return found === null;
  });
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

describe('importPlainText: English layout', () => {
  const RESOLUTION = [
    'Resolution 11/5',
    '',
    'Implementation of the Trafficking in Persons Protocol',
    '',
    'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
    '',
    'Recalling the United Nations Convention against Transnational Organized Crime,¹',
    '',
    'Noting with concern the report of the Working Group,',
    '',
    '1. Decides to continue its work;',
    '',
    '2. Calls upon States parties:',
    '',
    '(a) To assess the risks;',
    '',
    '(b) To strengthen cooperation with:',
    '',
    '(i) civil society;',
    '',
    '(ii) the private sector;',
    '',
    '(c) To collect data;',
    '',
    '¹ United Nations, Treaty Series, vol. 2225, No. 39574.',
    '',
    '3. Requests the Secretariat to report to the Conference at its twelfth session.',
    '',
    'Annex I',
    '',
    'Recommendations of the working group',
    '',
    'The working group adopted the following recommendations:',
    '',
    '(a) States should review their legislation;',
    '',
    '(b) States should share information.',
    '',
    'Annex II',
    '',
    'Further recommendations',
    '',
    '1. States parties are encouraged to cooperate.',
  ].join('\n');

  it('reads a resolution with a footnote, lettered and roman subparagraphs and two annexes', () => {
    const result = load(RESOLUTION);
    expect(result.report.heading).toEqual({ kind: 'resolution', number: '11/5', line: 1 });
    expect(withoutIds(result.doc)).toEqual(
      withoutIds(
        doc(
          title('Implementation of the Trafficking in Persons Protocol'),
          formula('The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,'),
          pp('Recalling the United Nations Convention against Transnational Organized Crime,', fn('United Nations, Treaty Series, vol. 2225, No. 39574.')),
          pp('Noting with concern the report of the Working Group,'),
          op('Decides to continue its work;'),
          op('Calls upon States parties:'),
          sub('To assess the risks;'),
          sub('To strengthen cooperation with:'),
          sub2('civil society;'),
          sub2('the private sector;'),
          sub('To collect data;'),
          op('Requests the Secretariat to report to the Conference at its twelfth session.'),
          annex(heading('Recommendations of the working group'), plain('The working group adopted the following recommendations:'), sub('States should review their legislation;'), sub('States should share information.')),
          annex(heading('Further recommendations'), op('States parties are encouraged to cooperate.')),
        ),
      ),
    );
    expect(result.report.paragraphs.map((p) => p.printed).filter(Boolean)).toEqual(['1.', '2.', '(a)', '(b)', '(i)', '(ii)', '(c)', '3.', '(a)', '(b)', '1.']);
    expect(result.report.annexes.map((a) => [a.printed, a.heading])).toEqual([
      ['Annex I', 'Recommendations of the working group'],
      ['Annex II', 'Further recommendations'],
    ]);
    expect(codes(result)).toEqual([]);
    expect(runningText(result.doc)).toBe(sourceText(RESOLUTION));
  });

  const letters = (...labels: string[]) =>
    load(['Decision 11/9', '', 'Organization of work', '', 'The Conference,', '', '1. Decides:', ...labels.map((l) => `(${l}) item ${l};`)].join('\n'));
  const levels = (result: ImportResult) => result.report.paragraphs.filter((p) => p.kind === 'subparagraph').map((p) => p.level);

  it('reads (i) after (h) as the letter i, and after (b) as roman one', () => {
    expect(levels(letters('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'))).toEqual(times(10, 1));
    expect(levels(letters('a', 'b', 'i', 'ii', 'iii', 'c'))).toEqual([1, 1, 2, 2, 2, 1]);
  });

  it('turns an (i) taken for a letter into roman one when (ii) follows it', () => {
    const result = letters('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'ii', 'iii');
    expect(levels(result)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2]);
    expect(codes(result)).toEqual([]);
  });

  it('continues an open roman run rather than reading (v) as a letter', () => {
    const run = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u'];
    expect(levels(letters(...run, 'i', 'ii', 'iii', 'iv', 'v', 'v'))).toEqual([...times(21, 1), 2, 2, 2, 2, 2, 1]);
  });

  it('reports gaps in the printed numbers and letters', () => {
    const result = load(['Resolution 1/1', 'Title', 'The Assembly,', '1. A;', '2. B;', '3. C;', '4. D;', '5. E;', '7. F:', '(a) x;', '(c) y.'].join('\n'));
    const messages = result.report.warnings.map((w) => [w.code, w.message, w.line]);
    expect(messages).toEqual([
      ['numbering-jump', 'Numbering in the body of the text jumps from 5 to 7.', 9],
      ['lettering-jump', 'Lettering in the body of the text jumps from (a) to (c).', 11],
    ]);
  });

  it('reports a footnote referenced but not found, and keeps its marker in the text', () => {
    const result = load(['Resolution 1/1', 'Title', 'The Assembly,', 'Recalling its resolution,¹⁰', '1. Decides.'].join('\n'));
    expect(result.report.warnings.map((w) => [w.code, w.message])).toEqual([
      ['footnote-not-found', 'Footnote 10 referenced but not found: its marker is left in the text.'],
    ]);
    expect(result.doc.child(2).textContent).toBe('Recalling its resolution,¹⁰');
  });

  it('reports a printed footnote that nothing refers to', () => {
    const result = load(['Resolution 1/1', 'Title', 'The Assembly,', '1. Decides.', '³ A/77/1.'].join('\n'));
    expect(codes(result)).toEqual(['footnote-unused']);
  });

  it('joins an English paragraph split across a page with a space', () => {
    const result = load(
      ['Resolution 1/1', 'Title', 'The Assembly,', '1. Requests the Secretariat to report on the implementation of the', '', '¹ A/77/1.', '', 'present resolution.¹'].join('\n'),
    );
    expect(withoutIds(result.doc)).toEqual(
      withoutIds(doc(title('Title'), formula('The Assembly,'), op('Requests the Secretariat to report on the implementation of the present resolution.', fn('A/77/1.')))),
    );
    expect(codes(result)).toEqual(['page-split-joined']);
  });

  it('keeps a sub-heading that lacks final punctuation apart from the paragraph after it', () => {
    const result = load(['Resolution 1/1', 'Title', 'The Assembly,', '1. Endorses the recommendations in the annex.', 'Annex', 'Recommendations', 'Other matters', 'The working group also adopted the following:', '(a) x.'].join('\n'));
    expect(shape(result)).toEqual(['op 1.', '[annex', 'plain', 'plain', 'sub1 (a)', ']']);
  });

  it('reads a decision with one unnumbered operative paragraph', () => {
    const result = load(['Decision 11/3', '', 'Date of the twelfth session', '', 'The Conference,', '', 'Recalling its rules of procedure,', '', 'Decides to hold its twelfth session in 2024.'].join('\n'));
    expect(shape(result)).toEqual(['pre', 'op']);
    expect(result.report.paragraphs.map((p) => p.printed)).toEqual([null, null]);
  });

  it('reads a text without a number line or title from its formula', () => {
    const result = load(['The General Assembly,', 'Recalling its resolution 76/7,', '1. Decides to remain seized of the matter.'].join('\n'));
    expect(result.report.formula).toBe('The General Assembly,');
    expect(shape(result)).toEqual(['pre', 'op 1.']);
    expect(codes(result)).toEqual(['no-title']);
  });
});

describe('importPlainText: bad input', () => {
  it('refuses an empty text with a clear message', () => {
    for (const text of ['', '   ', '\n\n\r\n\t\n']) {
      const result = importPlainText(text);
      expect(result).toEqual({ ok: false, error: 'The text is empty: paste the text of a resolution or decision to import it.' });
    }
  });

  it('refuses a text holding only footnote lines', () => {
    expect(importPlainText('¹ A/77/1.\n² Ibid.').ok).toBe(false);
  });

  it('imports a text without structure as plain paragraphs, with a warning', () => {
    const result = load('Dear colleagues\nplease find the text below\n\nthanks');
    expect(withoutIds(result.doc)).toEqual(withoutIds(doc(title(), plain('Dear colleagues'), plain('please find the text below'), plain('thanks'))));
    expect(codes(result)).toEqual(['no-structure']);
    expect(result.report.title).toBe('');
  });

  it('never throws and always returns a text that fits the schema, whatever it is given', () => {
    const pieces = fc.constantFrom(
      '第 11/5 号决议', 'Resolution 1/1', '附件', 'Annex II', '1. ', '2. ', '(a) ', '(i) ', ' - (b) ', '¹ ', '¹⁰', '²',
      '，', '。', ',', ';', ':', '\n', '\n\n', '**', 'Recalling', '回顾', '联合国缔约方会议', ' ', 'x',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }), (parts) => {
        const result = importPlainText(parts.join(''));
        if (!result.ok) return;
        result.value.doc.check();
        for (const w of result.value.report.warnings) expect(IMPORT_WARNING_CODES).toContain(w.code);
      }),
      { numRuns: 400 },
    );
  });

  it('draws ids from newParagraphId by default', () => {
    const result = importPlainText('Resolution 1/1\nTitle\nThe Assembly,\n1. Decides.');
    expect(result.ok && result.value.report.paragraphs[0]!.id).toMatch(/^[0-9a-z]{12}$/u);
  });
});
