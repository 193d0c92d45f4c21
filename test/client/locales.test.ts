/**
 * The interface's catalogs (client/locales/<lang>/<namespace>.json, read by client/i18n.ts):
 * every key of English in every language, with the plural forms that language needs, no empty
 * value, the same `{{variables}}`, no word left in English in Arabic, Chinese or Russian, and
 * every key the client's code asks for (`t('ns:key')` written out) present in English.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { t, UI_LANGUAGES } from '../../client/i18n';
import { LANGUAGES, type Lang } from '../../shared/languages';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const localesDir = path.join(root, 'client', 'locales');

type Flat = Map<string, unknown>;

// "a.b" for nested objects, as i18next reads them with keySeparator '.'.
function flatten(value: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value);
  return out;
}

function catalog(lang: string, ns: string): Flat | null {
  const file = path.join(localesDir, lang, `${ns}.json`);
  try {
    return flatten(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

// A key and its plural form: "pending_other" → ["pending", "other"]; a plain key → [key, null].
function splitPlural(key: string): [string, string | null] {
  const m = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return m ? [m[1]!, m[2]!] : [key, null];
}
const variables = (text: string) => new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!));
const sorted = (s: Set<string>) => [...s].sort();

// Names of things and formats that stay as they are in every script.
const KEPT_AS_IS = /Penholder|SHA-256|Word|Akoma Ntoso|AKN|PDF|JSON|CSV|Ctrl|Cmd|Shift|Alt|Enter|Esc|Tab|OP|PP/g;

const namespaces = readdirSync(path.join(localesDir, 'en'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

// Every "namespace:key" of a namespace that exists, quoted in the client's code: in a call of t(), or in a table of keys read later.
function keysInCode(dir: string, out: { key: string; file: string }[] = []): { key: string; file: string }[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) keysInCode(full, out);
    else if (/\.ts$/.test(entry))
      for (const m of readFileSync(full, 'utf8').matchAll(/'([a-zA-Z]+):([\w.-]+)'/g))
        if (namespaces.includes(m[1]!)) out.push({ key: `${m[1]}:${m[2]}`, file: path.relative(root, full) });
  }
  return out;
}

describe('the catalogs', () => {
  it('offer the six languages, English among the namespaces', () => {
    expect([...UI_LANGUAGES].sort()).toEqual([...LANGUAGES].sort());
    expect(namespaces).toContain('common');
    for (const lang of readdirSync(localesDir)) expect(LANGUAGES as readonly string[]).toContain(lang);
  });

  for (const ns of namespaces) {
    const en = catalog('en', ns)!;
    // English's keys by base: the plural forms English gives, or null for a plain key.
    const bases = new Map<string, Map<string, string>>();
    for (const [key, value] of en) {
      const [base, form] = splitPlural(key);
      const forms = bases.get(base) ?? new Map<string, string>();
      forms.set(form ?? '', String(value));
      bases.set(base, forms);
    }

    it(`${ns}: English has no empty value and gives each plural both its forms`, () => {
      for (const [key, value] of en) {
        expect(typeof value, `en ${ns}:${key}`).toBe('string');
        expect((value as string).trim(), `en ${ns}:${key}`).not.toBe('');
      }
      for (const [base, forms] of bases) if (!forms.has('')) expect([...forms.keys()].sort(), `en ${ns}:${base}`).toEqual(['one', 'other']);
    });

    for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
      it(`${ns}: ${lang} has every key of English, the same variables, no empty value`, () => {
        const other = catalog(lang, ns);
        expect(other, `client/locales/${lang}/${ns}.json is missing`).not.toBeNull();
        const problems: string[] = [];
        const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
        for (const [base, forms] of bases) {
          if (forms.has('')) {
            const value = other!.get(base);
            if (typeof value !== 'string' || value.trim() === '') problems.push(`${base}: missing or empty`);
            else if (sorted(variables(value)).join() !== sorted(variables(forms.get('')!)).join())
              problems.push(`${base}: variables ${sorted(variables(value))} instead of ${sorted(variables(forms.get('')!))}`);
            continue;
          }
          const allowed = new Set([...forms.values()].flatMap((v) => [...variables(v)]));
          for (const category of categories) {
            const value = other!.get(`${base}_${category}`);
            if (typeof value !== 'string' || value.trim() === '') {
              problems.push(`${base}_${category}: missing or empty (${lang} needs ${categories.join(', ')})`);
              continue;
            }
            const extra = [...variables(value)].filter((v) => !allowed.has(v));
            if (extra.length) problems.push(`${base}_${category}: unknown variables ${extra}`);
          }
          const otherForm = other!.get(`${base}_other`);
          if (typeof otherForm === 'string' && sorted(variables(otherForm)).join() !== sorted(variables(forms.get('other')!)).join())
            problems.push(`${base}_other: variables ${sorted(variables(otherForm))} instead of ${sorted(variables(forms.get('other')!))}`);
        }
        // Keys English no longer has are translations of nothing: stale.
        for (const key of other!.keys()) {
          const [base, form] = splitPlural(key);
          if (!bases.has(base) || (form !== null && !categories.includes(form)) || (form === null && !bases.get(base)!.has('')))
            problems.push(`${key}: not a key of English (or not a plural form of ${lang})`);
        }
        expect(problems).toEqual([]);
      });
    }

    for (const lang of ['ar', 'zh', 'ru'] as const) {
      it(`${ns}: no words left in English in ${lang}`, () => {
        const other = catalog(lang, ns) ?? new Map();
        const untranslated = [...other].filter(([key, value]) => {
          const [base, form] = splitPlural(key);
          const english = bases.get(base)?.get(form ?? '') ?? bases.get(base)?.get('other');
          const letters = String(value)
            .replace(/\{\{[^}]*\}\}/g, '')
            .replace(KEPT_AS_IS, '');
          return value === english && /[A-Za-z]{3,}/.test(letters);
        });
        expect(untranslated.map(([key]) => key)).toEqual([]);
      });
    }
  }

  it('hold every key the client asks for in English', () => {
    const asked = keysInCode(path.join(root, 'client'));
    expect(asked.length).toBeGreaterThan(0);
    const missing = asked.filter(({ key }) => {
      const [ns, k] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      const en = catalog('en', ns);
      return !en || (!en.has(k) && !en.has(`${k}_other`));
    });
    expect(missing.map(({ key, file }) => `${file}: ${key}`)).toEqual([]);
  });
});

describe('the interface in each language (client/i18n.ts)', () => {
  const inLang = async (lang: Lang, key: string, values?: Record<string, unknown>) => {
    await i18next.changeLanguage(lang);
    try {
      return t(key, values);
    } finally {
      await i18next.changeLanguage('en');
    }
  };

  it('speaks the chosen language and falls back to English for nothing', async () => {
    expect(await inLang('en', 'common:signOut')).toBe('Sign out');
    expect(await inLang('fr', 'common:signOut')).toBe('Se déconnecter');
    expect(await inLang('ar', 'common:signOut')).toBe('تسجيل الخروج');
    expect(await inLang('zh', 'common:signOut')).toBe('退出');
  });

  it('picks each language’s plural form', async () => {
    expect(await inLang('en', 'drafts:pendingLabel', { count: 1, symbol: 'L.9' })).toBe('1 pending proposal on L.9');
    expect(await inLang('en', 'drafts:pendingLabel', { count: 3, symbol: 'L.9' })).toBe('3 pending proposals on L.9');
    const ru: string[] = [];
    for (const count of [1, 3, 5]) ru.push(await inLang('ru', 'drafts:pendingLabel', { count, symbol: 'L.9' }));
    expect(new Set(ru).size).toBe(3); // одно предложение, 3 предложения, 5 предложений
    const ar: string[] = [];
    for (const count of [0, 1, 2, 3, 11, 100]) ar.push(await inLang('ar', 'drafts:pendingLabel', { count, symbol: 'L.9' }));
    expect(new Set(ar).size).toBe(6);
    // An aria-label holding the count must say the digits the link shows (WCAG 2.5.3 label in name).
    expect(ar.map((label, i) => label.includes(String([0, 1, 2, 3, 11, 100][i])))).toEqual([true, true, true, true, true, true]);
  });
});
