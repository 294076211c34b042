/** The host's session: idle lock on the wall clock, what counts as activity, and signing in again. */
import { describe, expect, it } from 'vitest';
import type { RpcResult } from '../../src/contract/errors.js';
import type { Caller } from '../../src/contract/operators.js';
import { Session } from '../../src/hosts/session.js';

const ADMIN: Caller = { operatorId: 1, name: '王书记', role: '管理员' };

/** A registry stand-in that answers sign-in with a 10-minute lock and echoes the caller of every other call. */
function fakeTarget() {
  const seen: (string | null)[] = [];
  return {
    seen,
    invoke(name: string, _input: unknown, caller?: Caller | null): RpcResult {
      seen.push(caller?.name ?? null);
      if (name === 'auth.signIn') return { ok: true, value: { operator: ADMIN, lockMinutes: 10 } };
      if (name === 'auth.status') return { ok: true, value: { needsSetup: false, operator: caller ?? null } };
      return caller ? { ok: true, value: 'ok' } : { ok: false, error: { code: 'SIGNED_OUT', message: '请先登录。' } };
    },
  };
}

describe('session lock', () => {
  it('locks after the idle time on the wall clock; polling keeps nothing awake; signing in again unlocks', async () => {
    let now = 1_000_000;
    const target = fakeTarget();
    const session = new Session(target, () => now);
    await session.invoke('auth.signIn', {});
    now += 9 * 60_000;
    expect(await session.invoke('members.search', {})).toEqual({ ok: true, value: 'ok' });
    // Job progress and the window's own status checks are polling, not the person: 10 minutes of them still lock.
    for (let i = 0; i < 10; i++) {
      now += 60_000;
      await session.invoke('jobs.status', {});
      await session.invoke('auth.status', {});
    }
    expect(session.signedIn).toBeNull();
    expect(await session.invoke('members.search', {})).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
    expect(await session.invoke('auth.status', {})).toEqual({ ok: true, value: { needsSetup: false, operator: null, lockedFrom: '王书记' } });
    await session.invoke('auth.signIn', {});
    expect(await session.invoke('members.search', {})).toEqual({ ok: true, value: 'ok' });
  });

  it('stays signed in just under the idle time, and locks at once when the host says so', async () => {
    let now = 0;
    const session = new Session(fakeTarget(), () => now);
    await session.invoke('auth.signIn', {});
    now += 10 * 60_000 - 1;
    expect(session.signedIn).toEqual(ADMIN);
    session.lock();
    expect(await session.invoke('members.search', {})).toMatchObject({ ok: false });
  });
});
