import { describe, expect, it } from 'vitest';
import {
  allowedFilingTypes,
  DEFAULT_FILING_RULES as DEFAULTS,
  dueOn,
  filingState,
  isOverdue,
  nextFilingState,
  requiredFiling,
  type FiledFields,
} from '../../src/domain/filingRules.js';
import { FILING_RECORD_STATES } from '../../src/domain/vocabulary.js';

const WITH_THRESHOLDS = { ...DEFAULTS, publicAccountFollowerThreshold: 1000, groupMemberThreshold: 200 };

describe('which filing an account needs (Article 3)', () => {
  it.each([
    // capacity, kind, audience, without thresholds, with thresholds (1000 followers / 200 group members)
    ['以职务身份', '账号', 10, '报告', '报告'],
    ['以职务身份', '群组', 5, '报告', '报告'],
    ['以职务身份', '公众账号', null, '报告', '报告'],
    ['个人', '公众账号', 5, '备案', '无'],
    ['个人', '公众账号', 999, '备案', '无'],
    ['个人', '公众账号', 1000, '备案', '备案'],
    ['个人', '公众账号', null, '备案', '备案'],
    ['个人', '群组', 5000, '无', '备案'],
    ['个人', '群组', 199, '无', '无'],
    ['个人', '群组', null, '无', '备案'],
    ['个人', '账号', 1_000_000, '无', '无'],
  ] as const)('%s %s with %s → %s by default, %s with thresholds', (capacity, kind, audience, byDefault, withThresholds) => {
    expect(requiredFiling({ capacity, kind, audience }, DEFAULTS)).toBe(byDefault);
    expect(requiredFiling({ capacity, kind, audience }, WITH_THRESHOLDS)).toBe(withThresholds);
  });
});

const fields: FiledFields = { memberId: 7, displayName: '示例号', accountRef: 'demo_001', capacity: '个人', kind: '公众账号', administrator: '甲', platform: '微博' };

describe('filing state', () => {
  const state = (over: Partial<Parameters<typeof filingState>[0]>) =>
    filingState({ required: '备案', status: '在用', latest: null, current: fields, ...over });

  it('follows the latest filing', () => {
    expect(state({})).toBe('未报备');
    expect(state({ required: '无' })).toBe('无需报备');
    expect(state({ latest: { state: '待审核', snapshot: null } })).toBe('待审核');
    expect(state({ latest: { state: '需补正', snapshot: null } })).toBe('需补正');
    expect(state({ latest: { state: '已登记', snapshot: fields } })).toBe('已登记');
  });

  it.each(['memberId', 'displayName', 'accountRef', 'capacity', 'kind', 'administrator', 'platform'] as const)(
    'becomes 变更未报 when %s changed after acceptance',
    (field) => {
      const changed = { ...fields, [field]: field === 'memberId' ? 8 : field === 'capacity' ? '以职务身份' : field === 'kind' ? '群组' : '改过的值' };
      expect(state({ latest: { state: '已登记', snapshot: fields }, current: changed })).toBe('变更未报');
    },
  );

  it('is 已注销 for a closed account whatever its filings', () => {
    expect(state({ status: '已注销', latest: { state: '待审核', snapshot: null } })).toBe('已注销');
    expect(state({ status: '已注销' })).toBe('已注销');
  });
});

describe('deadline', () => {
  it('counts days from opening, 30 by default or the unit setting', () => {
    expect(dueOn('2026-01-15', DEFAULTS.deadlineDays)).toBe('2026-02-14');
    expect(dueOn('2026-02-20', 10)).toBe('2026-03-02');
  });
  it('is overdue only when not filed and past the due day', () => {
    expect(isOverdue('未报备', '2026-11-24', '2026-11-25')).toBe(true);
    expect(isOverdue('未报备', '2026-11-25', '2026-11-25')).toBe(false);
    expect(isOverdue('待审核', '2026-01-01', '2026-11-25')).toBe(false);
    expect(isOverdue('无需报备', null, '2026-11-25')).toBe(false);
  });
});

describe('filing workflow transitions', () => {
  const legal = [
    ['待审核', '登记', '已登记'],
    ['待审核', '退回补正', '需补正'],
    ['需补正', '重新提交', '待审核'],
  ] as const;
  it.each(legal)('%s + %s → %s', (from, action, to) => expect(nextFilingState(from, action)).toBe(to));

  const actions = ['登记', '退回补正', '重新提交'] as const;
  const illegal = FILING_RECORD_STATES.flatMap((from) => actions.map((a) => [from, a] as const)).filter(
    ([from, a]) => !legal.some(([f, la]) => f === from && la === a),
  );
  it.each(illegal)('%s + %s is refused', (from, action) => expect(nextFilingState(from, action)).toBeNull());
  it('refuses exactly six combinations', () => expect(illegal).toHaveLength(6));
});

describe('which filing types may be submitted', () => {
  it('first the one needed, then only 变更, 注销 once closed, nothing while one is open', () => {
    expect(allowedFilingTypes({ required: '备案', status: '在用', hasOpenFiling: false, hasAccepted: false })).toEqual(['备案']);
    expect(allowedFilingTypes({ required: '报告', status: '停用', hasOpenFiling: false, hasAccepted: false })).toEqual(['报告']);
    expect(allowedFilingTypes({ required: '无', status: '在用', hasOpenFiling: false, hasAccepted: false })).toEqual([]);
    expect(allowedFilingTypes({ required: '备案', status: '在用', hasOpenFiling: false, hasAccepted: true })).toEqual(['变更']);
    expect(allowedFilingTypes({ required: '备案', status: '已注销', hasOpenFiling: false, hasAccepted: true })).toEqual(['注销']);
    expect(allowedFilingTypes({ required: '备案', status: '在用', hasOpenFiling: true, hasAccepted: true })).toEqual([]);
  });
});
