/** The words of the published document: numbers, adoption lines, revised drafts, original language, place names, direction. */
import { describe, expect, it } from 'vitest';
import { isMostlyRightToLeft, isRightToLeftLanguage, runsRightToLeft } from '../../../shared/export/direction';
import { adoptionLine, draftNoun, headingLines, isRevisionSymbol, numberLine, originalLine, proponentLine } from '../../../shared/export/meta';
import { PLACE_NAMES, placeName } from '../../../shared/export/placeNames';
import { metaFor } from './helpers';

describe('the adopted text as published', () => {
  it('numbers it "Resolution 11/5", "第 11/5 号决议", "Decision 11/1", "第 11/1 号决定"', () => {
    expect(numberLine({ kind: 'resolution', number: '11/5' }, 'en')).toBe('Resolution 11/5');
    expect(numberLine({ kind: 'resolution', number: '11/5' }, 'zh')).toBe('第 11/5 号决议');
    expect(numberLine({ kind: 'decision', number: '11/1' }, 'en')).toBe('Decision 11/1');
    expect(numberLine({ kind: 'decision', number: '11/1' }, 'zh')).toBe('第 11/1 号决定');
  });

  it('gives the meeting and date of adoption, with English ordinals', () => {
    expect(adoptionLine({ meeting: 11, date: '2022-10-21' }, 'en')).toBe('Adopted at the 11th meeting, on 21 October 2022');
    expect(adoptionLine({ meeting: 11, date: '2022-10-21' }, 'zh')).toBe('2022年10月21日第11次会议通过');
    const ordinal = (n: number) => /the (\S+) meeting/.exec(adoptionLine({ meeting: n, date: '2022-10-21' }, 'en'))![1];
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal)).toEqual([
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
      '112th',
    ]);
  });

  it('puts the number and the adoption line in the heading lines only for the adopted text', () => {
    expect(headingLines(metaFor()).published).toBeNull();
    const lines = headingLines(metaFor({ lang: 'en', adoption: { meeting: 10, date: '2022-10-21', number: null } }));
    expect(lines.published).toEqual({ number: null, adopted: 'Adopted at the 10th meeting, on 21 October 2022' });
    expect(headingLines(metaFor({ asOrallyAmended: true })).amended).toBe('经口头修正');
    expect(headingLines(metaFor({ lang: 'en', asOrallyAmended: true })).amended).toBe('As orally amended');
  });
});

describe('the draft heading', () => {
  it('heads a revision "revised draft resolution" and an original "draft resolution"', () => {
    expect(isRevisionSymbol('CTOC/COP/2022/L.9/Rev.1')).toBe(true);
    expect(isRevisionSymbol('CTOC/COP/2022/L.9/Rev.1/Corr.1')).toBe(true);
    expect(isRevisionSymbol('CTOC/COP/2022/L.9')).toBe(false);
    expect(isRevisionSymbol('CTOC/COP/2022/L.9/Add.1')).toBe(false);
    expect(draftNoun('resolution', 'en', true)).toBe('revised draft resolution');
    expect(draftNoun('resolution', 'zh', true)).toBe('决议修订草案');
    expect(draftNoun('decision', 'zh', false)).toBe('决定草案');
    expect(proponentLine({ ...metaFor({ lang: 'en' }), submittedBy: { en: 'Chair of the Working Group', zh: '工作组主席' } })).toBe(
      'Revised draft resolution submitted by the Chair of the Working Group',
    );
    expect(proponentLine(metaFor({ symbol: 'CTOC/COP/2022/L.10' }))).toBe('巴西、欧洲联盟（也代表其成员国）和墨西哥：决议草案');
  });

  it('prints the original language, or says the record does not give it', () => {
    expect(originalLine(metaFor({ lang: 'en' }))).toBe('Original: Chinese');
    expect(originalLine(metaFor({ lang: 'en', originalInRecord: false }))).toBe('Original: not in the record');
    // Chinese documents print the distribution block in English (CTOC/COP/2022/15: "Chinese", "Original: English").
    expect(originalLine(metaFor({ originalInRecord: false }))).toBe('Original: not in the record');
  });
});

describe('place names', () => {
  it('names a duty station in each official language, whatever language the record gives it in', () => {
    expect(placeName('Vienna', 'zh')).toBe('维也纳');
    expect(placeName('Vienna', 'fr')).toBe('Vienne');
    expect(placeName('维也纳', 'en')).toBe('Vienna');
    expect(placeName(' geneva ', 'es')).toBe('Ginebra');
    expect(placeName('New York', 'ru')).toBe('Нью-Йорк');
    expect(placeName('Nairobi', 'ar')).toBe('نيروبي');
  });

  it('prints a place or a language the table does not hold as recorded, never a guess', () => {
    expect(placeName('Palermo', 'zh')).toBe('Palermo');
    // Santiago has no Arabic name in the table.
    expect(placeName('Santiago', 'ar')).toBe('Santiago');
    // Every entry has its English name, and no spelling leads to two places.
    const seen = new Map<string, string>();
    for (const names of PLACE_NAMES) {
      expect(names.en).not.toBe('');
      for (const name of Object.values(names)) {
        const key = name.toLowerCase();
        expect(seen.get(key) ?? names.en).toBe(names.en);
        seen.set(key, names.en);
      }
    }
  });

  it('spaces an English agenda sub-item from its number, as UN documents print it', () => {
    expect(headingLines(metaFor({ lang: 'en', agendaItem: '2(d)' })).agendaItem).toBe('Agenda item 2 (d)');
    expect(headingLines(metaFor({ lang: 'en', agendaItem: '4' })).agendaItem).toBe('Agenda item 4');
    expect(headingLines(metaFor({ agendaItem: '2(d)' })).agendaItem).toBe('议程项目2(d)');
  });

  it('puts the place in the session line in the language of the document', () => {
    expect(headingLines(metaFor()).place).toBe('维也纳，2022年10月17日至21日');
    expect(headingLines(metaFor({ lang: 'en' })).place).toBe('Vienna, 17–21 October 2022');
  });
});

describe('direction', () => {
  it('runs Arabic (and other right-to-left languages and scripts) from right to left', () => {
    expect(isRightToLeftLanguage('ar')).toBe(true);
    expect(isRightToLeftLanguage('ar-EG')).toBe(true);
    expect(isRightToLeftLanguage('zh')).toBe(false);
    expect(isMostlyRightToLeft('يقرر مواصلة عمله؛')).toBe(true);
    // Mostly Arabic with a symbol in Latin letters: still right to left; mostly English with an Arabic word: not.
    expect(isMostlyRightToLeft('يقرر مواصلة عمله وفقاً للوثيقة CTOC/COP/2022/L.4')).toBe(true);
    expect(isMostlyRightToLeft('Decides that the word يقرر is used')).toBe(false);
    expect(isMostlyRightToLeft('1. 2. 3.')).toBe(false);
    expect(runsRightToLeft('ar', 'Title in English')).toBe(true);
    expect(runsRightToLeft('en', 'يقرر مواصلة عمله')).toBe(true);
  });
});
