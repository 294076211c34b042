import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../src/domain/idNumber.js';
import { msg } from '../../src/i18n/messages.js';
import { validId } from '../support/ids.js';

const TODAY = '2026-11-25';

describe('身份证号 (GB 11643)', () => {
  it('accepts the standard test vector and derives birth date and gender', () => {
    const r = parseIdNumber('11010519491231002X', TODAY);
    expect(r).toEqual({ ok: true, value: { idNumber: '11010519491231002X', birthDate: '1949-12-31', gender: '女' } });
  });

  it('normalises a lowercase x', () => {
    const r = parseIdNumber(' 11010519491231002x ', TODAY);
    expect(r.ok && r.value.idNumber).toBe('11010519491231002X');
  });

  it('derives 男 from an odd 17th digit', () => {
    const r = parseIdNumber(validId('1980-02-29', 13), TODAY);
    expect(r.ok && r.value).toMatchObject({ gender: '男', birthDate: '1980-02-29' });
  });

  it.each([
    ['11010519491231002', msg.idNumber.format],
    ['110105194912310021', msg.idNumber.checkDigit],
    ['110105194902300028', msg.idNumber.birthDate],
    ['1.10105194912310E+17', msg.idNumber.scientific],
    ['110105491231002', msg.idNumber.fifteenDigits],
  ])('refuses %s with a message that says why', (input, reason) => {
    expect(parseIdNumber(input, TODAY)).toEqual({ ok: false, reason });
  });

  it('refuses a birth date after today', () => {
    expect(parseIdNumber(validId('2026-12-01', 1), TODAY)).toEqual({ ok: false, reason: msg.idNumber.future });
  });

  it('refuses a non-leap 29 February', () => {
    const first17 = '32050819810229001';
    expect(parseIdNumber(first17 + '0', TODAY)).toEqual({ ok: false, reason: msg.idNumber.birthDate });
  });
});
