import { describe, expect, it } from 'vitest';
import { draftTitleIn, titleRefusal } from '../../shared/titles';

describe("a draft's title", () => {
  it("requires the title in the draft's own language when that is one of the six, and no other", () => {
    expect(titleRefusal({ fr: 'Mécanisme d’examen' }, 'fr')).toBeNull();
    expect(titleRefusal({ zh: '审议机制' }, 'zh-CN')).toBeNull();
    expect(titleRefusal({ ar: 'آلية الاستعراض', ru: 'Механизм обзора' }, 'ar')).toBeNull();
    expect(titleRefusal({ en: 'Review mechanism', zh: '审议机制' }, 'fr')).toBe("the title must be given in French, the draft's language (fr)");
    expect(titleRefusal({ en: 'Review mechanism' }, 'zh')).toBe("the title must be given in Chinese, the draft's language (zh)");
    // Given blank is not given.
    expect(titleRefusal({ es: '  ', en: 'Review mechanism' }, 'es')).toContain('Spanish');
  });

  it('asks only for some language of the six when the draft is in another language', () => {
    expect(titleRefusal({ en: 'Review mechanism' }, 'de')).toBeNull();
    expect(titleRefusal({}, 'de')).toContain('at least one of');
    expect(titleRefusal({}, null)).toContain('at least one of');
  });

  it("shows the title in the reader's language, else the draft's own, else English, and says which", () => {
    const title = { zh: '审议机制', en: 'Review mechanism', fr: 'Mécanisme d’examen' };
    expect(draftTitleIn(title, 'fr', 'zh')).toEqual({ text: 'Mécanisme d’examen', lang: 'fr' });
    expect(draftTitleIn(title, 'ar', 'zh')).toEqual({ text: '审议机制', lang: 'zh' });
    expect(draftTitleIn(title, 'ar', 'es')).toEqual({ text: 'Review mechanism', lang: 'en' });
    expect(draftTitleIn(title, 'ru')).toEqual({ text: 'Review mechanism', lang: 'en' });
    expect(draftTitleIn({ ru: 'Механизм обзора' }, 'ar', 'fr')).toEqual({ text: 'Механизм обзора', lang: 'ru' });
    expect(draftTitleIn({}, 'en', 'en')).toBeNull();
  });
});
