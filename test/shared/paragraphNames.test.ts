import { describe, expect, it } from 'vitest';
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
    expect(names.get('t2')).toBe('执行部分第3段(c)(ii)分段');
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

  it('speak Chinese for a Chinese text only', () => {
    expect(['zh', 'zh-Hans', 'ZH', 'en', 'fr', 'ar', null].map(nameLanguage)).toEqual(['zh', 'zh', 'zh', 'en', 'en', 'en', 'en']);
  });
});
