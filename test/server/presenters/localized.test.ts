import { describe, expect, it } from 'vitest';
import { presentLocalized } from '../../../server/presenters/localized';

describe('a localized text in JSON', () => {
  it('lists the languages given in the UN order, drops blanks and anything that is not one of the six', () => {
    const stored = { es: 'Chile', en: 'Chile', fr: '', de: 'Chile', ar: 'شيلي' } as Record<string, string>;
    const shown = presentLocalized(stored);
    expect(shown).toEqual({ ar: 'شيلي', en: 'Chile', es: 'Chile' });
    expect(Object.keys(shown)).toEqual(['ar', 'en', 'es']);
  });

  it('sends a row stored before the six languages as it was', () => {
    expect(presentLocalized({ en: 'Chile', zh: '智利' })).toEqual({ en: 'Chile', zh: '智利' });
  });
});
