/**
 * The transfer password of a 上报数据包 (issue 11): the package's bytes sealed with AES-256-GCM under a key stretched
 * from a password agreed with the higher level (scrypt, at the sign-in passwords' cost; salt and cost stored in the
 * envelope). GCM's tag covers every byte, so a package that opens proves it was written by someone who knows the
 * password and arrived unchanged; nothing of its content (names, ID numbers, even the source) is readable without it.
 * Format: resources/upward-package-format.md, version 3.
 */
import crypto from 'node:crypto';
import { LedgerError } from '../contract/errors.js';
import { isCanonicalBase64 } from '../domain/base64.js';
import { msg } from '../i18n/messages.js';
import { SCRYPT, scrypt } from '../db/keys.js';

export const PROTECTED_FORMAT_VERSION = 3;

interface Protection extends Readonly<typeof SCRYPT> {
  cipher: 'aes-256-gcm';
  kdf: 'scrypt';
  salt: string;
  iv: string;
}

/** What the envelope authenticates besides the ciphertext: its own parameters, as written. */
const aad = (protection: Protection) => Buffer.from(JSON.stringify(protection), 'utf8');

/** Encrypts a package as it is written; `envelope` returns the whole file's text once the last byte is in. */
export function packageSealer(password: string, format: string) {
  const protection: Protection = { cipher: 'aes-256-gcm', kdf: 'scrypt', ...SCRYPT, salt: crypto.randomBytes(16).toString('base64'), iv: crypto.randomBytes(12).toString('base64') };
  const cipher = crypto.createCipheriv('aes-256-gcm', scrypt(password, Buffer.from(protection.salt, 'base64'), 32), Buffer.from(protection.iv, 'base64'));
  cipher.setAAD(aad(protection));
  const chunks: Buffer[] = [];
  return {
    update: (text: string) => void chunks.push(cipher.update(text, 'utf8')),
    envelope: () => {
      chunks.push(cipher.final());
      const ciphertext = Buffer.concat(chunks).toString('base64');
      return `${JSON.stringify({ format, formatVersion: PROTECTED_FORMAT_VERSION, protection, ciphertext, tag: cipher.getAuthTag().toString('base64') })}\n`;
    },
  };
}

const base64 = (value: unknown, bytes?: number): value is string =>
  typeof value === 'string' && isCanonicalBase64(value) && (bytes === undefined || Buffer.from(value, 'base64').length === bytes);

/** A cost the reader accepts: at least the sign-in passwords', at most what an office PC stretches in a few seconds. */
/**
 * The cost a package may ask of the reader: powers of two, and at most twice the work and memory of our own sealing
 * (N·r·p ≤ 2 × 2^16·8·1). A crafted envelope asking for more would hold the register's writer for seconds and
 * gigabytes on every password tried, before the tag could fail.
 */
const MAX_COST = 2 * SCRYPT.N * SCRYPT.r * SCRYPT.p;
const fairCost = (p: Record<string, unknown>) => {
  const [N, r, q] = [p.N, p.r, p.p];
  if (!Number.isInteger(N) || !Number.isInteger(r) || !Number.isInteger(q)) return false;
  const [n, rr, pp] = [N as number, r as number, q as number];
  return n >= 2 ** 14 && (n & (n - 1)) === 0 && rr >= 1 && pp >= 1 && n * rr * pp <= MAX_COST;
};

/**
 * The package's bytes out of a parsed envelope. A missing password is asked for (details.passwordRequired, so the
 * window and the CLI prompt); a wrong password and any changed byte fail the same tag check, and say so.
 */
export function openPackage(envelope: Record<string, unknown>, password: string | undefined): Buffer {
  const p = envelope.protection as Record<string, unknown> | null;
  if (!p || typeof p !== 'object' || p.cipher !== 'aes-256-gcm' || p.kdf !== 'scrypt' || !fairCost(p) || !base64(p.salt) || !base64(p.iv, 12) ||
    !base64(envelope.ciphertext) || !base64(envelope.tag, 16)) {
    throw new LedgerError('VALIDATION', msg.pkg.sealBroken);
  }
  if (!password) throw new LedgerError('VALIDATION', msg.pkg.passwordRequired, { passwordRequired: true });
  const protection = p as unknown as Protection;
  const key = scrypt(password, Buffer.from(protection.salt, 'base64'), 32, { N: protection.N, r: protection.r, p: protection.p });
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(protection.iv, 'base64'));
  decipher.setAAD(aad(protection));
  decipher.setAuthTag(Buffer.from(envelope.tag as string, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(envelope.ciphertext as string, 'base64')), decipher.final()]);
  } catch {
    throw new LedgerError('VALIDATION', msg.pkg.wrongPassword, { passwordRequired: true });
  }
}
