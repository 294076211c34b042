/**
 * Importing members from the template (issue 10's figure, a row of issue 13's table): a file of `count` invented
 * members laid out as the members template, imported for real next to the bare streaming read of the same file plus
 * a raw prepared-statement insert of the same rows — each in its own process (bench/importChild.ts), in the same run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshBundledWorker } from './bundle.js';
import ExcelJS from 'exceljs';
import { IMPORT_FIELDS } from '../src/contract/importOutcome.js';
import { checkCharFor } from '../src/domain/idNumber.js';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂';

/** Deterministic invented members: a valid ID number each (birth dates spread over 1960–1999), names from common characters. */
export async function writeMembersFile(file: string, count: number): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet('党员名册');
  sheet.columns = IMPORT_FIELDS.members.map((f) => ({ key: f.key, width: 16, style: f.key === 'idNumber' || f.key === 'phone' ? { numFmt: '@' } : {} }));
  sheet.addRow(IMPORT_FIELDS.members.map((f) => f.label)).commit();
  for (let n = 0; n < count; n++) {
    const birth = `${1960 + (n % 40)}${String((n % 12) + 1).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}`;
    const first17 = `${320500 + (Math.floor(n / 1000) % 100)}`.padStart(6, '0') + birth + String(n % 1000).padStart(3, '0');
    const name = SURNAMES[n % 20]! + GIVEN[Math.floor(n / 20) % 20]! + (n % 3 ? GIVEN[Math.floor(n / 400) % 20]! : '');
    sheet.addRow([name, first17 + checkCharFor(first17), `中共基准测试委员会第${(n % 9) + 1}支部委员会`, '示例单位', '科员', '一般干部', '正式党员', `139${String(n).padStart(8, '0')}`, `${2000 + (n % 20)}-07-01`, null]).commit();
    if (n % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await book.commit();
}

export interface ImportRun {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  rows: number;
}

/** Writes the file, then runs `bare`, `import` and `import-encrypted` once each; `log` says what it is doing. */
export async function measureImport(count: number, log: (line: string) => void): Promise<{ bare: ImportRun; import: ImportRun; encrypted: ImportRun; bundledWorker: boolean }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-bench-import-'));
  try {
    const file = path.join(dir, `members-${count}.xlsx`);
    await writeMembersFile(file, count);
    log(`import file: ${count} member rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`);
    const bundledWorker = freshBundledWorker() !== undefined;
    const child = fileURLToPath(new URL('./importChild.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
    const run = (mode: 'bare' | 'import' | 'import-encrypted'): ImportRun => {
      const r = spawnSync(process.execPath, [tsx, child, mode, path.join(dir, `data-${mode}`), file], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout.trim().split('\n').pop()!) as ImportRun;
    };
    const bare = run('bare');
    return { bare, import: run('import'), encrypted: run('import-encrypted'), bundledWorker };
  } finally {
    if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
}
