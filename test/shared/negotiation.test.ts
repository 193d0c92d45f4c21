import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/languages';
import {
  bracketsInText,
  CHANGED_SINCE_AGREED_LABEL,
  LOCKED_LABEL,
  PARAGRAPH_STATE_LABELS,
  checkParagraphStateChange,
  clearNegotiationMarks,
  findBrackets,
  formatAgreedCount,
  lockedParagraphs,
  lockedRefusal,
  negotiationCounts,
  paragraphStandings,
  paragraphStatesAsOf,
  paragraphTextHash,
  paragraphsById,
  type ParagraphStateEvent,
} from '../../shared/negotiation';
import { annex, doc, fn, formula, heading, op, plain, pp, sub, title } from '../builders';

const text = () =>
  doc(
    title('Countering trafficking in [cultural property]'),
    formula('The Conference of the Parties,'),
    pp({ id: 'pp1' }, 'Recalling its resolution 10/7,'),
    op({ id: 'op1' }, 'Urges States parties [to take all necessary measures] to protect cultural property;'),
    op({ id: 'op2' }, 'Invites States to [consider] ratifying the Convention', fn('See [resolution 11/5].'), ';'),
    sub({ id: 'a' }, 'to collect data;'),
    op({ id: 'op3' }, 'Requests the Secretariat to report.'),
    annex({ id: 'x' }, heading('Recommendations'), plain({ id: 'pl' }, 'Other matters')),
  );

let seq = 0;
const event = (paragraphId: string, state: ParagraphStateEvent['state'], at = '2022-10-18T10:00:00Z'): ParagraphStateEvent => ({ seq: ++seq, paragraphId, state, at, by: 'chair' });

describe('paragraph states', () => {
  const events = [
    event('op1', 'agreed', '2022-10-18T10:00:00Z'),
    event('op2', 'agreed_ad_ref', '2022-10-18T11:00:00Z'),
    event('pp1', 'agreed', '2022-10-19T09:00:00Z'),
    event('op1', 'open', '2022-10-19T12:00:00Z'),
    event('gone', 'agreed', '2022-10-19T12:30:00Z'),
  ] as const;

  it('folds the record; a paragraph without a record, or reopened, is open', () => {
    expect([...paragraphStatesAsOf(events)]).toEqual([
      ['op2', 'agreed_ad_ref'],
      ['pp1', 'agreed'],
      ['gone', 'agreed'],
    ]);
    expect([...paragraphStatesAsOf(events, { at: '2022-10-18T23:59:59Z' })]).toEqual([
      ['op1', 'agreed'],
      ['op2', 'agreed_ad_ref'],
    ]);
    expect([...paragraphStatesAsOf(events, { seq: events[0].seq })]).toEqual([['op1', 'agreed']]);
    // Recording order decides, whatever order the events come in.
    expect(paragraphStatesAsOf([...events].reverse())).toEqual(paragraphStatesAsOf(events));
  });

  it('counts the paragraphs of the text, ignoring states of paragraphs no longer in it', () => {
    const counts = negotiationCounts(text(), paragraphStatesAsOf(events));
    expect(counts).toEqual({ total: 6, open: 4, agreedAdReferendum: 1, agreed: 1 });
    expect(formatAgreedCount(counts, 'en')).toBe('1 of 6 agreed, 1 ad referendum');
    expect(formatAgreedCount(counts, 'zh')).toBe('6 段中已商定 1 段，1 段暂时商定');
    expect(formatAgreedCount({ total: 29, open: 17, agreedAdReferendum: 0, agreed: 12 }, 'en')).toBe('12 of 29 agreed');
    expect(formatAgreedCount({ total: 29, open: 17, agreedAdReferendum: 0, agreed: 12 }, 'zh')).toBe('29 段中已商定 12 段');
  });

  it('says the count and the states in each of the six languages', () => {
    const counts = { total: 29, open: 14, agreedAdReferendum: 3, agreed: 12 };
    expect(formatAgreedCount(counts, 'fr')).toBe('12 sur 29 convenus, 3 ad referendum');
    expect(formatAgreedCount(counts, 'es')).toBe('12 de 29 acordados, 3 ad referendum');
    expect(formatAgreedCount(counts, 'ru')).toBe('согласовано 12 из 29, 3 ad referendum');
    expect(formatAgreedCount(counts, 'ar')).toBe('اتُّفق على 12 من 29، و3 رهنا بالاستشارة');
    expect(formatAgreedCount({ ...counts, agreedAdReferendum: 0 }, 'ar')).toBe('اتُّفق على 12 من 29');
    for (const labels of [...Object.values(PARAGRAPH_STATE_LABELS), CHANGED_SINCE_AGREED_LABEL, LOCKED_LABEL]) {
      for (const lang of LANGUAGES) expect(labels[lang], lang).toMatch(/\S/);
    }
  });

  it('checks a change: a paragraph of the text, a real state, not the one it has', () => {
    const states = paragraphStatesAsOf(events);
    expect(checkParagraphStateChange(text(), states, { paragraphId: 'op1', state: 'agreed' })).toEqual({ ok: true, value: { paragraphId: 'op1', state: 'agreed', locked: false } });
    expect(checkParagraphStateChange(text(), states, { paragraphId: 'op2', state: 'agreed_ad_ref' })).toEqual({ ok: false, error: 'OP 2 is already agreed ad referendum' });
    expect(checkParagraphStateChange(text(), states, { paragraphId: 'a', state: 'open' })).toEqual({ ok: false, error: 'OP 2 (a) is already open' });
    expect(checkParagraphStateChange(text(), states, { paragraphId: 'gone', state: 'open' })).toEqual({ ok: false, error: 'there is no paragraph "gone" in the text' });
    expect(checkParagraphStateChange(text(), states, { paragraphId: 'op1', state: 'done' })).toEqual({
      ok: false,
      error: '"state" must be one of open, agreed_ad_ref, agreed, not "done"',
    });
  });
});

