/** How a session (with its body) and its record of meetings look in JSON. */
import type { VoteCorrectionEntry, VoteEntry } from '../../shared/meetingRecord';
import { delegationsNamed } from '../../shared/meetingRecordStore';
import { countVote, majorityMargin } from '../../shared/votes';
import type { RecordedEntry } from '../commands/sessionRecorder';
import type { BodyRow, DelegationRow, SessionRow, UserRow } from '../storage/types';
import { presentDelegation } from './delegation';
import { presentLocalized } from './localized';
import { presentUserRef } from './user';

/** A session of a body, with the body's name when known. */
export function presentSession(s: SessionRow, body: BodyRow | null) {
  return {
    id: s.id,
    bodyId: s.bodyId,
    body: body ? { id: body.id, name: presentLocalized(body.name) } : null,
    number: s.number,
    title: presentLocalized(s.title),
    symbolPrefix: s.symbolPrefix,
    place: s.place,
    opens: s.opens,
    closes: s.closes,
  };
}

/** How the count of a recorded vote of the session record looks: derived from its counts, never stored. */
function presentCount(entry: VoteEntry) {
  const counted = countVote(entry, { twoThirds: entry.twoThirds ?? undefined });
  if (!counted.ok) return null; // checked when recorded: only a database edited by hand lands here
  return { ...counted.value, margin: majorityMargin(entry.yes, counted.value.required) };
}

/**
 * One entry of a session's record, as the record and the console show it: the entry's fields one
 * by one, who recorded it, and for a vote its count (present and voting, required, carried) and
 * the corrections of vote kept beside it.
 */
export function presentSessionEntry(r: RecordedEntry, corrections: readonly RecordedEntry[], users: ReadonlyMap<string, UserRow>) {
  const e = r.entry;
  const base = {
    seq: r.seq,
    kind: e.kind,
    meeting: e.meeting,
    date: e.date,
    draftId: e.draftId,
    at: r.row.at,
    recordedBy: presentUserRef(r.row.userId ? (users.get(r.row.userId) ?? null) : null),
  };
  if (e.kind === 'vote') {
    return {
      ...base,
      subject: e.subject,
      question: presentLocalized(e.question),
      paragraph: e.paragraph,
      rulesRecalled: [...e.rulesRecalled],
      votedUnder: [...e.votedUnder],
      majorityUnder: [...e.majorityUnder],
      yes: e.yes,
      no: e.no,
      abstain: e.abstain,
      majority: e.majority,
      twoThirds: e.twoThirds,
      roll: e.roll ? { yes: [...e.roll.yes], no: [...e.roll.no], abstain: [...e.roll.abstain] } : null,
      wording: e.wording,
      count: presentCount(e),
      corrections: corrections
        .filter((c) => c.entry.kind === 'vote_correction' && c.entry.voteSeq === r.seq)
        .map((c) => ({
          seq: c.seq,
          meeting: c.entry.meeting,
          date: c.entry.date,
          delegationId: (c.entry as VoteCorrectionEntry).delegationId,
          intended: (c.entry as VoteCorrectionEntry).intended,
        })),
    };
  }
  if (e.kind === 'statement') {
    return {
      ...base,
      statement: e.statement,
      timing: e.timing,
      speakers: e.speakers.map((s) => ('delegationId' in s ? { delegationId: s.delegationId, asNamed: s.asNamed } : { officer: s.officer })),
      voteSeq: e.voteSeq,
      summary: e.summary,
      accepted: e.accepted,
    };
  }
  return { ...base, voteSeq: e.voteSeq, delegationId: e.delegationId, intended: e.intended };
}

/** A session's record: every entry in seq order, and the delegations it names (for their names). */
export function presentSessionRecord(sessionId: string, entries: readonly RecordedEntry[], delegations: readonly DelegationRow[], users: ReadonlyMap<string, UserRow>) {
  const named = new Set(entries.flatMap((r) => delegationsNamed(r.entry)));
  return {
    sessionId,
    entries: entries.map((r) => presentSessionEntry(r, entries, users)),
    delegations: delegations.filter((d) => named.has(d.id)).map(presentDelegation),
  };
}
