/** A meeting's number as the record's lines say it in each language (client/panels/status.ts). */
import { describe, expect, it } from 'vitest';
import { meetingOrdinal } from '../../client/panels/status';

describe('meetingOrdinal', () => {
  it('says English ordinals as English writes them, eleventh to thirteenth included', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map((n) => meetingOrdinal(n, 'en'))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
  });

  it('agrees with "la séance", "la sesión" and "на … заседании", and leaves Arabic and Chinese the number', () => {
    expect([1, 8].map((n) => meetingOrdinal(n, 'fr'))).toEqual(['1re', '8e']);
    expect(meetingOrdinal(8, 'es')).toBe('8ª');
    expect(meetingOrdinal(8, 'ru')).toBe('8-м');
    expect(meetingOrdinal(8, 'ar')).toBe('8');
    expect(meetingOrdinal(8, 'zh')).toBe('8');
  });
});
