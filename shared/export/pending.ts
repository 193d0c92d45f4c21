/**
 * How an exported language version marks a block that still holds the reference language's words
 * (carried forward, not yet translated: `pending` in shared/languageVersions.ts), so that nobody
 * takes those words for the version's. Word, Akoma Ntoso and plain text print the same note, in
 * the document's language, after the block's words: " [Not yet translated: text in the reference
 * language]". Word sets it in an italic character style of its own, which Penholder's
 * Word reader leaves out; AKN puts it in a `remark` and gives the element the class `PENDING_CLASS`
 * and the words the reference language's `xml:lang`; the plain-text importer drops it from the
 * end of a line (`withoutPendingMarker`). So an exported version read back holds only its own words. Pure.
 */
import { LANGUAGES, type Lang } from '../languages';
import { NOT_YET_TRANSLATED } from './wording';

/** The AKN `class` of an element whose words are not yet translated (a machine finds them by it). */
export const PENDING_CLASS = 'notYetTranslated';

/** The note on a block not yet translated, in the document's language: "Not yet translated: text in the reference language". */
export function pendingNote(lang: Lang): string {
  return NOT_YET_TRANSLATED[lang];
}

/** The note as printed after the block's words: a space, then the note in square brackets. */
export function pendingMarker(lang: Lang): string {
  return ` [${pendingNote(lang)}]`;
}

const MARKERS = LANGUAGES.map(pendingMarker);

/** A printed line without the pending marker of any of the six languages at its end (the line itself when it has none). */
export function withoutPendingMarker(line: string): string {
  const trimmed = line.trimEnd();
  if (!trimmed.endsWith(']')) return line;
  const marker = MARKERS.find((m) => trimmed.endsWith(m));
  return marker ? trimmed.slice(0, -marker.length) : line;
}
