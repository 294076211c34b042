/**
 * Fuzzes the browser-mode host with malformed requests sent byte for byte: every one must get a status line and a
 * closed connection, no call runs without the token, and the host still answers afterwards. Seeded, so a failure
 * names a case that replays the same way (FUZZ_SEED=n to try other seeds).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/messages.js';
import { rawRequest, request, servedLedger, type RawReply } from '../support/server.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const CASES = 400;
const PARALLEL = 8;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => next() < p;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  return { int, pick, chance, bytes };
}

type Gen = ReturnType<typeof generator>;

interface Case {
  index: number;
  bytes: Buffer;
  /** The request line and headers as sent, for the failure message. */
  shown: string;
  rightToken: boolean;
  rightHost: boolean;
}

const CALLS = ['system.info', 'system.stats', 'organizations.tree', 'organizations.create', 'members.search', 'members.create', 'accounts.search', 'filings.attach', 'settings.update', 'reports.start', 'jobs.status'];
const PERCENT = ['%', '%E0%A4%A', '%zz', '%FF', '%C0%AF', '%00', '%2e%2e', '%2f', '%25', '%u0041', '%e5%8f%b0', 'a', '/', '..', '.', ';', '%%'];
const METHODS = ['GET', 'GET', 'POST', 'POST', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'get', 'post', 'FOO', 'M-SEARCH', 'PROPFIND', 'G\tET', 'X'.repeat(300), 'P'.repeat(20_000)];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/9.9', 'HTTP/1.1 junk', 'http/1.1', ''];
const CONTENT_TYPES = ['application/json', 'application/json; charset=gbk', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', '\u00ff/\u00fe'];

function target(g: Gen, port: number, exportIds: string[]): string {
  const garbage = () => Array.from({ length: 1 + g.int(8) }, () => g.pick(PERCENT)).join('');
  switch (g.int(11)) {
    case 0:
    case 1:
      return `/rpc/${g.pick(CALLS)}${g.chance(0.2) ? '?' + garbage() : ''}`;
    case 2:
      return `/rpc/${g.pick(['', 'a'.repeat(5000), 'system.info/', 'system..info', '__proto__', 'constructor', garbage()])}`;
    case 3:
      return `/${garbage()}`;
    case 4:
      return `/exports/${g.pick([...exportIds, '00000000-0000-4000-8000-000000000000', '-'.repeat(36), garbage()])}`;
    case 5:
      return '/' + 'a/'.repeat(g.pick([10, 3000, 9000]));
    case 6:
      return g.pick(['/../../etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/rpc/../exports/x', '/.\\..\\..\\windows', '/index.html/..']);
    case 7:
      return `/?${garbage()}=${garbage()}&&&==#${garbage()}`;
    case 8:
      return g.pick([`http://127.0.0.1:${port}/rpc/system.info`, `http://evil.example/`, '*', '//evil.example/', '', ' ', `127.0.0.1:${port}`]);
    case 9:
      return g.pick(['/台账', '/\u202e.html', '/\0', '/a\0b', '/%00', '/\u00ff\u00fe']);
    default:
      return '/';
  }
}

function body(g: Gen): Buffer {
  switch (g.int(12)) {
    case 0:
      return Buffer.alloc(0);
    case 1:
      return Buffer.from(g.pick(['{', '{"a":', 'nul', '[1,]', '\0', '"\\ud800"', '{"__proto__":{"x":1}}', '1e999999']));
    case 2:
      return g.bytes(1 + g.int(2000));
    case 3: {
      const depth = g.pick([100, 5000, 100_000]);
      return Buffer.from(g.chance(0.5) ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
    }
    case 4:
      return Buffer.from(JSON.stringify({ query: 'x'.repeat(g.pick([10_000, 1_000_000, 4_000_000])) }));
    case 5:
      return Buffer.from(JSON.stringify({ parentId: null, fullName: g.pick(['中共\u0000委员会', '\u202e会员委', '\ud800', '中共测试委员会']), type: '党委' }));
    case 6:
      return Buffer.from(JSON.stringify({ memberId: g.pick([-1, 0, 1e308, '1', null]), contentBase64: '!!!', fileName: '../../x.pdf' }));
    case 7:
      return Buffer.concat([Buffer.from('{"q":"'), g.bytes(64), Buffer.from('"}')]);
    default:
      return Buffer.from(JSON.stringify(g.pick([{}, [], null, 0, '', { outPath: '/tmp/x.xlsx', kind: 'summary' }, { page: -1, pageSize: 1e9 }])));
  }
}

const FOCUS = ['target', 'target', 'method', 'headers', 'access', 'body', 'body', 'body', 'framing', 'size'] as const;
const JUNK_HEADERS = ['Bad Header: x', 'NoColon', 'X-Nul: a\0b', 'X-Folded: a\r\n continued', `X-Big: ${'v'.repeat(1000)}`, `X-Big: ${'v'.repeat(20_000)}`, 'Connection: keep-alive, keep-alive, upgrade', 'Upgrade: websocket', 'Expect: 100-continue', 'Accept-Encoding: gzip, gzip, br', 'Content-Encoding: gzip', 'Cookie: =;;;=', 'Transfer-Encoding: identity'];

function chunked(payload: Buffer): Buffer {
  const half = payload.length >> 1;
  const chunk = (b: Buffer) => (b.length ? Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]) : Buffer.alloc(0));
  return Buffer.concat([chunk(payload.subarray(0, half)), chunk(payload.subarray(half)), Buffer.from('0\r\n\r\n')]);
}

