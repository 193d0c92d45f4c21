/**
 * Texts as delegates paste them from what they were sent: the lines a draft prints over its
 * title, a title on two lines, lines a PDF wrapped, paragraphs bracketed or quoted, Chinese set
 * in full-width characters, "2bis.", and invisible characters before a number. The words are
 * made for these tests in the style of UN drafts; none is a real resolution.
 */
import { describe, expect, it } from 'vitest';
import { blocks, codes, load, shape } from './importHelpers';

const BODY = ['The General Assembly,', 'Recalling its resolution 77/1,', '1. Welcomes the report of the Secretary-General;', '2. Decides to remain seized of the matter.'];

describe('the lines over the title', () => {
  it('takes the line over the formula for the title and leaves out the heading lines, saying so', () => {
    const result = load(
      ['Seventy-ninth session', 'Third Committee', 'Agenda item 71 (b)', 'Argentina, Chile and Mexico: draft resolution', 'Protection of coastal wetlands', ...BODY].join('\n'),
    );
    expect(blocks(result.doc).slice(0, 3)).toEqual(['title: Protection of coastal wetlands', 'formula: The General Assembly,', 'preambular: Recalling its resolution 77/1,']);
    expect(shape(result)).toEqual(['pre', 'op 1.', 'op 2.']);
    expect(codes(result)).toContain('lines-before-title');
    expect(result.report.warnings.find((w) => w.code === 'lines-before-title')!.message).toContain('Lines 1 to 4');
  });

  it('does the same in Chinese, under 决议草案', () => {
    const result = load(['决议草案', '保护沿海湿地', '大会，', '回顾其第77/1号决议，', '1. 欢迎秘书长的报告；', '2. 决定继续处理此案。'].join('\n'));
    expect(blocks(result.doc).slice(0, 2)).toEqual(['title: 保护沿海湿地', 'formula: 大会，']);
    expect(shape(result)).toEqual(['pre', 'op 1.', 'op 2.']);
    expect(result.report.warnings.find((w) => w.code === 'lines-before-title')!.message).toContain('Line 1 stands');
  });

  it('joins a title wrapped onto a second line, with no warning', () => {
    const result = load(['Strengthening cooperation on the protection of coastal wetlands and', 'the sustainable use of their resources', ...BODY].join('\n'));
    expect(blocks(result.doc)[0]).toBe('title: Strengthening cooperation on the protection of coastal wetlands and the sustainable use of their resources');
    expect(blocks(result.doc)[1]).toBe('formula: The General Assembly,');
    expect(codes(result)).not.toContain('lines-before-title');
  });

  it('keeps a one-line title as it was', () => {
    const result = load(['Protection of coastal wetlands', ...BODY].join('\n'));
    expect(blocks(result.doc).slice(0, 2)).toEqual(['title: Protection of coastal wetlands', 'formula: The General Assembly,']);
    expect(codes(result)).not.toContain('lines-before-title');
  });
});

describe('lines a PDF wrapped', () => {
  it('joins a preambular paragraph broken inside a quotation', () => {
    const result = load(
      [
        'Protection of coastal wetlands',
        'The General Assembly,',
        'Recalling its resolution 71/312 of 6 July 2017, entitled “Our ocean, our future: call',
        'for action”,',
        '1. Welcomes the report;',
      ].join('\n'),
    );
    expect(blocks(result.doc)[2]).toBe('preambular: Recalling its resolution 71/312 of 6 July 2017, entitled “Our ocean, our future: call for action”,');
    expect(shape(result)).toEqual(['pre', 'op 1.']);
  });

  it('keeps a wide Chinese title apart from the formula under it: a script without case gives no sign of a wrap', () => {
    const long = '加强预防犯罪和刑事司法对策，以在任何情况下，包括在发生武装冲突和自然灾害的情况下，保护文化财产';
    // Two resolutions one after the other, as a report prints them: the second's title and formula stay two lines.
    const result = load(['保护沿海湿地', '大会，', '1. 欢迎报告；', '2. 决定继续处理此案。', long, '联合国打击跨国有组织犯罪公约缔约方会议，', '回顾其第10/7号决议，'].join('\n'));
    expect(blocks(result.doc).slice(-3)).toEqual([`plain: ${long}`, 'plain: 联合国打击跨国有组织犯罪公约缔约方会议，', 'plain: 回顾其第10/7号决议，']);
  });

  it('still reads a short line without final punctuation as a heading of its own', () => {
    const result = load(['Title', 'The General Assembly,', '1. Welcomes the report;', 'Follow-up', 'to the report', '2. Decides to remain seized of the matter.'].join('\n'));
    expect(shape(result)).toEqual(['op 1.', 'plain', 'plain', 'op 2.']);
  });
});

