import { beforeEach, describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/messages.js';
import { freshLedger } from '../support/ledger.js';
import { validId } from '../support/ids.js';

describe('members', () => {
  let l: ReturnType<typeof freshLedger>;
  let root: number;
  let branch: number;

  beforeEach(() => {
    l = freshLedger();
    root = l.call('organizations.create', { parentId: null, fullName: '中共示例县虚构局委员会', type: '党委' }).id;
    branch = l.call('organizations.create', { parentId: root, fullName: '中共示例县虚构局机关支部', type: '党支部' }).id;
  });

  const base = (over: Record<string, unknown> = {}) => ({
    organizationId: branch,
    name: '甄试',
    idNumber: validId('1985-06-15', 21),
    phone: '13912345678',
    joinedOn: '2008-07-01',
    ...over,
  });

  it('creates a member with gender and birth date derived from the ID number', () => {
    const m = l.call('members.create', base({ idNumber: validId('1985-06-15', 21).toLowerCase(), name: '　甄试 ' }));
    expect(m).toMatchObject({ name: '甄试', gender: '男', birthDate: '1985-06-15', status: '在册', partyStatus: '正式党员' });
  });

  it('refuses an invalid ID with the message next to the field, and writes nothing', () => {
    const bad = validId('1985-06-15', 21).slice(0, 17) + (validId('1985-06-15', 21).endsWith('1') ? '2' : '1');
    const err = l.fail('members.create', base({ idNumber: bad }));
    expect(err).toEqual({ code: 'VALIDATION', message: msg.idNumber.checkDigit, details: { fields: { idNumber: msg.idNumber.checkDigit } } });
    expect(l.call('system.stats', {}).members).toBe(0);
    expect(l.call('system.stats', {}).audit_log).toBe(2);
  });

  it('refuses a duplicate ID number naming who holds it', () => {
    l.call('members.create', base());
    const err = l.fail('members.create', base({ name: '贾试' }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(msg.idNumber.duplicate('甄试'));
    expect(l.call('system.stats', {}).members).toBe(1);
  });

  it('refuses joining the Party before 18 and a bad phone', () => {
    expect(l.fail('members.create', base({ joinedOn: '2003-06-14' })).message).toBe(msg.member.joinedBefore18);
    expect(l.fail('members.create', base({ phone: '1234' })).message).toBe(msg.phone.format);
    expect(l.call('members.create', base({ phone: '0512 65221234' })).phone).toBe('0512-65221234');
  });

  it('changes status instead of deleting, and moves between organizations with an audit entry', () => {
    const m = l.call('members.create', base());
    l.call('members.changeStatus', { id: m.id, status: '退休', date: '2026-10-01' });
    expect(l.call('members.get', { id: m.id })).toMatchObject({ status: '退休', statusDate: '2026-10-01' });
    expect(l.fail('members.changeStatus', { id: m.id, status: '退休' }).message).toBe(msg.member.statusUnchanged('退休'));
    l.call('members.move', { id: m.id, organizationId: root });
    const [move] = l.call('audit.list', { entity: 'member', entityId: m.id });
    expect(move).toMatchObject({ action: 'move', summary: '甄试：中共示例县虚构局机关支部 → 中共示例县虚构局委员会' });
    expect((move!.before as { organizationId: number }).organizationId).toBe(branch);
    expect((move!.after as { organizationId: number }).organizationId).toBe(root);
  });

  it('gives the profile its organization path and age', () => {
    const m = l.call('members.create', base());
    expect(l.call('members.get', { id: m.id })).toMatchObject({
      organizationPath: ['中共示例县虚构局委员会', '中共示例县虚构局机关支部'],
      age: 41,
    });
  });

  it('edits fields and re-derives from a corrected ID number', () => {
    const m = l.call('members.create', base());
    const updated = l.call('members.update', { ...base({ idNumber: validId('1990-01-02', 22) }), id: m.id });
    expect(updated).toMatchObject({ gender: '女', birthDate: '1990-01-02' });
  });
});
