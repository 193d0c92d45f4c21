/**
 * The same resolution imported in the six languages (test/fixtures/languages/, see its README):
 * each version reads to the structure of the English, with each language's labels as printed,
 * aligns with the English paragraph by paragraph, and a version whose structure differs is
 * reported at the exact paragraph.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportPlainText } from '../../shared/export/plainText';
import { importPlainText, type ImportResult } from '../../shared/importText';
import { alignVersion } from '../../shared/languageVersions';
import { type Lang, LANGUAGES } from '../../shared/languages';
import { sequentialNumbering } from '../../shared/numbering';
import { printedLabel } from '../../shared/numberingLabels';
import type { TextJSON } from '../../shared/schema';
import { withoutIds } from '../builders';
import { fixtureTexts } from './export/helpers';

const FIXTURES = new URL('../fixtures/languages/', import.meta.url);
const source = (file: string) => readFileSync(new URL(file, FIXTURES), 'utf8');

function load(file: string, lang?: Lang): ImportResult {
  let n = 0;
  const result = importPlainText(source(file), { newId: () => `${file}#${++n}`, ...(lang ? { lang } : {}) });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The structure in short: kind, level and derived number of every paragraph, and whether there is a title and formula. */
function structure(result: ImportResult): string[] {
  const numbering = sequentialNumbering(result.doc);
  return [
    `title ${result.report.title === '' ? 'none' : 'given'}`,
    `formula ${result.report.formula === null ? 'none' : 'given'}`,
    ...numbering.paragraphs.map((p) => `${p.kind} ${p.level} ${p.ref}`),
  ];
}

const asPrinted = (result: ImportResult) => Object.fromEntries(result.report.paragraphs.map((p) => [p.id, p.asPrinted ?? null]));

function align(reference: ImportResult, version: ImportResult) {
  return alignVersion(reference.doc.toJSON() as TextJSON, version.doc.toJSON() as TextJSON, { printed: asPrinted(version) });
}

// Which languages each resolution is given in (the English is the reference).
const SETS: Record<string, readonly Lang[]> = {
  'res-35-219A': LANGUAGES,
  'res-34-226': LANGUAGES,
};

describe('one resolution in the six languages', () => {
  for (const [name, langs] of Object.entries(SETS)) {
    describe(name, () => {
      const english = load(`${name}.en.txt`);

      it('has the structure the test expects in English', () => {
        const shape = structure(english);
        expect(shape.filter((s) => s.startsWith('preambular'))).toHaveLength(4);
        expect(shape.some((s) => s.startsWith('operative'))).toBe(true);
      });

      for (const lang of langs) {
        it(`${lang}: the language is recognised, the structure is the English one, the labels are that language's`, () => {
          const guessed = load(`${name}.${lang}.txt`);
          expect(guessed.report.lang).toBe(lang);
          expect(guessed.report.langGuessed).toBe(true);
          expect(guessed.report.warnings.map((w) => w.code).filter((c) => c !== 'no-title')).toEqual([]);
          expect(structure(guessed)).toEqual(structure(english));
          // Told the language, the importer reads the same.
          const told = load(`${name}.${lang}.txt`, lang);
          expect(told.report.langGuessed).toBe(false);
          expect(structure(told)).toEqual(structure(english));
          // Every label the text printed is the one printedLabel gives its number in that language.
          const numbering = sequentialNumbering(guessed.doc);
          for (const p of guessed.report.paragraphs) {
            if (p.asPrinted === null || p.asPrinted === undefined) continue;
            expect(printedLabel(numbering.byId.get(p.id)!, lang), p.asPrinted).toBe(p.asPrinted);
          }
        });

        it(`${lang}: aligns with the English paragraph by paragraph, taking the English ids`, () => {
          const aligned = align(english, load(`${name}.${lang}.txt`));
          if (!aligned.ok) throw new Error(JSON.stringify(aligned.mismatches));
          const ids = (text: TextJSON) => sequentialNumbering(text).paragraphs.map((p) => p.id);
          expect(ids(aligned.text)).toEqual(ids(english.doc.toJSON() as TextJSON));
        });
      }
    });
  }

  it('prints each language its own way: Arabic "1 -" and (أ), French a), Chinese (a), English (a)', () => {
    const labels = (file: string) => load(file).report.paragraphs.flatMap((p) => (p.asPrinted ? [p.asPrinted] : []));
    expect(labels('res-34-226.ar.txt')).toEqual(['1 -', '(أ)', '(ب)', '2 -']);
    expect(labels('res-34-226.fr.txt')).toEqual(['1.', 'a)', 'b)', '2.']);
    expect(labels('res-34-226.es.txt')).toEqual(['1.', 'a)', 'b)', '2.']);
    expect(labels('res-34-226.ru.txt')).toEqual(['1.', 'a)', 'b)', '2.']);
    expect(labels('res-34-226.zh.txt')).toEqual(['1.', '(a)', '(b)', '2.']);
    expect(labels('res-34-226.en.txt')).toEqual(['1.', '(a)', '(b)', '2.']);
  });

  it('keeps every word: French no-break spaces and the digits of the text as printed', () => {
    const fr = load('res-35-219A.fr.txt');
    expect(fr.doc.textContent).toContain('le 1er\u00a0janvier 1982 au plus tard\u202f;');
    const ar = load('res-35-219A.ar.txt');
    expect(ar.doc.textContent).toContain('في موعد أقصاه 1 كانون الثاني/يناير 1982؛');
  });

  it('reads Arabic-Indic digits as numbers and keeps them in the words', () => {
    const indic = source('res-35-219A.ar.txt').replace(/[0-9]/gu, (d) => String.fromCharCode(0x0660 + Number(d)));
    const result = importPlainText(indic, {
      newId: (() => {
        let n = 0;
        return () => `x${++n}`;
      })(),
    });
    if (!result.ok) throw new Error(result.error);
    expect(structure(result.value)).toEqual(structure(load('res-35-219A.en.txt')));
    expect(result.value.report.paragraphs.flatMap((p) => (p.asPrinted ? [p.asPrinted] : []))).toEqual(['١ -', '٢ -', '٣ -']);
    expect(result.value.doc.textContent).toContain('١٩٨٢؛');
  });
});

