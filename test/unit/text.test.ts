import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../src/domain/phone.js';
import { isCanonicalBase64 } from '../../src/domain/base64.js';
import { markUnsafeChars, normalizeText, optionalText, unsafeCharAt } from '../../src/domain/text.js';

describe('text normalisation', () => {
  it('turns full-width digits and letters into half-width, keeps Chinese punctuation', () => {
    expect(normalizeText('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002x');
    expect(normalizeText('中共示例县委员会（筹）')).toBe('中共示例县委员会（筹）');
    expect(normalizeText('示委〔2026〕12号')).toBe('示委〔2026〕12号');
  });

  it('collapses NBSP, ideographic and repeated spaces and trims', () => {
    expect(normalizeText('\u00a0甄\u3000\u3000试 ')).toBe('甄 试');
    expect(optionalText('  \u3000 ')).toBeNull();
  });

  it('gives what the four replaces give, also for text its quick test lets through unchanged', () => {
    const slow = (raw: string) =>
      raw
        .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
        .replace(/[\u00A0\u2000-\u200B\u3000\uFEFF]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    // Every pair of characters from a set that covers each branch of the quick test and its neighbours.
    const chars = ['a', '甄', ' ', '\u00a0', '\u2000', '\u200a', '\u200b', '\u200c', '\u3000', '\ufeff', '\t', '\n', '\r', '\u2028', '１', 'Ｚ', 'ｚ', '\uff0f', '\uff1a'];
    let checked = 0;
    for (const a of chars) for (const b of chars) for (const text of [a + b, `甄${a}${b}试`, `${a}试${b}`]) {
      expect(normalizeText(text), JSON.stringify(text)).toBe(slow(text));
      checked++;
    }
    expect(checked).toBe(chars.length ** 2 * 3);
  });

  it('accepts mobiles and area-code landlines, in the forms people type them', () => {
    expect(normalizePhone('139 1234 5678')).toBe('13912345678');
    expect(normalizePhone('（0512）65221234')).toBe('0512-65221234');
    expect(normalizePhone('0512—65221234-801')).toBe('0512-65221234-801');
    expect(normalizePhone('１３９１２３４５６７８')).toBe('13912345678');
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizePhone('23912345678')).toBeNull();
  });

  it('finds the first character nobody types, counting characters as a person does', () => {
    expect(unsafeCharAt('甄试（筹）ＡＢ 😀 👨‍👩‍👧')).toBe(0);
    expect(unsafeCharAt('\u{20000}\u0000')).toBe(2);
    expect(['\u0001', '\u001b', '\u007f', '\u009f', '\ufffe', '\uffff', '\ufdd0', '\u{10ffff}', '\ud83d', '\ude00', '\u202a', '\u202e', '\u2066', '\u2069', '\u200f'].map((c) => unsafeCharAt(`甄${c}`))).toEqual(
      Array(15).fill(2),
    );
    expect(unsafeCharAt('第一行\r\n第二行\t止', true)).toBe(0);
    expect(unsafeCharAt('第一行\r\n第二行', false)).toBe(4);
    expect(unsafeCharAt('第一行\n\u000b', true)).toBe(5);
  });

  it('takes base64 only in its canonical form', () => {
    const pdf = Buffer.from('%PDF-1.4 备案表');
    expect([0, 1, 2, 3].map((n) => isCanonicalBase64(pdf.subarray(0, pdf.length - n).toString('base64')))).toEqual([true, true, true, true]);
    expect(isCanonicalBase64('')).toBe(true);
    expect(['QQ', 'QR==', 'QUI=QUJD', 'QUJ=', 'QU JD', 'QUJD\n', '-_-_', 'QUJD===='].map(isCanonicalBase64)).toEqual(Array(8).fill(false));
  });
});

describe('markUnsafeChars', () => {
  // The full Unicode-property scan, as it stood before plain text skipped it: the fast path must agree on every character.
  const reference = (value: string) => value.replace(/(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, '\uFFFD');

  it('marks every unsafe character of the BMP, alone and inside plain Chinese text, and keeps every other', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      for (const text of [c, `张三${c}公众号`]) expect(markUnsafeChars(text), `U+${code.toString(16)}`).toBe(reference(text));
    }
    expect(markUnsafeChars('第一行\n第二行\t（备注）')).toBe('第一行\n第二行\t（备注）');
    expect(markUnsafeChars('甄\u0000试\uFFFE')).toBe('甄\uFFFD试\uFFFD');
  });
});
