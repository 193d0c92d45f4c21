/** Paragraphs named as printed: every number a text prints leads back to its paragraph, and an unknown one is refused naming those that exist. */
import { describe, expect, it } from 'vitest';
import { labelKey, paragraphIdOf, paragraphLabels } from '../../shared/paragraphLabels';
import { LANGUAGES } from '../../shared/languages';
import { sequentialNumbering } from '../../shared/numbering';
import { spokenParagraphName } from '../../shared/paragraphNames';
import { annex, doc, em, fn, formula, heading, op, plain, pp, sub, sub2, title } from '../builders';

const text = () =>
  doc(
    title('Strengthening international cooperation'),
    formula('The Conference of the Parties,'),
    pp({ id: 'pp1' }, em('Recalling'), ' its resolution 10/4,', fn({ id: 'n1' }, 'CTOC/COP/2020/10.')),
    pp({ id: 'pp2' }, em('Noting'), ' the report of the Secretariat,'),
    op({ id: 'op1' }, 'Decides to continue its work;'),
    op({ id: 'op2' }, 'Requests the Secretariat to report to the Conference at its twelfth session;'),
    op({ id: 'op3' }, 'Invites Member States:'),
    sub({ id: 'op3a' }, 'to collect data;'),
    sub({ id: 'op3b' }, 'to share data;'),
    sub({ id: 'op3c' }, 'to report on:'),
    sub2({ id: 'op3c1' }, 'seizures;'),
    sub2({ id: 'op3c2' }, 'prosecutions.'),
    plain({ id: 'pl' }, 'A note without a number.'),
    annex(heading({ id: 'h' }, 'Terms of reference'), op({ id: 'x1' }, 'The group meets once a year.')),
  );

