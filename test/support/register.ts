/** A small register for account and filing tests: one committee, two branches, a few members. */
import { freshLedger } from './ledger.js';
import { validId } from './ids.js';

export function registerWithMembers() {
  const l = freshLedger();
  const root = l.call('organizations.create', { parentId: null, fullName: '中共测试委员会', type: '党委' }).id;
  const a = l.call('organizations.create', { parentId: root, fullName: '甲支部', type: '党支部' }).id;
  const b = l.call('organizations.create', { parentId: root, fullName: '乙支部', type: '党支部' }).id;
  const member = (name: string, org: number, seq: number) =>
    l.call('members.create', { name, organizationId: org, idNumber: validId('1985-03-0' + ((seq % 9) + 1), seq) }).id;
  return { ...l, root, a, b, m1: member('甲一', a, 11), m2: member('乙二', b, 12), m3: member('乙三', b, 13) };
}

export const publicAccount = (memberId: number, over: Record<string, unknown> = {}) => ({
  memberId,
  platform: '微信公众号',
  region: '境内' as const,
  capacity: '个人' as const,
  kind: '公众账号' as const,
  displayName: '示例读书笔记',
  accountRef: 'demo_reading',
  openedOn: '2026-11-01',
  audience: 5000,
  administrator: '甲一',
  ...over,
});