/**
 * One request that is well formed except in its focus (the address, the method or request line, the headers, the
 * Host and token, the body, its framing, or its size), so most cases get past node's parser into the host's own code.
 */
function makeCase(g: Gen, index: number, port: number, token: string, exportIds: string[]): Case {
  const focus = g.pick(FOCUS);
  const good = `127.0.0.1:${port}`;
  const t = focus === 'target' ? target(g, port, exportIds) : g.pick([`/rpc/${g.pick(CALLS)}`, `/rpc/${g.pick(CALLS)}`, '/', '/index.html', `/exports/${g.pick(exportIds)}`]);
  const method = focus === 'method' ? g.pick(METHODS) : t.startsWith('/rpc/') ? 'POST' : g.pick(['GET', 'HEAD']);
  const version = focus === 'method' && g.chance(0.5) ? g.pick(VERSIONS) : 'HTTP/1.1';
  const headers: string[] = [];
  const access = focus === 'access' || g.chance(0.1);
  const host = access ? g.pick([good, `localhost:${port}`, 'evil.example', '', '127.0.0.1', `LOCALHOST:${port}`, `${good}.evil.example`, 'h'.repeat(20_000)]) : good;
  const tokenValue = access ? g.pick([token, '', 'x'.repeat(token.length), token + ' ', token.toUpperCase(), 't'.repeat(20_000)]) : token;
  if (!access || g.chance(0.85)) headers.push(`Host: ${host}`);
  if (access && g.chance(0.3)) headers.push(`Host: ${g.pick([good, 'evil.example'])}`);
  if (!access || g.chance(0.85)) headers.push(`X-Ledger-Token: ${tokenValue}`);
  if (access && g.chance(0.3)) headers.push(`X-Ledger-Token: ${g.pick([token, 'wrong'])}`);
  if (g.chance(0.7)) headers.push(`Content-Type: ${focus === 'headers' ? g.pick(CONTENT_TYPES) : 'application/json'}`);
  if (focus === 'headers') headers.push(g.pick(JUNK_HEADERS));
  if (focus === 'headers' && g.chance(0.2)) for (let i = 0; i < 300; i++) headers.push(`X-Many-${i}: ${i}`);

  let payload = method === 'POST' || g.chance(0.05) ? (focus === 'body' ? body(g) : Buffer.from('{}')) : Buffer.alloc(0);
  // Oversized calls are slow to send, so only a few: declared up front, or streamed in chunks.
  if (focus === 'size') payload = index % 8 === 0 ? Buffer.alloc(31 * 1024 * 1024, 0x20) : body(g);
  const framing = focus === 'framing' ? g.pick(['chunked', 'both', 'text-length', 'negative', 'twice', 'short', 'none']) : focus === 'size' ? g.pick(['length', 'chunked']) : 'length';
  if (framing === 'chunked') {
    headers.push('Transfer-Encoding: chunked');
    payload = chunked(payload);
  } else if (framing === 'both') headers.push('Transfer-Encoding: chunked', `Content-Length: ${payload.length}`);
  else if (framing === 'text-length') headers.push('Content-Length: twelve');
  else if (framing === 'negative') headers.push('Content-Length: -1');
  else if (framing === 'twice') headers.push(`Content-Length: ${payload.length}`, `Content-Length: ${payload.length + 1}`);
  // Fewer bytes declared than sent (or none): the rest reads as a second, garbage request on the same connection.
  else if (framing === 'short') headers.push(`Content-Length: ${payload.length >> 1}`);
  else if (framing === 'length' && payload.length) headers.push(`Content-Length: ${payload.length}`);
  // Every case asks the host to close, so "answered" is "closed after a status line", never a guess about timing.
  headers.push('Connection: close');
  const head = `${`${method} ${t} ${version}`.trimEnd()}\r\n${headers.join('\r\n')}\r\n\r\n`;
  // node keeps the first Host and trims values, as the host then sees them.
  const sent = (name: string) => headers.find((h) => h.startsWith(`${name}: `))?.slice(name.length + 2).trim();
  return {
    index,
    bytes: Buffer.concat([Buffer.from(head, 'utf8'), payload]),
    shown: `[${focus}] ${head.length > 600 ? `${head.slice(0, 600)}… (${head.length} characters)` : head}`,
    rightToken: sent('X-Ledger-Token') === token,
    rightHost: sent('Host') === good || sent('Host') === `localhost:${port}`,
  };
}

