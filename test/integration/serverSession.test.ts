/** Browser mode keeps who is signed in for its token: the page cannot claim a caller, only sign in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/hosts/http.js';
import { freshLedger } from '../support/ledger.js';

describe('browser-mode session', () => {
  const l = freshLedger();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ registry: l.raw, staticDir: '/nonexistent' });
  });
  afterAll(() => server.close());

  const rpc = async (name: string, input: unknown) => {
    const res = await fetch(`http://127.0.0.1:${server.port}/rpc/${name}`, {
      method: 'POST',
      headers: { 'X-Ledger-Token': server.token, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    return { status: res.status, body: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
  };

  it('refuses everything but the open calls until someone signs in, then acts as them, then refuses again', async () => {
    expect(await rpc('organizations.tree', {})).toEqual({ status: 401, body: { ok: false, error: { code: 'SIGNED_OUT', message: '请先登录。' } } });
    expect((await rpc('auth.status', {})).body).toEqual({ ok: true, value: { needsSetup: true, operator: null, lockedFrom: null } });
    expect((await rpc('auth.setup', { name: '王书记', password: 'browser pass 1' })).status).toBe(200);
    // Made as 王书记: the first start signed this token's session in.
    await rpc('operators.create', { name: '只读丁', role: '只读', password: 'readonly pass 1' });
    await rpc('auth.signOut', {});
    expect((await rpc('auth.status', {})).body.value).toEqual({ needsSetup: false, operator: null, lockedFrom: null });
    expect((await rpc('auth.signIn', { name: '只读丁', password: 'readonly pass 1' })).status).toBe(200);
    expect((await rpc('auth.status', {})).body.value).toMatchObject({ operator: { name: '只读丁', role: '只读' } });
    expect(await rpc('organizations.create', { parentId: null, fullName: '中共只读委员会', type: '党委' })).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect((await rpc('organizations.tree', {})).body).toEqual({ ok: true, value: [] });
    const actors = l.db.prepare("SELECT actor || ' ' || action FROM audit_log ORDER BY id").pluck().all();
    expect(actors).toEqual(['王书记 create', '王书记 create', '王书记 signOut', '只读丁 signIn']);
  });
});
