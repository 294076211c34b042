import { beforeEach, describe, expect, it } from 'vitest';
import { freshLedger } from '../support/ledger.js';
import { validId } from '../support/ids.js';

describe('member search', () => {
  let l: ReturnType<typeof freshLedger>;
  let root: number;
  let a: number;
  let b: number;
  let ids: Record<string, number>;

  beforeEach(() => {
    l = freshLedger();
    root = l.call('organizations.create', { parentId: null, fullName: '中共测试委员会', type: '党委' }).id;
    a = l.call('organizations.create', { parentId: root, fullName: '甲支部', type: '党支部' }).id;
    b = l.call('organizations.create', { parentId: root, fullName: '乙支部', type: '党支部' }).id;
    const people: [string, number, string, string][] = [
      ['张三', a, '1980-01-01', '13911112222'],
      ['张三丰', a, '1981-02-02', '13933334444'],
      ['李张明', b, '1982-03-03', '0512-65221234'],
      ['单雄', b, '1983-04-04', '13955556666'],
      ['王五', root, '1984-05-05', '13977778888'],
    ];
    ids = {};
    people.forEach(([name, org, birth, phone], i) => {
      ids[name] = l.call('members.create', { name, organizationId: org, idNumber: validId(birth, 10 + i), phone }).id;
    });
  });

  const names = (input: Parameters<typeof l.call<'members.search'>>[1]) => l.call('members.search', input).rows.map((r) => r.name);

  it('finds a two-character name fragment anywhere in the name', () => {
    expect(names({ q: '张三' })).toEqual(['张三', '张三丰']);
    expect(names({ q: '张' }).sort()).toEqual(['张三', '张三丰', '李张明'].sort());
  });

  it('finds fragments of two characters or more from the name pairs kept by triggers, also after a rename', () => {
    expect(names({ q: '三丰' })).toEqual(['张三丰']);
    expect(names({ q: '张明' })).toEqual(['李张明']);
    expect(names({ q: '李张明' })).toEqual(['李张明']);
    expect(names({ q: '张三丰x' })).toEqual([]);
    const rename = (name: string) => l.call('members.update', { id: ids['李张明']!, name, idNumber: validId('1982-03-03', 12) });
    rename('李张明华');
    expect(names({ q: '明华' })).toEqual(['李张明华']);
    rename('李明');
    expect(names({ q: '张明' })).toEqual([]);
    expect(names({ q: '李明' })).toEqual(['李明']);
    expect(names({ q: '李明', organizationId: b })).toEqual(['李明']);
    expect(names({ q: '李明', organizationId: a })).toEqual([]);
    const pairs = l.db.prepare('SELECT gram FROM member_bigrams WHERE member_id = ? ORDER BY gram').pluck().all(ids['李张明']);
    expect(pairs).toEqual(['李明']);
  });

  it('finds by pinyin initials and full pinyin, reading 单 as a surname (shan)', () => {
    expect(names({ q: 'zs' })).toEqual(['张三', '张三丰']);
    expect(names({ q: 'ZSF' })).toEqual(['张三丰']);
    expect(names({ q: 'zhangsan' })).toEqual(['张三', '张三丰']);
    expect(names({ q: 'shanx' })).toEqual(['单雄']);
  });

  it('finds by the last digits of the ID number, and by phone beginning or end', () => {
    const id = validId('1983-04-04', 13);
    expect(names({ q: id.slice(-6) })).toEqual(['单雄']);
    expect(names({ q: '8888' })).toEqual(['王五']);
    expect(names({ q: '0512' })).toEqual(['李张明']);
  });

  it('filters by organization subtree or the organization alone, and by status', () => {
    expect(names({ organizationId: root }).length).toBe(5);
    expect(names({ organizationId: root, includeSubtree: false })).toEqual(['王五']);
    expect(names({ organizationId: a })).toEqual(['张三', '张三丰']);
    l.call('members.changeStatus', { id: ids['张三']!, status: '转出' });
    expect(names({ organizationId: a, statuses: ['在册'] })).toEqual(['张三丰']);
    expect(names({ statuses: ['转出'] })).toEqual(['张三']);
  });

  it('sorts by pinyin and pages with a cursor without gaps or repeats', () => {
    expect(names({})).toEqual(['李张明', '单雄', '王五', '张三', '张三丰']);
    const first = l.call('members.search', { limit: 2 });
    expect(first.total).toBe(5);
    const second = l.call('members.search', { limit: 2, cursor: first.nextCursor });
    const third = l.call('members.search', { limit: 2, cursor: second.nextCursor });
    expect([...first.rows, ...second.rows, ...third.rows].map((r) => r.name)).toEqual(['李张明', '单雄', '王五', '张三', '张三丰']);
    expect(third.nextCursor).toBeNull();
    const desc = l.call('members.search', { sort: 'birthDate', order: 'desc', limit: 3 });
    const rest = l.call('members.search', { sort: 'birthDate', order: 'desc', limit: 3, cursor: desc.nextCursor });
    expect([...desc.rows, ...rest.rows].map((r) => r.birthDate)).toEqual(['1984-05-05', '1983-04-04', '1982-03-03', '1981-02-02', '1980-01-01']);
  });

  it('treats LIKE wildcards in the query as plain text', () => {
    expect(names({ q: '%' })).toEqual([]);
    expect(names({ q: '张_' })).toEqual([]);
  });

  it('refuses a forged cursor with a clear message', () => {
    expect(l.fail('members.search', { cursor: 'not-a-cursor' }).message).toBe('翻页位置无效，请重新查询。');
  });
});
