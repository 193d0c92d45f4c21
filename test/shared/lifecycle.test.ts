import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  DRAFT_STATES,
  EVENT_TYPES,
  FINAL_STATES,
  isFinalState,
  TRANSITIONS,
  type DraftEvent,
  type DraftEventType,
  type DraftState,
  type DraftStatus,
} from '../../shared/lifecycle';
import { ev, statusIn } from './lifecycleHelpers';

/** A valid event of each type for a draft in `status` (the next revision for `issued`). */
function sample(type: DraftEventType, status: DraftStatus): DraftEvent {
  return type === 'issued' ? ev.issued(status.revision === null ? 0 : status.revision + 1) : ev[type]();
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
