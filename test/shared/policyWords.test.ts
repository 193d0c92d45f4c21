/**
 * The policy's reasons in the six languages (shared/policyWords.ts): every sentence shared/policy.ts
 * refuses with is worded in French, Spanish, Russian, Arabic and Chinese; an unknown one stays English.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { POLICY_REASONS, policyReasonIn } from '../../shared/policyWords';

const policy = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/policy.ts'), 'utf8');

// The sentences of policy.ts: fail('…') / fail("…") and the *_REFUSAL constants; a template's `${act}` as each act.
function reasonsOfPolicy(): string[] {
  const out = new Set<string>();
  for (const m of policy.matchAll(/fail\((['"])(.*?)\1\)/g)) out.add(m[2]!);
  for (const m of policy.matchAll(/_REFUSAL = (['"])(.*?)\1;/g)) out.add(m[2]!);
  const actPlaceholder = `$${'{act}'}`;
  for (const m of policy.matchAll(/fail\(`(.*?)`\)/g)) {
    expect(m[1], 'a template reason this test knows how to expand').toContain(actPlaceholder);
    for (const act of ['withdraw', 'supersede']) out.add(m[1]!.replace(actPlaceholder, act));
  }
  return [...out];
}

describe('the policy reasons in six languages', () => {
  it('word every reason of shared/policy.ts in every language', () => {
    const reasons = reasonsOfPolicy();
    expect(reasons.length).toBeGreaterThan(20);
    expect(reasons.filter((r) => !(r in POLICY_REASONS))).toEqual([]);
    for (const [en, others] of Object.entries(POLICY_REASONS))
      for (const [lang, said] of Object.entries(others)) {
        expect(said.trim(), `${lang}: ${en}`).not.toBe('');
        expect(said, `${lang}: ${en}`).not.toBe(en);
      }
  });

  it('say a reason in the language asked, English as it is, and an unknown reason in English', () => {
    expect(policyReasonIn('the text is frozen: nobody can change it', 'fr')).toBe('le texte est gelé : personne ne peut plus le modifier');
    expect(policyReasonIn('the text is frozen: nobody can change it', 'en')).toBe('the text is frozen: nobody can change it');
    expect(policyReasonIn('your delegation does not sponsor this draft', 'zh')).toBe('贵代表团不是本草案的提案国');
    expect(policyReasonIn('a reason nobody wrote', 'ar')).toBe('a reason nobody wrote');
  });
});
