import { describe, expect, it } from 'vitest';
import { isLang, isRightToLeft, LANGUAGE_NAMES, LANGUAGES, langOf, languageNameIn, languagesOf, sameLocalizedText, textIn, textPreferring } from '../../shared/languages';

describe('the six languages', () => {
  it('are listed in the UN order, and only they are languages here', () => {
    expect(LANGUAGES).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
    expect(LANGUAGES.every(isLang)).toBe(true);
    for (const other of ['de', 'EN', 'zh-CN', '', null, 1]) expect(isLang(other), String(other)).toBe(false);
  });

  it('reads the language of a tag', () => {
    expect(langOf('zh-CN')).toBe('zh');
    expect(langOf('es-419')).toBe('es');
    expect(langOf('FR')).toBe('fr');
    expect(langOf('ar')).toBe('ar');
    expect(langOf('de')).toBeNull();
    expect(langOf('')).toBeNull();
    expect(langOf(null)).toBeNull();
  });

  it('runs Arabic right to left, the other five left to right', () => {
    expect(LANGUAGES.filter(isRightToLeft)).toEqual(['ar']);
  });

  it('names each language in each language', () => {
    for (const lang of LANGUAGES) for (const inLang of LANGUAGES) expect(languageNameIn(lang, inLang)).toMatch(/\S/);
    expect(languageNameIn('fr', 'en')).toBe('French');
    expect(languageNameIn('fr', 'fr')).toBe('français');
    expect(languageNameIn('en', 'zh')).toBe('英文');
    expect(languageNameIn('ru', 'ar')).toBe('الروسية');
    // Each language's own name differs from every other's.
    expect(new Set(LANGUAGES.map((l) => LANGUAGE_NAMES[l][l])).size).toBe(6);
  });
});

describe('texts given in some of the languages', () => {
  const title = { fr: 'Mécanisme d’examen', zh: '审议机制', en: '  ' };

  it('gives the text in exactly one language, a blank one being none', () => {
    expect(textIn(title, 'fr')).toBe('Mécanisme d’examen');
    expect(textIn(title, 'en')).toBeNull();
    expect(textIn(title, 'ar')).toBeNull();
    expect(textIn(null, 'en')).toBeNull();
  });

  it('falls back in the order asked, then the UN order, and says which language it gave', () => {
    expect(textPreferring(title, 'fr')).toEqual({ text: 'Mécanisme d’examen', lang: 'fr' });
    // Russian is not given, English is blank: the first of the six that is, Chinese.
    expect(textPreferring(title, 'ru')).toEqual({ text: '审议机制', lang: 'zh' });
    expect(textPreferring(title, 'ru', ['fr'])).toEqual({ text: 'Mécanisme d’examen', lang: 'fr' });
    expect(textPreferring({ en: 'Review', es: 'Examen' }, 'ar')).toEqual({ text: 'Review', lang: 'en' });
    expect(textPreferring({}, 'en')).toBeNull();
    expect(textPreferring(undefined, 'en')).toBeNull();
  });

  it('lists the languages a text is given in, in the UN order', () => {
    expect(languagesOf(title)).toEqual(['zh', 'fr']);
    expect(languagesOf({ es: 'x', ar: 'y', en: 'z' })).toEqual(['ar', 'en', 'es']);
    expect(languagesOf(null)).toEqual([]);
  });
});

describe('sameLocalizedText', () => {
  it('compares language by language, whatever the order of the keys', () => {
    expect(sameLocalizedText({ en: 'a', zh: 'b' }, { zh: 'b', en: 'a' })).toBe(true);
    expect(sameLocalizedText({ en: 'a' }, { en: 'a', fr: 'c' })).toBe(false);
    expect(sameLocalizedText({ en: 'a' }, { en: 'b' })).toBe(false);
    expect(sameLocalizedText(null, null)).toBe(true);
    expect(sameLocalizedText(null, { en: 'a' })).toBe(false);
  });
});
