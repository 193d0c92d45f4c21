import { describe, expect, it } from 'vitest';
import { expectNextSeq, LostRace, oneAtATime, retryLostRaces } from '../../../server/commands/appendGuard';

describe('appendGuard', () => {
  it('accepts the seq right after the checked record and throws LostRace otherwise', () => {
    expect(() => expectNextSeq('r', 3, 4)).not.toThrow();
    expect(() => expectNextSeq('r', 3, 5)).toThrow(LostRace);
  });

  it('runs a lost race again, and gives up on other errors at once', async () => {
    let runs = 0;
    expect(await retryLostRaces(async () => (++runs < 3 ? Promise.reject(new LostRace('r')) : 'done'))).toBe('done');
    expect(runs).toBe(3);
    runs = 0;
    await expect(
      retryLostRaces(async () => {
        runs++;
        throw new Error('other');
      }),
    ).rejects.toThrow('other');
    expect(runs).toBe(1);
  });

  it('runs work with one key one at a time, in order, even when some fail', async () => {
    const store = {};
    const log: string[] = [];
    const task = (name: string, ms: number, fail = false) =>
      oneAtATime(store, 'k', async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([task('a', 20, true), task('b', 5), task('c', 1)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
