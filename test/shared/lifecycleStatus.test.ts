import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEvent, deriveStatus, DRAFT_STATES, INITIAL_STATUS, STATE_LABELS, statusLabel, validateEvent, type AdoptedEvent, type DraftEvent } from '../../shared/lifecycle';
import { parseSymbol } from '../../shared/symbols';
import { LANGUAGES } from '../../shared/languages';
import { derived, ev, PATHS, statusIn } from './lifecycleHelpers';

describe('issuing texts', () => {
  it('keeps the symbol and revision of the latest text, and the introduction across a revision', () => {
    const status = derived([ev.issued(0), ev.introduced('CHL'), ev.issued(1)]);
    expect(status).toMatchObject({
      state: 'revised',
      symbol: 'CTOC/COP/2022/L.9/Rev.1',
      revision: 1,
      introduction: { meeting: 9, date: '2022-10-20', by: 'CHL' },
    });
    expect(derived([...PATHS.revised, ev.introduced()]).state).toBe('introduced');
  });

  it.each<[string, DraftEvent[], DraftEvent, string]>([
    ['skipped revision', [ev.issued(0)], ev.issued(2), 'the next revision of CTOC/COP/2022/L.9 is revision 1, not revision 2'],
    ['repeated revision', [ev.issued(0), ev.issued(1)], ev.issued(1), 'revision 1 of this draft has already been issued; the next is revision 2'],
    ['original issued twice', [ev.issued(0)], ev.issued(0), 'revision 0 of this draft has already been issued; the next is revision 1'],
    ['first text a revision', [], ev.issued(1), 'the first text of a draft is its original, CTOC/COP/2022/L.9; issue it before revision 1'],
    ['another draft', [ev.issued(0)], ev.issued(1, 10), '"CTOC/COP/2022/L.10/Rev.1" is not a text of this draft (CTOC/COP/2022/L.9)'],
    ['symbol and revision disagree', [ev.issued(0)], { type: 'issued', symbol: 'CTOC/COP/2022/L.9/Rev.2', revision: 1 }, '"CTOC/COP/2022/L.9/Rev.2" is revision 2, not revision 1'],
    [
      'an addendum',
      [ev.issued(0)],
      { type: 'issued', symbol: 'CTOC/COP/2022/L.9/Add.1', revision: 0 },
      '"CTOC/COP/2022/L.9/Add.1" is an addendum or corrigendum, not a text of the draft',
    ],
    ['a malformed symbol', [], { type: 'issued', symbol: 'CTOC/COP/2022/L.9/Rev.x', revision: 1 }, '"Rev.x": revision number must be a positive integer'],
  ])('refuses a %s', (_name, before, event, message) => {
    expect(applyEvent(derived(before), event)).toEqual({ ok: false, error: message });
  });
});

describe('votes recorded with an action', () => {
  const recorded = (yes: number, no: number, majority: 'simple' | 'two-thirds' = 'simple') => ({ kind: 'recorded', yes, no, abstain: 3, majority }) as const;

  it('accepts an adoption by a vote that carries and a rejection by one that fails', () => {
    expect(derived([ev.issued(0), ev.adopted({ vote: recorded(58, 7) })]).state).toBe('adopted');
    expect(derived([ev.issued(0), ev.rejected({ vote: recorded(7, 58) })]).state).toBe('rejected');
    expect(derived([ev.issued(0), ev.rejected({ vote: { kind: 'without_vote' } })]).state).toBe('rejected');
  });

  it('refuses a record that contradicts its own vote', () => {
    expect(applyEvent(statusIn('issued'), ev.adopted({ vote: recorded(20, 20) }))).toEqual({
      ok: false,
      error: 'cannot record adoption: the vote (20 in favour, 20 against) does not reach a simple majority',
    });
    expect(applyEvent(statusIn('issued'), ev.rejected({ vote: recorded(63, 15, 'two-thirds') }))).toEqual({
      ok: false,
      error: 'cannot record rejection: the vote (63 in favour, 15 against) reaches a two-thirds majority',
    });
  });

  it('accepts either outcome of exactly two thirds, since bodies round it two ways', () => {
    expect(applyEvent(statusIn('issued'), ev.adopted({ vote: recorded(52, 26, 'two-thirds') })).ok).toBe(true);
    expect(applyEvent(statusIn('issued'), ev.rejected({ vote: recorded(52, 26, 'two-thirds') })).ok).toBe(true);
  });

  it('refuses a vote that cannot be counted', () => {
    expect(applyEvent(statusIn('issued'), ev.adopted({ vote: { ...recorded(5, 1), no: -1 } }))).toEqual({
      ok: false,
      error: 'the vote cannot be counted: "no" must be a whole number of votes (0 or more), not -1',
    });
  });
});

