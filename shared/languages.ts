/**
 * The six official languages of the United Nations, in the UN's own order (Arabic, Chinese,
 * English, French, Russian, Spanish), and texts given in some of them. The one place that says
 * which languages Penholder writes, how each is named and which way it runs.
 */

/** The six languages, in the order the UN lists them. */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
/** One of the six languages. */
export type Lang = (typeof LANGUAGES)[number];

/** Whether a value is one of the six language codes. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language of a BCP 47 tag, if it is one of the six: "zh-CN" → "zh", "fr" → "fr", "de" → null. */
export function langOf(tag: string | null | undefined): Lang | null {
  const base = (tag ?? '').split('-')[0]!.toLowerCase();
  return isLang(base) ? base : null;
}

/** A text given in some of the six languages: a title, a delegation's name, a note. */
export type LocalizedText = Partial<Record<Lang, string>>;

/** The text in exactly `lang`, or null when it is not given (or is blank). */
export function textIn(text: LocalizedText | null | undefined, lang: Lang): string | null {
  const value = text?.[lang];
  return value !== undefined && value.trim() !== '' ? value : null;
}

/**
 * The text in `lang` if given, else in the first of `fallbacks` that is given, else in the
 * first of the six that is: with the language it is in, so a caller can say so.
 */
export function textPreferring(text: LocalizedText | null | undefined, lang: Lang, fallbacks: readonly Lang[] = ['en']): { text: string; lang: Lang } | null {
  for (const l of [lang, ...fallbacks, ...LANGUAGES]) {
    const value = textIn(text, l);
    if (value !== null) return { text: value, lang: l };
  }
  return null;
}

/** The languages a text is given in, in the UN's order. */
export function languagesOf(text: LocalizedText | null | undefined): Lang[] {
  return LANGUAGES.filter((l) => textIn(text, l) !== null);
}

/** Whether a language is written from right to left (of the six, Arabic). */
export function isRightToLeft(lang: Lang): boolean {
  return lang === 'ar';
}

/** Each language's name, in each language ("French" / "法文" / "الفرنسية" / "français" / "французский" / "francés"). */
export const LANGUAGE_NAMES: Record<Lang, Record<Lang, string>> = {
  ar: { ar: 'العربية', zh: '阿拉伯文', en: 'Arabic', fr: 'arabe', ru: 'арабский', es: 'árabe' },
  zh: { ar: 'الصينية', zh: '中文', en: 'Chinese', fr: 'chinois', ru: 'китайский', es: 'chino' },
  en: { ar: 'الإنكليزية', zh: '英文', en: 'English', fr: 'anglais', ru: 'английский', es: 'inglés' },
  fr: { ar: 'الفرنسية', zh: '法文', en: 'French', fr: 'français', ru: 'французский', es: 'francés' },
  ru: { ar: 'الروسية', zh: '俄文', en: 'Russian', fr: 'russe', ru: 'русский', es: 'ruso' },
  es: { ar: 'الإسبانية', zh: '西班牙文', en: 'Spanish', fr: 'espagnol', ru: 'испанский', es: 'español' },
};

/** The name of `lang` written in `inLang`. */
export function languageNameIn(lang: Lang, inLang: Lang): string {
  return LANGUAGE_NAMES[lang][inLang];
}

/** Whether two localized texts say the same in every language (the order their keys were written in does not matter). */
export function sameLocalizedText(a: LocalizedText | null | undefined, b: LocalizedText | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return LANGUAGES.every((l) => (a[l] ?? null) === (b[l] ?? null));
}
