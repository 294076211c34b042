import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/messages.js';
import type { ExportLookup, RunningServer } from '../../src/hosts/http.js';
import { request, servedLedger, type Reply } from '../support/server.js';

describe('browser-mode host', () => {
  let served: Awaited<ReturnType<typeof servedLedger>>;
  let server: RunningServer;
  // What the export lookup answers; the download tests set it.
  let lookup: ExportLookup = () => null;
  const host = () => served.host;

  beforeAll(async () => {
    served = await servedLedger({ exports: (id) => lookup(id) });
    server = served.server;
  });
  afterAll(() => served.close());

  const rpc = (name: string, input: unknown, headers: Record<string, string> = {}) =>
    request(server.port, {
      path: `/rpc/${name}`,
      headers: { Host: host(), 'Content-Type': 'application/json', 'X-Ledger-Token': server.token, ...headers },
      body: JSON.stringify(input),
    });

  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('never lets the page choose where a file is written: outPath is refused for exports, imports and templates', async () => {
    for (const [name, input] of [
      ['reports.start', { type: 'report', kind: 'summary', outPath: '/tmp/x.xlsx' }],
      ['imports.start', { kind: 'members', uploadId: crypto.randomUUID(), mode: 'preview', outPath: '/tmp/x.xlsx' }],
      ['imports.template', { kind: 'members', outPath: '/tmp/x.xlsx' }],
    ] as const) {
      const res = await rpc(name, input);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).error.message).toBe(msg.api.badRequest);
    }
  });

  it('answers a call with the token', async () => {
    const res = await rpc('organizations.create', { parentId: null, fullName: '中共测试委员会', type: '党委' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { code: '001', fullName: '中共测试委员会' } });
  });

  it('refuses a call without the token, or with a wrong one, and changes nothing', async () => {
    const before = served.call('system.stats', {}).organizations;
    for (const token of ['', 'x'.repeat(server.token.length)]) {
      const res = await rpc('organizations.create', { parentId: null, fullName: '中共闯入委员会', type: '党委' }, { 'X-Ledger-Token': token });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: msg.api.unauthorized } });
    }
    expect(served.call('system.stats', {}).organizations).toBe(before);
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const res = await rpc('system.stats', {}, { Host: `evil.example:${server.port}` });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.message).toBe(msg.api.foreignHost);
  });

  it('refuses an unknown call name with a Chinese message', async () => {
    const res = await rpc('members.deleteEverything', {});
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body).error).toEqual({ code: 'UNKNOWN_CALL', message: msg.api.unknownCall('members.deleteEverything') });
  });

  it('refuses malformed JSON and invalid input with structured errors', async () => {
    const bad = await request(server.port, { path: '/rpc/system.stats', headers: { Host: host(), 'X-Ledger-Token': server.token }, body: '{' });
    expect(bad.status).toBe(400);
    const invalid = await rpc('organizations.create', { parentId: null, fullName: '', type: '党委' });
    expect(JSON.parse(invalid.body).error).toMatchObject({ code: 'VALIDATION', details: { fields: { fullName: '请填写党组织全称（与印章一致）。' } } });
  });

  it('serves the page without a token but never a file outside its folder', async () => {
    const page = await request(server.port, { path: '/', method: 'GET', headers: { Host: host() } });
    expect(page.body).toBe('<html>台账</html>');
    const escape = await request(server.port, { path: '/../../etc/passwd', method: 'GET', headers: { Host: host() } });
    expect(escape.body).toBe('<html>台账</html>');
  });

  const get = (p: string, headers: Record<string, string> = {}) => request(server.port, { path: p, method: 'GET', headers: { Host: host(), ...headers } });
  const download = (jobId: string) => get(`/exports/${jobId}`, { 'X-Ledger-Token': server.token });
  const errorOf = (reply: Reply) => JSON.parse(reply.body).error;

  it('answers a malformed address with 400 in Chinese and keeps serving', async () => {
    for (const p of ['/%', '/%E0%A4%A', '/assets/%zz.js']) {
      const res = await get(p);
      expect(res.status).toBe(400);
      expect(errorOf(res)).toEqual({ code: 'VALIDATION', message: msg.http.badAddress });
    }
    // A request target that is a full address (proxy form) is not something a page sends to this host.
    expect((await get(`http://${host()}/`)).status).toBe(400);
    // "//" made the URL parser throw; NUL is never a file name. Both are simply not files: the page.
    expect((await get('//')).body).toBe('<html>台账</html>');
    expect((await get('/%00index.html')).body).toBe('<html>台账</html>');
    expect((await get('/')).status).toBe(200);
  });

  it('streams a finished export; a deleted file or a folder in its place answers 410 in Chinese', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-exports-'));
    const file = path.join(dir, 'export.xlsx');
    const bytes = crypto.randomBytes(3 * 1024 * 1024);
    fs.writeFileSync(file, bytes);
    const jobId = crypto.randomUUID();
    lookup = (id) => (id === jobId ? { file, fileName: '明细表.xlsx' } : null);

    const ok = await download(jobId);
    expect(ok.status).toBe(200);
    expect(ok.bytes.equals(bytes)).toBe(true);
    expect(ok.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('明细表.xlsx')}`);

    fs.rmSync(file);
    const gone = await download(jobId);
    expect(gone.status).toBe(410);
    expect(errorOf(gone)).toEqual({ code: 'NOT_FOUND', message: msg.http.exportGone });
    // Opening a folder succeeds; reading it fails (EISDIR), which is what an unhandled stream error looked like.
    lookup = () => ({ file: dir, fileName: '明细表.xlsx' });
    expect((await download(jobId)).status).toBe(410);
    expect((await download(crypto.randomUUID())).status).toBe(410);
    lookup = () => null;
    expect((await download(jobId)).status).toBe(404);
    expect((await rpc('system.info', {})).status).toBe(200);
    fs.rmSync(dir, { recursive: true });
  });

  it('finishes a download whose file is deleted while it is being sent (the open file is read to the end)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-exports-'));
    const file = path.join(dir, 'export.xlsx');
    const bytes = crypto.randomBytes(16 * 1024 * 1024);
    fs.writeFileSync(file, bytes);
    lookup = () => ({ file, fileName: '明细表.xlsx' });
    const received = await new Promise<Buffer>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: `/exports/${crypto.randomUUID()}`, headers: { 'X-Ledger-Token': server.token } }, (res) => {
        fs.rmSync(dir, { recursive: true });
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      });
      req.on('error', reject);
    });
    expect(received.equals(bytes)).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('answers an unexpected failure with a Chinese 500 and stays up', async () => {
    lookup = () => {
      throw new Error('lookup failed');
    };
    const res = await download(crypto.randomUUID());
    expect(res.status).toBe(500);
    expect(errorOf(res)).toEqual({ code: 'INTERNAL', message: msg.api.internal });
    lookup = () => null;
    expect((await rpc('system.info', {})).status).toBe(200);
  });

  it('refuses a 50 MB call with 413 and a Chinese message the client receives, whether its size is declared or not', async () => {
    const body = Buffer.alloc(50 * 1024 * 1024, 0x20);
    const refused = { code: 'VALIDATION', message: msg.http.bodyTooLarge(30) };
    const declared = await request(server.port, {
      path: '/rpc/system.stats',
      headers: { Host: host(), 'X-Ledger-Token': server.token, 'Content-Length': body.length },
      body,
    });
    expect(declared.status).toBe(413);
    expect(errorOf(declared)).toEqual(refused);
    expect(declared.headers.connection).toBe('close');
    // A streamed body has no length up front: the host finds out while reading, stops keeping it, and still answers.
    const streamed = await fetch(`http://${host()}/rpc/system.stats`, {
      method: 'POST',
      headers: { 'X-Ledger-Token': server.token },
      body: Readable.toWeb(Readable.from([body.subarray(0, 25 * 1024 * 1024), body.subarray(25 * 1024 * 1024)])) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { error: unknown }).error).toEqual(refused);
    expect((await rpc('system.info', {})).status).toBe(200);
  });

  it('refuses a body that is not UTF-8 instead of storing replacement characters', async () => {
    const before = served.call('system.stats', {}).organizations;
    const body = Buffer.concat([Buffer.from('{"parentId":null,"type":"党委","fullName":"中共'), Buffer.from([0xff, 0xfe]), Buffer.from('委员会"}')]);
    const res = await request(server.port, { path: '/rpc/organizations.create', headers: { Host: host(), 'X-Ledger-Token': server.token }, body });
    expect(res.status).toBe(400);
    expect(errorOf(res)).toEqual({ code: 'VALIDATION', message: msg.http.notUtf8 });
    expect(served.call('system.stats', {}).organizations).toBe(before);
  });
});
