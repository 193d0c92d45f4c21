/**
 * A room keeps the latest access it was told of. An admission reads the draft's access before
 * the socket opens; if the record changes meanwhile, the room hears of the change (the refresh)
 * before the admission hands the room what it read. That older reading must not undo the
 * change: here a co-sponsor withdraws while another delegate's admission is reading, and the
 * withdrawn delegation must stay read-only. And a change made while the room is still loading
 * reaches the room once it is loaded.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { NoticeKinds } from '../../../shared/protocol';
import { loadDoc } from '../../../server/collab/registry';
import { updateFrame } from '../../../server/collab/wire';
import { openStore } from '../../../server/storage';
import type { Store } from '../../../server/storage/types';
import {
  addParagraph,
  connect,
  editOf,
  rawSocket,
  seedDraft,
  seedText,
  startCollabServer,
  storedLog,
  synced,
  until,
  type CollabServer,
  type SeededUsers,
} from '../../helpers/collab';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A gate on one store method: once armed, the call after `skip` others reads as usual, then waits with its answer until opened. */
function gated(store: Store, method: 'listSponsorshipEvents' | 'getDraft') {
  let armed = false;
  let skipping = 0;
  let reached!: () => void;
  let open!: () => void;
  const gate = {
    reached: Promise.resolve(),
    arm(skip = 0) {
      armed = true;
      skipping = skip;
      gate.reached = new Promise<void>((r) => (reached = r));
      gate.opened = new Promise<void>((r) => (open = r));
    },
    opened: Promise.resolve(),
    open: () => open(),
  };
  const proxy = new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop === method) {
        return async (...args: unknown[]) => {
          const answer = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (armed && skipping-- === 0) {
            armed = false;
            reached();
            await gate.opened;
          }
          return answer;
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, gate };
}

let dir: string;
let real: Store;
let server: CollabServer;
let draftId: string;
let users: SeededUsers;
let observerDelegation: string;
const open: WebsocketProvider[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ph-access-race-'));
  real = await openStore({ dataDir: dir });
  ({ draftId, users } = await seedDraft(real));
  observerDelegation = (await real.getUser(users.observer.id))!.delegationId!;
  // The observer's delegation co-sponsors: its delegate may edit.
  await real.addSponsorshipEvent({ draftId, delegationId: observerDelegation, type: 'join', date: '2022-10-17', onBehalfOf: null, recordedBy: null });
});

afterEach(async () => {
  for (const p of open.splice(0)) p.destroy();
  await server.close();
  await real.close();
  await rm(dir, { recursive: true, force: true });
});

/** The co-sponsor withdraws, and the endpoint is told, as the sponsors route does. */
async function withdraw(): Promise<void> {
  await real.addSponsorshipEvent({ draftId, delegationId: observerDelegation, type: 'withdraw', date: '2022-10-18', onBehalfOf: null, recordedBy: null });
  await server.collab.refreshAccess(draftId);
}

/** The withdrawn delegate sends an edit: it is refused and nothing is stored. */
async function editRefused(raw: Awaited<ReturnType<typeof rawSocket>>): Promise<void> {
  const before = await storedLog(real, draftId);
  const refusals = raw.heard.denied.length;
  raw.ws.send(updateFrame(editOf((await loadDoc(real, draftId)).doc, (copy) => addParagraph(copy, 'withdrawn', 'WITHDRAWN'), 555_001)));
  await until(() => raw.heard.denied.length > refusals, 2_000, 'the refusal');
  expect(await storedLog(real, draftId)).toEqual(before);
}

describe('the access a room keeps', () => {
  it('is not undone by an admission that read the record before a change the room has heard of', async () => {
    const { store, gate } = gated(real, 'listSponsorshipEvents');
    server = await startCollabServer({ store });
    const editor = connect(server.wsUrl, draftId, users.sponsor.token);
    open.push(editor.provider);
    await synced(editor.provider);
    seedText(editor.doc);
    await until(async () => (await real.lastSeq(draftId)) > 0, 5_000, 'seed stored');
    const raw = await rawSocket(server.wsUrl, draftId, users.observer.token);
    await until(() => raw.heard.notices.some((n) => n.kind === NoticeKinds.mode && n.mode === 'edit'), 2_000, 'the edit mode');

    // The secretariat opens the draft; its admission reads the sponsors (the co-sponsor still in) and is held.
    gate.arm();
    const late = connect(server.wsUrl, draftId, users.secretariat.token);
    open.push(late.provider);
    await gate.reached;
    await withdraw();
    await until(() => raw.heard.notices.some((n) => n.kind === NoticeKinds.mode && n.mode === 'read'), 2_000, 'the read-only notice');
    const notices = raw.heard.notices.length;

    // The admission goes on with what it read before the withdrawal.
    gate.open();
    await synced(late.provider);
    expect(raw.heard.notices.slice(notices).filter((n) => n.kind === NoticeKinds.mode)).toEqual([]);
    await editRefused(raw);
    raw.ws.close();
  });

  it('takes a change made after the admission read the record, before the room existed', async () => {
    const { store, gate } = gated(real, 'listSponsorshipEvents');
    server = await startCollabServer({ store });
    // The admission reads the co-sponsor in, and is held; it withdraws before any room exists.
    gate.arm();
    const first = rawSocket(server.wsUrl, draftId, users.observer.token);
    await gate.reached;
    await withdraw();
    gate.open();
    const raw = await first;
    await until(() => raw.heard.notices.some((n) => n.kind === NoticeKinds.mode), 2_000, 'the mode');
    expect(raw.heard.notices.filter((n) => n.kind === NoticeKinds.mode).map((n) => n.mode)).toEqual(['read']);
    await editRefused(raw);
    raw.ws.close();
  });

  it('takes a change made while the room was loading', async () => {
    const { store, gate } = gated(real, 'listSponsorshipEvents');
    server = await startCollabServer({ store });
    // The admission reads, then the room's load reads the co-sponsor in, and is held there.
    gate.arm(1);
    const first = rawSocket(server.wsUrl, draftId, users.observer.token);
    await gate.reached;
    // It withdraws; the refresh finds the room loading and waits for it; then the load goes on.
    await real.addSponsorshipEvent({ draftId, delegationId: observerDelegation, type: 'withdraw', date: '2022-10-18', onBehalfOf: null, recordedBy: null });
    const refreshed = server.collab.refreshAccess(draftId);
    gate.open();
    await refreshed;
    const raw = await first;
    await until(() => raw.heard.notices.some((n) => n.kind === NoticeKinds.mode && n.mode === 'read'), 2_000, 'the read-only mode');
    await editRefused(raw);
    raw.ws.close();
  });
});
