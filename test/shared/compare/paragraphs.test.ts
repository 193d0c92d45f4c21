/**
 * What happened to a paragraph as a chair reads it: merged with its neighbour, split in two,
 * relettered, reworded. Each case is compared with stable ids and as two pasted texts
 * (`bothWays`), which must read the same.
 */
import { describe, expect, it } from 'vitest';
import { compareTexts } from '../../../shared/compare';
import { doc, formula, op, sub, title } from '../../builders';
import { bothWays, changes, checkInvariants, fixture, imported, row } from './helpers';

const SHORT = 'Urges all States that have not yet done so to ratify the Protocol;';
const LONG =
  'Invites States parties to share good practices in victim identification, including through the exchange of information among the competent authorities and training programmes for frontline officers;';
const LAST = 'Requests the Secretariat to report to the Conference at its twelfth session.';

const text = (...ops: [string, string][]) => doc(title('Countering trafficking in persons'), formula('The Conference of the Parties,'), ...ops.map(([id, t]) => op({ id }, t)));

// "A;" and "Invites …" joined as a delegation would: "A, and invites …".
const join = (a: string, b: string) => `${a.replace(/;$/, ', and ')}${b[0]!.toLowerCase()}${b.slice(1)}`;

describe('two paragraphs merged into one', () => {
  it.each([
    ['the second longer', SHORT, LONG],
    ['the first longer', LONG, SHORT],
  ])('is the first changed and the second deleted (%s)', (_, first, second) => {
    const left = text(['op1', first], ['op2', second], ['op3', LAST]);
    // The editor keeps the first paragraph's id when it joins the second into it.
    const right = text(['op1', join(first, second)], ['op3', LAST]);
    const c = bothWays(left, right);
    expect(row(c, 'OP 1').status).toBe('changed');
    // The second's words show as inserted into the first.
    const inserted = row(c, 'OP 1')
      .segments!.filter((s) => s.op === 'insert')
      .map((s) => s.text)
      .join('');
    expect(inserted).toContain(second.slice(1, -1));
    expect(row(c, 'OP 2 (deleted)').left!.text).toBe(second);
    expect(c.counts).toMatchObject({ changed: 1, deleted: 1, inserted: 0 });
    expect(c.summary.en).toBe('OP 1 changed; OP 2 deleted; former OP 3 renumbered 2');
  });

  it('is read so in two pasted Chinese texts (resolution 11/5, OP 12 and the longer OP 13 merged)', () => {
    const printed = fixture('resolution-11-5.txt');
    const blocks = printed.split('\n\n');
    const at = (re: RegExp) => blocks.findIndex((b) => re.test(b));
    const first = at(/^12\. /);
    const second = at(/^13\. /);
    blocks[first] = `${blocks[first]!.replace(/；$/, '，并')}${blocks[second]!.replace(/^13\. /, '')}`;
    blocks.splice(second, 1);
    let n = 0;
    const merged = blocks.map((b) => b.replace(/^\d+\. /, () => `${++n}. `)).join('\n\n');
    const a = imported(printed, 'a');
    const b = imported(merged, 'b');
    const c = compareTexts(a, b);
    checkInvariants(a, b, c);
    expect(row(c, 'OP 12').status).toBe('changed');
    expect(row(c, 'OP 13 (deleted)').status).toBe('deleted');
    expect(c.counts).toMatchObject({ changed: 1, deleted: 1, inserted: 0, moved: 0 });
    expect(c.summary.en).toBe('OP 12 changed; OP 13 deleted; former OP 14–21 renumbered 13–20');
  });
});

describe('a paragraph split in two', () => {
  it.each([
    ['the second part longer', SHORT, LONG],
    ['the first part longer', LONG, SHORT],
  ])('is the paragraph changed and its second part inserted (%s)', (_, first, second) => {
    const left = text(['op1', join(first, second)], ['op3', LAST]);
    // The editor's Enter keeps the id on the first part.
    const right = text(['op1', first], ['op2', second], ['op3', LAST]);
    const c = bothWays(left, right);
    expect(row(c, 'OP 1').status).toBe('changed');
    expect(row(c, 'OP 2 (new)').right!.text).toBe(second);
    expect(c.counts).toMatchObject({ changed: 1, inserted: 1, deleted: 0 });
    expect(c.summary.en).toBe('OP 1 changed; OP 2 inserted; former OP 2 renumbered 3');
  });
});

describe('subparagraphs relettered', () => {
  it('reads a deleted (a) and the letters that follow it moving up, the letters only', () => {
    const subs = ['To use gender-sensitive approaches;', 'To strengthen cooperation with civil society;', 'To include data collected rigorously;'];
    const left = doc(
      title('T'),
      formula('The Conference,'),
      op({ id: 'o1' }, 'Calls upon States parties:'),
      ...subs.map((t, i) => sub({ id: `s${i}` }, t)),
      op({ id: 'o2' }, LAST),
    );
    const right = doc(
      title('T'),
      formula('The Conference,'),
      op({ id: 'o1' }, 'Calls upon States parties:'),
      ...subs.slice(1).map((t, i) => sub({ id: `s${i + 1}` }, t)),
      op({ id: 'o2' }, LAST),
    );
    const c = bothWays(left, right);
    expect(row(c, 'OP 1 (a) (deleted)').left!.text).toBe(subs[0]);
    expect(row(c, 'OP 1 (b) → OP 1 (a)').status).toBe('renumbered-only');
    expect(row(c, 'OP 1 (c) → OP 1 (b)').status).toBe('renumbered-only');
    expect(c.counts).toMatchObject({ deleted: 1, changed: 0, inserted: 0, 'renumbered-only': 2 });
    expect(c.summary.en).toBe('OP 1 (a) deleted; former OP 1 (b)–(c) renumbered (a)–(b)');
  });
});

describe('a reworded paragraph', () => {
  const REWORDED = 'Invites States parties to exchange good practices in the identification of victims, including through training programmes for frontline officers;';

  it('is one changed row with its words diffed', () => {
    const left = text(['op1', SHORT], ['op2', LONG], ['op3', LAST]);
    const right = text(['op1', SHORT], ['op2', REWORDED], ['op3', LAST]);
    const c = bothWays(left, right);
    expect(changes(c).map((r) => [r.label, r.status])).toEqual([['OP 2', 'changed']]);
  });

  it('stays itself next to a deleted paragraph, not a merge of the two', () => {
    const left = text(['op1', SHORT], ['op2', LONG], ['op3', LAST]);
    const right = text(['op2', REWORDED], ['op3', LAST]);
    const c = bothWays(left, right);
    expect(row(c, 'OP 1 (deleted)').left!.text).toBe(SHORT);
    expect(row(c, 'OP 2 → OP 1').status).toBe('changed');
    expect(c.summary.en).toBe('OP 1 deleted; OP 2 (now OP 1) changed; former OP 3 renumbered 2');
  });
});
