import { normalizeText } from './text.js';

/** 11-digit mobile (1xxxxxxxxxx) or a landline with area code (0512-65221234, extension allowed). */
export function normalizePhone(raw: string): string | null {
  const value = normalizeText(raw).replace(/[\s()（）]/g, '').replace(/—|－/g, '-');
  if (/^1[3-9]\d{9}$/.test(value)) return value;
  const landline = /^(0\d{2,3})-?(\d{7,8})(-\d{1,6})?$/.exec(value);
  if (landline) return `${landline[1]}-${landline[2]}${landline[3] ?? ''}`;
  return null;
}
