import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../server/errors';
import { lang, localizedText, parse } from '../../../server/http/validate';

const refusal = (input: unknown) => {
  try {
    parse(localizedText, input);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return (err as DomainError).message;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
};

describe('the localizedText validator', () => {
  it('takes a text in any of the six languages, trimmed, and adds none', () => {
    expect(parse(localizedText, { fr: ' Mécanisme d’examen ' })).toEqual({ fr: 'Mécanisme d’examen' });
    expect(parse(localizedText, { ar: 'آلية الاستعراض', ru: 'Механизм обзора', es: 'Mecanismo de examen' })).toEqual({
      ar: 'آلية الاستعراض',
      ru: 'Механизм обзора',
      es: 'Mecanismo de examen',
    });
  });

  it('still reads the { en, zh } texts stored before the six languages', () => {
    expect(parse(localizedText, { en: 'Review mechanism', zh: '审议机制' })).toEqual({ en: 'Review mechanism', zh: '审议机制' });
  });

  it('refuses no language, another key, a blank or invisible text, and a text too long', () => {
    expect(refusal({})).toContain('at least one');
    expect(refusal({ de: 'Überprüfung' })).toMatch(/de/);
    expect(refusal({ en: 'Review', de: 'Überprüfung' })).toMatch(/de/);
    expect(refusal({ en: '   ' })).toContain('body.en');
    expect(refusal({ fr: '\u202Eexamen' })).toContain('body.fr');
    expect(refusal({ es: 'x'.repeat(2001) })).toContain('body.es');
    expect(refusal({ zh: 42 })).toContain('body.zh');
    expect(refusal('Review mechanism')).toContain('body');
  });
});

describe('the lang validator', () => {
  it('takes the six language codes and nothing else', () => {
    for (const code of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) expect(parse(lang, code)).toBe(code);
    for (const other of ['de', 'EN', 'zh-CN', '']) expect(() => parse(lang, other)).toThrow(DomainError);
  });
});
