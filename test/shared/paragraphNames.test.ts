import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/languages';
import { sequentialNumbering } from '../../shared/numbering';
import { nameLanguage, spokenParagraphNames } from '../../shared/paragraphNames';
import { annex, doc, examples, formula, heading, op, plain, pp, sub, sub2, title } from '../builders';

const text = doc(
  title('T'),
  formula('The Conference,'),
  pp({ id: 'p1' }, 'Recalling …,'),
  pp({ id: 'p2' }, 'Noting …,'),
  op({ id: 'o1' }, 'Decides …;'),
  op({ id: 'o2' }, 'Requests …;'),
  op({ id: 'o3' }, 'Calls upon States:'),
  sub({ id: 's1' }, 'To use …;'),
  sub({ id: 's2' }, 'To assess …;'),
  sub({ id: 's3' }, 'To share …:'),
  sub2({ id: 't1' }, 'risks …;'),
  sub2({ id: 't2' }, 'means …;'),
  plain({ id: 'x1' }, 'Unnumbered.'),
  annex({ id: 'a1' }, heading('Annex'), op({ id: 'ao1' }, 'First …'), sub({ id: 'as1' }, 'lettered')),
  annex({ id: 'a2' }, heading('Annex'), sub({ id: 'bs1' }, 'lettered only')),
);

describe('spoken paragraph names', () => {
  it('say in English what the numbers show', () => {
    const names = spokenParagraphNames(sequentialNumbering(text));
    expect(Object.fromEntries(names)).toEqual({
      p1: 'preambular paragraph 1',
      p2: 'preambular paragraph 2',
      o1: 'operative paragraph 1',
      o2: 'operative paragraph 2',
      o3: 'operative paragraph 3',
      s1: 'subparagraph (a) of operative paragraph 3',
      s2: 'subparagraph (b) of operative paragraph 3',
      s3: 'subparagraph (c) of operative paragraph 3',
      t1: 'subparagraph (c) (i) of operative paragraph 3',
      t2: 'subparagraph (c) (ii) of operative paragraph 3',
      ao1: 'paragraph 1 of Annex I',
      as1: 'subparagraph (a) of paragraph 1 of Annex I',
      bs1: 'subparagraph (a) of Annex II',
    });
  });

  it('say in Chinese the forms a Chinese text is read with', () => {
    const names = spokenParagraphNames(sequentialNumbering(text, { lang: 'zh' }), 'zh');
    expect(names.get('o3')).toBe('执行部分第3段');
    expect(names.get('p2')).toBe('序言部分第2段');
    expect(names.get('s3')).toBe('执行部分第3段(c)分段');
    expect(names.get('t2')).toBe('执行部分第3段(c)㈡分段');
    expect(names.get('ao1')).toBe('附件一第1段');
    expect(names.has('x1')).toBe(false);
  });

  it('name the single operative paragraph without a number, as it is printed', () => {
    const names = spokenParagraphNames(sequentialNumbering(examples['single operative paragraph']!));
    expect([...names.values()]).toEqual(['operative paragraph']);
  });

  it('give every numbered paragraph of every example a name, and no plain paragraph one', () => {
    for (const example of Object.values(examples)) {
      const numbering = sequentialNumbering(example);
      const names = spokenParagraphNames(numbering);
      for (const p of numbering.paragraphs) expect(names.has(p.id), `${p.kind} ${p.ref}`).toBe(p.kind !== 'plain');
    }
  });

  it('say in French, Spanish, Russian and Arabic what their UN texts call the paragraphs', () => {
    const fr = spokenParagraphNames(sequentialNumbering(text, { lang: 'fr' }), 'fr');
    expect([fr.get('o3'), fr.get('p2'), fr.get('s3'), fr.get('t2'), fr.get('ao1'), fr.get('as1'), fr.get('bs1')]).toEqual([
      'paragraphe 3 du dispositif',
      'alinéa 2 du préambule',
      'alinéa c) du paragraphe 3 du dispositif',
      "sous-alinéa ii) de l'alinéa c) du paragraphe 3 du dispositif",
      "paragraphe 1 de l'annexe I",
      "alinéa a) du paragraphe 1 de l'annexe I",
      "alinéa a) de l'annexe II",
    ]);
    const es = spokenParagraphNames(sequentialNumbering(text, { lang: 'es' }), 'es');
    expect([es.get('o3'), es.get('p2'), es.get('s3'), es.get('t2'), es.get('ao1')]).toEqual([
      'párrafo 3 de la parte dispositiva',
      'párrafo 2 del preámbulo',
      'apartado c) del párrafo 3 de la parte dispositiva',
      'inciso ii) del apartado c) del párrafo 3 de la parte dispositiva',
      'párrafo 1 del anexo I',
    ]);
    const ru = spokenParagraphNames(sequentialNumbering(text, { lang: 'ru' }), 'ru');
    expect([ru.get('o3'), ru.get('p2'), ru.get('s3'), ru.get('t2'), ru.get('ao1'), ru.get('as1')]).toEqual([
      'пункт 3 постановляющей части',
      'пункт 2 преамбулы',
      'подпункт c) пункта 3 постановляющей части',
      'подпункт ii) подпункта c) пункта 3 постановляющей части',
      'пункт 1 приложения I',
      'подпункт a) пункта 1 приложения I',
    ]);
    const ar = spokenParagraphNames(sequentialNumbering(text, { lang: 'ar' }), 'ar');
    expect([ar.get('o3'), ar.get('p2'), ar.get('s3'), ar.get('t2'), ar.get('ao1')]).toEqual([
      'الفقرة 3 من المنطوق',
      'الفقرة 2 من الديباجة',
      'الفقرة الفرعية (ج) من الفقرة 3 من المنطوق',
      'الفقرة الفرعية ’2‘ من الفقرة الفرعية (ج) من الفقرة 3 من المنطوق',
      'الفقرة 1 من المرفق الأول',
    ]);
  });

  it('give every numbered paragraph a name in each of the six languages', () => {
    for (const lang of LANGUAGES) {
      const numbering = sequentialNumbering(text, { lang });
      const names = spokenParagraphNames(numbering, lang);
      for (const p of numbering.paragraphs) expect(names.get(p.id) ?? '', `${lang} ${p.ref}`).toMatch(p.kind === 'plain' ? /^$/u : /\S/u);
    }
  });

  it('speak the language of the text when it is one of the six, else English', () => {
    expect(['zh', 'zh-Hans', 'ZH', 'en', 'fr', 'ar-EG', 'es', 'ru', 'de', null].map(nameLanguage)).toEqual(['zh', 'zh', 'zh', 'en', 'fr', 'ar', 'es', 'ru', 'en', 'en']);
  });
});
