/** What may happen to a draft now, and the next text it may issue: both read off the transition table. */
import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  applyEvent,
  checkTransition,
  DRAFT_STATES,
  EVENT_TYPES,
  FINAL_STATES,
  holdsFreeze,
  nextText,
  TRANSITIONS,
  type DraftEventType,
} from '../../shared/lifecycle';
import { ev, statusIn } from './lifecycleHelpers';

const L9 = { prefix: 'CTOC/COP/2022', lNumber: 9 };

describe('allowedEvents', () => {
  it('is the row of the table for every state, in the order of EVENT_TYPES', () => {
    for (const state of DRAFT_STATES) {
      const row = TRANSITIONS[state];
      expect(allowedEvents(statusIn(state)), state).toEqual(EVENT_TYPES.filter((t) => row[t] !== undefined));
    }
  });

  it('says what the console must offer: withdrawal before any issue, no second introduction', () => {
    expect(allowedEvents(statusIn('drafted'))).toEqual(['issued', 'withdrawn']);
    expect(allowedEvents(statusIn('introduced'))).not.toContain('introduced');
    expect(allowedEvents(statusIn('revised'))).toContain('introduced');
  });

  it('allows nothing on a frozen draft', () => {
    for (const state of FINAL_STATES) expect(allowedEvents(statusIn(state, true))).toEqual([]);
  });

  it('agrees with applyEvent on every state, frozen or not, and checkTransition gives its reason', () => {
    for (const state of DRAFT_STATES) {
      for (const frozen of FINAL_STATES.includes(state as never) ? [false, true] : [false]) {
        const status = statusIn(state, frozen);
        for (const type of EVENT_TYPES) {
          const event = type === 'issued' ? ev.issued(status.revision === null ? 0 : status.revision + 1) : ev[type as Exclude<DraftEventType, 'issued'>]();
          const applied = applyEvent(status, event);
          const allowed = allowedEvents(status).includes(type);
          expect(applied.ok, `${state}${frozen ? ' (frozen)' : ''} + ${type}`).toBe(allowed);
          const checked = checkTransition(status, type);
          expect(checked).toEqual(allowed ? { ok: true, value: true } : applied);
        }
      }
    }
  });
});

describe('nextText', () => {
  it('is the original before any issue, then the revision after the latest', () => {
    expect(nextText(statusIn('drafted'), L9)).toEqual({ symbol: 'CTOC/COP/2022/L.9', revision: 0 });
    expect(nextText(statusIn('issued'), L9)).toEqual({ symbol: 'CTOC/COP/2022/L.9/Rev.1', revision: 1 });
    expect(nextText(statusIn('revised'), L9)).toEqual({ symbol: 'CTOC/COP/2022/L.9/Rev.2', revision: 2 });
    expect(nextText(statusIn('introduced'), L9)).toEqual({ symbol: 'CTOC/COP/2022/L.9/Rev.2', revision: 2 });
  });

  it('is none after final action, frozen or not', () => {
    for (const state of FINAL_STATES) {
      expect(nextText(statusIn(state), L9), state).toBeNull();
      expect(nextText(statusIn(state, true), L9), state).toBeNull();
    }
  });

  it('is the one text applyEvent takes as the next issue', () => {
    for (const state of ['drafted', 'issued', 'revised', 'introduced'] as const) {
      const status = statusIn(state);
      const next = nextText(status, L9)!;
      expect(applyEvent(status, { type: 'issued', ...next }).ok, state).toBe(true);
      expect(applyEvent(status, { type: 'issued', symbol: `${L9.prefix}/L.9/Rev.${next.revision + 1}`, revision: next.revision + 1 }).ok, state).toBe(false);
    }
  });
});

describe('holdsFreeze', () => {
  it('finds a freeze anywhere in a stored record', () => {
    expect(holdsFreeze([])).toBe(false);
    expect(holdsFreeze([{ type: 'issued' }, { type: 'paragraph_state' }, { type: 'adopted' }])).toBe(false);
    expect(holdsFreeze([{ type: 'issued' }, { type: 'adopted' }, { type: 'frozen' }, { type: 'numbered' }])).toBe(true);
  });
});
