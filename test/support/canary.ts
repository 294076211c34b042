/**
 * Names and ID numbers that must never reach the disk readable once a register is encrypted, and the detector that
 * looks for them in every file of a data folder (issue 11: "a canary name … absent, UTF-8 and UTF-16").
 */
import fs from 'node:fs';
import path from 'node:path';
import type { caller } from './ledger.js';
import { validId } from './ids.js';
import { publicAccount } from './register.js';
import { minimalPdf } from './scans.js';

export const CANARY = '蔺雀翎';
export const LATER = '蔺鸿翮';
export const CANARY_ID = validId('1979-06-15', 731, '330102');
export const LATER_ID = validId('1980-02-29', 417, '330102');

/** Every way the four secrets could sit in a file: UTF-8, UTF-16LE and UTF-16BE. */
const needles = [CANARY, LATER, CANARY_ID, LATER_ID].flatMap((s) => {
  const le = Buffer.from(s, 'utf16le');
  return [Buffer.from(s, 'utf8'), le, Buffer.from(le).swap16()].map((bytes) => ({ s, bytes }));
});

export function filesBelow(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** "file: secret" for every secret found in a file below dir (empty when none is). */
export function leaks(dir: string): string[] {
  return filesBelow(dir).flatMap((f) => {
    const content = fs.readFileSync(f);
    return needles.filter((n) => content.includes(n.bytes)).map((n) => `${path.relative(dir, f)}: ${n.s}`);
  });
}

/** A member with the given name and ID number, an account, a filing and a scan that names them. */
export function enterMember(call: ReturnType<typeof caller>, org: number, name: string, idNumber: string) {
  const member = call('members.create', { name, organizationId: org, idNumber }).id;
  const account = call('accounts.create', publicAccount(member)).id;
  const filing = call('filings.submit', { accountId: account, type: '备案', submittedOn: '2026-11-02' }).id;
  call('filings.attach', { filingId: filing, fileName: '备案表.pdf', contentBase64: minimalPdf(`${name} ${idNumber}`).toString('base64') });
  return member;
}
