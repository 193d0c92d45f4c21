/**
 * A refusal in the interface's language (client/errorWords.ts): every stable id of
 * shared/errors.ts is worded in the `errors` catalog of the six languages; a known id reads in
 * the language asked, followed by the server's detail where it carries one; English and an
 * unknown id keep the server's sentence.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { refusalMessage } from '../../client/errorWords';
import { ErrorIds } from '../../shared/errors';
import { LANGUAGES } from '../../shared/languages';

const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/locales');
const catalog = (lang: string) => JSON.parse(readFileSync(path.join(localesDir, lang, 'errors.json'), 'utf8')) as Record<string, string>;

describe('the errors catalog', () => {
  it('words every stable error id in each of the six languages, and no id that is not one', () => {
    const ids = Object.values(ErrorIds).sort();
    expect(ids.length).toBeGreaterThan(20);
    for (const lang of LANGUAGES) {
      const words = catalog(lang);
      const missing = ids.filter((id) => typeof words[id] !== 'string' || words[id]!.trim() === '');
      expect(missing, `${lang}: ids without words`).toEqual([]);
      const own = Object.keys(words).filter((k) => !(ids as string[]).includes(k));
      expect(own.sort(), `${lang}: keys that are no error id`).toEqual(['too_many_attempts_wait', 'withDetail']);
    }
    // Translated, not copied: the French and Arabic sentences differ from the English ones.
    const en = catalog('en');
    for (const lang of ['fr', 'ar', 'zh']) for (const id of ids) expect(catalog(lang)[id], `${lang} ${id}`).not.toBe(en[id]);
  });
});

describe('refusalMessage', () => {
  it('keeps the server sentence in English and for an id it does not know', () => {
    expect(refusalMessage(ErrorIds.refused, 'the text is frozen: nobody can change it', {}, 'en')).toBe('the text is frozen: nobody can change it');
    expect(refusalMessage('teapot', 'I am a teapot', {}, 'fr')).toBe('I am a teapot');
  });

  it('says an id that says it all in the language asked, without the English', () => {
    expect(refusalMessage(ErrorIds.badCredentials, 'the login or the password is wrong', {}, 'fr')).toBe('L’identifiant ou le mot de passe est incorrect');
    expect(refusalMessage(ErrorIds.internal, 'something went wrong on the server; nothing was changed', {}, 'zh')).toBe('服务器出错；未作任何更改');
    expect(refusalMessage(ErrorIds.tooManyAttempts, 'too many failed sign-ins: wait 60 seconds, then try again', { retryAfterSeconds: 60 }, 'es')).toBe(
      'Demasiados intentos fallidos de inicio de sesión: espere 60 segundos y vuelva a intentarlo',
    );
  });

  it('follows the localized sentence with the server detail where it carries one', () => {
    expect(refusalMessage(ErrorIds.unknownParagraph, 'L.9/Rev.1: no paragraph is numbered OP 12', {}, 'fr')).toBe(
      'Le texte n’a pas de paragraphe portant ce numéro (L.9/Rev.1: no paragraph is numbered OP 12)',
    );
    expect(refusalMessage(ErrorIds.forbidden, 'only the chair may do this', {}, 'zh')).toBe('您无权执行此操作（only the chair may do this）');
    // A reason of the policy (shared/policy.ts) is said in the language asked (shared/policyWords.ts).
    expect(refusalMessage(ErrorIds.forbidden, 'your delegation does not sponsor this draft', {}, 'fr')).toBe(
      'Vous n’êtes pas autorisé(e) à le faire (votre délégation n’est pas auteur de ce projet)',
    );
    expect(refusalMessage(ErrorIds.textTooLong, 'the rationale is longer than 2000 characters', { details: { field: 'rationale', limit: 2000 } }, 'ru')).toBe(
      'Текст превышает предел в 2000 знаков (rationale)',
    );
  });
});
