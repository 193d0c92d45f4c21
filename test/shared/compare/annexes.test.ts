import { describe, expect, it } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import { compareTexts, renumberedUnprinted } from '../../../shared/compare';
import { textFromJSON } from '../../../shared/schema';
import { annex, doc, examples, fn, heading, op, plain, sub, title } from '../../builders';
import { edit, row } from './helpers';

describe('annexes', () => {
  const left = examples['two annexes']!;
  it('aligns headings and annex paragraphs, labelled by annex', () => {
    const right = edit(left, (bs) => {
      const [a1, a2] = [bs[4]!, bs[5]!];
      const kids = (a: PMNode) => {
        const out: PMNode[] = [];
        a.forEach((k) => void out.push(k));
        return out;
      };
      const k1 = kids(a1);
      k1[2] = sub({ id: k1[2]!.attrs.id }, 'States parties are strongly encouraged …', fn('Para. 2.'));
      k1.splice(6, 0, sub({ id: 'n1' }, 'The Secretariat should continue to collect practice.'));
      const k2 = kids(a2);
      k2[0] = heading('Recommendations of the thirteenth meeting, as revised');
      bs[4] = annex({ id: a1.attrs.id }, ...k1);
      bs[5] = annex({ id: a2.attrs.id }, ...k2);
      return bs;
    });
    const c = compareTexts(left, right);
    expect(row(c, 'Annex I, para. (a)').status).toBe('changed');
    expect(row(c, 'Annex I, para. (d) (new)').status).toBe('inserted');
    expect(row(c, 'Annex II heading').status).toBe('changed');
    expect(c.summary.en).toBe('Annex I, para. (a) changed; Annex I, para. (d) inserted; Annex II heading changed');
    expect(c.summary.zh).toBe('修改附件一第 (a) 段；新增附件一第 (d) 段；修改附件二标题');
    expect(c.summary.fr).toBe('alinéa a) de l’annexe I modifié\u00a0; alinéa d) de l’annexe I inséré\u00a0; titre de l’annexe II modifié');
    expect(c.summary.es).toBe('se modifica el apartado a) del anexo I; se inserta el apartado d) del anexo I; se modifica el título del anexo II');
    expect(c.summary.ru).toBe('подпункт a) приложения I изменен; подпункт d) приложения I добавлен; заголовок приложения II изменен');
    expect(c.summary.ar).toBe('تعديل الفقرة الفرعية (أ) من المرفق الأول؛ إدراج الفقرة الفرعية (د) من المرفق الأول؛ تعديل عنوان المرفق الثاني');
  });

  it('reads a whole new annex as inserted blocks', () => {
    const right = textFromJSON({ ...left.toJSON(), content: [...left.toJSON().content, annex(heading('New annex'), plain('Chapeau'), sub('Item')).toJSON()] });
    const c = compareTexts(left, right);
    expect(c.summary.en).toBe('Annex III heading inserted; Annex III, “Chapeau” inserted; Annex III, para. (a) inserted');
    expect(c.summary.fr).toBe('titre de l’annexe III inséré\u00a0; paragraphe «\u00a0Chapeau\u00a0» de l’annexe III inséré\u00a0; alinéa a) de l’annexe III inséré');
  });

  it('never pairs a paragraph with an annex heading that has the same id', () => {
    const text = () => doc(title('T'), op({ id: 'x' }, 'Decides to act;'), annex({ id: 'x' }, heading('Recommendations'), plain({ id: 'y' }, 'Chapeau')));
    const c = compareTexts(text(), text());
    expect(c.paragraphs.map((r) => [r.status, r.left?.kind, r.right?.kind])).toEqual([
      ['unchanged', 'title', 'title'],
      ['unchanged', 'operative', 'operative'],
      ['unchanged', 'annexHeading', 'annexHeading'],
      ['unchanged', 'plain', 'plain'],
    ]);
  });

  it('keeps an annex renumbered by a deleted annex among the printed changes', () => {
    const right = edit(left, (bs) => bs.filter((_, k) => k !== 4));
    const c = compareTexts(left, right);
    const heading = row(c, 'Annex II heading → Annex heading');
    expect(heading.status).toBe('renumbered-only');
    expect(renumberedUnprinted(heading)).toBe(false);
  });
});
