/** RemotePresence on its own, with a clock the test moves: who is silent, who is gone, who came back. */
import { describe, expect, it } from 'vitest';
import { awarenessEntries, RemotePresence } from '../../../server/collab/remotePresence';

function setup() {
  let t = 1_000;
  const p = new RemotePresence(3_000, () => t);
  return { p, advance: (ms: number) => void (t += ms) };
}

describe('RemotePresence', () => {
  it('judges an instance silent after the given time without a word, and only one that beats', () => {
    const { p, advance } = setup();
    p.seen('a', true);
    p.seen('old', false);
    advance(3_001);
    expect(p.silent()).toEqual(['a']);
  });

  it("removes a gone instance's clients at the clocks last heard from it", () => {
    const { p } = setup();
    p.seen('a', true);
    const update = new Uint8Array([1, 7, 5, 2, 0x7b, 0x7d]); // one client, id 7, clock 5, state {}
    p.received('a', 'd1', update);
    const removals = p.gone('a');
    expect(awarenessEntries(removals.get('d1')!)).toEqual([{ clientId: 7, clock: 5, removed: true }]);
  });

  it('says so when an instance it gave up on speaks again, but not for one that said bye', () => {
    const { p, advance } = setup();
    p.seen('stalled', true);
    p.seen('closed', true);
    advance(4_000);
    p.gone('stalled');
    p.gone('closed', true);
    expect(p.seen('stalled', true)).toBe(true);
    expect(p.seen('stalled', true)).toBe(false); // once
    expect(p.seen('closed', true)).toBe(false); // a new acquaintance, nothing to give back
  });

  it("does not count the time this instance could not listen as the others' silence", () => {
    const { p, advance } = setup();
    p.seen('a', true);
    advance(5_000); // blocked for 5 s: a's heartbeats wait in the socket
    p.excuse(4_500);
    expect(p.silent()).toEqual([]);
    advance(3_001);
    expect(p.silent()).toEqual(['a']); // and silence after it still counts
  });
});
