/**
 * Language versions (shared/languageVersions.ts): a version with the reference's structure takes
 * its ids; one that differs is refused with the exact place and kind of every difference; carrying
 * a version to the next revision keeps what did not change; a typed paragraph keeps its footnotes;
 * two versions side by side line up. Texts are built with tiny builders; the words are
 * illustrative, not the UN's.
 */
import { describe, expect, it } from 'vitest';
import {
  alignVersion,
  carryForward,
  changedParagraphs,
  FORMULA_ID,
  paragraphForTyping,
  printedOrdinal,
  sideBySide,
  TITLE_ID,
  typeParagraph,
  type Mismatch,
} from '../../shared/languageVersions';
import { importPlainText } from '../../shared/importText';
import { mayRecordLanguageVersion } from '../../shared/policy';
import { textFromJSON, type TextJSON } from '../../shared/schema';

type Inline = string | { note: string; id?: string };
const inline = (parts: Inline[]) =>
  parts.length === 0 || (parts.length === 1 && parts[0] === '')
    ? {}
    : {
        content: parts.map((p) => (typeof p === 'string' ? { type: 'text', text: p } : { type: 'footnote', attrs: { id: p.id ?? '' }, content: [{ type: 'text', text: p.note }] })),
      };
const title = (...t: Inline[]) => ({ type: 'title', ...inline(t) });
const formula = (...t: Inline[]) => ({ type: 'formula', ...inline(t) });
const pp = (id: string, ...t: Inline[]) => ({ type: 'preambular', attrs: { id }, ...inline(t) });
const op = (id: string, ...t: Inline[]) => ({ type: 'operative', attrs: { id }, ...inline(t) });
const plain = (id: string, ...t: Inline[]) => ({ type: 'plain', attrs: { id }, ...inline(t) });
const sub = (id: string, level: 1 | 2, ...t: Inline[]) => ({ type: 'subparagraph', attrs: { id, level }, ...inline(t) });
const annex = (id: string, heading: string, ...paragraphs: object[]) => ({
  type: 'annex',
  attrs: { id },
  content: [{ type: 'annexHeading', content: [{ type: 'text', text: heading }] }, ...paragraphs],
});
const doc = (...content: object[]): TextJSON => textFromJSON({ type: 'doc', content }).toJSON();

const english = doc(
  title('Strengthening international cooperation'),
  formula('The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,'),
  pp('pp1', 'Recalling its resolution 10/4 of 16 October 2020,'),
  pp('pp2', 'Noting with concern the growing use of new technologies by organized criminal groups,'),
  op('op1', 'Urges States parties to make full use of the Convention for international cooperation in criminal matters;'),
  op(
    'op2',
    'Encourages States parties to designate central authorities',
    { note: 'See article 18, paragraph 13, of the Convention.', id: 'fn1' },
    ' and to inform the Secretary-General;',
  ),
  op('op3', 'Requests the secretariat to continue to provide technical assistance, including by:'),
  sub('op3a', 1, 'Developing tools on mutual legal assistance;'),
  sub('op3b', 1, 'Organizing regional meetings of central authorities in 2023 and 2024;'),
  op('op4', 'Also requests the secretariat to report on the implementation of the present resolution at its twelfth session;'),
  annex('ax1', 'Model form for requests', plain('ax1p1', 'A request shall contain the following information.')),
);

const french = doc(
  title('Renforcement de la coopération internationale'),
  formula('La Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée,'),
  pp('f1', 'Rappelant sa résolution 10/4 du 16 octobre 2020,'),
  pp('f2', 'Notant avec préoccupation l’utilisation croissante des nouvelles technologies par les groupes criminels organisés,'),
  op('f3', 'Exhorte les États parties à utiliser pleinement la Convention aux fins de la coopération internationale en matière pénale ;'),
  op(
    'f4',
    'Encourage les États parties à désigner des autorités centrales',
    { note: 'Voir l’article 18, paragraphe 13, de la Convention.', id: 'x' },
    ' et à en informer le Secrétaire général ;',
  ),
  op('f5', 'Prie le secrétariat de continuer à fournir une assistance technique, notamment :'),
  sub('f6', 1, 'En élaborant des outils relatifs à l’entraide judiciaire ;'),
  sub('f7', 1, 'En organisant des réunions régionales des autorités centrales en 2023 et 2024 ;'),
  op('f8', 'Prie également le secrétariat de lui faire rapport sur l’application de la présente résolution à sa douzième session ;'),
  annex('fa', 'Formulaire type de demande', plain('f9', 'Une demande contient les renseignements suivants.')),
);

