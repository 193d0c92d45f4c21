/**
 * One WebSocket connection to a draft: frame limits, rate limits (back-pressure first, then a
 * close), strict parsing, and the
 * order of its messages (each is handled after the previous one, so an update never overtakes
 * the one before it). A malformed or oversized frame closes this connection only.
 */
import type { Duplex } from 'node:stream';
import type WebSocket from 'ws';
import { CloseReasons, NoticeKinds, type CloseReason, type CollabMode, type Notice } from '../../shared/protocol';
import type { PresenceSubject } from '../../shared/presence';
import type { AuthenticatedUser } from '../auth/authenticate';
import type { CollabOptions } from './options';
import type { NoticeBody, Peer } from './peer';
import type { DraftRoom } from './room';
import { TokenBucket } from './limits';
import { MalformedFrame, noticeFrame, parseFrame, permissionDeniedFrame } from './wire';
import { markEdit } from './trace';
import { Broadcast } from './broadcast';

/** A peer on a WebSocket. */
export class Connection implements Peer {
  readonly awarenessIds = new Set<number>();
  private readonly messages: TokenBucket;
  private readonly presence: TokenBucket;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    /** The socket under `ws`, for frames built once for many peers (broadcast.ts). */
    private readonly socket: Duplex,
    private readonly room: DraftRoom,
    readonly user: AuthenticatedUser,
    readonly subject: PresenceSubject,
    /** The hash of the sign-in or token the socket was opened with (signing out closes it). */
    readonly signIn: string | null,
    public mode: CollabMode,
    private readonly wantsNotices: boolean,
    private readonly opts: CollabOptions,
  ) {
    this.messages = new TokenBucket(opts.messagesPerSecond, opts.messageBurst);
    this.presence = new TokenBucket(opts.awarenessPerSecond, opts.awarenessPerSecond * 2);
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data, isBinary) => this.onFrame(data as Buffer, isBinary));
    ws.on('close', () => this.onClose());
    ws.on('error', () => this.onClose());
    room.join(this);
    const why = room.modeFor(user).why;
    this.tell({ kind: NoticeKinds.mode, why: mode === 'read' ? why : null, message: mode === 'edit' ? 'you may edit this text' : `read-only: ${why}` });
  }

  /**
   * Send a message unless the socket is going away (a broadcast's frame as it is, built once for
   * every peer). A peer that does not read what it is sent is closed once more than the buffer
   * limit waits for it: nothing else bounds what the server would hold for it (`ws` has no limit,
   * and a peer may ask for the whole text many times a second).
   */
  send(message: Uint8Array | Broadcast): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (message instanceof Broadcast) this.socket.write(message.frame);
    else this.ws.send(message, { binary: true });
    if (this.socket.writableLength > this.opts.maxBufferedBytes) this.dropBehind();
  }

  /**
   * Close a peer too far behind. Its close frame waits behind everything it has not read, so it
   * gets a grace to read it; then the socket is dropped with all it holds (`ws` would wait 30 s).
   */
  private dropBehind(): void {
    this.close(CloseReasons.tooFarBehind);
    const socket = this.socket;
    setTimeout(() => {
      if (!socket.destroyed) socket.destroy();
    }, this.opts.behindGraceMs).unref();
  }

  /** A notice (opt-in clients) and, for refusals, the stock "permission denied" message. */
  tell(notice: NoticeBody, denied?: string): void {
    if (this.wantsNotices) this.send(noticeFrame({ ...notice, mode: this.mode } as Notice));
    if (denied !== undefined) this.send(permissionDeniedFrame(denied));
  }

  /** Close with a stated reason and leave the room. */
  close(reason: CloseReason): void {
    if (this.closed) return;
    this.ws.close(reason.code, reason.reason);
    this.onClose();
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.room.leave(this);
  }

  private onFrame(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    markEdit('received');
    if (!isBinary) return this.close(CloseReasons.malformed);
    if (data.length > this.opts.maxFrameBytes) return this.close(CloseReasons.frameTooLarge);
    // Over the rate, stop reading the socket until the debt is repaid (TCP pushes back on the
    // sender); only a sender that is still far over it after that is cut off.
    const wait = this.messages.borrow();
    if (wait < 0) return this.close(CloseReasons.rateLimited);
    if (wait > 0 && !this.ws.isPaused) {
      this.ws.pause();
      setTimeout(() => this.ws.resume(), wait).unref();
    }
    const frame = new Uint8Array(data.buffer, data.byteOffset, data.length);
    this.chain = this.chain
      .then(() => this.handle(frame))
      .catch((e: unknown) => {
        if (e instanceof MalformedFrame) this.close(CloseReasons.malformed);
        else {
          this.opts.log.error('collab: unexpected error handling a frame', e);
          this.close(CloseReasons.malformed);
        }
      });
  }

  private async handle(frame: Uint8Array): Promise<void> {
    if (this.closed) return;
    const msg = parseFrame(frame);
    markEdit('parsed');
    switch (msg.type) {
      case 'syncStep1':
        return this.room.answerSyncStep1(this, msg.stateVector);
      case 'syncStep2':
      case 'update':
        return this.room.receiveContent(this, msg.update);
      case 'awareness':
        // Presence is ephemeral: over the limit it is dropped, not fatal.
        if (this.presence.take()) this.room.receiveAwareness(this, msg.clients);
        return;
      case 'queryAwareness':
        return this.room.answerQueryAwareness(this);
      case 'auth':
        return;
    }
  }
}
