/**
 * The Word styles and the one numbering definition of a Penholder .docx. Every block of a text
 * gets its own paragraph style, so that a file exported here and imported again is read by its
 * styles (exactly) rather than by guessing from punctuation, and so that the secretariat can
 * restyle a whole kind of paragraph in Word at once.
 */
import { AlignmentType, LevelFormat, type IStylesOptions, type INumberingOptions } from 'docx';
import type { Lang } from '../../shared/languages';
import { letterNumber, romanNumber } from '../../shared/numberingLabels';
import type { ParagraphType } from '../../shared/schema';

/** Paragraph style ids; an importer recognises a Penholder file by them. */
export const DocxStyles = {
  meta: 'PhMeta',
  symbol: 'PhSymbol',
  proponent: 'PhProponent',
  title: 'PhTitle',
  formula: 'PhFormula',
  preambular: 'PhPreambular',
  operative: 'PhOperative',
  subparagraph1: 'PhSubparagraph1',
  subparagraph2: 'PhSubparagraph2',
  plain: 'PhPlain',
  annex: 'PhAnnex',
  annexHeading: 'PhAnnexHeading',
  /** "Resolution 11/5" and the line of adoption over an adopted text. */
  published: 'PhPublished',
  /** The symbol at the top of every page after the first, and the page number at the foot. */
  pageHeader: 'PhPageHeader',
  pageFooter: 'PhPageFooter',
} as const;

/**
 * Character styles: typed labels (numbers Word's lists cannot print, "3 bis"), the italic openings,
 * and the note after a language version's words not yet translated (shared/export/pending.ts),
 * which the importer leaves out as it leaves out typed labels.
 */
export const DocxRunStyles = { label: 'PhLabel', opening: 'PhOpening', pendingNote: 'PhPendingNote' } as const;

/** The reference of the numbering definition operative paragraphs and subparagraphs use. */
export const PARAGRAPH_NUMBERING = 'ph-paragraphs';

/** The paragraph style of a paragraph of the text. */
export function paragraphStyle(kind: ParagraphType, level: number): string {
  if (kind === 'subparagraph') return level >= 2 ? DocxStyles.subparagraph2 : DocxStyles.subparagraph1;
  return DocxStyles[kind];
}

// Twips: 567 = 1 cm. UN documents indent paragraphs by 1.25 cm steps.
const STEP = 709;
const spacing = { after: 120, line: 240 };

// How each language's Word numbering writes a level: the level text and whether Word can count it at all.
// Arabic subparagraphs — (أ) in abjad order, ’2‘ — and Chinese ㈡ are printed as typed labels instead
// (see `wordLabel`), since Word's own formats for them are not certain to match the printed ones.
const LEVEL_TEXT: Record<Lang, readonly [string, string | null, string | null]> = {
  en: ['%1.', '(%2)', '(%3)'],
  zh: ['%1.', '(%2)', null],
  fr: ['%1.', '%2)', '%3)'],
  es: ['%1.', '%2)', '%3)'],
  ru: ['%1.', '%2)', '%3)'],
  ar: ['%1 -', null, null],
};

/**
 * What Word's numbering in `lang` prints for the `n`th paragraph at `level` (0 operative, 1 (a), 2 (i)),
 * or null where it does not count that level: a text whose printed labels all match is numbered by Word.
 */
export function wordLabel(level: 0 | 1 | 2, n: number, lang: Lang): string | null {
  const text = LEVEL_TEXT[lang][level];
  if (text === null) return null;
  const value = level === 0 ? String(n) : level === 1 ? letterNumber(n) : romanNumber(n);
  return text.replace(/%\d/, value);
}

/** Level 0: "1." (Arabic "1 -"), level 1: "(a)" / "a)", level 2: "(i)" / "i)" — the UN sequence in `lang`, as real Word numbering. */
export function numberingFor(lang: Lang): INumberingOptions {
  const [op, sub1, sub2] = LEVEL_TEXT[lang];
  return {
    config: [
      {
        reference: PARAGRAPH_NUMBERING,
        levels: [
          { level: 0, format: LevelFormat.DECIMAL, text: op, alignment: AlignmentType.START, style: { paragraph: { indent: { left: STEP, hanging: STEP } } } },
          { level: 1, format: LevelFormat.LOWER_LETTER, text: sub1 ?? '(%2)', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 2 * STEP, hanging: STEP } } } },
          { level: 2, format: LevelFormat.LOWER_ROMAN, text: sub2 ?? '(%3)', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 3 * STEP, hanging: STEP } } } },
        ],
      },
    ],
  };
}

