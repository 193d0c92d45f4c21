import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyEvent, deriveStatus, DRAFT_STATES, EVENT_TYPES, FINAL_STATES, INITIAL_STATUS, isFinalState,
  STATE_LABELS, statusLabel, TRANSITIONS, validateEvent,
  type AdoptedEvent, type DeferredEvent, type DraftEvent, type DraftEventType, type DraftState,
  type DraftStatus, type RejectedEvent,
} from '../../shared/lifecycle';
import { draftSymbol, parseSymbol } from '../../shared/symbols';

const PREFIX = 'CTOC/COP/2022';
const DAY = '2022-10-21';

/** Event builders: valid events with the COP 11 defaults, any field overridable. */
const ev = {
  issued: (revision = 0, lNumber = 9) => ({ type: 'issued', symbol: draftSymbol(PREFIX, lNumber, revision), revision }) as const,
  introduced: (by?: string): DraftEvent => ({ type: 'introduced', meeting: 9, date: '2022-10-20', ...(by ? { by } : {}) }),
  adopted: (over: Partial<AdoptedEvent> = {}): AdoptedEvent => ({
    type: 'adopted', meeting: 11, date: DAY, vote: { kind: 'without_vote' }, orallyAmended: false, ...over,
  }),
  rejected: (over: Partial<RejectedEvent> = {}): RejectedEvent => ({
    type: 'rejected', meeting: 11, date: DAY, vote: { kind: 'recorded', yes: 10, no: 40, abstain: 5, majority: 'simple' }, ...over,
  }),
  withdrawn: (): DraftEvent => ({ type: 'withdrawn', date: DAY }),
  no_action: (): DraftEvent => ({ type: 'no_action', meeting: 11, date: DAY }),
  deferred: (over: Partial<DeferredEvent> = {}): DeferredEvent => ({
    type: 'deferred', meeting: 11, date: DAY, decidedBy: 'sponsors', toSession: null, noAction: true, annexedToReport: true, ...over,
  }),
  frozen: (hash = 'sha256:final'): DraftEvent => ({ type: 'frozen', hash }),
};

/** A valid event of each type for a draft in `status` (the next revision for `issued`). */
function sample(type: DraftEventType, status: DraftStatus): DraftEvent {
  return type === 'issued' ? ev.issued(status.revision === null ? 0 : status.revision + 1) : ev[type]();
}

/** The events that bring a draft to each state. */
const PATHS: Record<DraftState, DraftEvent[]> = {
  drafted: [],
  issued: [ev.issued(0)],
  revised: [ev.issued(0), ev.issued(1)],
  introduced: [ev.issued(0), ev.issued(1), ev.introduced()],
  adopted: [ev.issued(0), ev.adopted()],
  rejected: [ev.issued(0), ev.introduced(), ev.rejected()],
  withdrawn: [ev.issued(0), ev.withdrawn()],
  no_action: [ev.issued(0), ev.no_action()],
  deferred: [ev.issued(0), ev.issued(1), ev.deferred()],
};

/** Derive and expect success. */
function derived(events: readonly DraftEvent[]): DraftStatus {
  const r = deriveStatus(events);
  if (!r.ok) throw new Error(`expected the record to apply: ${r.error}`);
  return r.value;
}