describe('paragraphLabels', () => {
  it('lists the numbers the text prints, in order, with the first words of each', () => {
    const labels = paragraphLabels(text());
    expect(labels.map((l) => l.ref)).toEqual(['PP 1', 'PP 2', 'OP 1', 'OP 2', 'OP 3', 'OP 3 (a)', 'OP 3 (b)', 'OP 3 (c)', 'OP 3 (c) (i)', 'OP 3 (c) (ii)', 'Annex, para. 1']);
    expect(labels[0]).toEqual({ id: 'pp1', ref: 'PP 1', kind: 'preambular', excerpt: 'Recalling its resolution 10/4,' });
    expect(labels.find((l) => l.id === 'op2')!.excerpt).toBe('Requests the Secretariat to report to the Conference at its…');
    // The same from the stored JSON.
    expect(paragraphLabels(text().toJSON())).toEqual(labels);
  });

  it('agrees with the numbering: every printed reference leads back to its own paragraph', () => {
    for (const p of sequentialNumbering(text()).paragraphs) {
      if (p.ref === '') continue;
      expect(paragraphIdOf(text(), p.ref), p.ref).toEqual({ ok: true, value: p.id });
    }
  });

  it('reads a number as people type it: case, spaces, dots, full-width brackets, words spelled out, Chinese', () => {
    const id = (label: string) => paragraphIdOf(text(), label);
    for (const [label, want] of [
      ['op 2', 'op2'],
      ['OP2', 'op2'],
      ['  Op 2. ', 'op2'],
      ['operative paragraph 2', 'op2'],
      ['preambular paragraph 2', 'pp2'],
      ['pp1', 'pp1'],
      ['OP 3(c)(ii)', 'op3c2'],
      ['op 3 （c）', 'op3c'],
      ['执行部分第2段', 'op2'],
      ['序言部分第 1 段', 'pp1'],
      ['执行部分第3段(b)分段', 'op3b'],
      ['annex, paragraph 1', 'x1'],
    ] as const) {
      expect(id(label), label).toEqual({ ok: true, value: want });
    }
    expect(labelKey('OP 4 (c)')).toBe(labelKey('op4(C).'));
  });

  it('reads back the name each of the six languages gives every paragraph, in the body and in annexes', () => {
    const twoAnnexes = doc(
      title('T'),
      pp({ id: 'p1' }, 'Recalling,'),
      pp({ id: 'p2' }, 'Noting,'),
      op({ id: 'o1' }, 'Decides;'),
      op({ id: 'o2' }, 'Invites:'),
      sub({ id: 'o2a' }, 'a;'),
      sub({ id: 'o2b' }, 'b:'),
      sub2({ id: 'o2b1' }, 'i;'),
      sub2({ id: 'o2b2' }, 'ii.'),
      annex({ id: 'a1' }, heading('One'), op({ id: 'x1' }, 'First;'), sub({ id: 'x1a' }, 'lettered;'), op({ id: 'x2' }, 'Second.')),
      annex({ id: 'a2' }, heading('Two'), sub({ id: 'y1' }, 'lettered only.')),
    );
    for (const t of [text(), twoAnnexes]) {
      for (const lang of LANGUAGES) {
        const numbering = sequentialNumbering(t, { lang });
        for (const p of numbering.paragraphs) {
          if (p.ref === '') continue;
          const name = spokenParagraphName(p, numbering, lang);
          expect(paragraphIdOf(t, name), `${lang}: ${name}`).toEqual({ ok: true, value: p.id });
        }
      }
    }
  });

  it('reads names typed loosely in the other languages', () => {
    const id = (label: string) => paragraphIdOf(text(), label);
    for (const [label, want] of [
      ['le paragraphe 2 du dispositif', 'op2'],
      ['le deuxième alinéa du préambule', 'pp2'],
      ['the second preambular paragraph', 'pp2'],
      ['el segundo párrafo del preámbulo', 'pp2'],
      ['второй пункт преамбулы', 'pp2'],
      ['الفقرة الأولى من الديباجة', 'pp1'],
      ['序言部分第二段', 'pp2'],
      ['the third operative paragraph', 'op3'],
      ['le neuvième alinéa du préambule', null],
      ['Alinéa 2 du préambule', 'pp2'],
      ["l'alinéa b) du paragraphe 3", 'op3b'],
      ['párrafo 3, apartado (c), inciso ii)', 'op3c2'],
      ['пункт 3 b)', 'op3b'],
      ['الفقرة ٢ من المنطوق', 'op2'],
      ["paragraphe 1 de l'annexe", 'x1'],
      ['执行部分第3段(c)㈡分段', 'op3c2'],
    ] as const) {
      const found = id(label);
      if (want === null) expect(found.ok, label).toBe(false);
      else expect(found, label).toEqual({ ok: true, value: want });
    }
  });

  it('refuses a number the text does not print, naming it and those it does', () => {
    const refused = paragraphIdOf(text(), 'OP 9');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toBe(
      'there is no paragraph "OP 9" in the text: its paragraphs are PP 1, PP 2, OP 1, OP 2, OP 3, OP 3 (a), OP 3 (b), OP 3 (c), OP 3 (c) (i), OP 3 (c) (ii), Annex, para. 1',
    );
    for (const bad of ['', '  ', 'OP', 'OP 3 (d)', 'PP 3', 'pl', 'x1', 'op3c']) expect(paragraphIdOf(text(), bad).ok, bad).toBe(false);
    expect(paragraphIdOf(doc(title('T')), 'OP 1')).toEqual({ ok: false, error: 'there is no paragraph "OP 1": the text has no numbered paragraphs' });
  });

  it('names a single operative paragraph "OP", as the numbering does', () => {
    const single = doc(title('T'), pp({ id: 'p' }, 'Recalling,'), op({ id: 'only' }, 'Decides.'));
    expect(paragraphLabels(single).map((l) => l.ref)).toEqual(['PP 1', 'OP']);
    expect(paragraphIdOf(single, 'op')).toEqual({ ok: true, value: 'only' });
  });
});
