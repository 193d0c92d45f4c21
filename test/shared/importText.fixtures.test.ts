import { describe, expect, it } from 'vitest';
import { textFromJSON } from '../../shared/schema';
import { strong } from '../builders';
import { codes, count, FILES, findById, fixture, footnotes, labels, load, ops, runningText, shape, source, sourceText, times } from './importHelpers';

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
    expect(shape(result)).toEqual([...times(32, 'pre'), ...ops(1, 4), ...labels('a', 'e'), ...ops(5, 9), ...labels('a', 'd'), ...ops(10, 21)]);
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
    expect(notes).toEqual(['联合国，《条约汇编》，第 2225 卷，第 39574 号。', ...times(3, 'CTOC/COP/WG.2/2022/4-CTOC/COP/WG.3/2022/4，第 9 段。')]);
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
    const lines = (file: string) =>
      fixture(file)
        .report.paragraphs.filter((p) => p.lines.length > 1)
        .map((p) => [p.printed, p.lines]);
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
    expect(shape(result)).toEqual(['plain', 'plain', 'op 1.', ...labels('a', 'f'), 'op 2.', ...labels('a', 'd'), ...ops(3, 9)]);
    expect(result.doc.child(1).textContent).toBe('联合国打击跨国有组织犯罪公约缔约方会议核准缔约方会议第十二届会议临时议程如下。');
    expect(result.doc.child(4).textContent).toBe('缔约方会议第十二届会议开幕；');
    expect(codes(result)).toEqual(['unnumbered-before-numbered']);
  });
});
