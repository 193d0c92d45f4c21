/**
 * The characters an exported file can carry. A text may hold characters no file format takes:
 * control characters and U+FFFE / U+FFFF, which XML 1.0 (Word's parts, Akoma Ntoso) refuses, so
 * that one of them makes Word refuse the whole file; and the breaks a copy from Word brings along
 * (U+000B, its soft line break; U+000C, its page break; U+2028 and U+2029), which XML refuses or
 * Word does not print as a break, so that dropping them would glue two words together. Every
 * export reads its text through `printable` (blocks.ts, the redline), so each is a valid file
 * whatever was stored. Pure.
 */

/** Characters XML 1.0 cannot carry at all: control characters other than tab, LF and CR; U+FFFE, U+FFFF; lone surrogates. */
export const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Breaks copied from a word processor: each stands between two words.
const BREAKS = /[\u000B\u000C\u2028\u2029]/g;
// One test before any replacement: almost every text has none of these.
const ANY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u2028\u2029\uFFFE\uFFFF\uD800-\uDFFF]/;

/** `text` as a file can print it: breaks copied from Word as spaces, characters XML cannot carry dropped. */
export function printable(text: string): string {
  if (!ANY.test(text)) return text;
  return text.replace(BREAKS, ' ').replace(XML_INVALID, '');
}
