/** Calendar dates as 'YYYY-MM-DD' text: what the register stores and what reports print. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  // Arithmetic rather than a Date round trip: this runs for every date of every row of a 100,000-row import.
  const y = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** The local calendar day of an instant (offices keep Beijing time; the PC's own zone is what they see). */
export function localDay(instant: Date): string {
  const y = instant.getFullYear();
  const m = String(instant.getMonth() + 1).padStart(2, '0');
  const d = String(instant.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The local time of an instant as people read it in a folder name: 20261125-180512. */
export function localStamp(instant: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${localDay(instant).replace(/-/g, '')}-${p(instant.getHours())}${p(instant.getMinutes())}${p(instant.getSeconds())}`;
}

/** 2026-04-12 → 2026年4月12日, as forms and reports print dates. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

export function addYears(isoDate: string, years: number): string {
  const y = Number(isoDate.slice(0, 4)) + years;
  // 29 February plus 18 years lands on 1 March when that year has no leap day.
  const candidate = `${y}${isoDate.slice(4)}`;
  return isIsoDate(candidate) ? candidate : `${y}-03-01`;
}

/** Whole days from one ISO day to a later one (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
