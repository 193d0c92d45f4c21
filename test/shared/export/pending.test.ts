/** The note on a language version's blocks not yet translated (shared/export/pending.ts), and which blocks carry it (blocks.ts). */
import { describe, expect, it } from 'vitest';
import { readBlocks } from '../../../shared/export/blocks';
import { pendingMarker, pendingNote, withoutPendingMarker } from '../../../shared/export/pending';
import { LANGUAGES } from '../../../shared/languages';
import { FORMULA_ID, TITLE_ID } from '../../../shared/languageVersions';
import { annex, doc, formula, heading, op, title } from '../../builders';
import { frenchVersion } from './helpers';

describe('the note on words not yet translated', () => {
  it('is worded in each of the six languages, each its own', () => {
    const notes = LANGUAGES.map(pendingNote);
    expect(new Set(notes).size).toBe(6);
    expect(pendingNote('en')).toBe('Not yet translated: text in the reference language');
    expect(pendingNote('fr')).toBe('Pas encore traduit\u00a0: texte dans la langue de référence');
    expect(pendingNote('es')).toBe('Aún no traducido: texto en el idioma de referencia');
    expect(pendingNote('zh')).toBe('尚未翻译：参照语文的文字');
    for (const note of notes) expect(note).not.toMatch(/[[\]]/);
  });

  it('follows the words in square brackets', () => {
    expect(pendingMarker('ru')).toBe(' [Еще не переведено: текст на исходном языке]');
    expect(pendingMarker('ar')).toBe(' [لم يُترجَم بعد: النص بلغة المرجع]');
  });

  it('is taken off the end of a printed line in any of the six languages, and nowhere else', () => {
    for (const lang of LANGUAGES) expect(withoutPendingMarker(`2. Requests the secretariat:${pendingMarker(lang)}`)).toBe('2. Requests the secretariat:');
    expect(withoutPendingMarker(`b) To report¹ to the Conference.${pendingMarker('fr')}  `)).toBe('b) To report¹ to the Conference.');
    const inside = `Recalling${pendingMarker('en')} its resolution,`;
    expect(withoutPendingMarker(inside)).toBe(inside);
    expect(withoutPendingMarker('States [parties]')).toBe('States [parties]');
  });
});

describe('the blocks a version lists as pending', () => {
  it('are its paragraphs by id, the annex heading by the annex’s id, the title and formula by their pseudo-ids', () => {
    const { text, pending } = frenchVersion();
    const marked = readBlocks(text, { lang: 'fr', pending })
      .blocks.filter((b) => b.role !== 'annex' && b.pending)
      .map((b) => (b.role === 'paragraph' ? b.id : b.role));
    expect(marked).toEqual(['pp2', 'op2', 'op2b', 'annexHeading']);
    const whole = doc(title('T'), formula('The Conference,'), op({ id: 'x' }, 'Decides;'), annex({ id: 'ax' }, heading('H')));
    const flags = readBlocks(whole, { pending: [TITLE_ID, FORMULA_ID] }).blocks.map((b) => (b.role === 'annex' ? null : b.pending));
    expect(flags).toEqual([true, true, false, null, false]);
  });

  it('are none without a list: the reference text and a version wholly translated', () => {
    const { text } = frenchVersion();
    expect(readBlocks(text).blocks.some((b) => b.role !== 'annex' && b.pending)).toBe(false);
  });
});
