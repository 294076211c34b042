import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/messages.js';
import { startServer, type RunningServer } from '../../src/hosts/http.js';
import { freshLedger } from '../support/ledger.js';

/** Raw request so the Host header can be forged (fetch would not allow it). */
function request(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser-mode host', () => {
  let server: RunningServer;
  let l: ReturnType<typeof freshLedger>;
  let staticDir: string;
  const host = () => `127.0.0.1:${server.port}`;

  beforeAll(async () => {
    l = freshLedger();
    staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-static-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<html>台账</html>');
    server = await startServer({ registry: l.registry, staticDir });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  });

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

  it('answers a call with the token', async () => {
    const res = await rpc('organizations.create', { parentId: null, fullName: '中共测试委员会', type: '党委' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { code: '001', fullName: '中共测试委员会' } });
  });

  it('refuses a call without the token, or with a wrong one, and changes nothing', async () => {
    const before = l.call('system.stats', {}).organizations;
    for (const token of ['', 'x'.repeat(server.token.length)]) {
      const res = await rpc('organizations.create', { parentId: null, fullName: '中共闯入委员会', type: '党委' }, { 'X-Ledger-Token': token });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: msg.api.unauthorized } });
    }
    expect(l.call('system.stats', {}).organizations).toBe(before);
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
});
