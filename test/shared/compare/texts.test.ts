import { describe, expect, it } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import { compareTexts } from '../../../shared/compare';
import { negotiationBase, sequentialNumbering } from '../../../shared/numbering';
import { doc, em, examples, fn, formula, op, pp, sub, title } from '../../builders';
import { bothWays, edit, freshIds, row } from './helpers';

const base = () =>
  doc(
    title('Countering trafficking in persons'),
    formula('The Conference of the Parties,'),
    pp({ id: 'pp1' }, em('Recalling'), ' its resolution 10/3', fn('CTOC/COP/2020/10, sect. I.A.'), ','),
    pp({ id: 'pp2' }, em('Noting with concern'), ' the use of information technology by traffickers,'),
    pp({ id: 'pp3' }, em('Welcoming'), ' the work of the Working Group on Trafficking in Persons,'),
    op({ id: 'op1' }, 'Urges all States that have not yet done so to ratify the Protocol;'),
    op({ id: 'op2' }, 'Invites States parties to share good practices in victim identification;'),
    op({ id: 'op3' }, 'Recommends that States consider the needs of children;'),
    op({ id: 'op4' }, 'Calls upon States parties:'),
    sub({ id: 'op4a' }, 'To use gender-sensitive approaches;'),
    sub({ id: 'op4b' }, 'To strengthen cooperation with civil society;'),
    sub({ id: 'op4c' }, 'To include data collected rigorously;'),
    op({ id: 'op5' }, 'Requests the Secretariat to report to the Conference at its twelfth session.'),
  );

const byId = (blocks: PMNode[], id: string) => blocks.findIndex((b) => b.attrs.id === id);

describe('negotiation numbering', () => {
  it('labels an insertion "3 bis" and a deletion by its kept number; nothing renumbered', () => {
    const left = base();
    const right = edit(left, (bs) => {
      bs.splice(byId(bs, 'op4b'), 1, sub({ id: 'op4b' }, 'To strengthen cooperation with civil society and academia;'));
      bs.splice(byId(bs, 'op3') + 1, 0, op({ id: 'new' }, 'Encourages States to support survivors;'));
      bs.splice(byId(bs, 'pp3'), 1);
      return bs;
    });
    const c = compareTexts(left, right, { base: negotiationBase(sequentialNumbering(left)) });
    expect(row(c, 'PP 3 (deleted)').status).toBe('deleted');
    expect(row(c, 'OP 3 bis (new)').status).toBe('inserted');
    expect(row(c, 'OP 4 (b)').segments).toEqual([
      { op: 'equal', text: 'To strengthen cooperation with civil society' },
      { op: 'insert', text: ' and academia' },
      { op: 'equal', text: ';' },
    ]);
    expect(c.counts['renumbered-only']).toBe(0);
    expect(c.summary.en).toBe('PP 3 deleted; OP 3 bis inserted; OP 4 (b) changed');
    expect(c.summary.zh).toBe('删除序言部分第 3 段；新增执行部分第 3之二 段；修改执行部分第 4 段(b)项');
  });

  it('numbers in sequence without a base: the insertion renumbers what follows', () => {
    const left = base();
    const right = edit(left, (bs) => {
      bs.splice(byId(bs, 'op4b'), 1, sub({ id: 'op4b' }, 'To strengthen cooperation with civil society and academia;'));
      bs.splice(byId(bs, 'op3') + 1, 0, op({ id: 'new' }, 'Encourages States to support survivors;'));
      bs.splice(byId(bs, 'pp3'), 1);
      return bs;
    });
    const c = bothWays(left, right);
    expect(row(c, 'OP 4 → OP 5').status).toBe('renumbered-only');
    expect(row(c, 'OP 4 (a) → OP 5 (a)').status).toBe('renumbered-only');
    expect(row(c, 'OP 4 (b) → OP 5 (b)').status).toBe('changed');
    expect(c.summary.en).toBe('PP 3 deleted; OP 4 inserted; former OP 4–5 renumbered 5–6; OP 4 (b) (now OP 5 (b)) changed');
  });
});

