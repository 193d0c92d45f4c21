/** Meetings fit their session (shared/meetings.ts): within its days, one day per meeting, numbered in the order held. */
import { describe, expect, it } from 'vitest';
import { checkMeeting } from '../../shared/meetings';

const session = { opens: '2022-10-17', closes: '2022-10-21' };
const known = [
  { meeting: 2, date: '2022-10-17' },
  { meeting: 10, date: '2022-10-21' },
  { meeting: 11, date: '2022-10-21' },
];

describe('checkMeeting', () => {
  it('accepts a meeting that fits the session and the record', () => {
    expect(checkMeeting({ meeting: 11, date: '2022-10-21' }, session, known).ok).toBe(true);
    expect(checkMeeting({ meeting: 5, date: '2022-10-19' }, session, known).ok).toBe(true);
    expect(checkMeeting({ meeting: 1, date: '2022-10-17' }, session, []).ok).toBe(true);
  });

  it("refuses a date outside the session's days", () => {
    expect(checkMeeting({ meeting: 11, date: '2023-10-21' }, session, known)).toEqual({
      ok: false,
      error: '21 October 2023 is outside the session, which met from 17 October 2022 to 21 October 2022',
    });
    expect(checkMeeting({ meeting: 1, date: '2022-10-16' }, session, []).ok).toBe(false);
  });

  it('refuses a meeting on a day the record gives another, and meetings out of order', () => {
    expect(checkMeeting({ meeting: 11, date: '2022-10-20' }, session, known)).toEqual({
      ok: false,
      error: 'the 11th meeting was held on 21 October 2022 (the record says so already), not on 20 October 2022',
    });
    expect(checkMeeting({ meeting: 1, date: '2022-10-21' }, session, known)).toEqual({
      ok: false,
      error: 'the 1st meeting cannot be on 21 October 2022: the 2nd was held earlier, on 17 October 2022',
    });
    expect(checkMeeting({ meeting: 12, date: '2022-10-18' }, session, known).ok).toBe(false);
  });
});
