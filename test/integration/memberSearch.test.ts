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

  it("keeps each pair with its member's name order and status through renames and status changes", () => {
    const id = ids['张三丰']!;
    const grams = () => l.db.prepare('SELECT gram, name_pinyin AS pinyin, status FROM member_bigrams WHERE member_id = ? ORDER BY gram').all(id);
    expect(grams()).toEqual([
      { gram: '三丰', pinyin: 'zhangsanfeng', status: '在册' },
      { gram: '张三', pinyin: 'zhangsanfeng', status: '在册' },
    ]);
    l.call('members.changeStatus', { id, status: '退休' });
    l.call('members.update', { id, name: '张丰', idNumber: validId('1981-02-02', 11) });
    expect(grams()).toEqual([{ gram: '张丰', pinyin: 'zhangfeng', status: '退休' }]);
  });

  it('pages through a pair many members share in name order, with the status filter and the longer fragment', () => {
    // 欧阳 as a compound surname: the case that read every match's row twice (issue 13).
    const given = ['一', '丁', '七', '万', '三', '上', '下', '丙', '东', '丝', '丢', '两', '严', '丧', '中', '丰', '临', '丹', '为', '主', '丽', '举'];
    const made = given.map((g, i) => l.call('members.create', { name: `欧阳${g}明`, organizationId: i % 2 ? a : b, idNumber: validId('1990-01-01', 200 + i) }));
    for (const m of made.slice(0, 5)) l.call('members.changeStatus', { id: m.id, status: '转出' });
    // The list's name order, as SQLite compares the pinyin (byte order), then id.
    const pinyin = new Map(made.map((m) => [m.id, l.db.prepare('SELECT name_pinyin FROM members WHERE id = ?').pluck().get(m.id) as string]));
    const byName = (x: (typeof made)[number], y: (typeof made)[number]) => (pinyin.get(x.id)! < pinyin.get(y.id)! ? -1 : pinyin.get(x.id)! > pinyin.get(y.id)! ? 1 : x.id - y.id);
    const expected = (filter: (m: (typeof made)[number]) => boolean) => made.filter(filter).sort(byName).map((m) => m.name);
    const all = (input: Parameters<typeof l.call<'members.search'>>[1]) => {
      const got: string[] = [];
      let cursor: string | null | undefined;
      let total = -1;
      do {
        const page = l.call('members.search', { ...input, limit: 4, cursor });
        got.push(...page.rows.map((r) => r.name));
        total = page.total;
        cursor = page.nextCursor;
      } while (cursor);
      return { got, total };
    };
    const active = (m: (typeof made)[number]) => !made.slice(0, 5).includes(m);
    expect(all({ q: '欧阳' })).toEqual({ got: expected(() => true), total: 22 });
    expect(all({ q: '欧阳', statuses: ['在册'] })).toEqual({ got: expected(active), total: 17 });
    expect(all({ q: '欧阳', statuses: ['转出'] }).total).toBe(5);
    expect(all({ q: '欧阳', order: 'desc' }).got).toEqual(expected(() => true).reverse());
    expect(all({ q: '欧阳', organizationId: a, statuses: ['在册'] })).toEqual({ got: expected((m) => active(m) && made.indexOf(m) % 2 === 1), total: 9 });
    // Three characters: the rarest pair (丁明, one member) is looked up, the LIKE keeps the whole fragment.
    expect(all({ q: '欧阳丁明' })).toEqual({ got: ['欧阳丁明'], total: 1 });
    expect(all({ q: '阳丁' })).toEqual({ got: ['欧阳丁明'], total: 1 });
    expect(all({ q: '欧阳丁丁' }).total).toBe(0);
  });

  it('treats LIKE wildcards in the query as plain text', () => {
    expect(names({ q: '%' })).toEqual([]);
    expect(names({ q: '张_' })).toEqual([]);
  });

  it('refuses a forged cursor with a clear message', () => {
    expect(l.fail('members.search', { cursor: 'not-a-cursor' }).message).toBe('翻页位置无效，请重新查询。');
  });
});
