import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../src/domain/phone.js';
import { normalizeText, optionalText } from '../../src/domain/text.js';

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

  it('accepts mobiles and area-code landlines, in the forms people type them', () => {
    expect(normalizePhone('139 1234 5678')).toBe('13912345678');
    expect(normalizePhone('（0512）65221234')).toBe('0512-65221234');
    expect(normalizePhone('0512—65221234-801')).toBe('0512-65221234-801');
    expect(normalizePhone('１３９１２３４５６７８')).toBe('13912345678');
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizePhone('23912345678')).toBeNull();
  });
});
