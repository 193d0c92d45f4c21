/**
 * Two texts without ids in common (pasted, or imported from Word) in which two paragraphs that
 * read alike were swapped and each lightly edited. Paired in order, each would be read as
 * "changed" into the other's words; each must pair with its own old text, as it does when the
 * ids are kept (`bothWays`), and read as moved. The guards are what must not change: a
 * paragraph replaced in place, a plain swap, paragraphs edited in place next to a like one.
 */
import { describe, expect, it } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import { compareTexts, type Comparison } from '../../../shared/compare';
import { doc, formula, op, title } from '../../builders';
import { bothWays, checkInvariants, freshIds } from './helpers';

const text = (formulaText: string, ...ops: [string, string][]) => doc(title('Countering trafficking in persons'), formula(formulaText), ...ops.map(([id, t]) => op({ id }, t)));
const statuses = (c: Comparison) => c.paragraphs.filter((r) => r.status !== 'unchanged').map((r) => `${r.label} ${r.status}`);
// Each row that pairs two operative paragraphs, as its old text and its new one.
const pairs = (c: Comparison) => c.paragraphs.filter((r) => r.kind === 'operative' && r.left && r.right).map((r) => [r.left!.text, r.right!.text]);

// The same comparison pasted: nothing shared but the words.
function pasted(left: PMNode, right: PMNode): Comparison {
  const [a, b] = [freshIds(left, 'a'), freshIds(right, 'b')];
  return compareTexts(a, b);
}

const LANGUAGES = {
  English: {
    formula: 'The Conference of the Parties,',
    first: 'Urges all States parties to make full use of the Convention;',
    last: 'Decides to remain seized of the matter.',
    a: 'Requests the United Nations Office on Drugs and Crime to continue to provide technical assistance to States parties, upon request, on the extradition of offenders, and to report thereon to the Conference at its twelfth session;',
    b: 'Requests the United Nations Office on Drugs and Crime to continue to provide technical assistance to States parties, upon request, on mutual legal assistance in criminal matters, and to report thereon to the Conference at its twelfth session;',
    editA: ['continue to provide', 'further provide'],
    editB: ['upon request', 'where appropriate'],
    third: ['the extradition of offenders', 'the confiscation of proceeds of crime', 'the confiscation and return of proceeds of crime'],
  },
  // Alike but for their last words: each keeps most of its two ends with the other's new text.
  'English, differing only near their end': {
    formula: 'The Conference of the Parties,',
    first: 'Urges all States parties to make full use of the Convention;',
    last: 'Decides to remain seized of the matter.',
    a: 'Requests the United Nations Office on Drugs and Crime to continue to provide technical assistance to States parties, upon request and within existing resources, to strengthen their capacity to cooperate in criminal matters, in particular on extradition;',
    b: 'Requests the United Nations Office on Drugs and Crime to continue to provide technical assistance to States parties, upon request and within existing resources, to strengthen their capacity to cooperate in criminal matters, in particular on mutual legal assistance;',
    editA: ['continue to provide', 'further provide'],
    editB: ['mutual legal assistance', 'mutual legal assistance and the transfer of sentenced persons'],
    third: ['extradition', 'the confiscation of proceeds of crime', 'the confiscation and return of proceeds of crime'],
  },
  Chinese: {
    formula: '缔约方会议，',
    first: '敦促所有缔约国充分利用《公约》；',
    last: '决定继续处理此事。',
    a: '请联合国毒品和犯罪问题办公室继续应请求向缔约国提供关于引渡罪犯的技术援助，并向缔约方会议第十二届会议报告有关情况；',
    b: '请联合国毒品和犯罪问题办公室继续应请求向缔约国提供关于刑事事项司法协助的技术援助，并向缔约方会议第十二届会议报告有关情况；',
    editA: ['继续', '进一步'],
    editB: ['应请求', '酌情'],
    third: ['引渡罪犯', '没收犯罪所得', '没收和返还犯罪所得'],
  },
} as const;

