/**
 * 公民身份号码 (GB 11643-1999): 17 digits + check character.
 * Birth date and gender are derived from the number, never typed twice.
 */
import { msg } from '../i18n/messages.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export interface IdNumberInfo {
  idNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: '男' | '女';
}

export type IdNumberResult = { ok: true; value: IdNumberInfo } | { ok: false; reason: string };

export function checkCharFor(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Validates and normalises (lowercase x → X) an ID number; `today` is YYYY-MM-DD. */
export function parseIdNumber(raw: string, today: string): IdNumberResult {
  const value = raw.trim().toUpperCase();
  // Excel turns an 18-digit number into 1.10105194912310E+17 or loses the last digits.
  if (/^\d(\.\d+)?E\+\d+$/i.test(value)) return { ok: false, reason: msg.idNumber.scientific };
  if (!/^\d{17}[\dX]$/.test(value)) {
    if (/^\d{15}$/.test(value)) return { ok: false, reason: msg.idNumber.fifteenDigits };
    return { ok: false, reason: msg.idNumber.format };
  }
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (y < 1900 || !isRealDate(y, m, d)) return { ok: false, reason: msg.idNumber.birthDate };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, reason: msg.idNumber.future };
  if (checkCharFor(value.slice(0, 17)) !== value[17]) return { ok: false, reason: msg.idNumber.checkDigit };
  const gender = Number(value[16]) % 2 === 1 ? '男' : '女';
  return { ok: true, value: { idNumber: value, birthDate, gender } };
}
