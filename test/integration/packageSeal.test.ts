/**
 * Files that leave the PC (issue 11 item 4): a 上报数据包 sealed with a transfer password hides every name and ID
 * number, opens only with that password, and any changed or missing byte is refused with nothing stored; a plain
 * package keys its members without their ID numbers and masks them unless whole ones are chosen; version-1
 * packages (ID numbers as keys) still import with the same figures.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/contract/operators.js';
import { sumFigures } from '../../src/domain/figures.js';
import { maskIdNumber } from '../../src/domain/mask.js';
import { msg } from '../../src/i18n/messages.js';
import { readPackage } from '../../src/imports/packageFile.js';
import { submissionOf } from '../../src/imports/packageRows.js';
import { writePackage } from '../../src/reports/upwardPackage.js';
import { validId } from '../support/ids.js';
import { freshLedger } from '../support/ledger.js';
import { publicAccount, registerWithMembers } from '../support/register.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-seal-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PASSWORD = '青禾镇2026约定';
const CANARY_NAME = '金丝雀测试员';
const CANARY_ID = validId('1979-12-31', 77);
/** A whole ID number on its own — not a run of digits inside a member's hex key or the checksum. */
const FULL_ID = /(?<![\da-f])\d{17}[\dX](?![\da-f])/;

/** A sub-unit with the canary member owning an account, and one more account of another member. */
function subUnit() {
  const r = registerWithMembers();
  const canary = r.call('members.create', { name: CANARY_NAME, organizationId: r.a, idNumber: CANARY_ID }).id;
  r.call('accounts.create', publicAccount(canary));
  r.call('accounts.create', publicAccount(r.m2, { displayName: '乙二的读书会', accountRef: 'b2_reading' }));
  return r;
}

async function written(r: ReturnType<typeof subUnit>, name: string, extra: { transferPassword?: string; fullIdNumbers?: boolean } = {}) {
  const out = path.join(dir, name);
  await writePackage(r.ctx, { period: '2026年度', ...extra }, out);
  return fs.readFileSync(out);
}

const totals = (bytes: Buffer, password?: string) => sumFigures(submissionOf(readPackage(bytes, password), 'p.json').organizations.map((o) => o.figures));

describe('transfer password', () => {
  const sub = subUnit();

  it('seals the whole package: no name, ID number or source readable, and it opens to the same figures as the plain one', async () => {
    const sealed = await written(sub, 'sealed.json', { transferPassword: PASSWORD });
    const plain = await written(sub, 'plain.json');
    for (const needle of [CANARY_NAME, CANARY_ID, maskIdNumber(CANARY_ID), '中共测试委员会', '示例读书笔记']) {
      expect(sealed.includes(Buffer.from(needle, 'utf8'))).toBe(false);
      expect(sealed.includes(Buffer.from(needle, 'utf16le'))).toBe(false);
    }
    expect(plain.includes(Buffer.from(CANARY_NAME, 'utf8'))).toBe(true);
    const envelope = JSON.parse(sealed.toString('utf8'));
    expect(Object.keys(envelope)).toEqual(['format', 'formatVersion', 'protection', 'ciphertext', 'tag']);
    expect(envelope).toMatchObject({ format: 'netledger-upward-package', formatVersion: 3, protection: { cipher: 'aes-256-gcm', kdf: 'scrypt', N: 65536, r: 8, p: 1 } });

    const opened = readPackage(sealed, PASSWORD);
    expect(opened.source.fullName).toBe('中共测试委员会');
    expect(opened.counts).toMatchObject({ organizations: 3, members: 4, accounts: 2 });
    expect(totals(sealed, PASSWORD)).toEqual(totals(plain));
    expect(totals(sealed, PASSWORD)).toMatchObject({ members: 4, withAccounts: 2, accounts: 2 });
  });

  it('refuses a missing or wrong password, one flipped byte and a cut-off copy with its message, storing nothing; the right password imports', async () => {
    const sealed = await written(sub, 'sealed-2.json', { transferPassword: PASSWORD });
    const text = sealed.toString('utf8');
    const at = text.indexOf('"ciphertext":"') + 14 + 200;
    const flipped = Buffer.from(text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1));
    const higher = freshLedger();
    const top = higher.call('organizations.create', { parentId: null, fullName: '中共示例县委员会', type: '党委' });
    const town = higher.call('organizations.create', { parentId: top.id, fullName: '中共测试委员会', type: '党委' });
    const stats = () => {
      const { audit_log: _log, audit_head: _head, ...rest } = higher.call('system.stats', {}) as Record<string, unknown>;
      return JSON.stringify(rest);
    };
    const before = stats();
    const input = (bytes: Buffer, transferPassword?: string) => ({ fileName: 'p.json', contentBase64: bytes.toString('base64'), transferPassword, organizationId: town.id });
    const cases: [Buffer, string | undefined, string][] = [
      [sealed, undefined, msg.pkg.passwordRequired],
      [sealed, '青禾镇2026约定!', msg.pkg.wrongPassword],
      [flipped, PASSWORD, msg.pkg.wrongPassword],
      [sealed.subarray(0, Math.floor(sealed.length / 2)), PASSWORD, msg.consolidation.truncated],
    ];
    for (const [bytes, password, message] of cases) {
      expect(higher.fail('consolidation.inspect', input(bytes, password)).message).toBe(message);
      expect(higher.fail('consolidation.import', input(bytes, password)).message).toBe(message);
    }
    expect(higher.fail('consolidation.import', input(sealed)).details).toEqual({ passwordRequired: true });
    // An envelope asking scrypt for 2^20·16 (seconds and gigabytes per try, before the tag can fail) is refused as broken, not tried (the old check tried it: wrongPassword after ~10 s).
    const costly = JSON.parse(text);
    costly.protection = { ...costly.protection, N: 2 ** 20, r: 16 };
    expect(higher.fail('consolidation.inspect', input(Buffer.from(JSON.stringify(costly)), PASSWORD)).message).toBe(msg.pkg.sealBroken);
    expect(stats()).toBe(before);

    const imported = higher.call('consolidation.import', input(sealed, PASSWORD));
    expect(imported.submission).toMatchObject({ organizationId: town.id, counts: { members: 4, accounts: 2 } });
    expect(higher.call('consolidation.rows', { period: '2026年度' }).byOrganization[0]!.figures).toEqual(totals(sealed, PASSWORD));
    expect(stats()).not.toBe(before);
  });
});