describe('changed since agreed', () => {
  const hashIn = (d: ReturnType<typeof text>, id: string) => paragraphTextHash(paragraphsById(d).get(id)!);
  const marked = (paragraphId: string, state: ParagraphStateEvent['state'], d = text(), locked = false): ParagraphStateEvent => ({
    ...event(paragraphId, state),
    textHash: state === 'open' ? null : hashIn(d, paragraphId),
    locked,
  });
  const edited = () =>
    doc(
      title('Countering trafficking in [cultural property]'),
      formula('The Conference of the Parties,'),
      pp({ id: 'pp1' }, 'Recalling its resolution 10/7,'),
      op({ id: 'op1' }, 'Urges States parties to take measures to protect cultural property;'),
      op({ id: 'op2' }, 'Invites States to [consider] ratifying the Convention', fn('See [resolution 11/5] and 12/3.'), ';'),
      sub({ id: 'a' }, 'to collect data;'),
      op({ id: 'op3' }, 'Requests the Secretariat to report.'),
    );

  it('derives it from the text: a paragraph whose words differ from those marked, or that is gone, has changed; the rest has not', () => {
    const events = [
      marked('op1', 'agreed'),
      marked('op2', 'agreed_ad_ref'),
      marked('op3', 'agreed', text(), true),
      marked('pl', 'agreed'),
      marked('pp1', 'agreed'),
      marked('pp1', 'open'),
    ];
    const now = paragraphStandings(events, text());
    expect([...now].map(([id, s]) => [id, s.state, s.locked, s.changedSinceAgreed])).toEqual([
      ['op1', 'agreed', false, false],
      ['op2', 'agreed_ad_ref', false, false],
      ['op3', 'agreed', true, false],
      ['pl', 'agreed', false, false],
    ]);
    const later = paragraphStandings(events, edited());
    expect([...later].map(([id, s]) => [id, s.changedSinceAgreed])).toEqual([
      ['op1', true],
      // A footnote's words are the paragraph's words.
      ['op2', true],
      ['op3', false],
      // Deleted with its annex.
      ['pl', true],
    ]);
    expect(later.get('op1')!.since).toEqual({ seq: events[0]!.seq, at: events[0]!.at, by: 'chair' });
  });

  it('follows the words, not the marks around them, and turns back when the text agreed is restored', () => {
    const events = [marked('op3', 'agreed')];
    const same = doc(title('T'), op({ id: 'op3' }, 'Requests the ', 'Secretariat', ' to report.'));
    expect(paragraphStandings(events, same).get('op3')!.changedSinceAgreed).toBe(false);
    const changed = doc(title('T'), op({ id: 'op3' }, 'Requests the Secretariat to report annually.'));
    expect(paragraphStandings(events, changed).get('op3')!.changedSinceAgreed).toBe(true);
    // Marked again on the new text: agreed as it now stands.
    const again = [...events, marked('op3', 'agreed', changed)];
    expect(paragraphStandings(again, changed).get('op3')!.changedSinceAgreed).toBe(false);
  });

  it('knows nothing of entries recorded before the text was kept, and says so by not claiming a change', () => {
    const old = [event('op1', 'agreed')];
    expect(paragraphStandings(old, edited()).get('op1')).toMatchObject({ textHash: null, changedSinceAgreed: false });
  });

  it('hashes words: equal for equal text, different for any change', () => {
    const a = paragraphsById(text()).get('op1')!;
    expect(paragraphTextHash(a)).toMatch(/^[0-9a-f]{14}$/);
    expect(paragraphTextHash(a)).toBe(hashIn(text(), 'op1'));
    expect(paragraphTextHash(a)).not.toBe(hashIn(edited(), 'op1'));
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(paragraphTextHash(op({ id: 'x' }, `Paragraph ${i}`)));
    expect(seen.size).toBe(2000);
  });

  it('locks only agreed paragraphs; marking again is allowed to lock, unlock, or agree a changed text', () => {
    const events = [marked('op1', 'agreed'), marked('op2', 'agreed_ad_ref', text(), true)];
    const states = paragraphStatesAsOf(events);
    const standings = paragraphStandings(events, text());
    expect(lockedParagraphs(events)).toEqual(new Map([['op2', 'agreed_ad_ref']]));
    expect(lockedParagraphs([...events, marked('op2', 'open')])).toEqual(new Map());
    expect(checkParagraphStateChange(text(), states, { paragraphId: 'op1', state: 'agreed', locked: true }, standings)).toEqual({
      ok: true,
      value: { paragraphId: 'op1', state: 'agreed', locked: true },
    });
    expect(checkParagraphStateChange(text(), states, { paragraphId: 'op1', state: 'agreed' }, standings)).toEqual({ ok: false, error: 'OP 1 is already agreed' });
    expect(checkParagraphStateChange(text(), states, { paragraphId: 'op2', state: 'agreed_ad_ref', locked: true }, standings)).toEqual({
      ok: false,
      error: 'OP 2 is already agreed ad referendum and locked',
    });
    expect(checkParagraphStateChange(text(), states, { paragraphId: 'op2', state: 'agreed_ad_ref', locked: false }, standings).ok).toBe(true);
    expect(checkParagraphStateChange(text(), states, { paragraphId: 'op3', state: 'open', locked: true }, standings)).toEqual({
      ok: false,
      error: 'OP 3 cannot be locked while it is open: only an agreed paragraph is locked',
    });
    expect(checkParagraphStateChange(text(), states, { paragraphId: 'op3', state: 'agreed', locked: 'yes' }, standings).ok).toBe(false);
    // Changed since agreed: the chair may agree it again as it now stands.
    const changed = paragraphStandings(events, edited());
    expect(checkParagraphStateChange(edited(), states, { paragraphId: 'op1', state: 'agreed' }, changed).ok).toBe(true);
  });

  it('says why a locked paragraph cannot change', () => {
    expect(lockedRefusal('OP 3')).toBe('OP 3 is agreed and locked by the chair: table a proposal to reopen it');
    expect(lockedRefusal('PP 2', 'agreed_ad_ref')).toBe('PP 2 is agreed ad referendum and locked by the chair: table a proposal to reopen it');
  });
});