/** What must hold for every answer; returns the first thing that does not, or null. */
function problem(c: Case, reply: RawReply): string | null {
  const status = /^HTTP\/1\.1 (\d{3}) /.exec(reply.statusLine)?.[1];
  if (!status) return `no status line (got ${JSON.stringify(reply.statusLine)})`;
  if (!reply.closed) return 'the connection was not closed';
  if (Number(status) >= 500) return `status ${status}`;
  const json = /^content-type: application\/json/im.test(reply.head);
  // Requests node's own parser rejects get its bare 400/431 and a close, before any of the host's code runs.
  if (!json && !/^x-content-type-options: nosniff$/im.test(reply.head) && !/^(400|431)$/.test(status)) return `status ${status} without the host's headers`;
  const result = json || /^content-disposition: attachment/im.test(reply.head);
  if (status === '200' && result && !(c.rightToken && c.rightHost)) return 'a call or download answered without the token and a local Host';
  if (json && reply.body.length) {
    const parsed = JSON.parse(reply.body.toString('utf8')) as { ok: boolean; error?: { message: string } };
    if (!parsed.ok && !/[\u4e00-\u9fff]/.test(parsed.error?.message ?? '')) return `an error without a Chinese message: ${reply.body.toString('utf8').slice(0, 200)}`;
  }
  return null;
}

describe('browser-mode host under fuzzing', () => {
  let served: Awaited<ReturnType<typeof servedLedger>>;
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-fuzz-exports-'));
  const present = crypto.randomUUID();
  const deleted = crypto.randomUUID();

  beforeAll(async () => {
    fs.writeFileSync(path.join(exportDir, 'present.xlsx'), crypto.randomBytes(200_000));
    const files: Record<string, string> = { [present]: 'present.xlsx', [deleted]: 'deleted.xlsx' };
    served = await servedLedger({ exports: (id) => (files[id] ? { file: path.join(exportDir, files[id]), fileName: '明细表.xlsx' } : null) });
  });
  afterAll(async () => {
    await served.close();
    fs.rmSync(exportDir, { recursive: true, force: true });
  });

  it(`answers ${CASES} malformed requests (seed ${SEED}) with a status each, and still answers calls afterwards`, async () => {
    const g = generator(SEED);
    const { port, token } = served.server;
    const cases = Array.from({ length: CASES }, (_, i) => makeCase(g, i, port, token, [present, deleted]));
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      for (let c = cases[next++]; c; c = cases[next++]) {
        const found = problem(c, await rawRequest(port, c.bytes));
        if (found) failures.push(`case ${c.index} (seed ${SEED}): ${found}\n${c.shown}`);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    expect(failures).toEqual([]);

    const call = (tokenValue: string, host = served.host) =>
      request(port, { path: '/rpc/system.info', headers: { Host: host, 'X-Ledger-Token': tokenValue, 'Content-Type': 'application/json' }, body: '{}' });
    const info = await call(token);
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { version: 'test' } });
    expect((await call('x'.repeat(token.length))).status).toBe(401);
    const foreign = await call(token, `evil.example:${port}`);
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body).error.message).toBe(msg.api.foreignHost);
  }, 60_000);
});
