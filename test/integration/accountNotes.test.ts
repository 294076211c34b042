/** 备注 on an account (the README's "Adding a feature" example): kept as typed, changed with an audit entry. */
import { describe, expect, it } from 'vitest';
import { publicAccount, registerWithMembers } from '../support/register.js';

describe('account notes', () => {
  it('keeps a note over several lines, changes it with the change in the audit trail, and clears it', () => {
    const { call, m1 } = registerWithMembers();
    const created = call('accounts.create', publicAccount(m1, { notes: '原由甲一管理\n2026年移交团支部' }));
    expect(call('accounts.get', { id: created.id }).notes).toBe('原由甲一管理 2026年移交团支部');
    const { id: _id, memberId: _m, organizationId: _o, status: _s, closedOn: _c, closedReason: _r, requiredFiling: _f, filingState: _st, dueOn: _d, overdue: _ov, createdAt: _ca, updatedAt: _u, ...fields } = created;
    call('accounts.update', { ...fields, id: created.id, notes: '已移交' });
    const audit = call('audit.list', { entity: 'account', entityId: created.id });
    const change = audit.find((e) => e.action === 'update')!;
    expect([(change.before as { notes: string }).notes, (change.after as { notes: string }).notes]).toEqual(['原由甲一管理 2026年移交团支部', '已移交']);
    call('accounts.update', { ...fields, id: created.id, notes: '  ' });
    expect(call('accounts.get', { id: created.id }).notes).toBeNull();
  });
});
