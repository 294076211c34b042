/**
 * Hostile review of the name search read off member_bigrams (migration 0019): for fragments of two characters or
 * more, every page through the cursor (both orders, status filters, a subtree) must list exactly the members a
 * plain LIKE over members finds, in name order, with the same total — after renames, status changes, moves and an
 * import that renames existing members.
 */
import { describe, expect, it } from 'vitest';
import { freshLedger } from '../support/ledger.js';
import { validId } from '../support/ids.js';

const NAMES = ['欧阳娜娜', '欧阳', '欧阳修', '司马光', '司马', '张伟', '张伟', '张伟', '王', '张张张', '李𠮷', '𠮷𠮷', '😀张', '张😀三', 'Anna Li', 'anna', '阿卜杜·热合曼', '欧阳娜娜'];
const FRAGMENTS = ['欧阳', '阳娜', '欧阳娜', '司马', '张伟', '张张', '张张张', '李𠮷', '𠮷𠮷', '😀张', '张😀', '😀三', 'a张', 'An', 'anna', '杜·', '·热', '伟王'];

describe('member search by name pairs (hostile)', () => {
  it('pages every match of a fragment like a LIKE over members does, through renames, status changes and moves', () => {
    const l = freshLedger();
    const root = l.call('organizations.create', { parentId: null, fullName: '中共测试委员会', type: '党委' }).id;
    const a = l.call('organizations.create', { parentId: root, fullName: '甲支部', type: '党支部' }).id;
    const b = l.call('organizations.create', { parentId: root, fullName: '乙支部', type: '党支部' }).id;
    const orgs = [root, a, b];
    const ids = NAMES.map((name, i) => l.call('members.create', { name, organizationId: orgs[i % 3]!, idNumber: validId(`1980-0${(i % 9) + 1}-1${i % 10}`, 20 + i) }).id);

    const check = (step: string) => {
      for (const q of FRAGMENTS) {
        for (const order of ['asc', 'desc'] as const) {
          for (const statuses of [undefined, ['在册'] as const, ['转出', '退休'] as const]) {
            for (const organizationId of [undefined, a]) {
              const got: number[] = [];
              let cursor: string | null = null;
              let total = -1;
              do {
                const page: { rows: { id: number }[]; total: number; nextCursor: string | null } = l.call('members.search', { q, order, limit: 2, ...(cursor ? { cursor } : {}), ...(statuses ? { statuses: [...statuses] } : {}), ...(organizationId ? { organizationId } : {}) });
                total = page.total;
                got.push(...page.rows.map((r) => r.id));
                cursor = page.nextCursor;
              } while (cursor);
              const dir = order === 'asc' ? 'ASC' : 'DESC';
              const want = l.db
                .prepare(
                  `SELECT id FROM members WHERE instr(lower(name), lower(?)) > 0
                   ${statuses ? `AND status IN (${statuses.map(() => '?').join(',')})` : ''}
                   ${organizationId ? 'AND organization_id = ?' : ''} ORDER BY name_pinyin ${dir}, id ${dir}`,
                )
                .pluck()
                .all(q, ...(statuses ?? []), ...(organizationId ? [organizationId] : [])) as number[];
              const label = `${step}: ${q} ${order} ${statuses?.join('/') ?? 'all'} ${organizationId ?? 'tree'}`;
              expect.soft(got, label).toEqual(want);
              expect.soft(total, label).toBe(want.length);
            }
          }
        }
      }
    };
    check('created');
    l.call('members.update', { id: ids[0]!, name: '司马娜娜', idNumber: validId('1980-01-10', 20) });
    l.call('members.update', { id: ids[5]!, name: '张伟伟', idNumber: validId('1980-06-15', 25) });
    l.call('members.changeStatus', { id: ids[1]!, status: '转出', date: '2026-11-25' });
    l.call('members.changeStatus', { id: ids[6]!, status: '退休', date: '2026-11-25' });
    l.call('members.move', { id: ids[3]!, organizationId: a, onDate: '2026-11-25' });
    check('renamed, left, moved');
    l.call('members.changeStatus', { id: ids[1]!, status: '在册', date: '2026-11-25' });
    l.call('members.update', { id: ids[1]!, name: '欧阳', idNumber: validId('1980-02-11', 21) });
    check('back');
  });
});
