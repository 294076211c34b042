/**
 * Masked ID numbers and phones, for lists, reports and packages whose reader does not need the whole number:
 * enough to tell people apart and to check against a paper form (the region's first four digits, the last four),
 * not enough to use the number elsewhere.
 */

/** 329901198503071258 → 3299**********1258 (the first four and last four kept). */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** A phone as a reader may see it: whole for those who may edit the member, masked for the others. */
export function phoneFor(phone: string | null, whole: boolean): string | null {
  return phone && !whole ? maskPhone(phone) : phone;
}

/** 13800138000 → 138****8000; a landline keeps its area code and last four (0571-****5678). */
export function maskPhone(phone: string): string {
  const dash = phone.indexOf('-');
  if (dash > 0) {
    const local = phone.slice(dash + 1);
    return `${phone.slice(0, dash)}-${'*'.repeat(Math.max(local.length - 4, 0))}${local.slice(-4)}`;
  }
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}
