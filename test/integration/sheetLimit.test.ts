/**
 * A 明细表 longer than Excel's 1,048,576 rows a sheet continues on further sheets (tested with a small limit
 * injected, not a million rows): the header repeated, every account once in order, and every 小计/合计 right —
 * both its cached value and its formula evaluated over the cells it names, across sheets.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Ledger } from '../../src/hosts/ledger.js';
import { openAdminLedger } from '../support/adminLedger.js';
import { writeReport } from '../../src/reports/writeReport.js';
import { inspectWorkbook, type InspectedSheet } from '../support/excel.js';
import { caller } from '../support/ledger.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-sheet-limit-'));
let ledger: Ledger;
let whole: InspectedSheet[];
let split: InspectedSheet[];
const LIMIT = 40;

beforeAll(async () => {
  ledger = openAdminLedger(path.join(dir, 'data'));
  caller(ledger.registry)('system.demo', { members: 300, seed: 5 });
  await writeReport(ledger.ctx, 'detail', {}, path.join(dir, 'whole.xlsx'));
  const r = await writeReport(ledger.ctx, 'detail', {}, path.join(dir, 'split.xlsx'), {}, LIMIT);
  whole = inspectWorkbook(path.join(dir, 'whole.xlsx'));
  split = inspectWorkbook(path.join(dir, 'split.xlsx'));
  expect(r.sheets).toBe(split.length);
}, 120_000);
afterAll(async () => {
  await ledger.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rowOf = (ref: string) => Number(/\d+$/.exec(ref)![0]);
const colOf = (ref: string) => /^[A-Z]+/.exec(ref)![0];
const cell = (s: InspectedSheet, ref: string) => s.cells.find((c) => c.ref === ref);
const rowCells = (s: InspectedSheet, row: number) => s.cells.filter((c) => rowOf(c.ref) === row);
/** Rows whose label (column A) ends with the given word, as label → the tally cell's cached value (column E). */
const totals = (sheets: InspectedSheet[], word: RegExp) =>
  sheets.flatMap((s) => s.cells.filter((c) => c.ref.startsWith('A') && word.test(String(c.value))).map((c) => [String(c.value), cell(s, `E${rowOf(c.ref)}`)?.cached] as const));

it('continues on further sheets named 续, each within the limit and with the title and header repeated', () => {
  expect(whole).toHaveLength(1);
  expect(split.length).toBeGreaterThan(2);
  expect(split.map((s) => s.name)).toEqual(['明细表', ...split.slice(1).map((_, i) => `明细表（续${i + 1}）`)]);
  const header = rowCells(whole[0]!, 4).map((c) => [colOf(c.ref), c.value]);
  for (const s of split) {
    expect(s.maxRow).toBeLessThanOrEqual(LIMIT);
    expect(rowCells(s, 4).map((c) => [colOf(c.ref), c.value])).toEqual(header);
    expect(cell(s, 'A1')!.value).toBe(cell(whole[0]!, 'A1')!.value);
    expect(s.printTitleRows).toBe('$4:$4');
  }
});

it('lists every account once, in the same order as on one sheet', () => {
  const data = (sheets: InspectedSheet[]) => sheets.flatMap((s) => s.cells.filter((c) => c.ref.startsWith('A') && c.type === 'n').map((c) => rowCells(s, rowOf(c.ref)).map((x) => x.value).join('|')));
  const all = data(whole);
  expect(all.length).toBeGreaterThan(3 * LIMIT);
  expect(data(split)).toEqual(all);
});

it('keeps every 小计 and the 合计 right: the same figures as on one sheet, and each formula evaluates to its cached value', () => {
  const final = (sheets: InspectedSheet[]) => totals(sheets, /(　小计|^合计)$/);
  expect(final(split)).toEqual(final(whole));
  // A group cut by a break has a part 小计, and each sheet but the last a 本表合计.
  expect(totals(split, /小计（本表部分）$/).length).toBeGreaterThan(0);
  expect(totals(split, /^本表合计/)).toHaveLength(split.length - 1);
  const byName = new Map(split.map((s) => [s.name, s]));
  let checked = 0;
  for (const s of split) {
    for (const c of s.cells.filter((x) => x.type === 'f' && String(x.value).includes('SUBTOTAL(3'))) {
      const [, from, to, rest] = /SUBTOTAL\(3,B(\d+):B(\d+)\)(.*)$/.exec(String(c.value))!;
      // SUBTOTAL(3, …) counts filled cells of the range, leaving out other SUBTOTAL results.
      let value = s.cells.filter((x) => colOf(x.ref) === 'B' && rowOf(x.ref) >= Number(from) && rowOf(x.ref) <= Number(to) && x.value !== '' && !String(x.value).includes('SUBTOTAL')).length;
      for (const [, sheet, ref] of rest!.matchAll(/\+'([^']+)'!([A-Z]+\d+)/g)) value += Number(cell(byName.get(sheet!)!, ref!)!.cached);
      expect(value, `${s.name}!${c.ref} ${c.value}`).toBe(c.cached);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(split.length * 2);
});
