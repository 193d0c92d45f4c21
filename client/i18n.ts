/// <reference types="vite/client" />
/**
 * The interface's language: every word the client shows comes from a catalog under
 * `client/locales/<lang>/<namespace>.json`, read through i18next. The user chooses the language
 * (the header's chooser, client/languageChooser.ts); the choice is kept in this browser and sets
 * `<html lang dir>`, so Arabic lays the whole page out from right to left.
 *
 * Keys are written `namespace:key` (`t('drafts:pageTitle')`); values use i18next's `{{name}}`
 * interpolation and plural forms by CLDR category (`_one` / `_other` in English; `_zero` `_one`
 * `_two` `_few` `_many` `_other` in Arabic, `_one` `_few` `_many` `_other` in Russian, `_other`
 * alone in Chinese). English is the fallback: a key missing in a language shows in English, and
 * `test/client/locales.test.ts` fails when a catalog lacks a key or a plural form.
 */
import i18next from 'i18next';
import { isLang, isRightToLeft, langOf, type Lang } from '../shared/languages';

/** The languages the interface is offered in, in the UN's order. */
export const UI_LANGUAGES: readonly Lang[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

/** Where the choice is kept in this browser (the browser tests set it too). */
export const UI_LANGUAGE_STORAGE_KEY = 'penholder.lang';

// Every catalog, bundled by Vite: "./locales/fr/drafts.json" → resources.fr.drafts.
const catalogs = import.meta.glob('./locales/*/*.json', { eager: true, import: 'default' }) as Record<string, Record<string, unknown>>;

function resources(): Record<string, Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, catalog] of Object.entries(catalogs)) {
    const [, lang, ns] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
    if (!lang || !ns) continue;
    (out[lang] ??= {})[ns] = catalog;
  }
  return out;
}

function storedLanguage(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(UI_LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage refused: English
  }
}

/**
 * The language the user chose in this browser, else English. The browser's own languages are not
 * read: the interface opens in English until someone chooses, whatever the machine's locale (a
 * shared delegation laptop, a CI runner), and the chooser is one click away in the header.
 */
function initialLanguage(): Lang {
  const stored = storedLanguage();
  return isLang(stored) && UI_LANGUAGES.includes(stored) ? stored : 'en';
}

const res = resources();
void i18next.init({
  resources: res,
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...UI_LANGUAGES],
  ns: Object.keys(res.en ?? {}),
  defaultNS: 'common',
  nsSeparator: ':',
  keySeparator: '.',
  interpolation: { escapeValue: false }, // the DOM is built with textContent, never innerHTML
  returnNull: false,
  returnEmptyString: false, // an empty value is a missing translation: show English
  initAsync: false,
});

/** The word for `key` ("namespace:key") in the interface's language, with `{{values}}` filled in (`count` picks the plural form). */
export function t(key: string, values?: Record<string, unknown>): string {
  return i18next.t(key, values ?? {}) as string;
}

/** The interface's language now. */
export function uiLanguage(): Lang {
  const lang = langOf(i18next.language);
  return lang ?? 'en';
}

/** Which way a text in the language `tag` runs: "rtl" for Arabic, "ltr" for the others and for tags outside the six. */
export function directionOf(tag: string | null | undefined): 'rtl' | 'ltr' {
  const lang = langOf(tag);
  return lang !== null && isRightToLeft(lang) ? 'rtl' : 'ltr';
}

const listeners = new Set<(lang: Lang) => void>();

/** Be told when the user changes the interface's language (the router redraws the page). */
export function onLanguageChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Set `<html lang dir>` to the interface's language. */
export function applyDocumentLanguage(doc: Document = document): void {
  const lang = uiLanguage();
  doc.documentElement.lang = lang;
  doc.documentElement.dir = directionOf(lang);
}

/** Change the interface's language, keep the choice in this browser, and tell the listeners. */
export function setUiLanguage(lang: Lang): void {
  if (!UI_LANGUAGES.includes(lang)) return;
  try {
    localStorage.setItem(UI_LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // storage may be refused (private windows); the choice then lasts this page only
  }
  void i18next.changeLanguage(lang);
  applyDocumentLanguage();
  for (const listener of listeners) listener(lang);
}
