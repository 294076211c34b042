/**
 * What a cell typed by hand in WPS or Excel means: text normalised (full-width, NBSP, spaces), dates in the forms
 * people type (or Excel serials), counts like 1.2万 — each either a value or a problem with a suggestion.
 */
import { isIsoDate } from '../domain/dates.js';
import { normalizeText } from '../domain/text.js';
import { msg } from '../i18n/messages.js';
import type { Cell } from './sheetReader.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string; suggestion: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (problem: string, suggestion: string): Parsed<never> => ({ ok: false, problem, suggestion });

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The text a person sees in the cell; a Date prints as its day (exceljs gives dates at UTC midnight). */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return normalizeText(cell);
}

/** Excel's day 1 is 1900-01-01, counting the 29 February 1900 that never was; 73050 is 2099-12-31. */
function fromSerial(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 73050) return null;
  const ms = Date.UTC(1899, 11, 30) + serial * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** 2019-04-12, 2019/4/12, 2019.04.12, 2019年4月12日, 20190412, 201904 (the first of the month), Excel serials. */
export function parseDate(cell: Cell): Parsed<string | null> {
  if (cell === null) return ok(null);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? bad(msg.imports.problem.date, msg.imports.suggest.date) : ok(cell.toISOString().slice(0, 10));
  if (typeof cell === 'number') {
    // 201904 or 20190412 typed into a number cell reads as that month or day, not as a serial in the 26th century.
    const day = (/^\d{6}$|^\d{8}$/.test(String(cell)) ? parseDateText(String(cell)) : null) ?? fromSerial(cell);
    return day ? ok(day) : bad(msg.imports.problem.date, msg.imports.suggest.date);
  }
  const text = cellText(cell);
  if (text === '') return ok(null);
  const day = parseDateText(text);
  return day ? ok(day) : bad(msg.imports.problem.date, msg.imports.suggest.date);
}

function parseDateText(text: string): string | null {
  const t = text.replace(/\s/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (m) return real(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return real(Number(m[1]), Number(m[2]), Number(m[3]));
  // 201904 or 2019.04 / 2019年4月: a month only, as 入党时间 is often recorded; the register keeps its first day.
  m = /^(\d{4})[-/.年]?(\d{1,2})月?$/.exec(t);
  if (m && (t.length === 6 || /[-/.年]/.test(t))) return real(Number(m[1]), Number(m[2]), 1);
  return null;
}

function real(y: number, m: number, d: number): string | null {
  const day = iso(y, m, d);
  return y >= 1900 && isIsoDate(day) ? day : null;
}

/** Followers or group members: 12000, 12,000, 1.2万, empty. */
export function parseCount(cell: Cell): Parsed<number | null> {
  if (cell === null) return ok(null);
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 ? ok(cell) : bad(msg.imports.problem.count, msg.imports.suggest.count);
  const text = cellText(cell).replace(/[,，\s]/g, '');
  if (text === '') return ok(null);
  const m = /^(\d+(?:\.\d+)?)(万)?$/.exec(text);
  if (!m) return bad(msg.imports.problem.count, msg.imports.suggest.count);
  const value = Math.round(Number(m[1]) * (m[2] ? 10_000 : 1));
  return Number.isSafeInteger(value) ? ok(value) : bad(msg.imports.problem.count, msg.imports.suggest.count);
}

/**
 * An ID number must arrive as text: a number cell (or its scientific print, 3.2E+17) has already lost digits
 * beyond the 15th, which nothing can restore — the person must fix the column in WPS/Excel and paste again.
 */
export function idNumberText(cell: Cell): Parsed<string> {
  if (typeof cell === 'number') return bad(msg.imports.problem.idAsNumber, msg.imports.suggest.idAsNumber);
  const text = cellText(cell).replace(/\s/g, '');
  if (/^\d(\.\d+)?E\+?\d+$/i.test(text)) return bad(msg.imports.problem.idAsNumber, msg.imports.suggest.idAsNumber);
  return ok(text.replace(/x$/, 'X'));
}
