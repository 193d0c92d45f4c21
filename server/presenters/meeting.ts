/** How the chair's paragraph states, oral amendments and numbers look in JSON. */
import { formatAgreedCount, PARAGRAPH_STATE_LABELS, type NegotiationCounts, type ParagraphStanding, type ParagraphState, type ParagraphStateEvent } from '../../shared/negotiation';
import type { NumberPayload, OralAmendmentPayload } from '../commands/meetingRecord';
import { LANGUAGES, type Lang } from '../../shared/languages';
import type { UserRow } from '../storage/types';
import { presentUserRef } from './user';

type Users = ReadonlyMap<string, UserRow>;

/** "12 of 29 agreed" in the six languages, with the counts. */
export function presentNegotiationCounts(counts: NegotiationCounts | null) {
  return counts ? { ...counts, text: Object.fromEntries(LANGUAGES.map((l) => [l, formatAgreedCount(counts, l)])) as Record<Lang, string> } : null;
}

/** Who changed an agreed paragraph last, as the update log knows it (server/collab/agreedHistory.ts). */
type LastChanges = ReadonlyMap<string, { userId: string | null; at: string; seq: number }>;

/**
 * The states of a draft's paragraphs now (paragraphs absent are open), the counts, and the record
 * of changes. With `standings` (shared/negotiation.ts paragraphStandings), each agreed paragraph
 * says whether it is locked and whether its text changed since it was marked, and by whom and
 * when it last changed, where the update log knows it.
 */
export function presentParagraphStates(
  states: ReadonlyMap<string, ParagraphState>,
  counts: NegotiationCounts | null,
  events: readonly ParagraphStateEvent[],
  users: Users,
  standings: ReadonlyMap<string, ParagraphStanding> = new Map(),
  lastChanges: LastChanges = new Map(),
) {
  const user = (id: string | null | undefined) => presentUserRef(id ? (users.get(id) ?? null) : null);
  return {
    states: Object.fromEntries(
      [...states].map(([id, state]) => {
        const s = standings.get(id);
        const change = s?.changedSinceAgreed ? lastChanges.get(id) : undefined;
        return [
          id,
          {
            state,
            label: PARAGRAPH_STATE_LABELS[state],
            locked: s?.locked ?? false,
            markedAt: s?.since.at ?? null,
            markedBy: user(s?.since.by),
            textHash: s?.textHash ?? null,
            changedSinceAgreed: s?.changedSinceAgreed ?? false,
            changedBy: change ? user(change.userId) : null,
            changedAt: change?.at ?? null,
          },
        ];
      }),
    ),
    counts: presentNegotiationCounts(counts),
    changes: events.map((e) => ({ seq: e.seq, paragraphId: e.paragraphId, state: e.state, locked: e.locked === true, at: e.at, user: user(e.by) })),
  };
}

/** One oral amendment as recorded: the text it amends, the amendment, when and by whom. */
export function presentOralAmendment(entry: { seq: number; at: string; payload: OralAmendmentPayload; userId?: string | null }, users: Users) {
  return {
    seq: entry.seq,
    symbol: entry.payload.symbol,
    revision: entry.payload.revision,
    meeting: entry.payload.meeting ?? null,
    amendment: entry.payload.amendment,
    at: entry.at,
    recordedBy: presentUserRef(entry.userId ? (users.get(entry.userId) ?? null) : null),
  };
}

// "resolution 11/5" in each language, as the reports name an adopted text.
const NUMBERED: Record<Lang, Record<'resolution' | 'decision', (n: string) => string>> = {
  ar: { resolution: (n) => `القرار ${n}`, decision: (n) => `المقرر ${n}` },
  zh: { resolution: (n) => `第 ${n} 号决议`, decision: (n) => `第 ${n} 号决定` },
  en: { resolution: (n) => `resolution ${n}`, decision: (n) => `decision ${n}` },
  fr: { resolution: (n) => `résolution ${n}`, decision: (n) => `décision ${n}` },
  ru: { resolution: (n) => `резолюция ${n}`, decision: (n) => `решение ${n}` },
  es: { resolution: (n) => `resolución ${n}`, decision: (n) => `decisión ${n}` },
};

/** The number an adopted text took ("resolution 11/5"), named in the six languages. */
export function presentNumber(n: NumberPayload | null) {
  return n ? { kind: n.kind, number: n.number, text: Object.fromEntries(LANGUAGES.map((l) => [l, NUMBERED[l][n.kind](n.number)])) as Record<Lang, string> } : null;
}