describe('deriveStatus', () => {
  it('starts from a draft being drafted', () => {
    expect(derived([])).toEqual(INITIAL_STATUS);
    expect(INITIAL_STATUS).toMatchObject({ state: 'drafted', symbol: null, revision: null, isFinal: false, frozen: false });
  });

  it('throws on an event type it does not know (a programmer error: validate events first)', () => {
    expect(() => applyEvent(INITIAL_STATUS, { type: 'unfrozen' } as unknown as DraftEvent)).toThrow(RangeError);
  });

  it('names the first event that cannot apply', () => {
    expect(deriveStatus([ev.issued(0), ev.withdrawn(), ev.adopted()])).toEqual({
      ok: false,
      error: 'event 3 of 3 (adopted): cannot adopt a draft that has been withdrawn',
    });
  });

  it('L.9/Rev.1: issued, revised, deferred by its sponsors, no action, annexed to the report', () => {
    const status = derived([ev.issued(0), ev.issued(1), ev.deferred(), ev.frozen('sha256:l9rev1')]);
    expect(status).toEqual({
      state: 'deferred',
      symbol: 'CTOC/COP/2022/L.9/Rev.1',
      revision: 1,
      introduction: null,
      isFinal: true,
      frozen: true,
      frozenHash: 'sha256:l9rev1',
      finalAction: {
        type: 'deferred',
        meeting: 11,
        date: '2022-10-21',
        decidedBy: 'sponsors',
        toSession: null,
        noAction: true,
        annexedToReport: true,
      },
    });
    expect(statusLabel(status, 'en')).toBe('consideration deferred');
    expect(statusLabel(status, 'zh')).toBe('推迟审议');
  });

  it('L.10/Rev.2: adopted as orally amended at the 10th meeting, becoming resolution 11/6', () => {
    const becomes = { kind: 'resolution', number: '11/6' } as const;
    const adopted = ev.adopted({ meeting: 10, orallyAmended: true, becomes });
    const status = derived([ev.issued(0, 10), ev.issued(1, 10), ev.issued(2, 10), ev.introduced('MEX'), adopted]);
    expect(status).toMatchObject({ state: 'adopted', symbol: 'CTOC/COP/2022/L.10/Rev.2', revision: 2, isFinal: true, frozen: false });
    expect(status.finalAction).toEqual(adopted);
    expect(statusLabel(status, 'en')).toBe('adopted as orally amended');
    expect(statusLabel(status, 'zh')).toBe('经口头修正后通过');
  });

  it('L.4: adopted without a vote, becoming resolution 11/1', () => {
    const status = derived([ev.issued(0, 4), ev.adopted({ becomes: { kind: 'resolution', number: '11/1' } })]);
    expect(status).toMatchObject({ state: 'adopted', symbol: 'CTOC/COP/2022/L.4', revision: 0 });
    expect(status.finalAction).toMatchObject({ vote: { kind: 'without_vote' }, orallyAmended: false, becomes: { number: '11/1' } });
    expect(statusLabel(status, 'en')).toBe('adopted without a vote');
    expect(statusLabel(status, 'zh')).toBe('未经表决通过');
  });

  it('every draft of the COP 11 fixture derives to the action the report records', () => {
    const session = JSON.parse(readFileSync(new URL('../../server/demo/fixtures/cop11-session.json', import.meta.url), 'utf8'));
    for (const draft of session.drafts) {
      const symbol = parseSymbol(draft.symbol);
      if (!symbol.ok) throw new Error(symbol.error);
      const { lNumber, revision } = symbol.value;
      const lineage = Array.from({ length: revision + 1 }, (_, n) => ev.issued(n, lNumber));
      const { type, meeting, date, becomes, orallyAmended, decidedBy, noAction, annexedToReport } = draft.action;
      const [kind, number] = (typeof becomes === 'string' ? becomes.split(' ') : []) as ['resolution' | 'decision', string];
      const action =
        type === 'adopted'
          ? ev.adopted({ meeting, date, orallyAmended: orallyAmended === true, becomes: { kind, number } })
          : ev.deferred({ meeting, date, decidedBy, noAction, annexedToReport });
      const checked = validateEvent(JSON.parse(JSON.stringify(action)));
      expect(checked, draft.symbol).toEqual({ ok: true, value: action });
      const status = derived([...lineage, action, ev.frozen()]);
      expect(status, draft.symbol).toMatchObject({ state: type, symbol: draft.symbol, isFinal: true, frozen: true });
    }
  });
});

describe('labels', () => {
  it('every state has a label in each of the six languages', () => {
    for (const state of DRAFT_STATES) for (const lang of LANGUAGES) expect(STATE_LABELS[state][lang], `${state} ${lang}`).toMatch(/\S/);
    expect(STATE_LABELS.deferred).toEqual({
      ar: 'أُرجئ النظر فيه',
      zh: '推迟审议',
      en: 'consideration deferred',
      fr: 'examen reporté',
      ru: 'рассмотрение отложено',
      es: 'examen aplazado',
    });
  });

  it('says how a draft was adopted', () => {
    const by = (over: Partial<AdoptedEvent>) => derived([ev.issued(0), ev.adopted(over)]);
    const vote = { kind: 'recorded', yes: 58, no: 7, abstain: 34, majority: 'simple' } as const;
    expect(statusLabel(by({ vote }), 'en')).toBe('adopted by a recorded vote');
    expect(statusLabel(by({ vote }), 'zh')).toBe('经记录表决通过');
    expect(statusLabel(by({ vote, orallyAmended: true }), 'en')).toBe('adopted as orally amended, by a recorded vote');
    expect(statusLabel(statusIn('no_action'), 'en')).toBe('no action taken');
    expect(statusLabel(statusIn('drafted'), 'zh')).toBe('起草中');
    expect(statusLabel(by({ vote }), 'fr')).toBe("adopté à l'issue d'un vote enregistré");
    expect(statusLabel(by({ orallyAmended: true }), 'es')).toBe('aprobado en su forma oralmente enmendada');
    expect(statusLabel(by({}), 'ru')).toBe('принят без голосования');
    expect(statusLabel(by({}), 'ar')).toBe('اعتُمد دون تصويت');
  });
});
