/**
 * The shared reader reads every character as written, however exceljs's inflated chunks fall: 8,000 rows of Chinese
 * text (exceljs 4.4 alone garbles a character split between two chunks every few thousand rows), from a file written
 * by exceljs and the same rows, with a 4-byte character each, from a file written by openpyxl (shared strings).
 * (exceljs's in-memory writer garbles a 4-byte character such as an emoji where JSZip cuts its XML into 16K-character
 * chunks — in the file itself, as openpyxl reads it — so the exceljs file carries none; the console writes every
 * workbook with the streaming writer, which does not.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSheet } from '../../src/imports/sheetReader.js';
import { writeWithExceljs, writeWithOpenpyxl } from '../support/importFiles.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-read-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const rows = (extra: string) => Array.from({ length: 8000 }, (_, i) => [`测试${'甲乙丙丁戊己庚辛'[i % 8]}${i}`, `中共测试委员会第${i % 97}支部委员会`, `备注：网络账号报备${extra}${i}`]);

async function readAll(file: string) {
  const out: string[][] = [];
  for await (const r of readSheet(file, path.basename(file))) out.push(r.cells.map(String));
  return out;
}

describe('the shared sheet reader', () => {
  it('reads 8,000 rows of Chinese text from exceljs exactly (inline strings)', async () => {
    const cn = rows('（已核）');
    expect(await readAll(await writeWithExceljs(path.join(dir, 'cn-exceljs.xlsx'), cn))).toEqual(cn);
  });

  it('gives an empty cell between filled ones as null, not a hole (rows are dense)', async () => {
    const file = await writeWithExceljs(path.join(dir, 'gaps.xlsx'), [['姓名', '单位', '电话'], ['王一', null, '13800138000'], [null, null, 7]]);
    const cells: unknown[][] = [];
    for await (const r of readSheet(file, 'gaps.xlsx')) cells.push(r.cells);
    expect(cells).toEqual([['姓名', '单位', '电话'], ['王一', null, '13800138000'], [null, null, 7]]);
    // toEqual alone takes a hole for undefined: every index must hold a value.
    expect(cells.map((c) => Object.keys(c).length)).toEqual([3, 3, 3]);
  });

  it('reads the same rows from openpyxl exactly (shared strings)', async () => {
    const wide = rows('😀𠀀');
    expect(await readAll(writeWithOpenpyxl(path.join(dir, 'cn-openpyxl.xlsx'), wide))).toEqual(wide);
  });
});
