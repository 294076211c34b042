/**
 * The sweep at open removes only what this program left behind (a killed export's .part, an undownloaded
 * browser-mode export, a killed backup's .part folder, an old upload): a person's own files in those folders stay.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/hosts/ledger.js';

describe('the data folder sweep at open', () => {
  it('removes its own leftovers and nothing of the person’s', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-sweep-'));
    const put = (rel: string, folder = false) => {
      const full = path.join(dir, rel);
      fs.mkdirSync(folder ? full : path.dirname(full), { recursive: true });
      if (!folder) fs.writeFileSync(full, '重要');
      const old = new Date(Date.now() - 2 * 86_400_000);
      fs.utimesSync(full, old, old);
      return full;
    };
    const theirs = [put('exports/2025年度总结', true), put('exports/2025年度总结/汇报.docx'), put('exports/工资表.xlsx'), put('backups/我的备份.part', true), put('imports/名册.xlsx')];
    const ours = [
      put('exports/0a1b2c3d-明细表.xlsx'),
      put('exports/汇报.xlsx.0a1b2c3d.part'),
      put('backups/ledger-20261101-080000-ab12.part', true),
      put('imports/0a1b2c3d-1111-4222-8333-444455556666.xlsx'),
      put('imports/tmp-0a1b2c3d', true),
    ];
    const ledger = openLedger(dir);
    await ledger.close();
    expect(theirs.filter((f) => !fs.existsSync(f))).toEqual([]);
    expect(ours.filter((f) => fs.existsSync(f))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