/** A status in `state`, deeply frozen so that a mutation by applyEvent would throw. */
function statusIn(state: DraftState, frozen = false): DraftStatus {
  const status = derived(frozen ? [...PATHS[state], ev.frozen()] : PATHS[state]);
  return deepFreeze(status);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** What the lifecycle is meant to allow, written as the rules say it rather than as the table. */
function intended(state: DraftState, type: DraftEventType): DraftState | 'refused' {
  const final = ['adopted', 'rejected', 'withdrawn', 'no_action', 'deferred'].includes(state);
  if (type === 'frozen') return final ? state : 'refused'; // a freeze locks a final text only
  if (final) return 'refused'; // nothing else after final action
  if (type === 'withdrawn') return 'withdrawn'; // sponsors may withdraw at any time before action
  if (state === 'drafted') return type === 'issued' ? 'issued' : 'refused'; // nothing happens to an unissued text
  if (type === 'issued') return 'revised'; // a new revision, before or after introduction
  if (type === 'introduced') return state === 'introduced' ? 'refused' : 'introduced';
  return type; // adopted, rejected, no_action, deferred: from issued, revised or introduced
}

describe('the transition table', () => {
  for (const state of DRAFT_STATES) {
    for (const type of EVENT_TYPES) {
      const want = intended(state, type);
      it(`${state} + ${type} → ${want}`, () => {
        const status = statusIn(state);
        const r = applyEvent(status, sample(type, status));
        if (want === 'refused') {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.error).toMatch(/^cannot [a-z ]+ a draft /);
        } else {
          expect(r).toMatchObject({ ok: true, value: { state: want, frozen: type === 'frozen' } });
          expect(TRANSITIONS[state][type]).toBe(want);
        }
      });
    }
  }

  it('has a row for every state and an entry only for allowed events', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...DRAFT_STATES].sort());
    for (const state of DRAFT_STATES) {
      for (const type of EVENT_TYPES) {
        const want = intended(state, type);
        expect(TRANSITIONS[state][type], `${state} + ${type}`).toBe(want === 'refused' ? undefined : want);
      }
    }
  });

  it('marks exactly the final states as final', () => {
    for (const state of DRAFT_STATES) {
      expect(isFinalState(state)).toBe((FINAL_STATES as readonly string[]).includes(state));
      expect(statusIn(state).isFinal).toBe(isFinalState(state));
    }
  });

  it('refuses every event on a frozen draft, freezing included: a freeze is final', () => {
    for (const state of FINAL_STATES) {
      const status = statusIn(state, true);
      expect(status).toMatchObject({ state, frozen: true, frozenHash: 'sha256:final', isFinal: true });
      for (const type of EVENT_TYPES) {
        expect(applyEvent(status, sample(type, status))).toEqual({
          ok: false,
          error: type === 'frozen' ? 'the draft is already frozen' : 'the draft is frozen: its record is final',
        });
      }
    }
  });

  it.each<[DraftState, DraftEventType, string]>([
    ['drafted', 'adopted', 'cannot adopt a draft that has not been issued'],
    ['drafted', 'introduced', 'cannot introduce a draft that has not been issued'],
    ['drafted', 'deferred', 'cannot defer consideration of a draft that has not been issued'],
    ['introduced', 'introduced', 'cannot introduce a draft that has already been introduced'],
    ['adopted', 'adopted', 'cannot adopt a draft that has already been adopted'],
    ['withdrawn', 'adopted', 'cannot adopt a draft that has been withdrawn'],
    ['rejected', 'issued', 'cannot issue a text of a draft that has been rejected'],
    ['no_action', 'withdrawn', 'cannot withdraw a draft on which no action was taken'],
    ['deferred', 'no_action', 'cannot record no action on a draft whose consideration was deferred'],
    ['issued', 'frozen', 'cannot freeze a draft before final action is taken on it'],
    ['drafted', 'frozen', 'cannot freeze a draft before final action is taken on it'],
  ])('refuses %s + %s with a sentence a user can read', (state, type, message) => {
    const status = statusIn(state);
    expect(applyEvent(status, sample(type, status))).toEqual({ ok: false, error: message });
  });
});

