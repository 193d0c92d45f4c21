/**
 * A frame built once for many sockets (server/collab/broadcast.ts) is read by a real `ws`
 * client as the message it carries, at every length class of RFC 6455's header, and in order
 * with the frames `ws` itself sends on the same socket.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as wsModule from 'ws';
import WebSocket, { WebSocketServer } from 'ws';
import { binaryFrame, Broadcast } from '../../../server/collab/broadcast';

// ws's own framing (not in its type definitions): the frame `ws.send` writes, as buffers.
const { Sender } = wsModule as unknown as { Sender: { frame(data: Buffer, options: object): Buffer[] } };
const wsFrame = (payload: Buffer): Buffer => Buffer.concat(Sender.frame(payload, { fin: true, rsv1: false, opcode: 2, mask: false, readOnly: false }));

describe('frames built once for many sockets', () => {
  let server: http.Server;
  let accepted: Promise<{ ws: WebSocket; socket: Duplex }>;
  let client: WebSocket;
  const received: Buffer[] = [];
  let arrived: () => void = () => undefined;

  beforeAll(async () => {
    server = http.createServer();
    const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
    accepted = new Promise((resolve) => {
      server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => resolve({ ws, socket })));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    client.binaryType = 'nodebuffer';
    client.on('message', (data, isBinary) => {
      expect(isBinary).toBe(true);
      received.push(data as Buffer);
      arrived();
    });
    await new Promise((resolve) => client.once('open', resolve));
  });

  afterAll(async () => {
    client.terminate();
    await new Promise((resolve) => server.close(resolve));
  });

  const until = async (n: number): Promise<void> => {
    while (received.length < n) await new Promise<void>((resolve) => (arrived = resolve));
  };

  it('is the frame ws would send, at every header length class, and carries its payload unchanged', async () => {
    const { socket } = await accepted;
    // 7-bit lengths end at 125; 16-bit at 65,535; 64-bit beyond.
    const lengths = [0, 1, 125, 126, 127, 65_535, 65_536, 200_000];
    const payloads = lengths.map((n) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff)));
    for (const p of payloads) expect(binaryFrame(p).equals(wsFrame(p))).toBe(true);
    received.length = 0;
    for (const p of payloads) socket.write(binaryFrame(p));
    await until(payloads.length);
    expect(received.map((b) => b.length)).toEqual(lengths);
    received.forEach((b, i) => expect(b.equals(payloads[i]!)).toBe(true));
  });

  it("is built once, and keeps its place among ws's own frames on the socket", async () => {
    const { ws, socket } = await accepted;
    received.length = 0;
    const shared = new Broadcast(Uint8Array.from([0, 2, 5, 1, 2, 3, 4, 5]));
    ws.send(Uint8Array.from([1]), { binary: true });
    socket.write(shared.frame);
    ws.send(Uint8Array.from([2]), { binary: true });
    socket.write(shared.frame);
    await until(4);
    expect(received.map((b) => [...b])).toEqual([[1], [0, 2, 5, 1, 2, 3, 4, 5], [2], [0, 2, 5, 1, 2, 3, 4, 5]]);
    // Built once, on first use: every peer gets the same bytes.
    expect(shared.frame).toBe(shared.frame);
    expect([...shared.frame.subarray(0, 2)]).toEqual([0x82, 8]);
  });
});
