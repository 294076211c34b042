/** A register in a real data folder (not in memory), with a scanned form, for backup/restore/check tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { connect } from '../../src/db/open.js';
import { runCli } from '../../src/hosts/cli.js';
export { registerKey } from './adminLedger.js';
import { openAdminLedger, registerKey } from './adminLedger.js';
import { validId } from './ids.js';
import { caller } from './ledger.js';
import { publicAccount } from './register.js';
import { minimalPdf } from './scans.js';

export const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), `netledger-${prefix}-`));

/** Opens a ledger over a data folder and adds an organization, a member, an account, a filing and one scan. */
export function populatedLedger(dataDir: string, scanText = '备案表扫描件') {
  const ledger = openAdminLedger(dataDir);
  const call = caller(ledger.registry);
  const org = call('organizations.create', { parentId: null, fullName: '中共测试委员会', type: '党委' }).id;
  const member = call('members.create', { name: '甲一', organizationId: org, idNumber: validId('1985-03-01', 11) }).id;
  const account = call('accounts.create', publicAccount(member)).id;
  const filing = call('filings.submit', { accountId: account, type: '备案', submittedOn: '2026-11-02' }).id;
  const scan = minimalPdf(scanText);
  const attachment = call('filings.attach', { filingId: filing, fileName: '备案表.pdf', contentBase64: scan.toString('base64') });
  return { ledger, call, org, member, filing, scan, attachment };
}

/** Runs the CLI in this process (fast), capturing what it prints; `answer` plays the person at a terminal. */
export async function cli(args: string[], answer?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    ask: answer === undefined ? undefined : async () => answer,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every file below a folder with its bytes, to prove a refused restore changed nothing. */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]) {
    const full = path.join(e.parentPath, e.name);
    if (e.isFile()) result[path.relative(dir, full)] = fs.readFileSync(full).toString('base64');
  }
  return result;
}

/** A connection of a test's own to a register file, with the key of the folder it lies in when it is encrypted. */
export function rawDb(file: string, flags: Database.Options = {}): Database.Database {
  return connect(file, { key: registerKey(path.dirname(file)) }, flags);
}

export const count = (file: string, table: string) => {
  const db = rawDb(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

/**
 * `netledger stats --json` without the audit trail's own rows: every command signs in, and each sign-in is audited
 * (issue 11), so "nothing changed" means the register's data is byte-identical, not that no one signed in.
 */
export function registerStats(statsJson: string): string {
  const { audit_log: _log, audit_head: _head, ...data } = JSON.parse(statsJson) as Record<string, unknown>;
  return JSON.stringify(data, null, 2);
}