describe('the summary', () => {
  it('collapses a run of deleted paragraphs into a range', () => {
    const left = base();
    const right = edit(left, (bs) => bs.filter((b) => !['op2', 'op3', 'op4', 'op4a', 'op4b', 'op4c'].includes(b.attrs.id)));
    const c = bothWays(left, right);
    expect(c.summary.en).toBe('OP 2–4 deleted; former OP 5 renumbered 2');
    expect(c.counts.deleted).toBe(6);
    expect(c.summary.zh).toBe('删除执行部分第 2–4 段；原执行部分第 5 段重新编号为执行部分第 2 段');
  });

  it('says where a paragraph moved, with its subparagraphs, in the left numbers', () => {
    const left = base();
    const right = edit(left, (bs) => {
      const moved = bs.splice(byId(bs, 'op4'), 4);
      bs.splice(byId(bs, 'op1'), 0, ...moved);
      return bs;
    });
    const c = bothWays(left, right);
    expect(row(c, 'OP 4 → OP 1 (moved)').status).toBe('moved');
    expect(c.summary.en).toBe('OP 4 moved after PP 3; former OP 1–3 renumbered 2–4');
  });

  it('names the title and the formula', () => {
    const left = base();
    const right = edit(left, (bs) => {
      bs[0] = title('Preventing and countering trafficking in persons');
      bs[1] = formula('The Conference of the Parties to the Convention,');
      return bs;
    });
    const c = bothWays(left, right);
    expect(c.summary).toEqual({
      ar: 'تعديل العنوان؛ تعديل الصيغة الاستهلالية',
      zh: '修改标题；修改开头语',
      en: 'Title changed; Formula changed',
      // The formula is feminine in French and Russian: the words after it agree.
      fr: 'titre modifié\u00a0; formule introductive modifiée',
      ru: 'название изменено; вводная формулировка изменена',
      es: 'se modifica el título; se modifica la fórmula introductoria',
    });
  });
});

describe('inline content', () => {
  it('diffs a footnote as text between its markers', () => {
    const left = base();
    const right = edit(left, (bs) => {
      bs[byId(bs, 'pp1')] = pp({ id: 'pp1' }, em('Recalling'), ' its resolution 10/3', fn('CTOC/COP/2020/10, sect. I.B.'), ',');
      return bs;
    });
    const c = bothWays(left, right);
    const r = row(c, 'PP 1');
    expect(r.left!.text).toBe('Recalling its resolution 10/3⟦CTOC/COP/2020/10, sect. I.A.⟧,');
    expect(r.segments!.filter((s) => s.op !== 'equal')).toEqual([
      { op: 'delete', text: 'A' },
      { op: 'insert', text: 'B' },
    ]);
  });

  it('keeps emoji and combining sequences whole inside a paragraph, with ids and without', () => {
    const left = doc(title('T'), op({ id: 'a' }, 'Welcomes the delegation of Co\u0302te d’Ivoire 👍🏽 to the session;'), op({ id: 'b' }, '欢迎👨‍👩‍👧家庭参与；'));
    const right = doc(title('T'), op({ id: 'a' }, 'Welcomes the delegation of Co\u0301te d’Ivoire 👍🏿 to the session;'), op({ id: 'b' }, '欢迎👨‍👩‍👦家庭参与；'));
    const c = bothWays(left, right);
    expect(row(c, 'OP 1').segments!.filter((s) => s.op !== 'equal')).toEqual([
      { op: 'delete', text: 'Co\u0302te' },
      { op: 'insert', text: 'Co\u0301te' },
      { op: 'delete', text: '👍🏽' },
      { op: 'insert', text: '👍🏿' },
    ]);
    expect(row(c, 'OP 2').segments!.filter((s) => s.op !== 'equal')).toEqual([
      { op: 'delete', text: '👨‍👩‍👧' },
      { op: 'insert', text: '👨‍👩‍👦' },
    ]);
  });
});

describe('invariants on every builders example', () => {
  for (const [name, text] of Object.entries(examples)) {
    it(`${name}: itself, all unchanged; against its id-less copy, all unchanged`, () => {
      for (const other of [text, freshIds(text, 'z')]) {
        const c = compareTexts(text, other);
        expect(c.paragraphs.every((r) => r.status === 'unchanged')).toBe(true);
        expect(c.summary.en).toBe('No changes');
      }
    });
  }
});
