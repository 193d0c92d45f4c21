/**
 * The versions page's choices (client/pages/versions.ts `readChoice`): what the address asks for,
 * completed with the defaults a reader expects — the latest issued text, the reference language
 * first, a language that has a version second.
 */
import { describe, expect, it } from 'vitest';
import { readChoice } from '../../client/pages/versions';
import type { VersionsListJSON } from '../../client/pages/versionsTypes';

const entry = (lang: 'zh' | 'en' | 'fr' | 'es') => ({ lang, original: null, kind: 'issued', seq: 1, recordedAt: '2026-01-01T00:00:00Z', pending: [] });
const list: VersionsListJSON = {
  reference: 'en',
  original: 'en',
  revisions: [
    { revision: 0, symbol: 'X/L.1', issuedAt: '2026-01-01T00:00:00Z', versions: [entry('en'), entry('es'), entry('fr')] },
    { revision: 1, symbol: 'X/L.1/Rev.1', issuedAt: '2026-01-02T00:00:00Z', versions: [entry('en'), entry('fr')] },
  ],
  corrigenda: [],
};

describe('the versions page reads its choices from the address', () => {
  it('defaults to the latest issued text, the reference language, and a language that has a version', () => {
    expect(readChoice('', list)).toEqual({ revision: 1, a: 'en', b: 'fr' });
    expect(readChoice('?revision=0', list)).toEqual({ revision: 0, a: 'en', b: 'es' });
  });

  it('keeps what the address asks for when it is one of the six and an issued text', () => {
    expect(readChoice('?revision=0&a=ar&b=zh', list)).toEqual({ revision: 0, a: 'ar', b: 'zh' });
  });

  it('falls back on the defaults for an unknown revision or language', () => {
    expect(readChoice('?revision=7&a=de&b=xx', list)).toEqual({ revision: 1, a: 'en', b: 'fr' });
    expect(readChoice('?revision=&a=fr', list)).toEqual({ revision: 1, a: 'fr', b: 'en' });
  });

  it('offers English beside a reference with no version in any other language, and nothing before an issue', () => {
    const chinese: VersionsListJSON = {
      ...list,
      reference: 'zh',
      original: null,
      revisions: [{ revision: 0, symbol: 'Y/L.2', issuedAt: '2026-01-01T00:00:00Z', versions: [entry('zh')] }],
    };
    expect(readChoice('', chinese)).toEqual({ revision: 0, a: 'zh', b: 'en' });
    expect(readChoice('', { ...list, revisions: [] })).toBeNull();
  });
});
