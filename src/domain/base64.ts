/**
 * Canonical base64 (RFC 4648 §3.5): the standard alphabet, padded to a multiple of 4, and the bits the last
 * character carries beyond the data set to zero. Node's decoder skips anything else without a word, so a
 * string that passes this check decodes to exactly one byte sequence and re-encodes to itself.
 */
const SHAPE = /^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function isCanonicalBase64(value: string): boolean {
  if (value.length % 4 !== 0 || !SHAPE.test(value)) return false;
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  if (padding === 0) return true;
  // Before "==" the last character holds 2 data bits of its 6, before "=" it holds 4: the rest must be zero.
  const last = ALPHABET.indexOf(value[value.length - padding - 1]!);
  return (last & (padding === 2 ? 0b1111 : 0b11)) === 0;
}
