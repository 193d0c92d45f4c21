/**
 * A message that goes to many sockets, framed once. A server's WebSocket frames are not masked
 * (RFC 6455 §5.1), so one edit relayed to every delegate in the room is the same bytes on every
 * socket: the frame is built here once and written as it is to each, instead of `ws` building a
 * header and writing two buffers through the stream's cork and uncork for every peer. With 1,000
 * sockets in a room the sends are most of the server's own work per edit; written this way each
 * costs about 12 % less CPU (`npm run bench:broadcast`, BENCHMARKS.md).
 *
 * Writing to the socket beside `ws` is safe only because `ws` writes every frame it sends whole
 * and at once: the collaboration endpoint turns off permessage-deflate (compression is what
 * makes `ws` queue frames), and never sends a Blob (the other thing it queues for). The caller
 * still checks that the WebSocket is open: after a close frame, nothing may follow.
 */

/** The opcode of a binary data frame (RFC 6455 §5.2). */
const BINARY = 0x2;
/** FIN: the whole message is in this frame. */
const FIN = 0x80;

/** One binary WebSocket message, unmasked, as a server sends it (RFC 6455 §5.2). */
export function binaryFrame(payload: Uint8Array): Buffer {
  const n = payload.length;
  // The payload length takes 7 bits, or 126 and 16 bits, or 127 and 64 bits.
  const header = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + n);
  frame[0] = FIN | BINARY;
  if (n < 126) frame[1] = n;
  else if (n < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  frame.set(payload, header);
  return frame;
}

/** A message for many peers: its payload, and the frame that carries it, built on first use. */
export class Broadcast {
  private framed: Buffer | null = null;

  constructor(readonly payload: Uint8Array) {}

  /** The whole WebSocket frame. */
  get frame(): Buffer {
    this.framed ??= binaryFrame(this.payload);
    return this.framed;
  }
}