describe('findBrackets', () => {
  it('finds bracketed passages and alternatives separated by " / " or "／"', () => {
    expect(findBrackets('States [shall / should] report [annually]')).toEqual({
      ok: true,
      value: [
        { start: 7, end: 23, inner: 'shall / should', alternatives: ['shall', 'should'] },
        { start: 31, end: 41, inner: 'annually', alternatives: ['annually'] },
      ],
    });
    expect(findBrackets('缔约国[应／应当]报告')).toMatchObject({ ok: true, value: [{ alternatives: ['应', '应当'] }] });
    expect(findBrackets('缔约国［应当］报告')).toMatchObject({ ok: true, value: [{ start: 3, end: 7, alternatives: ['应当'] }] });
  });

  it('does not split on a bare slash: symbols and resolution numbers use it', () => {
    expect(findBrackets('[resolution 11/5 and CTOC/COP/2022/L.4]')).toMatchObject({ ok: true, value: [{ alternatives: ['resolution 11/5 and CTOC/COP/2022/L.4'] }] });
  });

  it('takes "[A] [B]" side by side as two passages', () => {
    expect(findBrackets('[urges] [encourages] States')).toMatchObject({ ok: true, value: [{ alternatives: ['urges'] }, { alternatives: ['encourages'] }] });
  });

  it('refuses nested, unopened and unclosed brackets, saying where', () => {
    expect(findBrackets('States [shall [and must] report')).toEqual({
      ok: false,
      error: 'a bracket opens inside another, at character 15 ("States [shall [and must] report"): brackets cannot be nested; use alternatives "[A / B]" instead',
    });
    expect(findBrackets('States shall] report')).toEqual({ ok: false, error: 'a bracket closes that was not opened, at character 13 ("States shall] report")' });
    expect(findBrackets('Recalling its resolutions 10/7 and 10/2, [noting that the Conference')).toEqual({
      ok: false,
      error: 'a bracket opens and is never closed, at character 42 ("…ions 10/7 and 10/2, [noting that the Con…")',
    });
    expect(findBrackets('no brackets')).toEqual({ ok: true, value: [] });
  });
});

