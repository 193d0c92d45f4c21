import { readFileSync } from 'node:fs';
import type { Node as PMNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { importPlainText } from '../../shared/importText';
import { sequentialNumbering } from '../../shared/numbering';
import {
  applyOralAmendments,
  checkOralAmendment,
  describeOralAmendment,
  describeOralAmendments,
  findWords,
  inlineText,
  validateOralAmendment,
  WORDS_NOT_IN_RECORD,
  type OralAmendment,
} from '../../shared/oralAmendments';
import { isParagraph } from '../../shared/schema';
import { doc, em, fn, formula, op, plain, pp, sub, title } from '../builders';

// Builders for amendments: accepted, proposed by Mexico unless said otherwise.
type Change = OralAmendment extends infer A ? (A extends OralAmendment ? Omit<A, 'proposedBy' | 'accepted'> : never) : never;
const amend = (change: Change, more: Partial<Pick<OralAmendment, 'proposedBy' | 'accepted'>> = {}): OralAmendment =>
  ({ proposedBy: 'MEX', accepted: true, ...change, ...more }) as OralAmendment;

const issued = () =>
  doc(
    title('Strengthening international cooperation to combat illicit trafficking in firearms'),
    formula('The Conference of the Parties,'),
    pp({ id: 'pp1' }, em('Recalling'), ' its resolution 10/2', fn('CTOC/COP/2020/10, sect. I.A.'), ','),
    op({ id: 'op1' }, 'Urges all States parties to implement the Protocol;'),
    op({ id: 'op2' }, 'Invites States that have not yet done so to consider ratifying the Protocol, and invites States parties that shall report to do so;'),
    sub({ id: 'a' }, 'to collect data;'),
    sub({ id: 'b' }, 'to share data;'),
    op({ id: 'op3' }, 'Requests the Secretariat to report to the Conference at its twelfth session.'),
  );

const value = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const textOf = (d: PMNode, id: string) => {
  let found = '';
  d.descendants((n) => {
    if (isParagraph(n) && n.attrs.id === id) found = n.textContent;
    return !n.isTextblock;
  });
  return found;
};
const ids = (d: PMNode) => {
  const out: string[] = [];
  d.descendants((n) => {
    if (isParagraph(n)) out.push(n.attrs.id);
    return !n.isTextblock;
  });
  return out;
};

describe('applyOralAmendments, English', () => {
  it('replaces, deletes and inserts words, keeping one space between words', () => {
    const amended = value(
      applyOralAmendments(issued(), [
        amend({ kind: 'replace_words', paragraphId: 'op1', words: 'Urges', text: 'Strongly urges' }),
        amend({ kind: 'delete_words', paragraphId: 'op1', words: 'all' }),
        amend({ kind: 'insert_words', paragraphId: 'op1', position: 'after', words: 'implement', text: 'effectively' }),
        amend({ kind: 'insert_words', paragraphId: 'op3', position: 'before', words: 'at its', text: 'on progress' }),
        amend({ kind: 'delete_words', paragraphId: 'op3', words: 'twelfth session.' }),
        amend({ kind: 'insert_words', paragraphId: 'op3', position: 'end', text: 'next session.' }),
      ]),
    );
    expect(textOf(amended, 'op1')).toBe('Strongly urges States parties to implement effectively the Protocol;');
    expect(textOf(amended, 'op3')).toBe('Requests the Secretariat to report to the Conference on progress at its next session.');
  });

  it('finds whole English words only: "all" is not in "shall"', () => {
    expect(findWords('States that shall report', 'all')).toEqual({ ok: false, error: 'the words "all" are not in it' });
    expect(findWords('report to all', 'all')).toEqual({ ok: true, value: [10, 13] });
  });

  it('refuses words found twice, unless told which occurrence; names the paragraph as the meeting does', () => {
    // "invites" once (case matters), "the Protocol" once: both found.
    const once = value(
      applyOralAmendments(issued(), [
        amend({ kind: 'replace_words', paragraphId: 'op2', words: 'invites', text: 'encourages' }),
        amend({ kind: 'delete_words', paragraphId: 'op2', words: 'the Protocol' }),
      ]),
    );
    expect(textOf(once, 'op2')).toBe('Invites States that have not yet done so to consider ratifying, and encourages States parties that shall report to do so;');
    const states = amend({ kind: 'replace_words', paragraphId: 'op2', words: 'States', text: 'Member States' });
    expect(applyOralAmendments(issued(), [states])).toEqual({
      ok: false,
      error: 'oral amendment 1, proposed by MEX, cannot apply to OP 2 (paragraph op2): the words "States" occur 2 times in it: quote more words, or say which occurrence is meant',
    });
    const second = value(applyOralAmendments(issued(), [{ ...states, occurrence: 2 } as OralAmendment]));
    expect(textOf(second, 'op2')).toBe(
      'Invites States that have not yet done so to consider ratifying the Protocol, and invites Member States parties that shall report to do so;',
    );
    expect(applyOralAmendments(issued(), [{ ...states, occurrence: 3 } as OralAmendment])).toMatchObject({
      ok: false,
      error: expect.stringContaining('occur only 2 times in it, not 3 times'),
    });
  });

  it('keeps italics and footnotes: words inserted after "Recalling" are italic; the footnote stays', () => {
    const amended = value(applyOralAmendments(issued(), [amend({ kind: 'insert_words', paragraphId: 'pp1', position: 'after', words: 'Recalling', text: 'also' })]));
    const pp1 = amended.child(2);
    expect(pp1.firstChild!.text).toBe('Recalling also');
    expect(pp1.firstChild!.marks.map((m) => m.type.name)).toEqual(['em']);
    expect(pp1.child(2).type.name).toBe('footnote');
    expect(inlineText(pp1, 0).text).toBe('Recalling also its resolution 10/2\uFFFC,');
    // Words cannot run across the footnote.
    expect(applyOralAmendments(issued(), [amend({ kind: 'delete_words', paragraphId: 'pp1', words: '10/2,' })]).ok).toBe(false);
  });

  it('replaces, inserts and deletes whole paragraphs; issued ids stay, a new paragraph brings its own', () => {
    const amended = value(
      applyOralAmendments(issued(), [
        amend({ kind: 'insert_paragraph', paragraphId: 'op1', position: 'after', paragraphType: 'operative', text: 'Encourages States to exchange information;', newId: 'new1' }),
        amend({ kind: 'insert_paragraph', paragraphId: 'b', position: 'after', paragraphType: 'subparagraph', level: 1, text: 'to report;', newId: 'new2' }),
        amend({ kind: 'replace_paragraph', paragraphId: 'a', text: 'to collect and analyse data;' }),
        amend({ kind: 'delete_paragraph', paragraphId: 'op3' }),
      ]),
    );
    expect(ids(amended)).toEqual(['pp1', 'op1', 'new1', 'op2', 'a', 'b', 'new2']);
    expect(textOf(amended, 'a')).toBe('to collect and analyse data;');
    const numbers = sequentialNumbering(amended).byId;
    expect([numbers.get('new1')!.ref, numbers.get('op2')!.ref, numbers.get('new2')!.ref]).toEqual(['OP 2', 'OP 3', 'OP 3 (c)']);
  });

  it('moves a paragraph with its subparagraphs, before or after another (after its subparagraphs); ids, marks and footnotes stay', () => {
    const moved = value(applyOralAmendments(issued(), [amend({ kind: 'move_paragraph', paragraphId: 'op2', position: 'after', targetId: 'op3' })]));
    expect(ids(moved)).toEqual(['pp1', 'op1', 'op3', 'op2', 'a', 'b']);
    const up = value(applyOralAmendments(issued(), [amend({ kind: 'move_paragraph', paragraphId: 'op3', position: 'before', targetId: 'op1' })]));
    expect(ids(up)).toEqual(['pp1', 'op3', 'op1', 'op2', 'a', 'b']);
    const afterBlock = value(applyOralAmendments(issued(), [amend({ kind: 'move_paragraph', paragraphId: 'op1', position: 'after', targetId: 'op2' })]));
    expect(ids(afterBlock)).toEqual(['pp1', 'op2', 'a', 'b', 'op1', 'op3']);
    const sub1 = value(applyOralAmendments(issued(), [amend({ kind: 'move_paragraph', paragraphId: 'b', position: 'before', targetId: 'a' })]));
    expect(ids(sub1)).toEqual(['pp1', 'op1', 'op2', 'b', 'a', 'op3']);
    const pp = value(applyOralAmendments(issued(), [amend({ kind: 'move_paragraph', paragraphId: 'pp1', position: 'after', targetId: 'op3' })]));
    expect(ids(pp)).toEqual(['op1', 'op2', 'a', 'b', 'op3', 'pp1']);
    expect(pp.lastChild!.toJSON()).toEqual(issued().child(2).toJSON());
    expect(sequentialNumbering(moved).byId.get('op2')!.ref).toBe('OP 3');
  });

  it('refuses a move that cannot be made, saying why', () => {
    const refused = (...a: OralAmendment[]) => {
      const r = applyOralAmendments(issued(), a);
      return r.ok ? null : r.error;
    };
    expect(refused(amend({ kind: 'move_paragraph', paragraphId: 'op1', position: 'after', targetId: 'op1' }))).toBe(
      'oral amendment 1, proposed by MEX, cannot apply to OP 1 (paragraph op1): a paragraph cannot be moved before or after itself',
    );
    expect(refused(amend({ kind: 'move_paragraph', paragraphId: 'op2', position: 'after', targetId: 'a' }))).toBe(
      'oral amendment 1, proposed by MEX, cannot apply to OP 2 (paragraph op2): it cannot be moved after one of its own subparagraphs',
    );
    expect(refused(amend({ kind: 'move_paragraph', paragraphId: 'op1', position: 'after', targetId: 'op9' }))).toBe(
      'oral amendment 1, proposed by MEX, cannot apply to OP 1 (paragraph op1): the paragraph it is to go after (op9): there is no such paragraph in the text',
    );
    expect(refused(amend({ kind: 'delete_paragraph', paragraphId: 'op3' }), amend({ kind: 'move_paragraph', paragraphId: 'op1', position: 'before', targetId: 'op3' }))).toBe(
      'oral amendment 2, proposed by MEX, cannot apply to OP 1 (paragraph op1): oral amendment 1 deleted that paragraph',
    );
  });

  it('refuses what cannot apply, saying why', () => {
    const refused = (...a: OralAmendment[]) => {
      const r = applyOralAmendments(issued(), a);
      return r.ok ? null : r.error;
    };
    expect(refused(amend({ kind: 'delete_paragraph', paragraphId: 'op9' }))).toBe(
      'oral amendment 1, proposed by MEX, cannot apply to paragraph op9: there is no such paragraph in the text',
    );
    expect(refused(amend({ kind: 'delete_paragraph', paragraphId: 'op3' }), amend({ kind: 'delete_words', paragraphId: 'op3', words: 'twelfth' }, { proposedBy: null }))).toBe(
      'oral amendment 2 cannot apply to OP 3 (paragraph op3): oral amendment 1 deleted that paragraph',
    );
    expect(refused(amend({ kind: 'insert_paragraph', paragraphId: 'op3', position: 'before', paragraphType: 'plain', text: 'x', newId: 'op1' }))).toBe(
      "oral amendment 1, proposed by MEX, cannot apply to OP 3 (paragraph op3): the new paragraph's id op1 is already used in the text",
    );
    const twin = doc(title('T'), op({ id: 'x' }, 'one'), op({ id: 'x' }, 'two'));
    expect(applyOralAmendments(twin, [amend({ kind: 'delete_paragraph', paragraphId: 'x' })])).toMatchObject({
      ok: false,
      error: expect.stringContaining('the text has 2 paragraphs with the id x'),
    });
  });

  it('skips amendments not accepted, and leaves the issued text untouched', () => {
    const text = issued();
    const before = JSON.stringify(text.toJSON());
    const amended = value(
      applyOralAmendments(text, [
        amend({ kind: 'delete_paragraph', paragraphId: 'op1' }, { accepted: false }),
        amend({ kind: 'replace_words', paragraphId: 'op1', words: 'Urges', text: 'Calls upon' }),
      ]),
    );
    expect(textOf(amended, 'op1')).toBe('Calls upon all States parties to implement the Protocol;');
    expect(JSON.stringify(text.toJSON())).toBe(before);
    expect(applyOralAmendments(text, [])).toEqual({ ok: true, value: text });
  });
});

describe('applyOralAmendments, Chinese', () => {
  const zh = () =>
    doc(
      title('加强国际合作'),
      formula('缔约方会议，'),
      op({ id: 'o1' }, '请缔约国采取一切必要措施，执行议定书；'),
      op({ id: 'o2' }, '请秘书处向缔约方会议第十二届会议报告本决议执行情况。'),
    );

  it('matches words anywhere in unspaced text and inserts no spaces', () => {
    const amended = value(
      applyOralAmendments(zh(), [
        amend({ kind: 'insert_words', paragraphId: 'o1', position: 'after', words: '缔约国', text: '酌情' }),
        amend({ kind: 'replace_words', paragraphId: 'o1', words: '一切必要', text: '适当' }),
        amend({ kind: 'delete_words', paragraphId: 'o2', words: '本决议' }),
        amend({ kind: 'insert_words', paragraphId: 'o2', position: 'before', words: '报告', text: '书面' }),
      ]),
    );
    expect(textOf(amended, 'o1')).toBe('请缔约国酌情采取适当措施，执行议定书；');
    expect(textOf(amended, 'o2')).toBe('请秘书处向缔约方会议第十二届会议书面报告执行情况。');
  });

  it('refuses ambiguous Chinese words', () => {
    const r = applyOralAmendments(zh(), [amend({ kind: 'delete_words', paragraphId: 'o2', words: '会议' })]);
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('the words "会议" occur 2 times in it') });
  });

  it('amends a text imported from the report (resolution 11/6, as adopted from L.10/Rev.2)', () => {
    const printed = readFileSync(new URL('../../server/demo/fixtures/cop11-zh/resolution-11-6.txt', import.meta.url), 'utf8');
    let n = 0;
    const text = value(importPlainText(printed, { newId: () => `i${++n}` })).doc;
    const first = sequentialNumbering(text).paragraphs.find((p) => p.ref === 'OP 1')!;
    const opening = textOf(text, first.id).slice(0, 2);
    const amended = value(applyOralAmendments(text, [amend({ kind: 'insert_words', paragraphId: first.id, position: 'start', text: '再次' })]));
    expect(textOf(amended, first.id)).toBe(`再次${textOf(text, first.id)}`);
    expect(textOf(amended, first.id).slice(2, 4)).toBe(opening);
    expect(ids(amended)).toEqual(ids(text));
  });
});