describe('issuing texts', () => {
  it('keeps the symbol and revision of the latest text, and the introduction across a revision', () => {
    const status = derived([ev.issued(0), ev.introduced('CHL'), ev.issued(1)]);
    expect(status).toMatchObject({
      state: 'revised', symbol: 'CTOC/COP/2022/L.9/Rev.1', revision: 1,
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
    ['an addendum', [ev.issued(0)], { type: 'issued', symbol: 'CTOC/COP/2022/L.9/Add.1', revision: 0 }, '"CTOC/COP/2022/L.9/Add.1" is an addendum or corrigendum, not a text of the draft'],
    ['a malformed symbol', [], { type: 'issued', symbol: 'CTOC/COP/2022/L.9/Rev.x', revision: 1 }, '"Rev.x": revision number must be a positive integer'],
  ])('refuses a %s', (_name, before, event, message) => {
    expect(applyEvent(derived(before), event)).toEqual({ ok: false, error: message });
  });
});

describe('votes recorded with an action', () => {
  const recorded = (yes: number, no: number, majority: 'simple' | 'two-thirds' = 'simple') =>
    ({ kind: 'recorded', yes, no, abstain: 3, majority }) as const;

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
      state: 'deferred', symbol: 'CTOC/COP/2022/L.9/Rev.1', revision: 1, introduction: null, isFinal: true,
      frozen: true, frozenHash: 'sha256:l9rev1',
      finalAction: {
        type: 'deferred', meeting: 11, date: '2022-10-21', decidedBy: 'sponsors', toSession: null, noAction: true, annexedToReport: true,
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

describe('validateEvent', () => {
  const valid: DraftEvent[] = [
    ev.issued(0), ev.issued(2), ev.introduced(), ev.introduced('CHL'), ev.adopted(),
    ev.adopted({ vote: { kind: 'recorded', yes: 63, no: 15, abstain: 25, majority: 'two-thirds' }, orallyAmended: true, becomes: { kind: 'decision', number: '11/2' } }),
    ev.rejected(), ev.withdrawn(), { type: 'withdrawn', date: DAY, meeting: 4, by: 'CHL' }, ev.no_action(),
    { type: 'no_action', meeting: 11, date: DAY, reason: 'motion under rule 54 carried' }, ev.deferred(),
    ev.deferred({ decidedBy: 'body', toSession: 12, noAction: false, annexedToReport: false }), ev.frozen(),
  ];

  it('accepts every event as sent over HTTP, giving back an equal fresh object', () => {
    for (const event of valid) {
      const json = JSON.parse(JSON.stringify(event));
      const r = validateEvent(json);
      expect(r).toEqual({ ok: true, value: event });
      if (r.ok) expect(r.value).not.toBe(json);
    }
  });

  it('covers every event type', () => {
    expect(new Set(valid.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
  });

  it.each<[unknown, string]>([
    [null, '"type" must be one of issued, introduced, adopted, rejected, withdrawn, no_action, deferred, frozen, not missing'],
    [{ type: 'unfrozen' }, '"type" must be one of issued, introduced, adopted, rejected, withdrawn, no_action, deferred, frozen, not "unfrozen"'],
    [{ ...ev.issued(0), extra: 1 }, 'issued: unknown field "extra"'],
    [JSON.parse('{"type":"frozen","hash":"x","__proto__":{"admin":true}}'), 'frozen: unknown field "__proto__"'],
    [{ type: 'frozen', hash: 'x', toString: 'y' }, 'frozen: unknown field "toString"'],
    [{ type: 'issued', revision: 0 }, 'issued: "symbol" must be a document symbol, not missing'],
    [{ type: 'issued', symbol: 'CTOC/COP/2022/L.9/rev.1', revision: 1 }, 'issued: "symbol" is malformed: "rev.1": write "Rev.1" (suffixes are written Rev., Add. and Corr.)'],
    [{ ...ev.issued(0), revision: -1 }, 'issued: "revision" must be a revision number (0 for the original), not -1'],
    [{ ...ev.introduced(), meeting: Number.NaN }, 'introduced: "meeting" must be a meeting number (1, 2, 3 …), not NaN'],
    [{ ...ev.introduced(), meeting: 0 }, 'introduced: "meeting" must be a meeting number (1, 2, 3 …), not 0'],
    [{ ...ev.introduced(), by: '' }, 'introduced: "by" must be non-empty text without surrounding spaces, not ""'],
    [{ ...ev.adopted(), date: '21/10/2022' }, 'adopted: "date" must be a date written YYYY-MM-DD, not "21/10/2022"'],
    [{ ...ev.adopted(), date: '2022-02-30' }, 'adopted: "date" must be a date written YYYY-MM-DD, not "2022-02-30"'],
    [{ ...ev.adopted(), orallyAmended: 'yes' }, 'adopted: "orallyAmended" must be true or false, not "yes"'],
    [{ ...ev.adopted(), vote: { kind: 'recorded', yes: 1, no: 2.5, abstain: 0, majority: 'simple' } }, 'adopted: "vote" "no" must be a whole number of votes (0 or more), not 2.5'],
    [{ ...ev.adopted(), becomes: { kind: 'treaty', number: '1' } }, 'adopted: "becomes" "kind" must be "resolution" or "decision", not "treaty"'],
    [{ ...ev.adopted(), becomes: { kind: 'resolution' } }, 'adopted: "becomes" "number" must be non-empty text without surrounding spaces, not missing'],
    [{ ...ev.rejected(), vote: undefined }, 'rejected: "vote" a vote must be an object with a "kind"'],
    [{ type: 'withdrawn' }, 'withdrawn: "date" must be a date written YYYY-MM-DD, not missing'],
    [{ ...ev.deferred(), decidedBy: 'chair' }, 'deferred: "decidedBy" must be "sponsors" or "body", not "chair"'],
    [{ ...ev.deferred(), toSession: 0 }, 'deferred: "toSession" must be a session number or null, not 0'],
    [{ ...ev.deferred(), annexedToReport: undefined }, 'deferred: "annexedToReport" must be true or false, not missing'],
    [{ type: 'frozen', hash: '' }, 'frozen: "hash" must be non-empty text without surrounding spaces, not ""'],
  ])('refuses %j naming the bad field', (json, message) => {
    expect(validateEvent(json)).toEqual({ ok: false, error: message });
  });
});

describe('labels', () => {
  it('every state has an English and a Chinese label', () => {
    for (const state of DRAFT_STATES) {
      expect(STATE_LABELS[state].en).toMatch(/\S/);
      expect(STATE_LABELS[state].zh).toMatch(/\S/);
    }
    expect(STATE_LABELS.deferred).toEqual({ en: 'consideration deferred', zh: '推迟审议' });
  });

  it('says how a draft was adopted', () => {
    const by = (over: Partial<AdoptedEvent>) => derived([ev.issued(0), ev.adopted(over)]);
    const vote = { kind: 'recorded', yes: 58, no: 7, abstain: 34, majority: 'simple' } as const;
    expect(statusLabel(by({ vote }), 'en')).toBe('adopted by a recorded vote');
    expect(statusLabel(by({ vote }), 'zh')).toBe('经记录表决通过');
    expect(statusLabel(by({ vote, orallyAmended: true }), 'en')).toBe('adopted as orally amended, by a recorded vote');
    expect(statusLabel(statusIn('no_action'), 'en')).toBe('no action taken');
    expect(statusLabel(statusIn('drafted'), 'zh')).toBe('起草中');
  });
});
