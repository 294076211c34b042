import { describe, expect, it } from 'vitest';
import { addYears, chineseDate, isIsoDate, localDay } from '../../src/domain/dates.js';
import { dueOn } from '../../src/domain/filingRules.js';

describe('calendar dates', () => {
  it('accepts only real YYYY-MM-DD days', () => {
    expect(['2024-02-29', '2026-12-31'].map(isIsoDate)).toEqual([true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-1-1', '20260101', ''].map(isIsoDate)).toEqual([false, false, false, false, false]);
  });

  it('puts an 18th birthday on 1 March when the birth day is 29 February and the year has none', () => {
    expect(addYears('2004-02-29', 18)).toBe('2022-03-01');
    expect(addYears('2004-02-29', 20)).toBe('2024-02-29');
    expect(addYears('1985-06-15', 18)).toBe('2003-06-15');
  });

  it('counts a filing deadline across month and year ends', () => {
    expect(dueOn('2026-12-15', 30)).toBe('2027-01-14');
    expect(dueOn('2024-02-01', 29)).toBe('2024-03-01');
  });

  it('prints and reads days as people see them', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(localDay(new Date(2026, 10, 25, 23, 59))).toBe('2026-11-25');
  });
});