/** The English numbering (level 0 "1.", level 1 "(a)", level 2 "(i)"), which the redline uses. */
export const numbering: INumberingOptions = numberingFor('en');

function style(id: string, name: string, extra: { run?: object; paragraph?: object } = {}) {
  return { id, name, basedOn: 'Normal', next: 'Normal', quickFormat: true, run: extra.run ?? {}, paragraph: { spacing, ...(extra.paragraph ?? {}) } };
}

// The language Word proofs a document's text in (w:lang): Latin and Cyrillic text, East Asian, complex script.
const WORD_LANGUAGE: Record<Lang, { value: string; eastAsia?: string; bidirectional?: string }> = {
  ar: { value: 'en-GB', bidirectional: 'ar-SA' },
  zh: { value: 'en-GB', eastAsia: 'zh-CN' },
  en: { value: 'en-GB' },
  fr: { value: 'fr-FR' },
  ru: { value: 'ru-RU' },
  es: { value: 'es-ES' },
};

/** The document's styles for a text in `lang`: Times New Roman (SimSun for Chinese) at 12 pt, proofed in that language. */
export function stylesFor(lang: Lang): IStylesOptions {
  return { ...styles, default: { document: { run: { ...DEFAULT_RUN, language: WORD_LANGUAGE[lang] } } } };
}

const DEFAULT_RUN = { font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' }, size: 24, sizeComplexScript: 24 };

/** The document's styles: Times New Roman and SimSun at 12 pt, as the UN prints both languages. */
export const styles: IStylesOptions = {
  default: { document: { run: DEFAULT_RUN } },
  paragraphStyles: [
    style(DocxStyles.meta, 'Penholder heading line', { paragraph: { spacing: { after: 0 } } }),
    style(DocxStyles.symbol, 'Penholder symbol', { run: { size: 28, bold: true }, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } } }),
    style(DocxStyles.proponent, 'Penholder proponent', { run: { bold: true }, paragraph: { spacing: { before: 240, after: 240 } } }),
    style(DocxStyles.title, 'Penholder title', { run: { bold: true, size: 28 }, paragraph: { spacing: { after: 240 }, indent: { left: STEP, right: STEP } } }),
    style(DocxStyles.formula, 'Penholder formula', { paragraph: { indent: { left: STEP, firstLine: STEP } } }),
    style(DocxStyles.preambular, 'Penholder preambular paragraph', { paragraph: { indent: { left: STEP, firstLine: STEP } } }),
    style(DocxStyles.operative, 'Penholder operative paragraph', { paragraph: { indent: { left: STEP, firstLine: STEP } } }),
    style(DocxStyles.subparagraph1, 'Penholder subparagraph (a)', { paragraph: { indent: { left: 2 * STEP, hanging: STEP } } }),
    style(DocxStyles.subparagraph2, 'Penholder subparagraph (i)', { paragraph: { indent: { left: 3 * STEP, hanging: STEP } } }),
    style(DocxStyles.plain, 'Penholder unnumbered paragraph', { paragraph: { indent: { left: STEP } } }),
    style(DocxStyles.annex, 'Penholder annex label', { run: { bold: true }, paragraph: { alignment: AlignmentType.CENTER, pageBreakBefore: true } }),
    style(DocxStyles.annexHeading, 'Penholder annex heading', { run: { bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } }),
    style(DocxStyles.published, 'Penholder resolution number', { run: { bold: true, size: 28 }, paragraph: { spacing: { before: 240, after: 120 } } }),
    style(DocxStyles.pageHeader, 'Penholder page header', {
      run: { size: 20 },
      paragraph: { spacing: { after: 0 }, border: { bottom: { style: 'single', size: 4, color: '000000', space: 1 } } },
    }),
    style(DocxStyles.pageFooter, 'Penholder page footer', { run: { size: 20 }, paragraph: { spacing: { after: 0 } } }),
  ],
  characterStyles: [
    { id: DocxRunStyles.label, name: 'Penholder paragraph number', basedOn: 'DefaultParagraphFont', run: {} },
    { id: DocxRunStyles.opening, name: 'Penholder opening words', basedOn: 'DefaultParagraphFont', run: { italics: true } },
    // Smaller, as the print view's note (client/print.css: 10 pt).
    { id: DocxRunStyles.pendingNote, name: 'Penholder not yet translated', basedOn: 'DefaultParagraphFont', run: { italics: true, size: 20, sizeComplexScript: 20 } },
  ],
};
