import type { Node as PMNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { applyOralAmendments, checkOralAmendment, describeOralAmendment, findWords, inlineText, type OralAmendment } from '../../shared/oralAmendments';
import { isParagraph } from '../../shared/schema';
import { applyEdit, editBetween, mergeEdits, suggestAmendment, type TextEdit, type WordsAmendment } from '../../shared/suggest';
import { doc, fn, op, title } from '../builders';

// A one-paragraph text whose inline text is `text` (each U+FFFC a footnote), as the editor would hold it.
const paragraphDoc = (text: string): PMNode => doc(title('T'), op({ id: 'op1' }, ...text.split('\uFFFC').flatMap((part, i) => (i === 0 ? [part] : [fn(`note ${i}`), part]))));
const textOf = (d: PMNode): string => {
  let found = '';
  d.descendants((n, pos) => {
    if (isParagraph(n)) found = inlineText(n, pos).text;
    return !n.isTextblock;
  });
  return found;
};

// Everything a proposal must satisfy: the model validates it as JSON, its quoted words are found
// where meant, and the model's apply on the paragraph gives exactly the edited text.
function checkProposes(before: string, edit: TextEdit, amendment: WordsAmendment): void {
  const checked = checkOralAmendment(JSON.parse(JSON.stringify({ ...amendment, accepted: true })));
  if (!checked.ok) throw new Error(`${JSON.stringify(amendment)}: ${checked.error.message}`);
  if ('words' in amendment) expect(findWords(before, amendment.words, amendment.occurrence).ok).toBe(true);
  const amended = applyOralAmendments(paragraphDoc(before), [checked.value as OralAmendment]);
  if (!amended.ok) throw new Error(amended.error);
  expect(textOf(amended.value)).toBe(applyEdit(before, edit));
}

const value = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const at = (text: string, words: string, n = 0) => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(words, i + 1);
  if (i < 0) throw new Error(`${words} not in ${text}`);
  return i;
};

describe('suggestAmendment', () => {
  const en = 'Urges all States parties to implement the Protocol and the Convention;';

  it('widens a letter typed into a word to the whole word', () => {
    const s = value(suggestAmendment('Urges all State parties to act;', { from: 15, to: 15, text: 's' }, 'op1', 'MEX'));
    expect(s).toMatchObject({ kind: 'replace_words', words: 'State', text: 'States' });
    expect(s).not.toHaveProperty('occurrence');
    const plural = { from: at(en, 'States') + 5, to: at(en, 'States') + 6, text: '' };
    expect(value(suggestAmendment(en, plural, 'op1', 'MEX'))).toMatchObject({ kind: 'replace_words', words: 'States', text: 'State' });
  });

  it('says an insertion between words as "insert … after …"', () => {
    const i = at(en, 'implement');
    const edit = { from: i, to: i, text: 'fully ' };
    const s = value(suggestAmendment(en, edit, 'op1', 'MEX'));
    expect(s).toMatchObject({ kind: 'insert_words', text: 'fully', position: 'after', words: 'to' });
    checkProposes(en, edit, s);
    expect(describeOralAmendment(s, 'OP 1')).toBe('OP 1: insert "fully" after "to"');
  });

  it('says a deletion as the words deleted, and an ambiguous quote with its occurrence', () => {
    const i = at(en, 'the', 1);
    const edit = { from: i, to: i + 4, text: '' };
    const s = value(suggestAmendment(en, edit, 'op1', 'MEX'));
    expect(s).toMatchObject({ kind: 'delete_words', words: 'the', occurrence: 2 });
    checkProposes(en, edit, s);
  });

  it('replaces words, and needs no widening in Chinese', () => {
    const zh = '敦促所有缔约国执行议定书和公约；';
    const edit = { from: at(zh, '执行'), to: at(zh, '执行') + 2, text: '充分执行' };
    const s = value(suggestAmendment(zh, edit, 'op1', 'CHN'));
    expect(s).toMatchObject({ kind: 'insert_words', text: '充分', position: 'after', words: '约国' });
    checkProposes(zh, edit, s);
    const replace = { from: at(zh, '执行'), to: at(zh, '执行') + 2, text: '实施' };
    expect(value(suggestAmendment(zh, replace, 'op1', 'CHN'))).toMatchObject({ kind: 'replace_words', words: '执行', text: '实施' });
    const ins = value(suggestAmendment(zh, { from: 2, to: 2, text: '全体' }, 'op1', 'CHN'));
    expect(ins.kind).toBe('insert_words');
    checkProposes(zh, { from: 2, to: 2, text: '全体' }, ins);
  });

  it('refuses an edit that changes nothing or touches a footnote', () => {
    expect(suggestAmendment(en, { from: 3, to: 5, text: en.slice(3, 5) }, 'op1', null)).toEqual({ ok: false, error: 'nothing was changed' });
    const withNote = 'Recalls its resolution 10/2\uFFFC, and welcomes';
    const refused = suggestAmendment(withNote, { from: at(withNote, '\uFFFC'), to: at(withNote, '\uFFFC') + 1, text: '' }, 'op1', null);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/footnote/);
    const beside = { from: at(withNote, ','), to: at(withNote, ',') + 1, text: ';' };
    checkProposes(withNote, beside, value(suggestAmendment(withNote, beside, 'op1', null)));
  });
});

