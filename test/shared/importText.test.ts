import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importPlainText, IMPORT_WARNING_CODES, type ImportResult } from '../../shared/importText';
import { annex, doc, fn, formula, heading, op, plain, pp, sub, sub2, title, withoutIds } from '../builders';
import { codes, load, runningText, shape, sourceText, times } from './importHelpers';

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
          annex(
            heading('Recommendations of the working group'),
            plain('The working group adopted the following recommendations:'),
            sub('States should review their legislation;'),
            sub('States should share information.'),
          ),
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

  it('reads the labels a negotiation text prints ("PP 1 bis", "OP 2 bis", "3 ter.") and keeps them as printed', () => {
    const result = load(
      [
        'Title',
        'The Assembly,',
        'PP 1 Recalling its resolution,',
        'PP 1 bis Noting the report,',
        'OP 1 Decides to act;',
        'OP 2 bis: Urges States:',
        '(a) To act;',
        '3 ter. Requests a report.',
      ].join('\n'),
    );
    expect(result.report.paragraphs.map((p) => [p.kind, p.printed])).toEqual([
      ['preambular', 'PP 1'],
      ['preambular', 'PP 1 bis'],
      ['operative', 'OP 1'],
      ['operative', 'OP 2 bis'],
      ['subparagraph', '(a)'],
      ['operative', '3 ter.'],
    ]);
    expect(result.doc.child(3).textContent).toBe('Noting the report,');
    expect(result.doc.child(5).textContent).toBe('Urges States:');
    // A label on a line of its own, or words that only start with the letters, are text.
    expect(load(['Title', 'The Assembly,', 'OP 5 bis', 'OPEC members met.', '1. Decides.'].join('\n')).report.paragraphs.map((p) => p.printed)).toEqual([null, null, '1.']);
  });

  it('reports a footnote referenced but not found, and keeps its marker in the text', () => {
    const result = load(['Resolution 1/1', 'Title', 'The Assembly,', 'Recalling its resolution,¹⁰', '1. Decides.'].join('\n'));
    expect(result.report.warnings.map((w) => [w.code, w.message])).toEqual([['footnote-not-found', 'Footnote 10 referenced but not found: its marker is left in the text.']]);
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
    const result = load(
      [
        'Resolution 1/1',
        'Title',
        'The Assembly,',
        '1. Endorses the recommendations in the annex.',
        'Annex',
        'Recommendations',
        'Other matters',
        'The working group also adopted the following:',
        '(a) x.',
      ].join('\n'),
    );
    expect(shape(result)).toEqual(['op 1.', '[annex', 'plain', 'plain', 'sub1 (a)', ']']);
  });

  it('reads a decision with one unnumbered operative paragraph', () => {
    const result = load(
      ['Decision 11/3', '', 'Date of the twelfth session', '', 'The Conference,', '', 'Recalling its rules of procedure,', '', 'Decides to hold its twelfth session in 2024.'].join(
        '\n',
      ),
    );
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
      '第 11/5 号决议',
      'Resolution 1/1',
      '附件',
      'Annex II',
      '1. ',
      '2. ',
      '(a) ',
      '(i) ',
      ' - (b) ',
      '¹ ',
      '¹⁰',
      '²',
      '，',
      '。',
      ',',
      ';',
      ':',
      '\n',
      '\n\n',
      '**',
      'Recalling',
      '回顾',
      '联合国缔约方会议',
      ' ',
      'x',
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
