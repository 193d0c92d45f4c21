/** What the lifecycle's tests share: event builders with the COP 11 defaults, and drafts brought to each state. */
import { deriveStatus, type AdoptedEvent, type DeferredEvent, type DraftEvent, type DraftState, type DraftStatus, type RejectedEvent } from '../../shared/lifecycle';
import { draftSymbol } from '../../shared/symbols';

const PREFIX = 'CTOC/COP/2022';
/** The day of the COP 11 final actions. */
export const DAY = '2022-10-21';

/** Event builders: valid events with the COP 11 defaults, any field overridable. */
export const ev = {
  issued: (revision = 0, lNumber = 9) => ({ type: 'issued', symbol: draftSymbol(PREFIX, lNumber, revision), revision }) as const,
  introduced: (by?: string): DraftEvent => ({ type: 'introduced', meeting: 9, date: '2022-10-20', ...(by ? { by } : {}) }),
  adopted: (over: Partial<AdoptedEvent> = {}): AdoptedEvent => ({
    type: 'adopted',
    meeting: 11,
    date: DAY,
    vote: { kind: 'without_vote' },
    orallyAmended: false,
    ...over,
  }),
  rejected: (over: Partial<RejectedEvent> = {}): RejectedEvent => ({
    type: 'rejected',
    meeting: 11,
    date: DAY,
    vote: { kind: 'recorded', yes: 10, no: 40, abstain: 5, majority: 'simple' },
    ...over,
  }),
  withdrawn: (): DraftEvent => ({ type: 'withdrawn', date: DAY }),
  no_action: (): DraftEvent => ({ type: 'no_action', meeting: 11, date: DAY }),
  deferred: (over: Partial<DeferredEvent> = {}): DeferredEvent => ({
    type: 'deferred',
    meeting: 11,
    date: DAY,
    decidedBy: 'sponsors',
    toSession: null,
    noAction: true,
    annexedToReport: true,
    ...over,
  }),
  frozen: (hash = 'sha256:final'): DraftEvent => ({ type: 'frozen', hash }),
};

/** The events that bring a draft to each state. */
export const PATHS: Record<DraftState, DraftEvent[]> = {
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
export function derived(events: readonly DraftEvent[]): DraftStatus {
  const r = deriveStatus(events);
  if (!r.ok) throw new Error(`expected the record to apply: ${r.error}`);
  return r.value;
}

/** A status in `state`, deeply frozen so that a mutation by applyEvent would throw. */
export function statusIn(state: DraftState, frozen = false): DraftStatus {
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