describe('editBetween and mergeEdits', () => {
  it('merges keystrokes in one place into one edit of the original text', () => {
    const original = 'Urges all States parties';
    let pending: TextEdit | null = null;
    // Type "all " after "Urges ", one key at a time, then take one letter back.
    for (const [k, c] of [...'every '].entries()) pending = mergeEdits(original, pending, { from: 6 + k, to: 6 + k, text: c });
    pending = mergeEdits(original, pending, { from: 11, to: 12, text: '' });
    expect(applyEdit(original, pending!)).toBe('Urges everyall States parties');
    expect(pending).toEqual({ from: 6, to: 6, text: 'every' });
    expect(mergeEdits(original, { from: 6, to: 6, text: 'x' }, { from: 6, to: 7, text: '' })).toBeNull();
    expect(editBetween('abc', 'abc')).toBeNull();
  });
});

// A small seeded generator, so that a failure is replayed exactly.
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

const TEXTS = {
  English: [
    'Urges all States parties to implement the Protocol, and invites States parties that have not yet done so to report to the Conference at its twelfth session;',
    'Requests the Secretariat to continue to assist States, upon request, in the implementation of the Convention\uFFFC and the Protocols thereto;',
  ],
  French: [
    "Prie instamment tous les États parties d'appliquer le Protocole, et invite les États parties qui ne l'ont pas encore fait à faire rapport à la Conférence ;",
    'Prie le Secrétariat de continuer à aider les États, sur demande, à appliquer la Convention\uFFFC et ses Protocoles ;',
  ],
  Chinese: ['敦促所有缔约国执行议定书，并请尚未这样做的缔约国在第十二届会议上向缔约方会议报告；', '请秘书处继续应请求协助各国执行公约\uFFFC及其各项议定书；'],
  Arabic: [
    'يحث جميع الدول الأطراف على تنفيذ البروتوكول، ويدعو الدول الأطراف التي لم تفعل ذلك بعد إلى تقديم تقارير إلى المؤتمر في دورته الثانية عشرة؛',
    'يطلب إلى الأمانة أن تواصل مساعدة الدول، بناء على طلبها، في تنفيذ الاتفاقية\uFFFC وبروتوكولاتها؛',
  ],
} as const;
const INSERTS = {
  English: ['fully ', ' also', 's', 'the ', ', as appropriate,', 'x', ' ', 'Member States', ';', '(a) ', 'all'],
  French: ['pleinement ', ' aussi', 's', "l'", ' , le cas échéant,', 'é', ' ', 'États membres', ' ;', 'à'],
  Chinese: ['充分', '也', '，', '各', '会员国', '的'],
  Arabic: ['بشكل كامل ', ' أيضا', 'ال', '، حسب الاقتضاء،', ' ', 'الدول الأعضاء', 'و'],
};

describe('suggestAmendment on random edits', () => {
  for (const [language, texts] of Object.entries(TEXTS) as [keyof typeof TEXTS, readonly string[]][]) {
    it(`gives, for 400 random edits of ${language} paragraphs, one amendment that the model applies to exactly the edited text`, () => {
      const r = random(language.length * 7919);
      let said = 0;
      const kinds = new Set<string>();
      for (let n = 0; n < 400; n++) {
        const before = r.pick(texts);
        const from = r.int(before.length + 1);
        const to = Math.min(before.length, from + r.pick([0, 0, 1, 2, 5, 12]));
        const edit = { from, to, text: r.pick([0, 1]) === 0 && to > from ? '' : r.pick(INSERTS[language]) };
        const result = suggestAmendment(before, edit, 'op1', 'MEX');
        const minimal = editBetween(before, applyEdit(before, edit));
        const touchesNote = minimal !== null && (before.slice(minimal.from, minimal.to).includes('\uFFFC') || minimal.text.includes('\uFFFC'));
        if (minimal === null || touchesNote) {
          expect(result.ok, JSON.stringify(edit)).toBe(false);
          continue;
        }
        if (!result.ok) throw new Error(`${language} ${JSON.stringify(before)} ${JSON.stringify(edit)}: ${result.error}`);
        checkProposes(before, edit, result.value);
        kinds.add(result.value.kind);
        said++;
      }
      expect(said).toBeGreaterThan(300);
      expect([...kinds].sort()).toEqual(['delete_words', 'insert_words', 'replace_words']);
    });
  }
});
