import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, validateEvent, type DraftEvent } from '../../shared/lifecycle';
import { DAY, ev } from './lifecycleHelpers';

describe('validateEvent', () => {
  const valid: DraftEvent[] = [
    ev.issued(0),
    ev.issued(2),
    ev.introduced(),
    ev.introduced('CHL'),
    ev.adopted(),
    ev.adopted({ vote: { kind: 'recorded', yes: 63, no: 15, abstain: 25, majority: 'two-thirds' }, orallyAmended: true, becomes: { kind: 'decision', number: '11/2' } }),
    ev.rejected(),
    ev.withdrawn(),
    { type: 'withdrawn', date: DAY, meeting: 4, by: 'CHL' },
    ev.no_action(),
    { type: 'no_action', meeting: 11, date: DAY, reason: 'motion under rule 54 carried' },
    ev.deferred(),
    ev.deferred({ decidedBy: 'body', toSession: 12, noAction: false, annexedToReport: false }),
    ev.frozen(),
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
