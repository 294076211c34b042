/**
 * The settings table as stored (JSON per key): read by the settings service and by the derived filing state of
 * accounts, which must not depend on each other.
 */
import { ruleInForce, type RuleVersion } from '../domain/asOf.js';
import { DEFAULT_FILING_RULES, type FilingRulesSettings } from '../domain/filingRules.js';
import { today, type ServiceContext } from './context.js';

export function readSetting<T>(ctx: ServiceContext, key: string, fallback: T): T {
  const row = ctx.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? { ...fallback, ...(JSON.parse(row.value) as T) } : fallback;
}

export function writeSetting(ctx: ServiceContext, key: string, value: unknown): void {
  ctx.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

/** A saved 报备规则 version: its rules, the day it takes effect, the 细则 it cites. */
export interface StoredRuleVersion extends RuleVersion {
  basisName: string | null;
  basisNumber: string | null;
  savedAt: string;
  savedBy: string;
}

interface RuleVersionRow {
  id: number;
  effective_from: string;
  rules_json: string;
  basis_name: string | null;
  basis_number: string | null;
  saved_at: string;
  saved_by: string;
}

const toVersion = (r: RuleVersionRow): StoredRuleVersion => ({
  id: r.id,
  on: r.effective_from,
  rules: { ...DEFAULT_FILING_RULES, ...(JSON.parse(r.rules_json) as Partial<FilingRulesSettings>) },
  basisName: r.basis_name,
  basisNumber: r.basis_number,
  savedAt: r.saved_at,
  savedBy: r.saved_by,
});

/** Every 报备规则 version, oldest first (a register without any is judged by the defaults since always). */
export function ruleVersions(ctx: ServiceContext): StoredRuleVersion[] {
  const rows = ctx.db.prepare('SELECT * FROM filing_rule_versions ORDER BY effective_from, id').all() as RuleVersionRow[];
  return rows.length > 0 ? rows.map(toVersion) : [{ id: 0, on: '0000-01-01', rules: DEFAULT_FILING_RULES, basisName: null, basisNumber: null, savedAt: '', savedBy: '' }];
}

/** The version in force on `day` (default today): the latest saved among those effective by then. */
export function ruleVersionOn(ctx: ServiceContext, day = today(ctx)): StoredRuleVersion {
  return ruleInForce(ruleVersions(ctx), day);
}

export function filingRules(ctx: ServiceContext, day?: string): FilingRulesSettings {
  return ruleVersionOn(ctx, day).rules;
}

