/**
 * The wire codec: turn one incoming frame into a typed message, or say it is malformed; build
 * the frames the server sends. Parsing is strict (no trailing bytes, known types only) so that a
 * malformed frame is caught here, before anything touches a document.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as authProtocol from 'y-protocols/auth';
import * as Y from 'yjs';
import { MessageType, type Notice } from '../../shared/protocol';

/** An incoming frame, parsed. Update payloads are not yet decoded as Yjs structs. */
export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array; clients: AwarenessEntry[] }
  | { type: 'queryAwareness' }
  | { type: 'auth' };

/** One client's entry in an awareness update. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null when the client left. */
  state: unknown;
}

/** A frame that is not valid protocol; `detail` is for logs, not for the peer. */
export class MalformedFrame extends Error {
  constructor(readonly detail: string) {
    super(`malformed frame: ${detail}`);
    this.name = 'MalformedFrame';
  }
}

function expectEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new MalformedFrame('trailing bytes');
}

function readAwareness(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  // Each entry takes at least three bytes; a larger count is a lie that would make us loop.
  if (n > update.length) throw new MalformedFrame('awareness count');
  const clients: AwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const state: unknown = JSON.parse(decoding.readVarString(d));
    clients.push({ clientId, clock, state });
  }
  expectEnd(d);
  return clients;
}

/** Parse one frame. Throws MalformedFrame for anything that is not exactly one valid message. */
export function parseFrame(frame: Uint8Array): ClientMessage {
  try {
    const d = decoding.createDecoder(frame);
    const type = decoding.readVarUint(d);
    let msg: ClientMessage;
    switch (type) {
      case MessageType.sync: {
        const sub = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (sub === syncProtocol.messageYjsSyncStep1) {
          Y.decodeStateVector(payload);
          msg = { type: 'syncStep1', stateVector: payload };
        } else if (sub === syncProtocol.messageYjsSyncStep2) msg = { type: 'syncStep2', update: payload };
        else if (sub === syncProtocol.messageYjsUpdate) msg = { type: 'update', update: payload };
        else throw new MalformedFrame(`unknown sync message ${sub}`);
        break;
      }
      case MessageType.awareness: {
        const update = decoding.readVarUint8Array(d);
        msg = { type: 'awareness', update, clients: readAwareness(update) };
        break;
      }
      case MessageType.queryAwareness:
        msg = { type: 'queryAwareness' };
        break;
      case MessageType.auth:
        // Clients have nothing to say over auth; read and ignore a well-formed one.
        decoding.readVarUint(d);
        decoding.readVarString(d);
        msg = { type: 'auth' };
        break;
      default:
        throw new MalformedFrame(`unknown message type ${type}`);
    }
    expectEnd(d);
    return msg;
  } catch (e) {
    if (e instanceof MalformedFrame) throw e;
    throw new MalformedFrame(e instanceof Error ? e.message : String(e));
  }
}

/** Sync step 1: the server's state vector, asking the client for what it lacks. */
export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

/** Sync step 2: what the client lacks, given its state vector. */
export function syncStep2Frame(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeSyncStep2(e, doc, stateVector);
  return encoding.toUint8Array(e);
}

/** A sync update frame carrying one accepted update. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

/** An awareness frame around an encoded awareness update. */
export function awarenessFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** A y-protocols "permission denied" frame; stock providers log the reason. */
export function permissionDeniedFrame(reason: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.auth);
  authProtocol.writePermissionDenied(e, reason);
  return encoding.toUint8Array(e);
}

/** A Penholder notice frame (only for clients that opted in). */
export function noticeFrame(notice: Notice): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.notice);
  encoding.writeVarString(e, JSON.stringify(notice));
  return encoding.toUint8Array(e);
}
