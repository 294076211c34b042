/**
 * A wrap made under an operator's stored password hash (encrypting a register whose operators' passwords are not
 * known) opens with that password through the same unwrap as any other, and only hashes a wrap may carry qualify.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { madeUnderHash, unwrapKey, wrapKey, wrapKeyUnderHash } from '../../src/db/keys.js';
import { hashPassword } from '../../src/services/passwords.js';

const key = crypto.randomBytes(32);

describe('wraps under a stored password hash', () => {
  it('opens with the password the hash was made from, not another, and is told apart from a fresh wrap', () => {
    const stored = hashPassword('clerk-password-1');
    const wrap = wrapKeyUnderHash(key, '录入甲', stored)!;
    expect(unwrapKey(wrap, 'clerk-password-1')).toEqual(key);
    expect(unwrapKey(wrap, 'clerk-password-2')).toBeNull();
    // Bound to the name like every wrap: the same entry under another operator's name opens nothing.
    expect(unwrapKey({ ...wrap, name: '录入乙' }, 'clerk-password-1')).toBeNull();
    expect(madeUnderHash(wrap, stored)).toBe(true);
    expect(madeUnderHash(wrapKey(key, 'operator', '录入甲', 'clerk-password-1'), stored)).toBe(false);
  });

  it('gives no wrap for a hash of another scheme or of parameters a wrap may not carry', () => {
    const salt = crypto.randomBytes(16);
    const weak = crypto.scryptSync('pw-123456', salt, 32, { N: 2 ** 10, r: 8, p: 1 });
    expect(wrapKeyUnderHash(key, '甲', ['scrypt', 2 ** 10, 8, 1, salt.toString('base64'), weak.toString('base64')].join('$'))).toBeNull();
    expect(wrapKeyUnderHash(key, '甲', 'bcrypt$2b$10$abcdefghijklmnopqrstuv')).toBeNull();
    expect(wrapKeyUnderHash(key, '甲', '')).toBeNull();
  });
});
