import { describe, expect, it } from 'vitest';
import { importPlainText } from '../../../shared/importText';
import { exportPlainText, numberLine, superscript } from '../../../shared/export/plainText';
import { doc, op, title, withoutIds } from '../../builders';
import { englishText, fixtureTexts, frenchVersion } from './helpers';

describe('plain text as the reports print it', () => {
  it.each(fixtureTexts().map((f) => [f.name, f.doc] as const))('%s reads back into the same structure and words', (_name, text) => {
    const printed = exportPlainText(text, { lang: 'zh' });
    const back = importPlainText(printed);
    expect(back.ok).toBe(true);
    if (back.ok) expect(withoutIds(back.value.doc)).toEqual(withoutIds(text));
  });

  it('prints derived numbers, superscript markers and the notes at the end', () => {
    const printed = exportPlainText(englishText(), { adoptedAs: { kind: 'resolution', number: '11/6' } });
    const lines = printed.trim().split('\n\n');
    expect(lines[0]).toBe('Resolution 11/6');
    expect(lines).toContain('1. Urges States parties to cooperate;');
    expect(lines).toContain('(a) To assist States;');
    expect(lines).toContain('(i) In particular small island States;');
    expect(lines).toContain('(b) To report² to the Conference at its twelfth session.');
    expect(lines).toContain('Annex');
    expect(lines.slice(-2)).toEqual(['¹ United Nations, Treaty Series, vol. 2225.', '² See CTOC/COP/2022/3.']);
  });

  it('prints the adopted text under its number, the line of its adoption after the text and before the notes; the importer keeps the title', () => {
    const adoptedAs = { kind: 'resolution' as const, number: '11/5', meeting: 11, date: '2022-10-21' };
    const lines = exportPlainText(englishText(), { adoptedAs }).trim().split('\n\n');
    expect(lines.slice(0, 2)).toEqual(['Resolution 11/5', 'Strengthening international cooperation']);
    expect(lines.slice(-3)).toEqual(['Adopted at the 11th meeting, on 21 October 2022', '¹ United Nations, Treaty Series, vol. 2225.', '² See CTOC/COP/2022/3.']);
    const zh = exportPlainText(englishText(), { adoptedAs, lang: 'zh' }).trim().split('\n\n');
    expect(zh[0]).toBe('第 11/5 号决议');
    expect(zh).toContain('2022年10月21日第11次会议通过');
    const back = importPlainText(exportPlainText(englishText(), { adoptedAs }));
    expect(back.ok && back.value.report.heading).toMatchObject({ kind: 'resolution', number: '11/5' });
    expect(back.ok && back.value.report.title).toBe('Strengthening international cooperation');
  });

  it('ends each block of a version not yet translated with the note in the version’s language, and reads back without it', () => {
    const { text, pending } = frenchVersion();
    const note = ' [Pas encore traduit\u00a0: texte dans la langue de référence]';
    const printed = exportPlainText(text, { lang: 'fr', pending });
    const lines = printed.trim().split('\n\n');
    expect(lines).toContain(`Deeply concerned about the trafficking in firearms,${note}`);
    expect(lines).toContain(`2. Requests the secretariat:${note}`);
    expect(lines).toContain(`b) To report¹ to the Conference at its twelfth session.${note}`);
    expect(lines).toContain(`Recommendations${note}`);
    expect(lines.filter((l) => l.includes(note))).toHaveLength(4);
    // The translated ones, as printed without a list.
    for (const line of [
      'Rappelant sa résolution 10/2,',
      '1. Prie instamment les États parties de coopérer\u00a0;',
      'a) D’aider les États\u00a0;',
      'Le Groupe de travail recommande\u00a0:',
    ]) {
      expect(lines).toContain(line);
    }
    expect(exportPlainText(text, { lang: 'fr' })).not.toContain(note);
    // Read back, the note is gone and nothing else changes: PP 2 is still preambular (it ends with its comma), OP 2 keeps its subparagraphs.
    const back = importPlainText(printed, { lang: 'fr' });
    const unmarked = importPlainText(exportPlainText(text, { lang: 'fr' }), { lang: 'fr' });
    expect(back.ok && unmarked.ok).toBe(true);
    if (back.ok && unmarked.ok) {
      expect(withoutIds(back.value.doc)).toEqual(withoutIds(unmarked.value.doc));
      expect(withoutIds(back.value.doc)).toEqual(withoutIds(text));
    }
  });

  it('leaves a single operative paragraph unnumbered', () => {
    const printed = exportPlainText(doc(title('T'), op('Decides to meet again.')));
    expect(printed).toBe('T\n\nDecides to meet again.\n');
  });

  it('writes the number line in Chinese and footnote numbers in superscript', () => {
    expect(numberLine({ kind: 'decision', number: '11/1' }, 'zh')).toBe('第 11/1 号决定');
    expect(superscript(21)).toBe('²¹');
  });
});
