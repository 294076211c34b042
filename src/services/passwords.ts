/**
 * Password hashes with scrypt. N = 2^16, r = 8 costs 64 MiB and about 0.6 s a try on the office PCs' class of machine
 * (0.66 s measured on the build machine), which makes guessing a stolen register's passwords slow while a person
 * signing in barely notices. The parameters are stored with each hash so they can be raised without breaking old ones.
 */
import crypto from 'node:crypto';
import { SCRYPT, scrypt } from '../db/keys.js';

const { N, r: R, p: P } = SCRYPT;
const KEY_LENGTH = 32;

export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16);
  const hash = scrypt(password, salt, KEY_LENGTH);
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Compares in constant time, so how long a wrong guess takes says nothing about how close it was. */
export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const given = scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return crypto.timingSafeEqual(given, expected);
}

/** Five groups of five letters and digits without look-alikes (0/O, 1/I/L): about 120 bits, easy to copy by hand. */
export function newRecoveryCode(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const chars = Array.from(crypto.randomBytes(25), (b) => alphabet[b % alphabet.length]);
  return Array.from({ length: 5 }, (_, i) => chars.slice(i * 5, i * 5 + 5).join('')).join('-');
}
