/**
 * Hostile files: each is refused with its own Chinese message by the parse worker, and the process, the register and
 * `netledger stats --json` stay exactly as they were. Also a cancelled import leaves nothing behind.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/hosts/ledger.js';
import { openAdminLedger } from '../support/adminLedger.js';
import { msg } from '../../src/i18n/messages.js';
import { LIMITS } from '../../src/imports/limits.js';
import { validId } from '../support/ids.js';
import { writeCsv, writeHostile, writeWithOpenpyxl, type HostileKind } from '../support/importFiles.js';
import { caller } from '../support/ledger.js';
import { registerStats } from '../support/dataFolder.js';

const BIN = path.join(import.meta.dirname, '../../src/bin/netledger.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-hostile-'));
const dataDir = path.join(dir, 'data');
let ledger: Ledger;
let valid: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

beforeAll(() => {
  expect(cli('demo', '--members', '200', '--seed', '3').code).toBe(0);
  ledger = openAdminLedger(dataDir);
  valid = writeWithOpenpyxl(path.join(dir, 'valid.xlsx'), [['姓名', '身份证号', '所在党组织'], ['甲测试', validId('1980-01-01', 1), '001']]);
});
afterAll(async () => {
  await ledger.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const EXPECTED: Record<HostileKind, string> = {
  truncated: msg.imports.truncated,
  'renamed-xls': msg.imports.oldFormat,
  encrypted: msg.imports.encrypted,
  bomb: msg.imports.tooLargeUnpacked(LIMITS.uncompressedBytes),
  'lying-bomb': msg.imports.bomb,
  random: msg.imports.notWorkbook,
  dimension: msg.imports.dimension('XFD1048576', LIMITS.rows, LIMITS.columns),
  doctype: msg.imports.doctype,
  'encrypted-entry': msg.imports.encrypted,
};

async function attempt(file: string, fileName = path.basename(file)) {
  const call = caller(ledger.registry);
  const { uploadId } = call('imports.upload', { fileName, contentBase64: fs.readFileSync(file).toString('base64') });
  return ledger.jobs.wait(call('imports.start', { kind: 'members', uploadId, mode: 'run', writeErrors: false }).id);
}

describe('hostile files', () => {
  for (const kind of Object.keys(EXPECTED) as HostileKind[]) {
    it(`${kind}: refused with its message, the register untouched`, async () => {
      const file = writeHostile(path.join(dir, `${kind}.xlsx`), kind, valid);
      const before = ledger.db.prepare('SELECT count(*) AS n FROM audit_log').get();
      const status = await attempt(file);
      expect(status).toMatchObject({ state: 'failed', error: EXPECTED[kind] });
      expect(status.outcome ?? null).toBeNull();
      expect(ledger.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(before);
      // The host still answers.
      expect(caller(ledger.registry)('system.stats', {}).members).toBe(200);
    });
  }

  it('a .xls or .et name is refused before anything is read; a workbook named .csv is told apart', async () => {
    expect(await attempt(valid, '名册.xls')).toMatchObject({ state: 'failed', error: msg.imports.oldFormat });
    expect(await attempt(valid, '名册.et')).toMatchObject({ state: 'failed', error: msg.imports.oldFormat });
    expect(await attempt(valid, '名册.csv')).toMatchObject({ state: 'failed', error: msg.imports.workbookAsCsv });
  });

  it('leaves netledger stats --json byte-identical after refused imports through the CLI (exit 1)', async () => {
    await ledger.close();
    const before = registerStats(cli('stats', '--json').out);
    const messy = writeWithOpenpyxl(path.join(dir, 'messy.xlsx'), [['姓名', '身份证号', '所在党组织'], ['乙测试', validId('1981-01-01', 2), '001'], ['丙测试', '3.2E+17', '001']]);
    const refused = cli('import', 'members', messy);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(msg.cli.importRow(3, '丙测试', ''));
    for (const kind of ['doctype', 'lying-bomb', 'truncated'] as HostileKind[]) {
      const r = cli('import', 'members', writeHostile(path.join(dir, `cli-${kind}.xlsx`), kind, valid));
      expect(r).toMatchObject({ code: 1, err: EXPECTED[kind] });
    }
    expect(cli('import', 'members', messy, '--dry-run').code).toBe(1);
    expect(registerStats(cli('stats', '--json').out)).toBe(before);
    expect(fs.readdirSync(path.join(dataDir, 'imports'))).toEqual([]);
    // The valid rows only, when asked: exit 0 and one member more.
    const partial = cli('import', 'members', messy, '--valid-only', '--json');
    expect(partial.code).toBe(0);
    expect(JSON.parse(partial.out)).toMatchObject({ imported: true, counts: { add: 1, refused: 1 } });
    expect(JSON.parse(cli('stats', '--json').out).members).toBe(201);
    expect(cli('import', 'nobody', messy).code).toBe(2);
    expect(cli('import', 'members').code).toBe(2);
    ledger = openAdminLedger(dataDir);
    // About a dozen CLI processes, each opening the register: slow on a shared machine.
  }, 300_000);

  it('a cancelled import leaves nothing behind', async () => {
    const rows = [['姓名', '身份证号', '所在党组织'], ...Array.from({ length: 30_000 }, (_, i) => [`测试${i}`, validId('1970-01-01', 0, String(100000 + i)), '001'])];
    const file = writeCsv(path.join(dir, 'big.csv'), rows, 'utf8');
    const call = caller(ledger.registry);
    const before = call('system.stats', {});
    const { uploadId } = call('imports.upload', { fileName: 'big.csv', contentBase64: fs.readFileSync(file).toString('base64') });
    const started = call('imports.start', { kind: 'members', uploadId, mode: 'run' });
    call('jobs.cancel', { jobId: started.id });
    expect(await ledger.jobs.wait(started.id)).toMatchObject({ state: 'cancelled', error: msg.imports.cancelled });
    expect(call('system.stats', {})).toEqual(before);
  });
});
