#!/usr/bin/env node
// What one relayed message costs the server per socket: `ws.send` on each peer's WebSocket
// (ws frames it and writes two buffers through the stream's cork and uncork), against one frame
// built once (server/collab/broadcast.ts) and written as it is to each peer's socket. 200 peers
// in a second process read every message; the server's CPU (user + system) is divided by the
// sends. Alternating rounds.
//   node --import tsx bench/broadcast.bench.mjs [--peers 200] [--messages 3000] [--rounds 3]
import { fork } from 'node:child_process';
import http from 'node:http';
import WebSocket, { WebSocketServer } from 'ws';
import { binaryFrame } from '../server/collab/broadcast.ts';
import { parseArgs } from './args.mjs';

const args = parseArgs(process.argv.slice(2));
const PEERS = Number(args.peers ?? 200);
const MESSAGES = Number(args.messages ?? 3000);
const ROUNDS = Number(args.rounds ?? 3);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

if (process.argv.includes('--peer-process')) {
  // The peers: connect, say so, read everything.
  const port = Number(args.port);
  await Promise.all(
    Array.from({ length: PEERS }, () => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}`);
      ws.on('message', () => undefined);
      return new Promise((resolve) => ws.on('open', resolve));
    }),
  );
  process.send('ready');
} else {
  const server = http.createServer();
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const peers = [];
  server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => peers.push({ ws, socket })));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const child = fork(new URL(import.meta.url).pathname, ['--peer-process', '--port', String(server.address().port), '--peers', String(PEERS)]);
  await new Promise((resolve) => child.once('message', resolve));
  // An edit's update frame is tens of bytes.
  const payload = new Uint8Array(30).fill(3);
  const ways = {
    'ws.send on each WebSocket': () => {
      for (const p of peers) p.ws.send(payload, { binary: true });
    },
    'one frame, written to each socket': () => {
      const frame = binaryFrame(payload);
      for (const p of peers) p.socket.write(frame);
    },
  };
  const results = Object.fromEntries(Object.keys(ways).map((k) => [k, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, send] of Object.entries(ways)) {
      const before = process.cpuUsage();
      for (let m = 0; m < MESSAGES; m++) {
        send();
        // A pause now and then, so that the sockets drain as they would between edits.
        if (m % 10 === 9) await sleep(1);
      }
      const used = process.cpuUsage(before);
      results[name].push((used.user + used.system) / (MESSAGES * PEERS));
    }
  }
  console.log(`One message to ${PEERS} sockets, ${MESSAGES} messages a round, ${ROUNDS} alternating rounds: server CPU per send (µs)\n`);
  console.log('| how | per round | median |');
  console.log('| --- | --- | --- |');
  for (const [name, xs] of Object.entries(results)) {
    const sorted = [...xs].sort((a, b) => a - b);
    console.log(`| ${name} | ${xs.map((x) => x.toFixed(2)).join(', ')} | ${sorted[sorted.length >> 1].toFixed(2)} |`);
  }
  child.kill();
  server.close();
  process.exit(0);
}
