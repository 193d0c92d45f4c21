/** The collaboration units on their own: group commit, token bucket, inspection, strict parsing. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GroupCommitter } from '../../../server/collab/persistence';
import { TokenBucket } from '../../../server/collab/limits';
import { inspectUpdate } from '../../../server/collab/inspect';
import { MalformedFrame, parseFrame, updateFrame } from '../../../server/collab/wire';
import type { NewUpdate, StoredUpdate } from '../../../server/storage/types';

function fakeLog(fail = () => false) {
  const calls: NewUpdate[][] = [];
  let seq = 0;
  return {
    calls,
    async appendUpdates(us: NewUpdate[]): Promise<StoredUpdate[]> {
      calls.push(us);
      const failing = fail();
      await new Promise((r) => setTimeout(r, 5));
      if (failing) throw new Error('disk full');
      return us.map((u) => ({ ...u, seq: ++seq, at: new Date().toISOString() }));
    },
  };
}

const upd = (n: number): NewUpdate => ({ draftId: 'd', update: new Uint8Array([n]), userId: 'u', delegationId: null });

describe('GroupCommitter', () => {
  it('batches what arrives together into one commit, in order, and resolves each caller with its rows', async () => {
    const log = fakeLog();
    const c = new GroupCommitter(log, 2);
    const results = await Promise.all([c.submit([upd(1), upd(2)]), c.submit([upd(3)]), c.submit([upd(4)])]);
    expect(log.calls).toHaveLength(1);
    expect(results.map((r) => r.map((s) => s.seq))).toEqual([[1, 2], [3], [4]]);
  });

  it('with no window, still batches what arrives in the same turn of the event loop', async () => {
    const log = fakeLog();
    const c = new GroupCommitter(log, 0);
    const results = await Promise.all([c.submit([upd(1)]), c.submit([upd(2), upd(3)])]);
    expect(log.calls).toHaveLength(1);
    expect(results.map((r) => r.map((s) => s.seq))).toEqual([[1], [2, 3]]);
  });

  it('forms the next batch while a commit runs, and rejects every caller of a failed batch', async () => {
    let failing = false;
    const log = fakeLog(() => failing);
    const c = new GroupCommitter(log, 0);
    const first = c.submit([upd(1)]);
    await new Promise((r) => setTimeout(r, 1));
    failing = true;
    const second = Promise.allSettled([c.submit([upd(2)]), c.submit([upd(3)])]);
    expect(await first.catch(() => 'failed')).not.toBe('failed');
    expect((await second).map((s) => s.status)).toEqual(['rejected', 'rejected']);
    await c.drain();
  });
});

describe('TokenBucket', () => {
  it('allows a burst, then asks the caller to wait, then refuses a deep debt', () => {
    let t = 0;
    const b = new TokenBucket(10, 3, () => t);
    expect([b.borrow(), b.borrow(), b.borrow()]).toEqual([0, 0, 0]);
    expect(b.borrow()).toBe(100);
    b.borrow();
    b.borrow();
    expect(b.borrow()).toBe(-1);
    t += 1000;
    expect(b.borrow()).toBe(0);
  });
});

describe('inspectUpdate', () => {
  it('tells new content from what the server already has, and names the writers', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.clientID = 42;
    client.getText('t').insert(0, 'hello');
    const first = Y.encodeStateAsUpdate(client);
    expect(inspectUpdate(server, first)).toEqual({ changes: true, writerClientIds: [42], firstClocks: new Map([[42, 0]]) });
    Y.applyUpdate(server, first);
    expect(inspectUpdate(server, first).changes).toBe(false);
    // A deletion of live content is a change, with no writer (it creates nothing).
    const sv = Y.encodeStateVector(client);
    client.getText('t').delete(0, 2);
    const del = Y.encodeStateAsUpdate(client, sv);
    expect(inspectUpdate(server, del)).toEqual({ changes: true, writerClientIds: [], firstClocks: new Map() });
    Y.applyUpdate(server, del);
    expect(inspectUpdate(server, del).changes).toBe(false);
  });

  it('throws MalformedFrame for a truncated update', () => {
    const d = new Y.Doc();
    d.getText('t').insert(0, 'hello world');
    const u = Y.encodeStateAsUpdate(d);
    expect(() => inspectUpdate(new Y.Doc(), u.slice(0, u.length - 3))).toThrow(MalformedFrame);
  });
});

describe('parseFrame', () => {
  it('reads the standard messages and refuses trailing bytes and unknown types', () => {
    const u = Y.encodeStateAsUpdate(new Y.Doc());
    expect(parseFrame(updateFrame(u))).toEqual({ type: 'update', update: u });
    expect(() => parseFrame(new Uint8Array([...updateFrame(u), 0]))).toThrow(MalformedFrame);
    expect(() => parseFrame(new Uint8Array([7]))).toThrow(MalformedFrame);
    expect(() => parseFrame(new Uint8Array([0xff, 0xff]))).toThrow(MalformedFrame);
  });
});
