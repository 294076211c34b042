/** The unit's own detailed rules (Article 13): platform list, thresholds, filing deadline — the rules as dated versions. */
import type { SettingsUpdate } from '../contract/settings.js';
import type { LedgerSettings, RuleVersionEntry } from '../contract/settings.js';
import { LedgerError, fieldError } from '../contract/errors.js';
import type { FilingRulesSettings } from '../domain/filingRules.js';
import { normalizeText } from '../domain/text.js';
import { DEFAULT_PLATFORMS } from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import { refreshForRules } from './accountState.js';
import { readSetting, ruleVersionOn, ruleVersions, writeSetting, type StoredRuleVersion } from './storedSettings.js';
import { recordAudit } from './audit.js';
import { inTransaction, nowIso, today, type ServiceContext } from './context.js';

/** Ten minutes: long enough to read a page, short enough that a console left open does not stay open for long. */
const DEFAULT_LOCK = { lockMinutes: 10 };

const NO_SIGNATURE: LedgerSettings['signature'] = { leader: '', reviewer: '', preparer: '', phone: '' };

const historyEntry = (v: StoredRuleVersion): RuleVersionEntry => ({
  ...v.rules,
  effectiveFrom: v.on,
  basisName: v.basisName,
  basisNumber: v.basisNumber,
  savedAt: v.savedAt,
  savedBy: v.savedBy,
});

export function getSettings(ctx: ServiceContext): LedgerSettings {
  const { platforms } = readSetting(ctx, 'platforms', { platforms: [...DEFAULT_PLATFORMS] });
  const { savedAt: _, savedBy: __, ...current } = historyEntry(ruleVersionOn(ctx));
  const ruleHistory = ruleVersions(ctx).filter((v) => v.id > 0).reverse().map(historyEntry);
  return {
    ...current,
    ruleHistory,
    platforms,
    signature: readSetting(ctx, 'signature', NO_SIGNATURE),
    ...readSetting(ctx, 'lock', DEFAULT_LOCK),
    formWording: readSetting(ctx, 'formWording', msg.paper.wording),
  };
}

export function platformKnown(ctx: ServiceContext, platform: string): boolean {
  return getSettings(ctx).platforms.includes(platform);
}

function checkPlatforms(ctx: ServiceContext, next: string[], current: string[]): string[] {
  const cleaned = next.map(normalizeText);
  const seen = new Set<string>();
  for (const p of cleaned) {
    if (seen.has(p)) throw fieldError('platforms', msg.settings.duplicatePlatform(p));
    seen.add(p);
  }
  for (const removed of current.filter((p) => !seen.has(p))) {
    const n = (ctx.db.prepare('SELECT count(*) AS n FROM accounts WHERE platform = ?').get(removed) as { n: number }).n;
    if (n > 0) throw new LedgerError('CONFLICT', msg.settings.platformInUse(removed, n), { fields: { platforms: msg.settings.platformInUse(removed, n) } });
  }
  return cleaned;
}

/**
 * A change of the 报备规则 (a threshold, the deadline, the 细则 cited) is saved as a new version in force from its
 * effective day (default today, never later): the periods and current state of the accounts it can change are
 * re-derived at once, so the figures of any day are judged by the version then in force.
 */
function saveRuleVersion(ctx: ServiceContext, rules: FilingRulesSettings, basis: { name: string | null; number: string | null }, effectiveFrom: string): void {
  if (effectiveFrom > today(ctx)) throw fieldError('effectiveFrom', msg.date.future);
  const before = ruleVersions(ctx);
  ctx.db
    .prepare('INSERT INTO filing_rule_versions (effective_from, rules_json, basis_name, basis_number, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?)')
    .run(effectiveFrom, JSON.stringify(rules), basis.name, basis.number, nowIso(ctx), ctx.actor);
  refreshForRules(ctx, effectiveFrom, before, rules);
}

export function updateSettings(ctx: ServiceContext, input: SettingsUpdate): LedgerSettings {
  return inTransaction(ctx, () => {
    const before = getSettings(ctx);
    if (input.platforms) writeSetting(ctx, 'platforms', { platforms: checkPlatforms(ctx, input.platforms, before.platforms) });
    const rules: FilingRulesSettings = {
      publicAccountFollowerThreshold:
        input.publicAccountFollowerThreshold !== undefined ? input.publicAccountFollowerThreshold : before.publicAccountFollowerThreshold,
      groupMemberThreshold: input.groupMemberThreshold !== undefined ? input.groupMemberThreshold : before.groupMemberThreshold,
      deadlineDays: input.deadlineDays ?? before.deadlineDays,
    };
    const basis = {
      name: input.basisName !== undefined ? (input.basisName ?? null) || null : before.basisName,
      number: input.basisNumber !== undefined ? (input.basisNumber ?? null) || null : before.basisNumber,
    };
    const changed = JSON.stringify(rules) !== JSON.stringify(filingRulesOf(before)) || basis.name !== before.basisName || basis.number !== before.basisNumber;
    if (changed) saveRuleVersion(ctx, rules, basis, input.effectiveFrom ?? today(ctx));
    if (input.signature) writeSetting(ctx, 'signature', input.signature);
    if (input.formWording) writeSetting(ctx, 'formWording', input.formWording);
    if (input.lockMinutes) writeSetting(ctx, 'lock', { lockMinutes: input.lockMinutes });
    const after = getSettings(ctx);
    recordAudit(ctx, { entity: 'settings', entityId: 0, action: 'update', summary: '本单位报备规则', before: audited(before), after: audited(after) });
    return after;
  });
}

/** The audit keeps what changed, not the whole history of versions each time. */
function audited(all: LedgerSettings) {
  const { ruleHistory: _, ...settings } = all;
  return settings;
}

function filingRulesOf(s: LedgerSettings): FilingRulesSettings {
  return {
    publicAccountFollowerThreshold: s.publicAccountFollowerThreshold,
    groupMemberThreshold: s.groupMemberThreshold,
    deadlineDays: s.deadlineDays,
  };
}
