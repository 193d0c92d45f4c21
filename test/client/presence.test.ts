/** Who is here, once per person (client/collab/presence.ts), from real y-protocols awareness states. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { presenceChanges, presentPeople } from '../../client/collab/presence';
import { presenceUser } from '../../shared/presence';

const subject = (id: string, displayName: string, delegationName: string | null) => ({ id, role: 'delegate' as const, displayName, delegationId: delegationName, delegationName });

// A client of `user` whose presence `into` has received.
function tab(into: Awareness, user: ReturnType<typeof presenceUser>, cursor = 0): Awareness {
  const other = new Awareness(new Y.Doc());
  other.setLocalStateField('user', user);
  other.setLocalStateField('cursor', cursor);
  applyAwarenessUpdate(into, encodeAwarenessUpdate(other, [other.clientID]), 'test');
  return other;
}

describe('presentPeople', () => {
  const ana = presenceUser(subject('u-ana', 'Ana Ruiz', 'Peru'));
  const li = presenceUser(subject('u-li', 'Li Wei', 'China'));

  it('lists a person with three tabs once, with the count, and this user first', () => {
    const mine = new Awareness(new Y.Doc());
    mine.setLocalStateField('user', li);
    for (let i = 0; i < 3; i++) tab(mine, ana, i);
    tab(mine, li); // this user's other tab
    const people = presentPeople(mine);
    expect(people.map((p) => [p.person, p.tabs, p.self])).toEqual([
      ['Li Wei', 2, true],
      ['Ana Ruiz', 3, false],
    ]);
  });

  it('tells who joined and who left, by person, never this user', () => {
    const mine = new Awareness(new Y.Doc());
    mine.setLocalStateField('user', li);
    const before = presentPeople(mine);
    const anaTab = tab(mine, ana);
    const during = presentPeople(mine);
    expect(presenceChanges(before, during)).toEqual({ joined: [expect.objectContaining({ person: 'Ana Ruiz' })], left: [] });
    // A second tab of someone already here is no one new.
    tab(mine, ana);
    expect(presenceChanges(during, presentPeople(mine))).toEqual({ joined: [], left: [] });
    expect(presenceChanges(presentPeople(mine), before).left.map((p) => p.person)).toEqual(['Ana Ruiz']);
    anaTab.destroy();
  });
});
