/**
 * The meetings of a session. A body numbers its meetings in the order it holds them (the 10th
 * and 11th plenary meetings of 21 October 2022), each on one day, all within the session's days.
 * A lifecycle event or a session-record entry dated by a meeting must fit what the record
 * already says of that meeting: a typo ("meeting 1" for 11, "2023" for 2022) is refused with
 * what the record knows, before it reaches the report.
 */
import { formatCalendarDate } from './dates';
import { enOrdinal } from './reportParagraph';
import { fail, ok, type Result } from './result';

/** A meeting as the record dates it. */
export interface HeldMeeting {
  meeting: number;
  date: string;
}

/** The days a session meets, `YYYY-MM-DD`. */
export interface SessionDays {
  opens: string;
  closes: string;
}

/**
 * Whether `m` fits the session and the meetings already recorded (`known`): its date within the
 * session's days, the same meeting always on the same day, and no meeting numbered higher held on
 * an earlier day than one numbered lower.
 */
export function checkMeeting(m: HeldMeeting, session: SessionDays, known: readonly HeldMeeting[]): Result<HeldMeeting> {
  const day = formatCalendarDate;
  if (m.date < session.opens || m.date > session.closes) {
    return fail(`${day(m.date)} is outside the session, which met from ${day(session.opens)} to ${day(session.closes)}`);
  }
  const same = known.find((k) => k.meeting === m.meeting && k.date !== m.date);
  if (same) return fail(`the ${enOrdinal(m.meeting)} meeting was held on ${day(same.date)} (the record says so already), not on ${day(m.date)}`);
  for (const k of known) {
    if (k.meeting < m.meeting && k.date > m.date)
      return fail(`the ${enOrdinal(m.meeting)} meeting cannot be on ${day(m.date)}: the ${enOrdinal(k.meeting)} was held later, on ${day(k.date)}`);
    if (k.meeting > m.meeting && k.date < m.date)
      return fail(`the ${enOrdinal(m.meeting)} meeting cannot be on ${day(m.date)}: the ${enOrdinal(k.meeting)} was held earlier, on ${day(k.date)}`);
  }
  return ok(m);
}
