import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCX_BYTES, MAX_TEXT_BYTES, MediaTypes } from '../../../shared/export/transfer';
import { routeBodyLimit } from '../../../server/http/bodyLimit';
import { loginAs, startTestServer, type TestServer } from '../../helpers/server';
import { makeWorld, type World } from '../../helpers/factories';

let server: TestServer;
let world: World;
let token: string;

beforeAll(async () => {
  server = await startTestServer({ config: { bodyLimitBytes: 64 * 1024 } });
  world = await makeWorld(server.store);
  token = (await loginAs(server, world.users.secretariat.login, world.users.secretariat.password)).token;
});

afterAll(async () => {
  await server?.close();
});

/** What came back on a raw connection: the status, the JSON body, and whether the server closed it. */
interface RawAnswer {
  status: number;
  body: { error?: { id: string } };
  closed: boolean;
}

/**
 * Send a request head declaring `contentLength` and only the first few bytes of a body, then
 * nothing: a server that waits for the rest never answers (the test's own clock says so).
 */
function declareAndStall(path: string, contentType: string, contentLength: number, waitMs = 5_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    let data = '';
    const clock = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer and no close within ${waitMs} ms: the server is waiting for the body (got ${JSON.stringify(data.slice(0, 80))})`));
    }, waitMs);
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('error', () => {}); // a reset after the answer is the server refusing the rest: fine
    socket.on('close', () => {
      clearTimeout(clock);
      const [head = '', body = ''] = data.split('\r\n\r\n');
      const status = Number(head.split(' ')[1]);
      try {
        resolve({ status, body: JSON.parse(body), closed: true });
      } catch {
        reject(new Error(`not an HTTP answer with a JSON body: ${JSON.stringify(data.slice(0, 200))}`));
      }
    });
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: ${contentType}\r\nContent-Length: ${contentLength}\r\n\r\n` +
        'PK\u0003\u0004abc',
    );
  });
}

describe('a body declared over its limit is refused at once', () => {
  it.each([
    ['a Word file (raw)', '/api/imports/preview', MediaTypes.docx, MAX_DOCX_BYTES + 1],
    ['a gigabyte of Word file', '/api/imports/preview', MediaTypes.docx, 1024 ** 3],
    ['a pasted text', '/api/imports/preview', MediaTypes.text, MAX_TEXT_BYTES + 1],
    ['JSON to the preview', '/api/imports/preview', 'application/json', 10 * MAX_DOCX_BYTES],
    ['JSON to any other route (BODY_LIMIT)', '/api/sessions', 'application/json', 64 * 1024 + 1],
    ['the same, the path in other letters', '/API/Sessions/', 'application/json', 64 * 1024 + 1],
  ])('%s: 413 payload_too_large without reading the body, and the connection closed', async (_what, path, type, length) => {
    const answer = await declareAndStall(path, type, length);
    expect(answer.status).toBe(413);
    expect(answer.body.error?.id).toBe('payload_too_large');
    expect(answer.closed).toBe(true);
  });

  it('a body within the limit is still read by its route', async () => {
    const res = await fetch(`${server.url}/api/imports/preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': MediaTypes.text },
      body: 'The Conference,\n\n1. Decides to continue;',
    });
    expect(res.status).toBe(200);
  });

  it("knows each route's own limit: Word files, pasted text, comparisons, everything else", () => {
    const req = (method: string, url: string, type?: string) => ({ method, url, headers: type ? { 'content-type': type } : {} });
    expect(routeBodyLimit(req('POST', '/api/imports/preview', `${MediaTypes.docx}; charset=binary`), 1000)).toBe(MAX_DOCX_BYTES);
    expect(routeBodyLimit(req('POST', '/api/imports/preview?x=1', MediaTypes.text), 1000)).toBe(MAX_TEXT_BYTES);
    expect(routeBodyLimit(req('POST', '/api/imports/preview', 'application/json'), 1000)).toBeGreaterThan(MAX_DOCX_BYTES);
    expect(routeBodyLimit(req('POST', '/api/drafts/abc/import', 'application/json'), 1000)).toBeGreaterThan(MAX_DOCX_BYTES);
    expect(routeBodyLimit(req('POST', '/api/compare', 'application/json'), 1000)).toBeGreaterThan(2 * MAX_DOCX_BYTES);
    expect(routeBodyLimit(req('POST', '/api/sessions', 'application/json'), 1000)).toBe(1000);
    expect(routeBodyLimit(req('PATCH', '/api/imports/preview', MediaTypes.docx), 1000)).toBe(1000);
  });
});