describe('validateOralAmendment', () => {
  const json = { kind: 'replace_words', paragraphId: 'op1', proposedBy: 'MEX', accepted: true, words: 'Urges', text: 'Strongly urges' };

  it('accepts each kind, normalises words to NFC and draws a new paragraph id once', () => {
    expect(validateOralAmendment(json)).toEqual({ ok: true, value: json });
    expect(validateOralAmendment({ ...json, words: 'Cote\u0301' })).toMatchObject({ ok: true, value: { words: 'Coté' } });
    expect(validateOralAmendment({ kind: 'insert_words', paragraphId: 'p', proposedBy: null, accepted: false, position: 'end', text: 'x' }).ok).toBe(true);
    expect(validateOralAmendment({ kind: 'delete_paragraph', paragraphId: 'p', proposedBy: 'CHL', accepted: true }).ok).toBe(true);
    const move = { kind: 'move_paragraph', paragraphId: 'p', proposedBy: 'CHL', accepted: false, position: 'before', targetId: 'q' };
    expect(validateOralAmendment(move)).toEqual({ ok: true, value: move });
    const inserted = validateOralAmendment(
      { kind: 'insert_paragraph', paragraphId: 'p', proposedBy: 'CHL', accepted: true, position: 'after', paragraphType: 'subparagraph', level: 2, text: 'x' },
      { newId: () => 'fresh' },
    );
    expect(inserted).toMatchObject({ ok: true, value: { newId: 'fresh', level: 2 } });
    expect(
      validateOralAmendment({ kind: 'insert_paragraph', paragraphId: 'p', proposedBy: 'CHL', accepted: true, position: 'after', paragraphType: 'plain', text: 'x' }),
    ).toMatchObject({ ok: true, value: { newId: expect.stringMatching(/^[0-9a-z]{12}$/) } });
  });

  it.each([
    [null, 'an oral amendment must be an object'],
    [
      { ...json, kind: 'swap_paragraphs' },
      '"kind" must be one of replace_words, insert_words, delete_words, replace_paragraph, insert_paragraph, delete_paragraph, move_paragraph, words_not_in_record, not "swap_paragraphs"',
    ],
    [
      { kind: 'move_paragraph', paragraphId: 'p', proposedBy: null, accepted: false, position: 'below', targetId: 'q' },
      'move_paragraph: "position" must be "before" or "after", not "below"',
    ],
    [{ kind: 'move_paragraph', paragraphId: 'p', proposedBy: null, accepted: false, position: 'after' }, 'move_paragraph: "targetId" must be a paragraph id, not missing'],
    [{ kind: 'move_paragraph', paragraphId: 'p', proposedBy: null, accepted: false, position: 'after', targetId: 'q', text: 'x' }, 'move_paragraph: unknown field "text"'],
    [{ ...json, colour: 'red' }, 'replace_words: unknown field "colour"'],
    [{ ...json, words: '  ' }, 'replace_words: "words" must be non-empty text (no footnote mark), not "  "'],
    [{ ...json, words: undefined }, 'replace_words: "words" must be non-empty text, not missing'],
    [{ ...json, accepted: 'yes' }, 'replace_words: "accepted" must be true or false, not "yes"'],
    [{ ...json, paragraphId: 'a b' }, 'replace_words: "paragraphId" must be a paragraph id, not "a b"'],
    [{ ...json, occurrence: 0 }, 'replace_words: "occurrence" must be 1, 2, 3 …, not 0'],
    [{ ...json, kind: 'insert_words', words: undefined, position: 'after' }, 'insert_words: "words" must say where to insert after'],
    [{ ...json, kind: 'insert_words', position: 'start' }, 'insert_words: "words" goes only with "before" or "after"'],
    [
      { kind: 'insert_paragraph', paragraphId: 'p', proposedBy: 'CHL', accepted: true, position: 'after', paragraphType: 'operative', level: 1, text: 'x' },
      'insert_paragraph: "level" goes only with a subparagraph',
    ],
    [
      { kind: 'insert_paragraph', paragraphId: 'p', proposedBy: 'CHL', accepted: true, position: 'after', paragraphType: 'subparagraph', level: 3, text: 'x' },
      'insert_paragraph: "level" must be a subparagraph level (1 or 2), not 3',
    ],
  ])('refuses %j', (input, error) => {
    expect(validateOralAmendment(input)).toEqual({ ok: false, error });
  });

  it('names the field a refusal is about, as a form puts the message beside it', () => {
    const fieldOf = (input: unknown) => {
      const checked = checkOralAmendment(input);
      return checked.ok ? 'valid' : checked.error.field;
    };
    expect(fieldOf(null)).toBeNull();
    expect(fieldOf({ ...json, kind: 'shout' })).toBe('kind');
    expect(fieldOf({ ...json, words: undefined })).toBe('words');
    expect(fieldOf({ ...json, text: '' })).toBe('text');
    expect(fieldOf({ ...json, paragraphId: 'a b' })).toBe('paragraphId');
    expect(fieldOf({ ...json, proposedBy: 7 })).toBe('proposedBy');
    expect(fieldOf({ ...json, colour: 'red' })).toBe('colour');
    expect(fieldOf({ ...json, kind: 'insert_words', words: undefined, position: 'after' })).toBe('words');
    expect(fieldOf(json)).toBe('valid');
    const refused = checkOralAmendment({ ...json, accepted: 'yes' });
    expect(refused).toEqual({ ok: false, error: { field: 'accepted', message: 'replace_words: "accepted" must be true or false, not "yes"' } });
  });

  it('what it accepts applies', () => {
    const checked = value(validateOralAmendment({ ...json, paragraphId: 'op1' }));
    expect(textOf(value(applyOralAmendments(issued(), [checked])), 'op1')).toBe('Strongly urges all States parties to implement the Protocol;');
  });
});

