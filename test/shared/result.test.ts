import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../shared/result';

describe('result', () => {
  it('carries a value or a reason', () => {
    const good = ok(3);
    const bad = fail('no');
    expect(good.ok && good.value).toBe(3);
    expect(!bad.ok && bad.error).toBe('no');
  });
});
