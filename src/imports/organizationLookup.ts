/** Organizations as sheets name them: by code, full name, or a short name only one organization has. */
import { normalizeText } from '../domain/text.js';
import type { ServiceContext } from '../services/context.js';

export function organizationLookup(ctx: ServiceContext): (text: string) => number | null {
  const rows = ctx.db.prepare('SELECT id, code, full_name, short_name FROM organizations').all() as { id: number; code: string; full_name: string; short_name: string | null }[];
  const exact = new Map<string, number>();
  const short = new Map<string, number[]>();
  for (const r of rows) {
    exact.set(r.code, r.id);
    exact.set(normalizeText(r.full_name), r.id);
    if (r.short_name) short.set(normalizeText(r.short_name), [...(short.get(normalizeText(r.short_name)) ?? []), r.id]);
  }
  return (text) => {
    const key = normalizeText(text);
    const byShort = short.get(key);
    return exact.get(key) ?? (byShort?.length === 1 ? byShort[0]! : null);
  };
}
