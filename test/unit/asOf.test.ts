import { describe, expect, it } from 'vitest';
import { accountPeriods, FOREVER, ruleInForce, type AccountHistory, type AccountVersion } from '../../src/domain/asOf.js';
import { DEFAULT_FILING_RULES } from '../../src/domain/filingRules.js';

const version = (id: number, on: string, over: Partial<AccountVersion> = {}): AccountVersion => ({
  id, on, memberId: 1, platform: '微信公众号', region: '境内', capacity: '个人', kind: '公众账号', displayName: '读书笔记', accountRef: 'r1', audience: 5000, administrator: '甲', status: '在用', ...over,
});
const history = (over: Partial<AccountHistory> = {}): AccountHistory => ({
  start: '2025-01-01',
  versions: [version(1, '2025-01-01')],
  places: new Map([[1, [{ id: 1, on: '2024-05-01', organizationId: 7 }]]]),
  steps: [],
  rules: [{ id: 1, on: '0000-01-01', rules: DEFAULT_FILING_RULES }],
  ...over,
});
const states = (h: AccountHistory) => accountPeriods(h).map((p) => [p.from, p.to, p.state]);

describe('an account through time', () => {
  it('follows its filing through submission, return, resubmission and acceptance, each from its own day', () => {
    const steps = [
      { id: 1, filingId: 1, on: '2025-03-01', action: '提交' as const, snapshot: null },
      { id: 2, filingId: 1, on: '2025-03-10', action: '退回补正' as const, snapshot: null },
      { id: 3, filingId: 1, on: '2026-01-12', action: '重新提交' as const, snapshot: null },
      { id: 4, filingId: 1, on: '2026-01-16', action: '登记' as const, snapshot: { memberId: 1, displayName: '读书笔记', accountRef: 'r1', capacity: '个人' as const, kind: '公众账号' as const, administrator: '甲', platform: '微信公众号' } },
    ];
    expect(states(history({ steps }))).toEqual([
      ['2025-01-01', '2025-03-01', '未报备'],
      ['2025-03-01', '2025-03-10', '待审核'],
      ['2025-03-10', '2026-01-12', '需补正'],
      ['2026-01-12', '2026-01-16', '待审核'],
      ['2026-01-16', FOREVER, '已登记'],
    ]);
    // Renamed after acceptance: 变更未报 from the day of the edit; a version that changes no figure adds no interval.
    const versions = [version(1, '2025-01-01'), version(2, '2025-05-01', { audience: 6000 }), version(3, '2026-03-01', { displayName: '新名字' })];
    expect(states(history({ steps, versions })).slice(-2)).toEqual([
      ['2026-01-16', '2026-03-01', '已登记'],
      ['2026-03-01', FOREVER, '变更未报'],
    ]);
    // Handed over to another member after acceptance: the holder is a filed field, so 变更未报 from that day too,
    // and the account is counted with its new holder's organization from then, with the old one's before.
    const handedOver = [version(1, '2025-01-01'), version(2, '2026-02-01', { memberId: 2 })];
    const places = new Map([[1, [{ id: 1, on: '2024-05-01', organizationId: 7 }]], [2, [{ id: 2, on: '2023-01-01', organizationId: 9 }]]]);
    expect(accountPeriods(history({ steps, versions: handedOver, places })).slice(-2).map((p) => [p.from, p.to, p.state, p.memberId, p.organizationId])).toEqual([
      ['2026-01-16', '2026-02-01', '已登记', 1, 7],
      ['2026-02-01', FOREVER, '变更未报', 2, 9],
    ]);
  });

  it('is closed from its closure day, in its owner’s organization of each day, and nothing before its start', () => {
    const periods = accountPeriods(history({
      versions: [version(1, '2025-01-01'), version(2, '2025-08-01', { status: '已注销' })],
      places: new Map([[1, [{ id: 1, on: '2024-05-01', organizationId: 7 }, { id: 2, on: '2025-04-01', organizationId: 9 }]]]),
    }));
    expect(periods.map((p) => [p.from, p.organizationId, p.state, p.dueOn])).toEqual([
      ['2025-01-01', 7, '未报备', '2025-01-31'],
      ['2025-04-01', 9, '未报备', '2025-01-31'],
      ['2025-08-01', 9, '已注销', '2025-01-31'],
    ]);
  });

  it('takes the latest recorded version dated by a day, so the last interval is the account as it is now', () => {
    // Recorded second but dated earlier: from its date on it is the one in force.
    const versions = [version(1, '2025-01-01', { capacity: '个人' }), version(2, '2025-01-01', { capacity: '以职务身份', kind: '账号' })];
    expect(accountPeriods(history({ versions })).map((p) => [p.required, p.capacity])).toEqual([['报告', '以职务身份']]);
  });

  it('is judged by the 报备规则 version in force on each day, by effective day rather than by when it was saved', () => {
    const rules = [
      { id: 1, on: '0000-01-01', rules: DEFAULT_FILING_RULES },
      { id: 2, on: '2025-06-01', rules: { ...DEFAULT_FILING_RULES, publicAccountFollowerThreshold: 10_000 } },
      // Saved later, in force earlier: it does not undo the June version.
      { id: 3, on: '2025-03-01', rules: { ...DEFAULT_FILING_RULES, deadlineDays: 60 } },
    ];
    expect(ruleInForce(rules, '2025-07-01').id).toBe(2);
    expect(ruleInForce(rules, '2025-04-01').id).toBe(3);
    expect(ruleInForce(rules, '1999-01-01').id).toBe(1);
    expect(accountPeriods(history({ rules })).map((p) => [p.from, p.required, p.dueOn])).toEqual([
      ['2025-01-01', '备案', '2025-01-31'],
      ['2025-03-01', '备案', '2025-03-02'],
      ['2025-06-01', '无', null],
    ]);
  });
});
