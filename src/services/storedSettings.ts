/**
 * The settings table as stored (JSON per key): read by the settings service and by the derived filing state of
 * accounts, which must not depend on each other.
 */
import { DEFAULT_FILING_RULES, type FilingRulesSettings } from '../domain/filingRules.js';
import type { ServiceContext } from './context.js';

export function readSetting<T>(ctx: ServiceContext, key: string, fallback: T): T {
  const row = ctx.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? { ...fallback, ...(JSON.parse(row.value) as T) } : fallback;
}

export function writeSetting(ctx: ServiceContext, key: string, value: unknown): void {
  ctx.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

export function filingRules(ctx: ServiceContext): FilingRulesSettings {
  return readSetting(ctx, 'filingRules', DEFAULT_FILING_RULES);
}

