/** The signs of each language the importer reads (shared/import/conventions.ts), one by one, and in a text. */
import { describe, expect, it } from 'vitest';
import { CONVENTIONS, guessLanguage, isOpeningFormula, westernDigits } from '../../shared/import/conventions';
import { readAnnexMarker, readHeading } from '../../shared/import/headings';
import { readLetters, readNumber } from '../../shared/import/labels';
import { LANGUAGES } from '../../shared/languages';
import { annexLabel, printedLabel } from '../../shared/numberingLabels';
import { importPlainText, type ImportResult } from '../../shared/importText';

function load(text: string): ImportResult {
  let n = 0;
  const result = importPlainText(text, { newId: () => `p${++n}` });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const kinds = (result: ImportResult) => result.report.paragraphs.map((p) => `${p.kind}${p.level ?? ''}`);

describe('the conventions of the six languages', () => {
  it('the table agrees with the labels printed (printedLabel) and with what the importer reads', () => {
    for (const lang of LANGUAGES) {
      const c = CONVENTIONS[lang];
      expect(printedLabel({ kind: 'operative', level: 0, label: '1.', number: '1' }, lang)).toBe(c.operativeNumber);
      expect(printedLabel({ kind: 'subparagraph', level: 1, label: '(a)', number: '(a)' }, lang)).toBe(c.subparagraphs[0]);
      expect(printedLabel({ kind: 'subparagraph', level: 2, label: '(i)', number: '(i)' }, lang)).toBe(c.subparagraphs[1]);
      expect(readNumber(`${c.operativeNumber} x`, lang)).toMatchObject({ number: 1, asPrinted: c.operativeNumber });
      expect(readLetters(`${c.subparagraphs[0]} x`)).toMatchObject({ letters: 'a', asPrinted: c.subparagraphs[0] });
      expect(readLetters(`${c.subparagraphs[1]} x`)).toMatchObject({ letters: 'i', asPrinted: c.subparagraphs[1] });
      expect(readHeading(lang === 'zh' ? `第 11/5 号${c.resolution}` : `${c.resolution} 11/5`)).toEqual({ docKind: 'resolution', number: '11/5' });
      expect(readHeading(lang === 'zh' ? `第 11/1 号${c.decision}` : `${c.decision} 11/1`)).toEqual({ docKind: 'decision', number: '11/1' });
      expect(readAnnexMarker(c.annex)).toEqual({ ordinal: null });
      expect(annexLabel(0, 1, lang)).toBe(c.annex);
    }
  });

  it('guesses the language from the script, and in Latin script from the small words', () => {
    expect(guessLanguage('إن الجمعية العامة، إذ تشير إلى قرارها')).toBe('ar');
    expect(guessLanguage('大会， 回顾其决议，')).toBe('zh');
    expect(guessLanguage('Генеральная Ассамблея, ссылаясь на свою резолюцию')).toBe('ru');
    expect(guessLanguage("L'Assemblée générale, Rappelant sa résolution sur les droits des enfants et la protection de leurs familles,")).toBe('fr');
    expect(guessLanguage('La Asamblea General, Recordando su resolución sobre los derechos de los niños y la protección de sus familias,')).toBe('es');
    expect(guessLanguage('The General Assembly, Recalling its resolution on the rights of the child,')).toBe('en');
    expect(guessLanguage('')).toBe('en');
  });

  it('reads number lines in the six languages', () => {
    expect(['Resolution 11/5', 'Décision 11/1', 'Resolución 11/5', 'Решение 11/2', 'القرار 11/5', 'المقرر ١١/١', '第 11/5 号决议'].map(readHeading)).toEqual([
      { docKind: 'resolution', number: '11/5' },
      { docKind: 'decision', number: '11/1' },
      { docKind: 'resolution', number: '11/5' },
      { docKind: 'decision', number: '11/2' },
      { docKind: 'resolution', number: '11/5' },
      { docKind: 'decision', number: '11/1' },
      { docKind: 'resolution', number: '11/5' },
    ]);
    expect(readHeading('Resolutions adopted')).toBeNull();
  });

  it('reads annex headings in the six languages, with their ordinals', () => {
    const read = (t: string) => readAnnexMarker(t)?.ordinal;
    expect(['Annex', 'Annex II', 'Annexe III', 'Anexo IV', 'Приложение II', '附件二', '附件十一', 'المرفق', 'المرفق الثاني', 'المرفق الحادي عشر'].map(read)).toEqual([
      null,
      2,
      3,
      4,
      2,
      2,
      11,
      null,
      2,
      11,
    ]);
    expect(readAnnexMarker('Annexes to the report')).toBeUndefined();
    expect(readAnnexMarker('المرفقات')).toBeUndefined();
  });

  it('reads operative numbers: "1." everywhere, Arabic "1 -" (also in Arabic-Indic digits), never "10 - year" in English', () => {
    expect(readNumber('3. Decides;', 'en')).toMatchObject({ number: 3, suffix: null, asPrinted: '3.', body: 'Decides;' });
    expect(readNumber('3 bis. Décide ;', 'fr')).toMatchObject({ number: 3, suffix: 'bis', asPrinted: '3 bis.' });
    expect(readNumber('3 - تقرر؛', 'ar')).toMatchObject({ number: 3, asPrinted: '3 -', body: 'تقرر؛' });
    expect(readNumber('٣ - تقرر ١٩٨٢؛', 'en')).toMatchObject({ number: 3, asPrinted: '٣ -', body: 'تقرر ١٩٨٢؛' });
    expect(readNumber('5 مكررا - تقرر؛', 'ar')).toMatchObject({ number: 5, suffix: 'bis' });
    expect(readNumber('1.请秘书长提出报告。', 'zh')).toMatchObject({ number: 1, body: '请秘书长提出报告。' });
    expect(readNumber('2- تطلب؛', 'en')).toMatchObject({ number: 2, asPrinted: '2 -', body: 'تطلب؛' });
    expect(readNumber('2 -تطلب؛', 'ar')).toMatchObject({ number: 2, asPrinted: '2 -', body: 'تطلب؛' });
    expect(readNumber('10-15 تشرين الأول/أكتوبر', 'ar')).toBeNull();
    expect(readNumber('10 - year plan of action,', 'en')).toBeNull();
    expect(readNumber('16.4 per cent of the budget', 'en')).toBeNull();
  });

  it('reads subparagraph labels and the level a sign itself gives', () => {
    const read = (t: string) => {
      const l = readLetters(t);
      return l && [l.letters, l.level, l.asPrinted, l.body];
    };
    expect(read('(c) To report;')).toEqual(['c', null, '(c)', 'To report;']);
    expect(read('c) De faire rapport ;')).toEqual(['c', null, 'c)', 'De faire rapport ;']);
    expect(read('（b）加强；')).toEqual(['b', null, '(b)', '加强；']);
    expect(read('(ج) أن تقدم تقريرا؛')).toEqual(['c', 1, '(ج)', 'أن تقدم تقريرا؛']);
    expect(read('(هـ) أن تقدم؛')).toEqual(['e', 1, '(هـ)', 'أن تقدم؛']);
    expect(read('’2‘ تعزيز القدرات؛')).toEqual(['ii', 2, '’2‘', 'تعزيز القدرات؛']);
    expect(read('㈡ 加强能力；')).toEqual(['ii', 2, '㈡', '加强能力；']);
    expect(read('(十二) 加强；')).toEqual(['xii', 2, '(十二)', '加强；']);
    // Cyrillic letters, as a Russian text typed in Russian letters them: level 1, by their place in
    // the list's alphabet (й is never used: к follows и).
    expect(read('б) представить доклад;')).toEqual(['b', 1, 'б)', 'представить доклад;']);
    expect(read('(в) укреплять;')).toEqual(['c', 1, '(в)', 'укреплять;']);
    expect(read('и) сотрудничать;')).toEqual(['i', 1, 'и)', 'сотрудничать;']);
    expect(read('к) сообщать;')).toEqual(['j', 1, 'к)', 'сообщать;']);
    expect(read('я) последний;')).toEqual(['bb', 1, 'я)', 'последний;']);
    expect(read('й) нет;')).toBeNull();
    expect(read('в)')).toBeNull();
    expect(read('в связи с этим)')).toBeNull();
    expect(read('a) ')).toBeNull();
    expect(read('about the text)')).toBeNull();
    expect(westernDigits('١٩٨٢ ۱۹۸۲')).toBe('1982 1982');
  });
});

describe('a resolution as the General Assembly publishes it', () => {
  it('reads "Resolution adopted by … on …", the bracketed line under it and "35/219. Title" in the six languages', () => {
    for (const [adopted, bracket, numbered, formula, title] of [
      [
        'Resolution adopted by the General Assembly on 17 December 1980',
        '[on the report of the Fifth Committee (A/35/855)]',
        '35/219. Use of Arabic',
        'The General Assembly,',
        'Use of Arabic',
      ],
      [
        "Résolution adoptée par l'Assemblée générale le 17 décembre 1980",
        '[sur le rapport de la Cinquième Commission (A/35/855)]',
        "35/219. Emploi de l'arabe",
        "L'Assemblée générale,",
        "Emploi de l'arabe",
      ],
      [
        'Resolución aprobada por la Asamblea General el 17 de diciembre de 1980',
        '[sobre la base del informe de la Quinta Comisión (A/35/855)]',
        '35/219. Utilización del árabe',
        'La Asamblea General,',
        'Utilización del árabe',
      ],
      [
        'Резолюция, принятая Генеральной Ассамблеей 17 декабря 1980 года',
        '[по докладу Пятого комитета (A/35/855)]',
        '35/219. Использование арабского языка',
        'Генеральная Ассамблея,',
        'Использование арабского языка',
      ],
      [
        'قرار اتخذته الجمعية العامة في 17 كانون الأول/ديسمبر 1980',
        '[بناء على تقرير اللجنة الخامسة (A/35/855)]',
        '35/219 - استعمال اللغة العربية',
        'إن الجمعية العامة،',
        'استعمال اللغة العربية',
      ],
      ['大会1980年12月17日通过的决议', '[根据第五委员会的报告(A/35/855)通过]', '35/219. 使用阿拉伯文', '大会，', '使用阿拉伯文'],
    ]) {
      const result = load(`${adopted}\n${bracket}\n${numbered}\n${formula}\n1. X.`);
      expect(result.report.heading, adopted).toMatchObject({ kind: 'resolution', number: '35/219', line: 1 });
      expect(result.report.title, adopted).toBe(title);
      expect(result.report.formula, adopted).toBe(formula);
      expect(result.report.warnings, adopted).toEqual([]);
    }
    expect(load('Decision adopted by the Security Council\n25/1. Title\nThe Council,\n1. X.').report.heading).toMatchObject({ kind: 'decision', number: '25/1' });
    // Without a number under it, the line is still metadata, and the next line is the title.
    expect(load('Resolution adopted by the Conference\nA title\nThe Conference,\n1. X.').report).toMatchObject({ heading: { number: '' }, title: 'A title' });
  });
});

describe('the opening formula and the first preambular paragraph', () => {
  it('tells every opening formula of the six languages from a first preambular paragraph, which names bodies too', () => {
    for (const lang of LANGUAGES) for (const opening of CONVENTIONS[lang].openings) expect(isOpeningFormula(opening), opening).toBe(true);
    expect(isOpeningFormula('联合国打击跨国有组织犯罪公约缔约方会议根据议事规则，并重申机制，决定如下：')).toBe(true);
    for (const paragraph of [
      'Recalling its resolution 3190 (XXVIII), by which it decided to include Arabic among the languages of the General Assembly,',
      'Noting the report of the Conference of the Parties,',
      "Rappelant la résolution de l'Assemblée générale,",
      'Recordando la resolución de la Asamblea General,',
      'ссылаясь на резолюцию Генеральной Ассамблеи,',
      'Ссылаясь на резолюцию Совета Безопасности,',
      'إذ تشير إلى قرار الجمعية العامة،',
      'وإذ تلاحظ تقرير مؤتمر الأطراف،',
      '回顾大会的决议，',
    ]) {
      expect(isOpeningFormula(paragraph), paragraph).toBe(false);
    }
  });

  it('a text without a formula has its first preambular paragraph read as one, in each language', () => {
    for (const [first, op] of [
      ['Recalling the importance of cooperation,', '1. Decides;'],
      ["Rappelant l'importance de la coopération,", '1. Décide ;'],
      ['Recordando la importancia de la cooperación,', '1. Decide;'],
      ['ссылаясь на важность сотрудничества,', '1. постановляет;'],
      ['إذ تشير إلى أهمية التعاون،', '1 - تقرر؛'],
      ['回顾合作的重要性，', '1. 决定；'],
    ]) {
      const result = load(`Title\n\n${first}\n\n${op}`);
      expect(result.report.formula, first).toBeNull();
      expect(kinds(result), first).toEqual(['preambular', 'operative']);
    }
  });
});

describe('texts in each language', () => {
  it('Arabic: formula and preambular paragraphs end with the Arabic comma, operative with the Arabic semicolon; ’1‘ after (ح) is a numeral', () => {
    const letters = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح'].map((l) => `(${l}) بند؛`).join('\n');
    const result = load(`إن مؤتمر الأطراف،\nإذ يشير إلى قراره،\n1 - يقرر ما يلي:\n${letters}\n’1‘ بند فرعي؛\n’2‘ بند فرعي.`);
    expect(result.report.lang).toBe('ar');
    expect(result.report.formula).toBe('إن مؤتمر الأطراف،');
    expect(kinds(result)).toEqual(['preambular', 'operative', ...Array(8).fill('subparagraph1'), 'subparagraph2', 'subparagraph2']);
    expect(result.report.warnings).toEqual([expect.objectContaining({ code: 'no-title' })]);
  });

  it('French: no-break spaces before ; and : and inside guillemets change nothing, and a « quoted » ending is still a comma', () => {
    const nb = '\u00a0';
    const nn = '\u202f';
    const result = load(
      `La Conférence des Parties,\nRappelant sa décision intitulée «${nb}Programme de travail${nb}»,\n1.${nb}Décide${nb}:\na)${nb}De poursuivre${nn};\nb) De faire rapport.`,
    );
    expect(result.report.lang).toBe('fr');
    expect(kinds(result)).toEqual(['preambular', 'operative', 'subparagraph1', 'subparagraph1']);
    expect(result.report.paragraphs.map((p) => p.asPrinted)).toEqual([null, '1.', 'a)', 'b)']);
  });

  it('Russian: subparagraphs lettered in Cyrillic (а), б), в)) are read as lettered, and (i) under them as numerals', () => {
    const result = load(
      'Генеральная Ассамблея,\nссылаясь на свою резолюцию,\n1. постановляет:\nа) укреплять сотрудничество;\nб) представить доклад о:\ni) изъятиях;\nii) приговорах;\nв) обмениваться информацией.',
    );
    expect(result.report.lang).toBe('ru');
    expect(kinds(result)).toEqual(['preambular', 'operative', 'subparagraph1', 'subparagraph1', 'subparagraph2', 'subparagraph2', 'subparagraph1']);
    expect(result.report.paragraphs.map((p) => p.asPrinted)).toEqual([null, '1.', 'а)', 'б)', 'i)', 'ii)', 'в)']);
    expect(result.report.warnings.map((w) => w.code)).toEqual(['no-title']);
  });

  it('Chinese: ㈠ and (一) under lettered subparagraphs are level 2, and a full-width number opens an operative paragraph', () => {
    const result = load('缔约方会议，\n回顾其决议，\n1．请各缔约国：\n(a) 加强合作；\n(b) 报告下列情况：\n㈠ 缉获；\n㈡ 起诉；\n(三) 判决；\n(c) 分享信息。');
    expect(result.report.lang).toBe('zh');
    expect(kinds(result)).toEqual(['preambular', 'operative', 'subparagraph1', 'subparagraph1', 'subparagraph2', 'subparagraph2', 'subparagraph2', 'subparagraph1']);
    expect(result.report.paragraphs.map((p) => p.asPrinted)).toEqual([null, '1．', '(a)', '(b)', '㈠', '㈡', '(三)', '(c)']);
    expect(result.report.warnings.map((w) => w.code)).toEqual(['no-title']);
  });

  it('Russian and Spanish: an annex heading in the language opens an annex, and its numbered paragraphs are read', () => {
    const ru = load(
      'Генеральная Ассамблея,\nссылаясь на свою резолюцию,\n1. постановляет утвердить план, содержащийся в приложении.\nПриложение\nПлан\n1. Первый пункт;\n2. Второй пункт.',
    );
    expect(ru.report.annexes.map((a) => [a.printed, a.heading])).toEqual([['Приложение', 'План']]);
    expect(ru.report.paragraphs.filter((p) => p.annex === 0).map((p) => p.asPrinted)).toEqual(['1.', '2.']);
    const es = load(
      'La Asamblea General,\nRecordando su resolución,\n1. Aprueba los planes que figuran en los anexos.\nAnexo I\nPrimer plan\n1. Primero.\nAnexo II\nSegundo plan\n1. Segundo.',
    );
    expect(es.report.lang).toBe('es');
    expect(es.report.annexes.map((a) => a.printed)).toEqual(['Anexo I', 'Anexo II']);
    expect(es.report.warnings).toEqual([expect.objectContaining({ code: 'no-title' })]);
  });

  it('Arabic pasted with direction marks (RLM, ALM, isolates) reads as without them, and keeps no mark', () => {
    const plain = 'إن الجمعية العامة،\nإذ تشير إلى قرارها،\n1 - تقرر ما يلي:\n(أ) بند؛\n(ب) بند.';
    const marked = plain
      .split('\n')
      .map((line, i) => (i % 2 ? `\u200f${line}\u200f` : `\u2067${line.replace(' - ', ' -\u061c ')}\u2069`))
      .join('\n');
    const a = load(plain);
    const b = load(marked);
    expect(kinds(b)).toEqual(kinds(a));
    expect(kinds(b)).toEqual(['preambular', 'operative', 'subparagraph1', 'subparagraph1']);
    expect(b.doc.textContent).toBe(a.doc.textContent);
  });

  it('a text in a language it is told reads its labels the same, and says it was told', () => {
    const result = importPlainText('1 - تقرر؛\n2 - تطلب.', { lang: 'ar' });
    if (!result.ok) throw new Error(result.error);
    expect(result.value.report).toMatchObject({ lang: 'ar', langGuessed: false });
    expect(result.value.report.paragraphs.map((p) => p.asPrinted)).toEqual(['1 -', '2 -']);
  });
});