// The JSON of `text` without the nodes listed (by paragraph id), for mismatch examples.
function without(text: TextJSON, ...ids: string[]): TextJSON {
  const drop = (nodes: TextJSON[]): TextJSON[] => nodes.filter((n) => !ids.includes(n.attrs?.id)).map((n) => (n.content ? { ...n, content: drop(n.content) } : n));
  return textFromJSON({ ...text, content: drop(text.content) }).toJSON();
}

function replaced(text: TextJSON, id: string, ...by: object[]): TextJSON {
  const swap = (nodes: TextJSON[]): TextJSON[] => nodes.flatMap((n) => (n.attrs?.id === id ? by : [n.content && n.type === 'annex' ? { ...n, content: swap(n.content) } : n]));
  return textFromJSON({ ...text, content: swap(text.content) }).toJSON();
}

function refused(result: ReturnType<typeof alignVersion>): Mismatch[] {
  if (result.ok) throw new Error('expected the version to be refused');
  return result.mismatches;
}

const idsOf = (text: TextJSON): string[] => {
  const out: string[] = [];
  const walk = (n: TextJSON) => {
    if (n.attrs?.id) out.push(`${n.type}:${n.attrs.id}`);
    for (const c of n.content ?? []) walk(c);
  };
  walk(text);
  return out;
};

