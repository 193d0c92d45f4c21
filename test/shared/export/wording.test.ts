/** The heading of an exported document in the six languages, as UN documents in each print it (shared/export/wording.ts, meta.ts). */
import { describe, expect, it } from 'vitest';
import { headingLines, proponentLine } from '../../../shared/export/meta';
import {
  adoptionWords,
  agendaItemLine,
  blockLanguage,
  distributionLine,
  draftNoun,
  formatSpan,
  MASTHEAD,
  numberWords,
  originalWords,
  sessionLabel,
  versionLine,
} from '../../../shared/export/wording';
import { LANGUAGES } from '../../../shared/languages';
import { metaFor } from './helpers';

describe('the distribution block', () => {
  it('is worded in French and Spanish, and in English in Arabic, Chinese and Russian documents (CTOC/COP/2022/15 in Chinese)', () => {
    expect(LANGUAGES.map((l) => [l, blockLanguage(l)])).toEqual([
      ['ar', 'en'],
      ['zh', 'en'],
      ['en', 'en'],
      ['fr', 'fr'],
      ['ru', 'en'],
      ['es', 'es'],
    ]);
    expect(distributionLine('fr')).toBe('Distr. limitée');
    expect(distributionLine('es')).toBe('Distr. limitada');
    for (const l of ['ar', 'zh', 'en', 'ru'] as const) expect(distributionLine(l)).toBe('Distr.: Limited');
  });

  it('names the version’s language, except in English and in the original language', () => {
    expect(versionLine('fr', 'en')).toBe('Français');
    expect(versionLine('es', 'en')).toBe('Español');
    expect(versionLine('zh', 'en')).toBe('Chinese');
    expect(versionLine('ar', 'en')).toBe('Arabic');
    expect(versionLine('ru', null)).toBe('Russian');
    expect(versionLine('en', 'fr')).toBeNull();
    expect(versionLine('zh', 'zh')).toBeNull();
  });

  it('gives the original as each block words it, or that the record does not give it', () => {
    expect(originalWords('en', 'fr')).toBe('Original\u00a0: anglais');
    expect(originalWords('en', 'es')).toBe('Original: inglés');
    expect(originalWords('en', 'ar')).toBe('Original: English');
    expect(originalWords('zh-CN', 'ru')).toBe('Original: Chinese');
    expect(originalWords('fr', 'en')).toBe('Original: French');
    expect(originalWords(null, 'zh')).toBe('Original: not in the record');
    expect(originalWords(null, 'fr')).toBe('Original\u00a0: non indiqué dans le dossier');
    expect(originalWords('de', 'en')).toBe('Original: de');
  });

  it('dates the block in its own language', () => {
    const lines = (lang: (typeof LANGUAGES)[number]) => headingLines(metaFor({ lang, originalLanguage: 'en' }));
    expect(lines('ar').date).toBe('20 October 2022');
    expect(lines('zh').date).toBe('20 October 2022');
    expect(lines('fr').date).toBe('20 octobre 2022');
    expect(lines('es').date).toBe('20 de octubre de 2022');
  });
});

