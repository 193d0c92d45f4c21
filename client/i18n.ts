/// <reference types="vite/client" />
/**
 * The interface's language: every word the client shows comes from a catalog under
 * `client/locales/<lang>/<namespace>.json`, read through i18next. The user chooses the language
 * (the header's chooser); the choice is kept in this browser and sets `<html lang dir>`, so
 * Arabic lays the whole page out from right to left.
 *
 * Keys are written `namespace:key` (`t('drafts:heading')`); values use i18next's `{{name}}`
 * interpolation and `_one` / `_other` plural forms. English is the fallback: a key missing in a
 * language shows in English, and `test/client/locales.test.ts` fails when a catalog lacks a key.
 */
import i18next from 'i18next';
import { isLang, isRightToLeft, langOf, type Lang } from '../shared/languages';

/** The languages the interface is offered in, in the UN's order. */
export const UI_LANGUAGES: readonly Lang[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

const STORAGE_KEY = 'penholder.lang';

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

/** The language the user chose in this browser, else the first of the browser's that is offered, else English. */
function initialLanguage(): Lang {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (isLang(stored) && UI_LANGUAGES.includes(stored)) return stored;
  for (const tag of typeof navigator === 'undefined' ? [] : navigator.languages) {
    const lang = langOf(tag);
    if (lang && UI_LANGUAGES.includes(lang)) return lang;
  }
  return 'en';
}

const res = resources();
void i18next.init({
  resources: res,
  lng: initialLanguage(),
  fallbackLng: 'en',
  ns: Object.keys(res.en ?? {}),
  defaultNS: 'common',
  nsSeparator: ':',
  keySeparator: '.',
  interpolation: { escapeValue: false }, // the DOM is built with textContent, never innerHTML
  returnNull: false,
  initAsync: false,
});

/** The word for `key` ("namespace:key") in the interface's language, with `{{values}}` filled in. */
export function t(key: string, values?: Record<string, unknown>): string {
  return i18next.t(key, values ?? {}) as string;
}

/** The interface's language now. */
export function uiLanguage(): Lang {
  const lang = langOf(i18next.language);
  return lang ?? 'en';
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
  doc.documentElement.dir = isRightToLeft(lang) ? 'rtl' : 'ltr';
}

/** Change the interface's language, keep the choice in this browser, and tell the listeners. */
export function setUiLanguage(lang: Lang): void {
  if (!UI_LANGUAGES.includes(lang)) return;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage may be refused (private windows); the choice then lasts this page only
  }
  void i18next.changeLanguage(lang);
  applyDocumentLanguage();
  for (const listener of listeners) listener(lang);
}
