/**
 * Normalises text typed or pasted by people: full-width digits and Latin letters to half-width (IDs and
 * phones typed with a Chinese input method), NBSP and ideographic spaces to plain spaces, runs of spaces
 * collapsed, ends trimmed. Chinese punctuation such as （）、〔〕 is part of names and document numbers: kept.
 */
export function normalizeText(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u00A0\u2000-\u200B\u3000\uFEFF]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Optional text: empty after normalising means absent. */
export function optionalText(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const value = normalizeText(raw);
  return value === '' ? null : value;
}

export function reverse(value: string): string {
  return [...value].reverse().join('');
}