// A plain (unnumbered) paragraph is amended like any other; it has no reference, so messages name its id.
it('amends a plain paragraph', () => {
  const d = doc(title('T'), plain({ id: 'pl' }, 'Joint investigative bodies'));
  expect(textOf(value(applyOralAmendments(d, [amend({ kind: 'insert_words', paragraphId: 'pl', position: 'start', text: 'On' })])), 'pl')).toBe('On Joint investigative bodies');
});

describe('an oral amendment whose words are not in the record', () => {
  const made = { kind: 'words_not_in_record', paragraphId: '', proposedBy: null, accepted: true };

  it('is recorded as made (paragraphId "" or left out, an optional note) and nothing else', () => {
    expect(validateOralAmendment(made)).toEqual({ ok: true, value: made });
    expect(validateOralAmendment({ kind: 'words_not_in_record', proposedBy: 'MEX', accepted: false })).toEqual({
      ok: true,
      value: { kind: 'words_not_in_record', paragraphId: '', proposedBy: 'MEX', accepted: false },
    });
    expect(validateOralAmendment({ ...made, note: 'read out at the 11th meeting' })).toMatchObject({ ok: true, value: { note: 'read out at the 11th meeting' } });
    expect(validateOralAmendment({ ...made, paragraphId: 'op1' })).toEqual({ ok: false, error: 'words_not_in_record: "paragraphId" must be "", not "op1"' });
    expect(validateOralAmendment({ ...made, words: 'twelfth' })).toEqual({ ok: false, error: 'words_not_in_record: unknown field "words"' });
  });

  it('changes nothing in the text, before or after amendments that do', () => {
    const text = issued();
    const checked = value(validateOralAmendment(made)) as OralAmendment;
    expect(value(applyOralAmendments(text, [checked])).eq(text)).toBe(true);
    const both = value(applyOralAmendments(text, [checked, amend({ kind: 'delete_words', paragraphId: 'op1', words: 'all' }), checked]));
    expect(textOf(both, 'op1')).toBe('Urges States parties to implement the Protocol;');
    expect(ids(both)).toEqual(ids(text));
  });
});

