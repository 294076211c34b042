/** What the replaces of normalizeText would change: full-width letters and digits, any space but a single inner U+0020. */
const NEEDS_NORMALIZING = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u200B]|[^\S ]| {2}|^ | $/;

/**
 * Normalises text typed or pasted by people: full-width digits and Latin letters to half-width (IDs and
 * phones typed with a Chinese input method), NBSP and ideographic spaces to plain spaces, runs of spaces
 * collapsed, ends trimmed. Chinese punctuation such as （）、〔〕 is part of names and document numbers: kept.
 */
export function normalizeText(raw: string): string {
  // Most cells need nothing done (an import normalises every cell of 100,000 rows): one test instead of four replaces.
  if (!NEEDS_NORMALIZING.test(raw)) return raw;
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

/**
 * Characters nobody types and no report should carry: C0/C1 controls and DEL, noncharacters (U+FFFE, U+FFFF,
 * U+FDD0–U+FDEF, …, which XML and so Excel files cannot hold), lone surrogates (half of an emoji, from a broken
 * paste or a crafted request) and the marks and overrides that reorder how text is displayed (U+061C, U+200E,
 * U+200F, U+202A–U+202E, U+2066–U+2069: a name could then print differently from how it sorts and searches).
 */
const UNSAFE_CLASS = String.raw`[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]`;
const UNSAFE = new RegExp(UNSAFE_CLASS, 'u');
/** The same, but tab and line breaks are part of multi-line text (notes, reasons, opinions). */
const LINES = String.raw`(?![\t\n\r])`;
const UNSAFE_MULTILINE = new RegExp(LINES + UNSAFE_CLASS, 'u');
const UNSAFE_KEEPING_LINES = new RegExp(LINES + UNSAFE_CLASS, 'gu');

/**
 * Text of characters none of which is ever unsafe — printable ASCII, CJK ideographs and punctuation, full-width forms,
 * tab and line breaks: nearly every cell of a report, told apart by a plain range check instead of the Unicode
 * property scan (a third of a second over a 125k-row 明细表).
 */
const SAFE_ONLY = /^[\t\n\r\x20-\x7e\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]*$/;

/**
 * Text stored before the contract refused such characters (or arriving through an import) shown with each of
 * them as U+FFFD �, tab and line breaks kept: visible where something was, and never a character that XML, and
 * so an Excel file, cannot hold.
 */
export function markUnsafeChars(value: string): string {
  return SAFE_ONLY.test(value) ? value : value.replace(UNSAFE_KEEPING_LINES, '\uFFFD');
}

/** The 1-based position (in characters as a person counts them) of the first unsafe character, or 0. */
export function unsafeCharAt(value: string, multiline = false): number {
  const match = (multiline ? UNSAFE_MULTILINE : UNSAFE).exec(value);
  return match ? Array.from(value.slice(0, match.index)).length + 1 : 0;
}

/**
 * Zero-width characters (U+200B–U+200D, U+2060, U+FEFF, soft hyphen U+00AD, U+180E): harmless inside a note, but
 * in an operator's name they make two names that look the same — in the audit, on the sign-in page, in keys.json.
 * The 1-based position of the first, or 0.
 */
export function zeroWidthAt(value: string): number {
  const match = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/.exec(value);
  return match ? Array.from(value.slice(0, match.index)).length + 1 : 0;
}