describe('members without their ID numbers', () => {
  it('keys members by HMAC, stable across this register’s packages and not shared with another register, and masks the numbers', async () => {
    const sub = subUnit();
    const bytes = await written(sub, 'default.json');
    expect(bytes.toString('utf8')).not.toMatch(FULL_ID);
    const pkg = JSON.parse(bytes.toString('utf8'));
    expect(pkg).toMatchObject({ formatVersion: 2, idNumbers: 'masked' });
    const canary = pkg.data.members.find((m: { name: string }) => m.name === CANARY_NAME);
    expect(canary.idNumber).toBe(maskIdNumber(CANARY_ID));
    expect(canary.key).toMatch(/^[0-9a-f]{32}$/);
    expect(pkg.data.accounts.map((a: { ownerKey: string }) => a.ownerKey)).toContain(canary.key);
    // The county's 明细表 shows the owner as the sender wrote it.
    expect(submissionOf(readPackage(bytes), 'p.json').accounts.find((a) => a.ownerName === CANARY_NAME)!.ownerIdNumber).toBe(maskIdNumber(CANARY_ID));

    const again = JSON.parse((await written(sub, 'again.json')).toString('utf8'));
    expect(again.data.members.find((m: { name: string }) => m.name === CANARY_NAME).key).toBe(canary.key);
    const other = subUnit();
    const elsewhere = JSON.parse((await written(other, 'other.json')).toString('utf8'));
    expect(elsewhere.data.members.find((m: { name: string }) => m.name === CANARY_NAME).key).not.toBe(canary.key);
  });

  it('writes whole numbers only when chosen, and never for a role that may not see them', async () => {
    const sub = subUnit();
    const wholeBytes = await written(sub, 'whole.json', { fullIdNumbers: true });
    // The pattern the default package is checked with does find whole numbers.
    expect(wholeBytes.toString('utf8')).toMatch(FULL_ID);
    const whole = JSON.parse(wholeBytes.toString('utf8'));
    expect(whole.idNumbers).toBe('whole');
    expect(whole.data.members.find((m: { name: string }) => m.name === CANARY_NAME).idNumber).toBe(CANARY_ID);
    const readOnly: Caller = { operatorId: 9, name: '只读甲', role: '只读' };
    await expect(writePackage({ ...sub.ctx, caller: readOnly }, { period: '2026年度', fullIdNumbers: true }, path.join(dir, 'no.json'))).rejects.toThrow(msg.report.fullIdsForbidden);
  });

  it('still reads a version-1 package, keyed by whole ID numbers, to the same figures', async () => {
    const sub = subUnit();
    const bytes = await written(sub, 'v2.json', { fullIdNumbers: true });
    const pkg = JSON.parse(bytes.toString('utf8'));
    const idOf = new Map(pkg.data.members.map((m: { key: string; idNumber: string }) => [m.key, m.idNumber]));
    const data = {
      ...pkg.data,
      members: pkg.data.members.map(({ key: _key, ...m }: Record<string, unknown>) => m),
      accounts: pkg.data.accounts.map(({ ownerKey, ...a }: Record<string, unknown>) => ({ ...a, ownerIdNumber: idOf.get(ownerKey) })),
    };
    const { idNumbers: _ids, ...header } = pkg;
    const v1 = Buffer.from(JSON.stringify({ ...header, formatVersion: 1, data, sha256: crypto.createHash('sha256').update(JSON.stringify(data)).digest('hex') }));
    expect(totals(v1)).toEqual(totals(bytes));
    expect(submissionOf(readPackage(v1), 'v1.json').accounts.find((a) => a.ownerName === CANARY_NAME)!.ownerIdNumber).toBe(CANARY_ID);
  });
});