describe('what an oral amendment said, as the record shows it', () => {
  it('names the paragraph as printed and quotes the words', () => {
    const say = (change: Change, ref: string | null = 'OP 3') => describeOralAmendment(amend(change), ref);
    expect(say({ kind: 'replace_words', paragraphId: 'op3', words: 'twelfth', text: 'thirteenth' })).toBe('OP 3: replace "twelfth" with "thirteenth"');
    expect(say({ kind: 'replace_words', paragraphId: 'op3', words: 'to', text: 'towards', occurrence: 2 })).toBe('OP 3: replace "to" (the second time they occur) with "towards"');
    expect(say({ kind: 'delete_words', paragraphId: 'op3', words: 'the Secretariat' })).toBe('OP 3: delete "the Secretariat"');
    expect(say({ kind: 'insert_words', paragraphId: 'op3', position: 'end', text: 'and beyond' })).toBe('OP 3: insert "and beyond" at the end');
    expect(say({ kind: 'insert_words', paragraphId: 'op3', position: 'after', words: 'report', text: 'in writing' })).toBe('OP 3: insert "in writing" after "report"');
    expect(say({ kind: 'replace_paragraph', paragraphId: 'op3', text: 'Decides.' })).toBe('OP 3: replace the paragraph with "Decides."');
    expect(say({ kind: 'delete_paragraph', paragraphId: 'op3' }, 'OP 4 (c)')).toBe('OP 4 (c): delete the paragraph');
    expect(say({ kind: 'insert_paragraph', paragraphId: 'op3', position: 'after', paragraphType: 'operative', text: 'Urges.', newId: 'n1' })).toBe(
      'insert a new operative paragraph after OP 3: "Urges."',
    );
    expect(say({ kind: 'delete_paragraph', paragraphId: 'x9' }, null)).toBe('paragraph x9: delete the paragraph');
    expect(describeOralAmendment(amend({ kind: 'move_paragraph', paragraphId: 'op3', position: 'before', targetId: 'op1' }), 'OP 3', 'OP 1')).toBe(
      'OP 3: move the paragraph before OP 1',
    );
    expect(say({ kind: 'move_paragraph', paragraphId: 'op3', position: 'after', targetId: 'x1' })).toBe('OP 3: move the paragraph after paragraph x1');
    expect(say({ kind: 'words_not_in_record', paragraphId: '' }, null)).toBe(WORDS_NOT_IN_RECORD);
    expect(WORDS_NOT_IN_RECORD).toBe('oral amendment made; its words are not in the record');
  });

  it('reads the printed numbers from the issued text, and names a paragraph an earlier amendment inserted', () => {
    const said = describeOralAmendments(issued(), [
      amend({ kind: 'replace_words', paragraphId: 'op3', words: 'twelfth', text: 'thirteenth' }),
      amend({ kind: 'delete_paragraph', paragraphId: 'b' }),
      amend({ kind: 'insert_paragraph', paragraphId: 'op1', position: 'after', paragraphType: 'operative', text: 'Welcomes.', newId: 'new1' }),
      amend({ kind: 'insert_words', paragraphId: 'new1', position: 'start', text: 'Warmly' }),
      amend({ kind: 'delete_words', paragraphId: 'pp1', words: 'its' }),
      amend({ kind: 'move_paragraph', paragraphId: 'op1', position: 'after', targetId: 'new1' }),
    ]);
    expect(said).toEqual([
      'OP 3: replace "twelfth" with "thirteenth"',
      'OP 2 (b): delete the paragraph',
      'insert a new operative paragraph after OP 1: "Welcomes."',
      'the paragraph inserted by oral amendment 3: insert "Warmly" at the start',
      'PP 1: delete "its"',
      'OP 1: move the paragraph after the paragraph inserted by oral amendment 3',
    ]);
  });
});
