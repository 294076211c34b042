/** A register served in browser mode on a free port, and clients that can send what a browser would not. */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startServer, type ServerOptions } from '../../src/hosts/http.js';
import { freshLedger } from './ledger.js';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  bytes: Buffer;
}

export async function servedLedger(options: Partial<ServerOptions> = {}) {
  const l = freshLedger();
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<html>台账</html>');
  // These tests are about the transport: every call acts as the test administrator whoever the session says is
  // signed in. The session is signed in once by a first start (downloads need it); server.test.ts's sign-in test
  // passes `registry: l.raw` to see the session decide.
  const server = await startServer({ registry: { invoke: (name, input) => l.registry.invoke(name, input) }, staticDir, ...options });
  if (!options.registry) await firstStart(server);
  return {
    ...l,
    server,
    staticDir,
    host: `127.0.0.1:${server.port}`,
    async close() {
      await server.close();
      fs.rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs the host's session in (downloads need someone signed in): creates the administrator through the host, or —
 * when a `netledger` command already created it — signs in as the CLI did (test/vitest.config.ts's password).
 */
export async function firstStart(server: { port: number; token: string }): Promise<void> {
  const post = (name: string, body: unknown) =>
    request(server.port, {
      path: `/rpc/${name}`,
      headers: { Host: `127.0.0.1:${server.port}`, 'X-Ledger-Token': server.token, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const setup = await post('auth.setup', { name: '浏览器管理员', password: 'served-test-pass' });
  if (setup.status !== 200) await post('auth.signIn', { name: '管理员', password: process.env.NETLEDGER_PASSWORD });
}

/** node's client, so the Host header can be forged (fetch would not allow it). */
export function request(port: number, opts: { path: string; method?: string; headers?: Record<string, string | number>; body?: string | Buffer }) {
  return new Promise<Reply>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

export interface RawReply {
  /** The first line the host sent back ("HTTP/1.1 400 Bad Request"), or '' when it answered nothing. */
  statusLine: string;
  /** The header block as sent (latin1), without the status line. */
  head: string;
  /** The body, de-chunked when it was sent chunked. */
  body: Buffer;
  /** The host closed the connection before `giveUpMs`. */
  closed: boolean;
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; ; ) {
    const eol = data.indexOf('\r\n', at);
    const size = eol < 0 ? 0 : parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

/**
 * Sends bytes exactly as given over a plain socket (node's client refuses malformed requests) and collects what comes
 * back until the host closes the connection; the request should ask for that (`Connection: close`).
 */
export function rawRequest(port: number, bytes: Buffer, giveUpMs = 5000): Promise<RawReply> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = (closed: boolean) => {
      clearTimeout(giveUp);
      socket.destroy();
      // An interim "100 Continue" (the answer to Expect: 100-continue) comes before the real answer.
      const all = Buffer.concat(chunks);
      const data = all.toString('latin1', 0, 13).startsWith('HTTP/1.1 100 ') ? all.subarray(all.indexOf('\r\n\r\n') + 4) : all;
      const end = data.indexOf('\r\n\r\n');
      const [statusLine = '', ...headers] = (end < 0 ? '' : data.subarray(0, end).toString('latin1')).split('\r\n');
      const head = headers.join('\r\n');
      const body = end < 0 ? Buffer.alloc(0) : data.subarray(end + 4);
      resolve({ statusLine, head, body: /^transfer-encoding: chunked$/im.test(head) ? dechunk(body) : body, closed });
    };
    const giveUp = setTimeout(() => finish(false), giveUpMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    // A reset while still sending is one of the outcomes under test, not a failure of the client.
    socket.on('error', () => undefined);
    socket.on('close', () => finish(true));
    socket.write(bytes);
  });
}