describe('brackets in a text', () => {
  it('lists them by where they stand, footnotes and title included', () => {
    expect(bracketsInText(text())).toMatchObject({
      ok: true,
      value: [
        { where: 'the title', passages: [{ inner: 'cultural property' }] },
        { where: 'OP 1', passages: [{ inner: 'to take all necessary measures' }] },
        { where: 'OP 2', passages: [{ inner: 'consider' }] },
        { where: 'footnote 1', passages: [{ inner: 'resolution 11/5' }] },
      ],
    });
  });

  it('clears them for the issued text, keeping the words and the paragraph ids', () => {
    const cleared = clearNegotiationMarks(text());
    expect(cleared.ok).toBe(true);
    if (!cleared.ok) return;
    const expected = doc(
      title('Countering trafficking in cultural property'),
      formula('The Conference of the Parties,'),
      pp({ id: 'pp1' }, 'Recalling its resolution 10/7,'),
      op({ id: 'op1' }, 'Urges States parties to take all necessary measures to protect cultural property;'),
      op({ id: 'op2' }, 'Invites States to consider ratifying the Convention', fn({ id: 'f1' }, 'See resolution 11/5.'), ';'),
      sub({ id: 'a' }, 'to collect data;'),
      op({ id: 'op3' }, 'Requests the Secretariat to report.'),
      annex({ id: 'x' }, heading('Recommendations'), plain({ id: 'pl' }, 'Other matters')),
    );
    expect(cleared.value.toJSON()).toEqual(expected.toJSON());
    expect(bracketsInText(cleared.value)).toEqual({ ok: true, value: [] });
    const plainText = doc(title('T'), op('No brackets.'));
    expect(clearNegotiationMarks(plainText)).toEqual({ ok: true, value: plainText });
  });

  it('refuses while alternatives remain, or a bracket is malformed', () => {
    const alternatives = doc(title('T'), op('States [shall / should] report;'), op({ id: 'z' }, 'and [publish'));
    expect(clearNegotiationMarks(alternatives)).toEqual({
      ok: false,
      error: 'OP 1 still offers alternatives, [shall / should]: the negotiators must choose one before the text is issued',
    });
    const unclosed = doc(title('T'), op('States report;'), op('and [publish'));
    expect(clearNegotiationMarks(unclosed)).toEqual({ ok: false, error: 'OP 2: a bracket opens and is never closed, at character 5 ("and [publish")' });
  });
});