for (const [language, t] of Object.entries(LANGUAGES)) {
  const a2 = t.a.replace(t.editA[0], t.editA[1]);
  const b2 = t.b.replace(t.editB[0], t.editB[1]);
  const before = text(t.formula, ['o1', t.first], ['o2', t.a], ['o3', t.b], ['o4', t.last]);

  describe(`two like paragraphs swapped and each edited a little, in ${language}`, () => {
    it('pairs each with its own old text, as the ids do, and reads one as moved', () => {
      expect(a2).not.toBe(t.a);
      expect(b2).not.toBe(t.b);
      const after = text(t.formula, ['o1', t.first], ['o3', b2], ['o2', a2], ['o4', t.last]);
      const c = bothWays(before, after);
      checkInvariants(before, after, c);
      expect(pairs(pasted(before, after))).toEqual([
        [t.first, t.first],
        [t.b, b2],
        [t.a, a2],
        [t.last, t.last],
      ]);
      expect(statuses(pasted(before, after))).toEqual(['OP 3 → OP 2 (moved) moved-and-changed', 'OP 2 → OP 3 changed']);
    });
    it('pairs each with its own old text when a third like one, edited in place, stands between them', () => {
      const c3 = t.a.replace(t.third[0], t.third[1]);
      const c4 = t.a.replace(t.third[0], t.third[2]);
      const left = text(t.formula, ['o1', t.first], ['o2', t.a], ['o5', c3], ['o3', t.b], ['o4', t.last]);
      const right = text(t.formula, ['o1', t.first], ['o3', b2], ['o5', c4], ['o2', a2], ['o4', t.last]);
      const c = bothWays(left, right);
      checkInvariants(left, right, c);
      expect(pairs(pasted(left, right))).toEqual([
        [t.first, t.first],
        [t.b, b2],
        [c3, c4],
        [t.a, a2],
        [t.last, t.last],
      ]);
    });
    it('pairs each with its own old text when an unchanged paragraph stands between them', () => {
      const left = text(t.formula, ['o1', t.first], ['o2', t.a], ['o5', t.last], ['o3', t.b], ['o4', t.first + t.last]);
      const right = text(t.formula, ['o1', t.first], ['o3', b2], ['o5', t.last], ['o2', a2], ['o4', t.first + t.last]);
      const c = bothWays(left, right);
      checkInvariants(left, right, c);
      expect(pairs(pasted(left, right))).toEqual([
        [t.first, t.first],
        [t.b, b2],
        [t.last, t.last],
        [t.a, a2],
        [t.first + t.last, t.first + t.last],
      ]);
    });
  });

  describe(`what must read as before, in ${language}`, () => {
    it('a paragraph replaced in place by a different one is deleted and inserted', () => {
      const other = language.startsWith('English') ? 'Strongly condemns all forms of trafficking in persons;' : '强烈谴责一切形式的人口贩运行为；';
      const after = text(t.formula, ['o1', t.first], ['n1', other], ['o3', t.b], ['o4', t.last]);
      const c = pasted(before, after);
      checkInvariants(before, after, c);
      expect(statuses(c)).toEqual(['OP 2 (deleted) deleted', 'OP 2 (new) inserted']);
    });

    it('a plain swap, without edits, is one paragraph moved', () => {
      const after = text(t.formula, ['o1', t.first], ['o3', t.b], ['o2', t.a], ['o4', t.last]);
      const c = bothWays(before, after);
      checkInvariants(before, after, c);
      expect(statuses(pasted(before, after))).toEqual(['OP 3 → OP 2 (moved) moved', 'OP 2 → OP 3 renumbered-only']);
    });

    it('a paragraph edited in place next to a like one is changed in place', () => {
      const after = text(t.formula, ['o1', t.first], ['o2', a2], ['o3', t.b], ['o4', t.last]);
      const c = bothWays(before, after);
      expect(statuses(pasted(before, after))).toEqual(['OP 2 changed']);
      expect(pairs(c)[1]).toEqual([t.a, a2]);
    });

    it('two like paragraphs both edited in place are each changed in place', () => {
      const after = text(t.formula, ['o1', t.first], ['o2', a2], ['o3', b2], ['o4', t.last]);
      const c = bothWays(before, after);
      checkInvariants(before, after, c);
      expect(statuses(pasted(before, after))).toEqual(['OP 2 changed', 'OP 3 changed']);
      expect(pairs(pasted(before, after)).slice(1, 3)).toEqual([
        [t.a, a2],
        [t.b, b2],
      ]);
    });
  });
}
