/** Who may make which call: derived from the contract for every call, and the operators' own sign-in rules. */
import { describe, expect, it } from 'vitest';
import { contract, type CallName } from '../../src/contract/contract.js';
import type { Caller } from '../../src/contract/operators.js';
import { freshLedger, FROZEN_NOW } from '../support/ledger.js';

const READ_ONLY: Caller = { operatorId: 3, name: '只读甲', role: '只读' };
const CLERK: Caller = { operatorId: 2, name: '录入乙', role: '录入员' };
const ADMIN: Caller = { operatorId: 1, name: '管理丙', role: '管理员' };
const names = Object.keys(contract) as CallName[];
const guarded = names.filter((n) => contract[n].access !== 'open');

describe('every call of the contract, by role', () => {
  it('names the admin-only calls in the contract itself', () => {
    const adminOnly = names.filter((n) => contract[n].access === 'admin').sort();
    expect(adminOnly).toEqual(['auth.recoveryCodeSeen', 'operators.create', 'operators.list', 'operators.update', 'settings.update', 'system.demo', 'system.restore']);
  });

  it('refuses every change to a 只读 operator, and every guarded call to no one signed in', () => {
    const { raw } = freshLedger();
    const changes = guarded.filter((n) => contract[n].kind === 'change');
    expect(changes.length).toBeGreaterThan(30);
    for (const name of changes) expect([name, raw.invoke(name, {}, READ_ONLY)]).toMatchObject([name, { ok: false, error: { code: 'FORBIDDEN' } }]);
    for (const name of guarded) expect([name, raw.invoke(name, {}, null)]).toMatchObject([name, { ok: false, error: { code: 'SIGNED_OUT', message: '请先登录。' } }]);
  });

  it('lets a 只读 operator make every query and job, and a 录入员 every change but the admin\'s', () => {
    const { raw } = freshLedger();
    const refusedWith = (name: CallName, caller: Caller) => {
      const r = raw.invoke(name, {}, caller);
      return r.ok ? null : r.error.code;
    };
    for (const name of guarded.filter((n) => contract[n].kind !== 'change' && !contract[n].access)) {
      expect([name, refusedWith(name, READ_ONLY)]).not.toEqual([name, 'FORBIDDEN']);
    }
    for (const name of guarded) {
      const expected = contract[name].access === 'admin' ? 'FORBIDDEN' : refusedWith(name, ADMIN);
      expect([name, refusedWith(name, CLERK)]).toEqual([name, expected]);
    }
  });
});

describe('operators', () => {
  it('creates the administrator once, signs in, and audits under the operator\'s name', () => {
    const { raw } = freshLedger('系统登录名');
    expect(raw.invoke('auth.status', {}, null)).toEqual({ ok: true, value: { needsSetup: true, operator: null } });
    const setup = raw.invoke('auth.setup', { name: '王书记', password: 'correct horse 1' }, null);
    expect(setup).toMatchObject({ ok: true, value: { operator: { operatorId: 1, name: '王书记', role: '管理员' } } });
    expect((setup as { value: { recoveryCode: string } }).value.recoveryCode).toMatch(/^([2-9A-Z]{5}-){4}[2-9A-Z]{5}$/);
    expect(raw.invoke('auth.setup', { name: '李四', password: 'another pass' }, null)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const admin = (raw.invoke('auth.signIn', { name: '王书记', password: 'correct horse 1' }, null) as { value: { operator: Caller } }).value.operator;
    const clerk = raw.invoke('operators.create', { name: '录入员甲', role: '只读', password: 'clerk-pass-1' }, admin);
    expect(clerk).toMatchObject({ ok: true, value: { name: '录入员甲', role: '只读', active: true } });
    const org = raw.invoke('organizations.create', { parentId: null, fullName: '中共测试委员会', type: '党委' }, admin);
    expect(org.ok).toBe(true);
    const audit = raw.invoke('audit.list', {}, admin) as { value: { actor: string; action: string }[] };
    expect(audit.value.map((e) => [e.actor, e.action])).toEqual([
      ['王书记', 'create'],
      ['王书记', 'create'],
      ['王书记', 'signIn'],
      ['王书记', 'create'],
    ]);
  });

  it('makes each failed sign-in wait longer, audits it, and never stores the password', () => {
    let now = FROZEN_NOW.getTime();
    const l = freshLedger();
    l.ctx.clock = () => new Date(now);
    l.raw.invoke('auth.setup', { name: '王书记', password: 'correct horse 1' }, null);
    const tryPassword = (password: string) => l.raw.invoke('auth.signIn', { name: '王书记', password }, null);
    expect(tryPassword('wrong one 1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '操作员姓名或密码不正确。' } });
    // 1 s after the first failure, 2 s after the second: even the right password is not checked before then.
    expect(tryPassword('correct horse 1')).toMatchObject({ ok: false, error: { message: '登录失败次数过多，请 1 秒后再试。' } });
    now += 1000;
    expect(tryPassword('wrong one 2')).toMatchObject({ ok: false, error: { message: '操作员姓名或密码不正确。' } });
    now += 1000;
    expect(tryPassword('correct horse 1')).toMatchObject({ ok: false, error: { message: '登录失败次数过多，请 1 秒后再试。' } });
    now += 1000;
    expect(tryPassword('correct horse 1')).toMatchObject({ ok: true });
    const rows = l.db.prepare("SELECT actor, action, summary FROM audit_log WHERE entity = 'operator' ORDER BY id").all();
    expect(rows).toEqual([
      { actor: '王书记', action: 'create', summary: '首次启动，建立管理员 王书记' },
      { actor: '王书记', action: 'signInFailed', summary: '王书记 登录失败（连续第 1 次）' },
      { actor: '王书记', action: 'signInFailed', summary: '王书记 登录失败（连续第 2 次）' },
      { actor: '王书记', action: 'signIn', summary: '王书记 登录' },
    ]);
    const stored = l.db.prepare('SELECT password_hash FROM operators').pluck().get() as string;
    expect(stored).toMatch(/^scrypt\$65536\$8\$1\$/);
    expect(stored).not.toContain('correct horse');
  });

  it('replaces a forgotten administrator password with the recovery code, and only with it', () => {
    const { raw } = freshLedger();
    const { recoveryCode } = (raw.invoke('auth.setup', { name: '王书记', password: 'correct horse 1' }, null) as { value: { recoveryCode: string } }).value;
    expect(raw.invoke('auth.recover', { recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA', name: '王书记', password: 'new password 2' }, null)).toMatchObject({ ok: false, error: { message: '恢复码不正确，或该姓名不是在用的管理员。' } });
    expect(raw.invoke('auth.recover', { recoveryCode: recoveryCode.toLowerCase(), name: '王书记', password: 'new password 2' }, null)).toMatchObject({ ok: true, value: { operator: { name: '王书记', role: '管理员' } } });
    expect(raw.invoke('auth.signIn', { name: '王书记', password: 'correct horse 1' }, null)).toMatchObject({ ok: false });
  });

  it('keeps at least one active administrator', () => {
    const { raw } = freshLedger();
    const admin = (raw.invoke('auth.setup', { name: '王书记', password: 'correct horse 1' }, null) as { value: { operator: Caller } }).value.operator;
    expect(raw.invoke('operators.update', { id: admin.operatorId, role: '只读' }, admin)).toMatchObject({ ok: false, error: { message: '至少要保留一名在用的管理员。' } });
  });
});