describe('alignVersion', () => {
  it('puts the reference’s paragraph, annex and footnote ids on a version of the same structure', () => {
    const aligned = alignVersion(english, french);
    expect(aligned.ok).toBe(true);
    if (!aligned.ok) return;
    expect(idsOf(aligned.text)).toEqual(idsOf(english));
    // The words stay the version's.
    expect(JSON.stringify(aligned.text)).toContain('Exhorte les États parties');
    expect(JSON.stringify(aligned.text)).not.toContain('Urges');
    // A valid text of the schema.
    expect(() => textFromJSON(aligned.text)).not.toThrow();
  });

  it('names the paragraph that is missing, not the last of the run', () => {
    const mismatches = refused(alignVersion(english, without(french, 'f4')));
    expect(mismatches).toEqual([expect.objectContaining({ kind: 'missing', at: 'OP 2', versionAt: null })]);
    const early = refused(alignVersion(english, without(french, 'f1')));
    expect(early).toEqual([expect.objectContaining({ kind: 'missing', at: 'PP 1' })]);
  });

  it('settles paragraphs alike in length by the ids a version made from the reference keeps, and says so when nothing can', () => {
    const alike = (ids: string[]) => doc(title('Titre'), ...ids.map((id, i) => op(id, `Paragraphe de longueur égale numéro ${'abcdef'[i]} ;`)));
    const reference = doc(title('Title'), ...['o1', 'o2', 'o3', 'o4'].map((id, i) => op(id, `Paragraph of equal length number ${'abcdef'[i]};`)));
    // Made from the reference (typed, carried forward): its ids name the missing one.
    for (const gone of ['o1', 'o2', 'o3', 'o4']) {
      const kept = ['o1', 'o2', 'o3', 'o4'].filter((id) => id !== gone);
      const { ref } = { ref: `OP ${gone.slice(1)}` };
      expect(refused(alignVersion(reference, alike(kept)))).toEqual([expect.objectContaining({ kind: 'missing', at: ref })]);
    }
    // Read from paste (fresh ids): the lengths cannot tell, and the mismatch says which others it may be.
    const [fresh] = refused(alignVersion(reference, alike(['n1', 'n2', 'n3'])));
    expect(fresh!.kind).toBe('missing');
    expect(fresh!.detail).toMatch(/cannot tell it from OP \d( or OP \d)*/);
  });

  it('reports a paragraph split in two at the reference paragraph, with both parts of the version', () => {
    const split = replaced(
      french,
      'f3',
      op('s1', 'Exhorte les États parties à utiliser pleinement la Convention'),
      op('s2', 'aux fins de la coopération internationale en matière pénale ;'),
    );
    const mismatches = refused(alignVersion(english, split));
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toMatchObject({ kind: 'split', at: 'OP 1' });
    expect(mismatches[0]!.versionAt).toMatch(/OP 1 .* and OP 2 /);
  });

  it('reports an extra paragraph where it stands', () => {
    const extra = replaced(
      french,
      'f8',
      op('e1', 'Décide de rester saisie de la question ;'),
      op('f8', 'Prie également le secrétariat de lui faire rapport sur l’application de la présente résolution à sa douzième session ;'),
    );
    const mismatches = refused(alignVersion(english, extra));
    expect(mismatches).toEqual([expect.objectContaining({ kind: 'extra', at: 'after OP 3 (b)' })]);
    expect(mismatches[0]!.versionAt).toMatch(/^OP 4 /);
  });

  it('reports subparagraphs at another level and letters printed differently', () => {
    const level = replaced(french, 'f7', sub('f7', 2, 'En organisant des réunions régionales des autorités centrales en 2023 et 2024 ;'));
    expect(refused(alignVersion(english, level))).toEqual([expect.objectContaining({ kind: 'lettering_differs', at: 'OP 3 (b)' })]);
    // The importer's report says the version printed "c)" where the reference has (b).
    const lettered = refused(alignVersion(english, french, { printed: { f6: 'a)', f7: 'c)' } }));
    expect(lettered).toEqual([expect.objectContaining({ kind: 'lettering_differs', at: 'OP 3 (b)' })]);
    expect(lettered[0]!.versionAt).toContain('“c)”');
    // Arabic letters are read in their order: (ب) is (b).
    expect(alignVersion(english, french, { printed: { f6: '(أ)', f7: '(ب)' } }).ok).toBe(true);
  });

  it('reports an opening formula read as a preambular paragraph', () => {
    const noFormula = textFromJSON({
      ...french,
      content: french.content.map((n: TextJSON) => (n.type === 'formula' ? { type: 'preambular', attrs: { id: 'ff' }, content: n.content } : n)),
    }).toJSON();
    expect(refused(alignVersion(english, noFormula))).toEqual([expect.objectContaining({ kind: 'kind_differs', at: 'the opening formula' })]);
  });

  it('reports a missing annex once, differing footnotes and a missing title', () => {
    const noAnnex = textFromJSON({ ...french, content: french.content.filter((n: TextJSON) => n.type !== 'annex') }).toJSON();
    expect(refused(alignVersion(english, noAnnex))).toEqual([expect.objectContaining({ kind: 'annex_missing', at: 'Annex' })]);
    const noNote = replaced(french, 'f4', op('f4', 'Encourage les États parties à désigner des autorités centrales et à en informer le Secrétaire général ;'));
    expect(refused(alignVersion(english, noNote))).toEqual([expect.objectContaining({ kind: 'footnotes_differ', at: 'OP 2' })]);
    const untitled = textFromJSON({ ...french, content: [{ type: 'title' }, ...french.content.slice(1)] }).toJSON();
    expect(refused(alignVersion(english, untitled))).toEqual([expect.objectContaining({ kind: 'title_missing' })]);
  });

  it('says at once that a text far from the reference is not a version of it, and aligns a long text of the same shape in order', () => {
    const many = (n: number, prefix: string) => doc(title('T'), ...Array.from({ length: n }, (_, i) => op(`${prefix}${i}`, `Paragraph ${i} of the text;`)));
    const far = refused(alignVersion(many(10, 'r'), many(100, 'v')));
    expect(far).toEqual([expect.objectContaining({ kind: 'extra', at: 'the whole text', versionAt: null })]);
    expect(far[0]!.detail).toContain('100 paragraphs and headings where the text has 10');
    // 5,000 paragraphs each side: paired in order without a search (a search would be 25 million cells).
    const started = performance.now();
    const long = alignVersion(many(5000, 'r'), many(5000, 'v'));
    expect(long.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('aligns texts read by the importer (English and French pasted)', () => {
    const en = importPlainText(
      [
        'Strengthening international cooperation',
        'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
        'Recalling its resolution 10/4 of 16 October 2020,',
        '1. Urges States parties to make full use of the Convention;',
        '2. Requests the secretariat to continue to provide technical assistance, including by:',
        '(a) Developing tools on mutual legal assistance;',
        '(b) Organizing regional meetings in 2023 and 2024;',
        '3. Also requests the secretariat to report at its twelfth session.',
      ].join('\n'),
    );
    const fr = importPlainText(
      [
        'Renforcement de la coopération internationale',
        'La Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée,',
        'Rappelant sa résolution 10/4 du 16 octobre 2020,',
        '1. Exhorte les États parties à utiliser pleinement la Convention ;',
        '2. Prie le secrétariat de continuer à fournir une assistance technique, notamment :',
        '(a) En élaborant des outils relatifs à l’entraide judiciaire ;',
        '(b) En organisant des réunions régionales en 2023 et 2024 ;',
        '3. Prie également le secrétariat de lui faire rapport à sa douzième session.',
      ].join('\n'),
    );
    if (!en.ok || !fr.ok) throw new Error('import failed');
    const reference = en.value.doc.toJSON();
    const aligned = alignVersion(reference, fr.value.doc.toJSON());
    expect(aligned.ok).toBe(true);
    if (aligned.ok) expect(idsOf(aligned.text)).toEqual(idsOf(reference));
  });
});

describe('printedOrdinal', () => {
  it('reads letters, roman numerals, digits and Arabic letters as printed in the six languages', () => {
    expect(printedOrdinal('(c)', 1)).toBe(3);
    expect(printedOrdinal('c)', 1)).toBe(3);
    expect(printedOrdinal('(ج)', 1)).toBe(3);
    expect(printedOrdinal('(هـ)', 1)).toBe(5);
    expect(printedOrdinal('(iv)', 2)).toBe(4);
    expect(printedOrdinal('㈢', 2)).toBe(3);
    expect(printedOrdinal('٣ -', 0)).toBe(3);
    expect(printedOrdinal('(aa)', 1)).toBe(27);
    expect(printedOrdinal('’2‘', 2)).toBe(2);
    expect(printedOrdinal('§', 1)).toBeNull();
  });
});

describe('a new revision of the reference', () => {
  const rev1 = replaced(
    english,
    'op2',
    op(
      'op2',
      'Encourages States parties to designate central authorities',
      { note: 'See article 18, paragraph 13, of the Convention.', id: 'fn1' },
      ' and to inform the Secretary-General without delay;',
    ),
  );
  const next = replaced(
    rev1,
    'op4',
    op('opNew', 'Decides to remain seized of the matter;'),
    op('op4', 'Also requests the secretariat to report on the implementation of the present resolution at its twelfth session;'),
  );

  it('lists the paragraphs whose words changed or that are new', () => {
    expect(changedParagraphs(english, rev1)).toEqual(['op2']);
    expect(changedParagraphs(english, next).sort()).toEqual(['op2', 'opNew'].sort());
    const retitled = textFromJSON({ ...english, content: [{ type: 'title', content: [{ type: 'text', text: 'Another title' }] }, ...english.content.slice(1)] }).toJSON();
    expect(changedParagraphs(english, retitled)).toEqual([TITLE_ID]);
  });

  it('lists a changed annex heading and its changed paragraphs by their ids', () => {
    const renamed = textFromJSON({
      ...english,
      content: english.content.map((n: TextJSON) =>
        n.type === 'annex' ? { ...n, content: [{ type: 'annexHeading', content: [{ type: 'text', text: 'Model form for requests for assistance' }] }, n.content[1]] } : n,
      ),
    }).toJSON();
    expect(changedParagraphs(english, renamed)).toEqual(['ax1']);
    const aligned = alignVersion(english, french);
    if (!aligned.ok) throw new Error('expected aligned');
    const carried = carryForward(aligned.text, english, renamed);
    expect(carried.pending).toEqual(['ax1']);
    expect(JSON.stringify(carried.text)).toContain('Une demande contient'); // the annex's paragraph kept
  });

  it('carries a version forward: unchanged paragraphs kept, the others in the reference’s words and pending', () => {
    const aligned = alignVersion(english, french);
    if (!aligned.ok) throw new Error('expected aligned');
    const carried = carryForward(aligned.text, english, next);
    expect(carried.pending).toEqual(['op2', 'opNew']);
    const text = JSON.stringify(carried.text);
    expect(text).toContain('Exhorte les États parties'); // OP 1 kept
    expect(text).toContain('without delay'); // OP 2 pending, in English
    expect(text).toContain('Decides to remain seized'); // new, in English
    expect(idsOf(carried.text)).toEqual(idsOf(next));
    expect(() => textFromJSON(carried.text)).not.toThrow();
    // A paragraph still pending in the old version stays pending when kept.
    expect(carryForward(aligned.text, english, next, ['op1']).pending).toEqual(['op1', 'op2', 'opNew']);
  });
});

describe('typing a paragraph', () => {
  it('replaces the words and keeps the footnote where the translator marks it', () => {
    const typing = paragraphForTyping(english, 'op2');
    expect(typing).toEqual({
      text: 'Encourages States parties to designate central authorities[^1] and to inform the Secretary-General;',
      footnotes: ['See article 18, paragraph 13, of the Convention.'],
    });
    const typed = typeParagraph(english, 'op2', 'Alienta a los Estados partes a designar autoridades centrales[^1] y a informar al Secretario General;', [
      'Véase el artículo 18, párrafo 13, de la Convención.',
    ]);
    if (!typed.ok) throw new Error(typed.error);
    expect(paragraphForTyping(typed.value, 'op2')).toEqual({
      text: 'Alienta a los Estados partes a designar autoridades centrales[^1] y a informar al Secretario General;',
      footnotes: ['Véase el artículo 18, párrafo 13, de la Convención.'],
    });
    expect(idsOf(typed.value)).toEqual(idsOf(english));
    expect(typeParagraph(english, TITLE_ID, 'Fortalecimiento de la cooperación internacional').ok).toBe(true);
    expect(typeParagraph(english, FORMULA_ID, 'La Conferencia de las Partes,').ok).toBe(true);
  });

  it('refuses a typed paragraph that loses, repeats or invents a footnote mark', () => {
    expect(typeParagraph(english, 'op2', 'Alienta a los Estados partes;')).toMatchObject({ ok: false });
    expect(typeParagraph(english, 'op2', 'Alienta[^1] a los Estados[^1] partes;')).toMatchObject({ ok: false });
    expect(typeParagraph(english, 'op1', 'Exhorta[^1] a los Estados partes;')).toMatchObject({ ok: false });
    expect(typeParagraph(english, 'op2', 'Alienta[^1];', ['uno', 'dos'])).toMatchObject({ ok: false });
    expect(typeParagraph(english, 'nope', 'x')).toMatchObject({ ok: false });
  });
});

describe('sideBySide', () => {
  it('lines two versions up row by row, numbers and footnotes aligned, pending rows flagged', () => {
    const aligned = alignVersion(english, french);
    if (!aligned.ok) throw new Error('expected aligned');
    const rows = sideBySide(english, 'en', aligned.text, 'fr', ['op4']);
    expect(rows.map((r) => r.id)).toEqual([TITLE_ID, FORMULA_ID, 'pp1', 'pp2', 'op1', 'op2', 'op3', 'op3a', 'op3b', 'op4', 'ax1', 'ax1p1']);
    const op2 = rows.find((r) => r.id === 'op2')!;
    expect(op2.a).toMatchObject({ label: '2.', footnotes: ['1 See article 18, paragraph 13, of the Convention.'] });
    expect(op2.a!.text).toContain('authorities¹ and');
    expect(op2.b).toMatchObject({ label: '2.', footnotes: ['1 Voir l’article 18, paragraphe 13, de la Convention.'] });
    // Each side numbered as its language prints it (shared/numberingLabels.ts printedLabel).
    expect(rows.find((r) => r.id === 'op3b')).toMatchObject({ a: { label: '(b)' }, b: { label: 'b)' } });
    expect(rows.find((r) => r.id === 'ax1')).toMatchObject({ kind: 'annexHeading', a: { label: 'Annex' }, b: { label: 'Annexe' } });
    const arabic = sideBySide(english, 'en', aligned.text, 'ar');
    expect(arabic.find((r) => r.id === 'op2')!.b!.label).toBe('2 -');
    expect(rows.filter((r) => r.pending).map((r) => r.id)).toEqual(['op4']);
    expect(rows.every((r) => r.a !== null && r.b !== null)).toBe(true);
  });

  it('shows a block only one side has in its place', () => {
    const rows = sideBySide(english, 'en', without(english, 'op2'), 'en');
    const op2 = rows.find((r) => r.id === 'op2')!;
    expect(op2.b).toBeNull();
    expect(rows.map((r) => r.id).indexOf('op2')).toBe(5);
  });
});

describe('mayRecordLanguageVersion', () => {
  it('lets the secretariat alone record language versions', () => {
    expect(mayRecordLanguageVersion({ id: 's', role: 'secretariat', delegationId: null })).toEqual({ ok: true, value: true });
    for (const role of ['chair', 'delegate'] as const) {
      const refused = mayRecordLanguageVersion({ id: 'u', role, delegationId: role === 'delegate' ? 'd' : null });
      expect(refused).toEqual({ ok: false, error: 'only the secretariat records the language versions of issued texts' });
    }
  });
});