describe('a version whose structure differs is reported at the exact paragraph', () => {
  it('a preambular paragraph missing (Spanish): PP 3', () => {
    const result = align(load('res-35-219A.en.txt'), load('mismatch-35-219A.es.missing.txt'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.mismatches.map((m) => [m.kind, m.at])).toEqual([['missing', 'PP 3']]);
  });

  it('a subparagraph split in two (French): OP 1 (a), its halves a) and b) of the version', () => {
    const result = align(load('res-34-226.en.txt'), load('mismatch-34-226.fr.split.txt'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.mismatches.map((m) => [m.kind, m.at])).toEqual([['split', 'OP 1 (a)']]);
    expect(result.mismatches[0]!.versionAt).toContain('a)');
    expect(result.mismatches[0]!.versionAt).toContain('b)');
  });

  it('a subparagraph lettered differently (Arabic (ج) for (b)): OP 1 (b), and the importer warns of the jump', () => {
    const version = load('mismatch-34-226.ar.lettering.txt');
    expect(version.report.warnings.find((w) => w.code === 'lettering-jump')?.message).toContain('(ج)');
    const result = align(load('res-34-226.en.txt'), version);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.mismatches.map((m) => [m.kind, m.at])).toEqual([['lettering_differs', 'OP 1 (b)']]);
    expect(result.mismatches[0]!.versionAt).toContain('(ج)');
  });
});

describe('a text printed in each language reads back into the same structure', () => {
  // The texts of the eleventh session, printed with each language's numbers and annex headings
  // (shared/export/plainText.ts, printedLabel), and read back by that language's conventions.
  for (const lang of LANGUAGES) {
    it.each(fixtureTexts().map((f) => [f.name, f.doc] as const))(`${lang}: %s`, (_name, text) => {
      const printed = exportPlainText(text, { lang });
      const back = importPlainText(printed, { lang });
      if (!back.ok) throw new Error(back.error);
      expect(withoutIds(back.value.doc)).toEqual(withoutIds(text));
      // And every label it printed is the one it reads back as printed.
      const numbering = sequentialNumbering(back.value.doc);
      for (const p of back.value.report.paragraphs) {
        if (p.asPrinted) expect(printedLabel(numbering.byId.get(p.id)!, lang)).toBe(p.asPrinted);
      }
    });
  }
});