describe('the lines under the block, in the document’s language', () => {
  it('prints the masthead', () => {
    expect(LANGUAGES.map((l) => MASTHEAD[l])).toEqual(['الأمم المتحدة', '联合国', 'United Nations', 'Nations Unies', 'Организация Объединенных Наций', 'Naciones Unidas']);
  });

  it('numbers the session', () => {
    expect(LANGUAGES.map((l) => sessionLabel(11, l))).toEqual([
      'الدورة الحادية عشرة',
      '第十一届会议',
      'Eleventh session',
      'Onzième session',
      'Одиннадцатая сессия',
      'Undécimo período de sesiones',
    ]);
    expect(sessionLabel(6, 'es')).toBe('Sexto período de sesiones');
    expect(sessionLabel(25, 'fr')).toBe('25e session');
  });

  it('spans the session’s days', () => {
    expect(LANGUAGES.map((l) => formatSpan('2022-10-17', '2022-10-21', l))).toEqual([
      '17-21 تشرين الأول/أكتوبر 2022',
      '2022年10月17日至21日',
      '17–21 October 2022',
      '17-21 octobre 2022',
      '17–21 октября 2022 года',
      '17 a 21 de octubre de 2022',
    ]);
    // Across months, as CTOC/COP/2004/6 prints the first session in Spanish ("28 de junio a 8 de julio de 2004").
    expect(formatSpan('2004-06-28', '2004-07-08', 'es')).toBe('28 de junio a 8 de julio de 2004');
    expect(formatSpan('2004-06-28', '2004-07-08', 'en')).toBe('28 June–8 July 2004');
  });

  it('words the agenda item, lettering a sub-item as the language does', () => {
    expect(LANGUAGES.map((l) => agendaItemLine('2(d)', l))).toEqual([
      'البند 2 (د) من جدول الأعمال',
      '议程项目2(d)',
      'Agenda item 2 (d)',
      'Point 2 d) de l’ordre du jour',
      'Пункт 2 d) повестки дня',
      'Tema 2 d) del programa',
    ]);
    expect(agendaItemLine('4', 'es')).toBe('Tema 4 del programa');
  });

  it('names the draft, revised or not', () => {
    expect(LANGUAGES.map((l) => draftNoun('resolution', l))).toEqual([
      'مشروع قرار',
      '决议草案',
      'draft resolution',
      'projet de résolution',
      'проект резолюции',
      'proyecto de resolución',
    ]);
    expect(LANGUAGES.map((l) => draftNoun('decision', l, true))).toEqual([
      'مشروع مقرر منقح',
      '决定修订草案',
      'revised draft decision',
      'projet de décision révisé',
      'пересмотренный проект решения',
      'proyecto de decisión revisado',
    ]);
  });

  it('heads the adopted text with its number and the line of its adoption', () => {
    expect(LANGUAGES.map((l) => numberWords('resolution', '11/5', l))).toEqual([
      'القرار 11/5',
      '第 11/5 号决议',
      'Resolution 11/5',
      'Résolution 11/5',
      'Резолюция 11/5',
      'Resolución 11/5',
    ]);
    expect(numberWords('decision', '11/1', 'ar')).toBe('المقرر 11/1');
    expect(LANGUAGES.map((l) => adoptionWords('resolution', 11, '2022-10-21', l))).toEqual([
      'اعتُمد في الجلسة الحادية عشرة، المعقودة في 21 تشرين الأول/أكتوبر 2022',
      '2022年10月21日第11次会议通过',
      'Adopted at the 11th meeting, on 21 October 2022',
      'Adoptée à la 11e séance, le 21 octobre 2022',
      'Принята на 11-м заседании 21 октября 2022 года',
      'Aprobada en la 11ª sesión, celebrada el 21 de octubre de 2022',
    ]);
    expect(adoptionWords('decision', 1, '2022-10-17', 'ru')).toBe('Принято на 1-м заседании 17 октября 2022 года');
    expect(adoptionWords('decision', 1, '2022-10-17', 'fr')).toBe('Adoptée à la 1re séance, le 17 octobre 2022');
  });

  it('puts the sponsors before the noun with each language’s colon', () => {
    const meta = metaFor({ symbol: 'CTOC/COP/2022/L.10', sponsors: [{ code: 'MEX', name: { en: 'Mexico', fr: 'Mexique', ar: 'المكسيك' }, main: true }] });
    expect(proponentLine({ ...meta, lang: 'fr' })).toBe('Mexique\u00a0: projet de résolution');
    expect(proponentLine({ ...meta, lang: 'ar' })).toBe('المكسيك: مشروع قرار');
    expect(proponentLine({ ...meta, lang: 'es', sponsors: [] })).toBe('Proyecto de resolución');
  });

  it('prints an organ the record does not name in the language in another, in square brackets', () => {
    const lines = headingLines(metaFor({ lang: 'fr', organ: { en: 'Conference of the Parties' } }));
    expect(lines.organ).toBe('[Conference of the Parties]');
    expect(headingLines(metaFor({ lang: 'fr', organ: { en: 'Conference of the Parties', fr: 'Conférence des Parties' } })).organ).toBe('Conférence des Parties');
  });
});
