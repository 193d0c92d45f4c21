#!/usr/bin/env node
/**
 * The reference server made durable, and nothing more: @y/websocket-server@0.1.1 as it is, except
 * that an update (a sync step 2 or update message) is appended to a file and flushed before the
 * server reads it, so that no peer hears of it before it is on the disk. It is the least any
 * durable y-websocket server must do, with none of Penholder's work beside it (no checks of who
 * may write, no proof of the update, no record of who wrote what, no SQL): what is left between it
 * and the in-memory reference is what the guarantee costs on this machine, and what is left
 * between Penholder and it is Penholder's own. bench/run-durable-floor.sh measures the three.
 *
 * The file is written as Penholder's journal of edits is (server/storage/editJournal.ts): given
 * its size in zeros first, so that a flush writes data only; records written in place on the
 * event loop; one fdatasync on libuv's thread pool shared by every record written before it began
 * (group commit). Records are length and bytes, with no checksum and no recovery: nothing reads
 * the file back, since the benchmark never restarts the server.
 *   HOST=127.0.0.1 PORT=1236 DATA_DIR=/tmp/x node bench/durableReference.mjs
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setupWSConnection } from '@y/websocket-server/utils';
import * as decoding from 'lib0/decoding';
import { WebSocketServer } from 'ws';

const FILE_BYTES = 4 << 20;
const dir = process.env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'durable-reference-'));
const fd = fs.openSync(path.join(dir, 'updates.log'), 'w+');
const zeros = Buffer.alloc(1 << 20);
for (let at = 0; at < FILE_BYTES; at += zeros.length) fs.writeSync(fd, zeros, 0, zeros.length, at);
fs.fsyncSync(fd);

let offset = 0;
/** Records written since the flush in flight began, and who waits for them. */
let written = [];
let flushing = false;

function append(update, done) {
  const record = Buffer.allocUnsafe(4 + update.length);
  record.writeUInt32LE(update.length, 0);
  record.set(update, 4);
  // Past the end of the file: start it over (its records are never read).
  if (offset + record.length > FILE_BYTES) offset = 0;
  fs.writeSync(fd, record, 0, record.length, offset);
  offset += record.length;
  written.push(done);
  if (!flushing) flush();
}

function flush() {
  const covered = written;
  written = [];
  flushing = true;
  fs.fdatasync(fd, (err) => {
    if (err) throw err;
    flushing = false;
    for (const done of covered) done();
    if (written.length > 0) flush();
  });
}

/** The update a sync message carries, if it carries one (y-protocols/sync: 0, then 1 = step 2 or 2 = update). */
function updateOf(message) {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== 0) return null;
    const kind = decoding.readVarUint(decoder);
    return kind === 1 || kind === 2 ? decoding.readVarUint8Array(decoder) : null;
  } catch {
    return null;
  }
}

/** Each connection's messages in order: one that waits for its flush holds back those behind it. */
function durable(listener) {
  const queue = [];
  let waiting = false;
  const release = () => {
    while (queue.length > 0) {
      const message = queue.shift();
      const update = updateOf(new Uint8Array(message));
      if (update) {
        waiting = true;
        append(update, () => {
          waiting = false;
          listener(message);
          release();
        });
        return;
      }
      listener(message);
    }
  };
  return (message) => {
    queue.push(message);
    if (!waiting) release();
  };
}

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (conn, req) => {
  const on = conn.on.bind(conn);
  conn.on = (event, listener) => on(event, event === 'message' ? durable(listener) : listener);
  setupWSConnection(conn, req);
  conn.on = on;
});
const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('okay'));
server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)));
server.listen(Number(process.env.PORT ?? 1236), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
