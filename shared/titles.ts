/**
 * A draft's title, given in any of the six languages. Only the title in the draft's original
 * language is required, and only when that language is one of the six: a draft put forward in
 * English needs its English title, not its Chinese one. The original language here is the
 * reference language, `drafts.language`.
 */
import { langOf, languageNameIn, languagesOf, type Lang, type LocalizedText, textPreferring } from './languages';

/**
 * Why a draft may not have this title, or null when it may: the title must be given in the draft's
 * language when that is one of the six ("the title must be given in French, the draft's
 * language"), and in some language in any case.
 */
export function titleRefusal(title: LocalizedText, languageTag: string | null | undefined): string | null {
  const reference = langOf(languageTag);
  if (reference !== null && languagesOf(title).includes(reference)) return null;
  if (reference !== null) return `the title must be given in ${languageNameIn(reference, 'en')}, the draft's language (${languageTag})`;
  return languagesOf(title).length > 0 ? null : 'the title must be given in at least one of Arabic, Chinese, English, French, Russian and Spanish';
}

/**
 * A draft's title to show in `lang`: the title in that language, else in the draft's own language
 * (its reference language, `drafts.language`), else English, else the first given; with the
 * language it is in, so that a page can mark a title shown in another language (`<span lang>`).
 */
export function draftTitleIn(title: LocalizedText | null | undefined, lang: Lang, languageTag?: string | null): { text: string; lang: Lang } | null {
  const reference = langOf(languageTag);
  return textPreferring(title, lang, reference ? [reference, 'en'] : ['en']);
}
