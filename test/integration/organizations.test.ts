import { beforeEach, describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/messages.js';
import { freshLedger } from '../support/ledger.js';

describe('organization tree', () => {
  let l: ReturnType<typeof freshLedger>;
  let root: number;
  let a: number;
  let a1: number;

  beforeEach(() => {
    l = freshLedger();
    root = l.call('organizations.create', { parentId: null, fullName: '中共示例市虚构区委员会', type: '党委' }).id;
    a = l.call('organizations.create', { parentId: root, fullName: '中共虚构区教育局党总支部', type: '党总支' }).id;
    a1 = l.call('organizations.create', { parentId: a, fullName: '中共虚构区第一中学支部委员会', type: '党支部' }).id;
  });

  it('assigns path-like codes, three digits a level', () => {
    const tree = l.call('organizations.tree', {});
    expect(tree.map((o) => [o.code, o.depth])).toEqual([
      ['001', 0],
      ['001001', 1],
      ['001001001', 2],
    ]);
  });

  it('refuses to move an organization under its own child, and changes nothing', () => {
    const before = l.call('organizations.tree', {});
    const auditBefore = l.call('audit.list', {}).length;
    const err = l.fail('organizations.move', { id: a, parentId: a1 });
    expect(err).toEqual({ code: 'CONFLICT', message: msg.organization.cycle, details: { id: a, parentId: a1 } });
    expect(l.fail('organizations.move', { id: a, parentId: a }).message).toBe(msg.organization.cycle);
    expect(l.call('organizations.tree', {})).toEqual(before);
    expect(l.call('audit.list', {}).length).toBe(auditBefore);
  });

  it('moves a subtree and keeps subtree queries right', () => {
    const b = l.call('organizations.create', { parentId: root, fullName: '中共虚构区卫健委党委', type: '党委' }).id;
    l.call('organizations.move', { id: a, parentId: b });
    const tree = l.call('organizations.tree', {});
    expect(tree.map((o) => [o.id, o.depth])).toEqual([
      [root, 0],
      [b, 1],
      [a, 2],
      [a1, 3],
    ]);
    const path = (l.db.prepare('SELECT tree_path FROM organizations WHERE id = ?').get(a1) as { tree_path: string }).tree_path;
    expect(path).toBe(`/${root}/${b}/${a}/${a1}/`);
  });

  it('reorders siblings and refuses a list that does not match', () => {
    const b = l.call('organizations.create', { parentId: root, fullName: '乙党支部', type: '党支部' }).id;
    l.call('organizations.reorder', { parentId: root, orderedIds: [b, a] });
    expect(l.call('organizations.tree', {}).filter((o) => o.parentId === root).map((o) => o.id)).toEqual([b, a]);
    expect(l.fail('organizations.reorder', { parentId: root, orderedIds: [b] }).message).toBe(msg.organization.reorderMismatch);
  });

  it('removes only empty organizations', () => {
    expect(l.fail('organizations.remove', { id: a }).message).toBe(msg.organization.notEmptyChildren(1));
    expect(l.call('organizations.remove', { id: a1 })).toEqual({ removed: a1 });
    expect(l.call('organizations.tree', {}).length).toBe(2);
  });

  it('refuses a duplicate name under one parent and a taken code', () => {
    expect(l.fail('organizations.create', { parentId: root, fullName: '中共虚构区教育局党总支部', type: '党总支' }).details).toEqual({
      fields: { fullName: msg.organization.duplicateName('中共虚构区教育局党总支部') },
    });
    expect(l.fail('organizations.create', { parentId: root, fullName: '丙', type: '党支部', code: '001001' }).message).toBe(
      msg.organization.duplicateCode('001001'),
    );
  });

  it('renames with an audit entry holding before and after', () => {
    l.call('organizations.update', { id: a1, fullName: '中共虚构区第一中学委员会', type: '党委', secretary: '测试甲' });
    const [entry] = l.call('audit.list', { entity: 'organization', entityId: a1 });
    expect(entry).toMatchObject({ action: 'update', actor: '测试操作员', actionLabel: '修改' });
    expect((entry!.before as { fullName: string }).fullName).toBe('中共虚构区第一中学支部委员会');
    expect((entry!.after as { fullName: string }).fullName).toBe('中共虚构区第一中学委员会');
  });
});