describe('paragraphs opening with a sign', () => {
  it('reads a bracketed paragraph and subparagraph by their numbers and keeps the brackets in the words', () => {
    const result = load(
      [...BODY.slice(0, 3), '[2. Requests the Secretary-General to report;]', '[(a) On the implementation;]', '3. Decides to remain seized of the matter.'].join('\n'),
    );
    expect(shape(result)).toEqual(['pre', 'op 1.', 'op 2.', 'sub1 (a)', 'op 3.']);
    expect(blocks(result.doc)[4]).toBe('operative: [Requests the Secretary-General to report;]');
  });

  it('reads a draft another body recommends, quoted line by line', () => {
    const result = load(
      [
        'Protection of coastal wetlands',
        '“The General Assembly,',
        '“Recalling its resolution 77/1,',
        '“1. Welcomes the report;',
        '“(a) Of the Secretary-General;',
        '“2. Decides to remain seized of the matter.”',
      ].join('\n'),
    );
    expect(blocks(result.doc)[1]).toBe('formula: “The General Assembly,');
    expect(shape(result)).toEqual(['pre', 'op 1.', 'sub1 (a)', 'op 2.']);
  });
});

describe('characters as some editors set them', () => {
  it('reads full-width numbers and letters in a Chinese text', () => {
    const result = load(
      ['保护沿海湿地', '大会，', '回顾其第７７/１号决议，', '１．欢迎报告；', '２．鼓励会员国：', '（ａ）建立清单；', '（ｂ）加强合作；', '３．决定继续处理此案。'].join('\n'),
    );
    expect(shape(result)).toEqual(['pre', 'op 1.', 'op 2.', 'sub1 (a)', 'sub1 (b)', 'op 3.']);
    expect(blocks(result.doc)[5]).toBe('subparagraph: 建立清单；');
  });

  it('reads "2bis." as "2 bis."', () => {
    const result = load([...BODY.slice(0, 3), '1bis. Invites Member States to contribute;', '2. Decides to remain seized of the matter.'].join('\n'));
    expect(shape(result)).toEqual(['pre', 'op 1.', 'op 1 bis.', 'op 2.']);
  });

  it('reads a number behind a zero-width space or a soft hyphen, and splits lines at Unicode line and paragraph separators', () => {
    const result = load(
      [
        'Protection of coastal wetlands',
        'The General Assembly,',
        'Recalling its resolution 77/1,',
        '\u200b1. Welcomes the report;\u20282. Invites States to act;\u2029\u00ad3. Decides to remain seized of the matter.',
      ].join('\n'),
    );
    expect(shape(result)).toEqual(['pre', 'op 1.', 'op 2.', 'op 3.']);
  });
});

describe('a title with final punctuation', () => {
  it.each([
    ['Follow-up to the World Summit.', 'The General Assembly,'],
    ['Oceans, seas and coasts,', 'The General Assembly,'],
    ['加强合作。', '大会，'],
  ])('is the title when the formula comes right under it: %s', (heading, formula) => {
    const result = load([heading, formula, 'Recalling its resolution 77/1,', '1. Welcomes the report;'].join('\n'));
    expect(blocks(result.doc).slice(0, 2)).toEqual([`title: ${heading}`, `formula: ${formula}`]);
    expect(codes(result)).not.toContain('no-title');
  });
});
