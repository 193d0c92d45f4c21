/**
 * Which way a paragraph runs: Arabic (and the other right-to-left scripts) from right to left.
 * Word marks such a paragraph `w:bidi` and its runs `w:rtl`; the print view sets `dir="rtl"`.
 * A text is right to left when its language is, or when most of its letters are of a
 * right-to-left script (an Arabic paragraph quoted in a text recorded under another language).
 */

// Hebrew, Arabic, Syriac, Thaana, N'Ko … and the Arabic and Hebrew presentation forms.
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const LETTER = /\p{L}/u;
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

/** Whether a language tag names a language written from right to left ("ar", "ar-EG"). */
export function isRightToLeftLanguage(tag: string): boolean {
  return RTL_LANGUAGES.has(tag.split('-')[0]!.toLowerCase());
}

/** Whether more than half of the letters of a text are of a right-to-left script. */
export function isMostlyRightToLeft(text: string): boolean {
  let rtl = 0;
  let letters = 0;
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (RTL_LETTER.test(ch)) rtl++;
  }
  return letters > 0 && rtl * 2 > letters;
}

/** Whether a paragraph of a text in `lang` runs from right to left. */
export function runsRightToLeft(lang: string, text: string): boolean {
  return isRightToLeftLanguage(lang) || isMostlyRightToLeft(text);
}
