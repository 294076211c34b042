/**
 * Scanned forms on disk, encrypted with the register key (AES-256-GCM, a fresh IV per file): a magic line, the IV,
 * the ciphertext and the tag. They keep their names (the SHA-256 of the plain scan, so the same scan is stored once
 * and `check` can verify it). A file without the magic line is a plain scan from before encryption: it is read as
 * it is, and encrypted in place when the register is (src/db/encrypt.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';

const MAGIC = Buffer.from('NLSEALED1\n', 'ascii');
const IV = 12;
const TAG = 16;

export const isSealed = (content: Buffer) => content.subarray(0, MAGIC.length).equals(MAGIC);

export function seal(key: Buffer, plain: Buffer): Buffer {
  const iv = crypto.randomBytes(IV);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, iv, body, cipher.getAuthTag()]);
}

/** The plain content; throws when the file was altered or the key is not the register's. */
export function unseal(key: Buffer | null, stored: Buffer): Buffer {
  if (!isSealed(stored)) return stored;
  if (!key) throw new Error('sealed file without a key');
  const iv = stored.subarray(MAGIC.length, MAGIC.length + IV);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv).setAuthTag(stored.subarray(stored.length - TAG));
  return Buffer.concat([decipher.update(stored.subarray(MAGIC.length + IV, stored.length - TAG)), decipher.final()]);
}

/** A stored scan's plain bytes, or null when it cannot be decrypted (damaged, or another register's key). */
export function readSealed(file: string, key: Buffer | null): Buffer | null {
  try {
    return unseal(key, fs.readFileSync(file));
  } catch {
    return null;
  }
}

/** The content as it goes on disk: sealed when the register is encrypted. */
export const forDisk = (key: Buffer | null, plain: Buffer) => (key ? seal(key, plain) : plain);
