/**
 * What an oral amendment said, in the six languages (shared/oralAmendmentWords.ts): English is
 * the record's sentence (describeOralAmendment); each other language words every kind, keeps the
 * quoted words as they were said and the paragraph as the text prints it.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/languages';
import { describeOralAmendment, type OralAmendment } from '../../shared/oralAmendments';
import { describeOralAmendmentIn, describeOralAmendmentInAll } from '../../shared/oralAmendmentWords';

const base = { paragraphId: 'op3', proposedBy: null, accepted: true } as const;
const amendments: OralAmendment[] = [
  { ...base, kind: 'replace_words', words: 'twelfth', text: 'thirteenth' },
  { ...base, kind: 'replace_words', words: 'the', text: 'all', occurrence: 2 },
  { ...base, kind: 'delete_words', words: 'also' },
  { ...base, kind: 'insert_words', text: 'Further', position: 'start' },
  { ...base, kind: 'insert_words', text: 'urgently', position: 'after', words: 'Requests' },
  { ...base, kind: 'replace_paragraph', text: 'Decides to remain seized of the matter.' },
  { ...base, kind: 'delete_paragraph' },
  { ...base, kind: 'move_paragraph', position: 'before', targetId: 'op1' },
  { ...base, kind: 'insert_paragraph', position: 'after', paragraphType: 'operative', text: 'Invites States.', newId: 'n1' },
  { ...base, paragraphId: '', kind: 'words_not_in_record', note: 'see the summary record' },
];

describe('oral amendments in six languages', () => {
  it('say every kind in every language, English as the record says it, the quoted words kept', () => {
    for (const a of amendments) {
      const all = describeOralAmendmentInAll(a, a.paragraphId ? 'OP 3' : null, a.kind === 'move_paragraph' ? 'OP 1' : null);
      expect(Object.keys(all).sort()).toEqual([...LANGUAGES].sort());
      expect(all.en).toBe(describeOralAmendment(a, a.paragraphId ? 'OP 3' : null, a.kind === 'move_paragraph' ? 'OP 1' : null));
      for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
        expect(all[lang], `${a.kind} ${lang}`).not.toBe(all.en);
        if ('text' in a) expect(all[lang], `${a.kind} ${lang}`).toContain(a.text);
        if ('words' in a) expect(all[lang], `${a.kind} ${lang}`).toContain(a.words);
        if (a.paragraphId) expect(all[lang], `${a.kind} ${lang}`).toContain('OP 3');
      }
    }
  });

  it('word amendments as the United Nations texts of each language do', () => {
    const [replace, second, , , after, , , move, insert, notInRecord] = amendments;
    expect(describeOralAmendmentIn(replace!, 'OP 3', null, 'fr')).toBe('OP 3 : remplacer « twelfth » par « thirteenth »');
    expect(describeOralAmendmentIn(second!, 'OP 3', null, 'fr')).toBe('OP 3 : remplacer « the » (2e occurrence) par « all »');
    expect(describeOralAmendmentIn(replace!, 'OP 3', null, 'es')).toBe('OP 3: sustituir «twelfth» por «thirteenth»');
    expect(describeOralAmendmentIn(replace!, 'OP 3', null, 'ru')).toBe('OP 3: заменить слова «twelfth» словами «thirteenth»');
    expect(describeOralAmendmentIn(replace!, 'OP 3', null, 'ar')).toBe('OP 3: يستعاض عن عبارة «twelfth» بعبارة «thirteenth»');
    expect(describeOralAmendmentIn(replace!, 'OP 3', null, 'zh')).toBe('OP 3：将“twelfth”改为“thirteenth”');
    expect(describeOralAmendmentIn(after!, 'OP 3', null, 'zh')).toBe('OP 3：在“Requests”之后插入“urgently”');
    expect(describeOralAmendmentIn(move!, 'OP 3', 'OP 1', 'es')).toBe('OP 3: trasladar el párrafo antes de OP 1');
    expect(describeOralAmendmentIn(insert!, 'OP 3', null, 'fr')).toBe('insérer un nouveau paragraphe du dispositif après OP 3 : « Invites States. »');
    expect(describeOralAmendmentIn(notInRecord!, null, null, 'ru')).toBe('внесена устная поправка; ее текст в материалах отсутствует (see the summary record)');
    // A paragraph the text prints no number for is named by its id.
    expect(describeOralAmendmentIn(amendments[6]!, null, null, 'fr')).toBe('paragraphe op3 : supprimer le paragraphe');
  });
});
