/** The unit's own detailed rules (Article 13): platform list, thresholds, filing deadline. */
import type { SettingsUpdate } from '../contract/settings.js';
import type { LedgerSettings } from '../contract/settings.js';
import { LedgerError, fieldError } from '../contract/errors.js';
import type { FilingRulesSettings } from '../domain/filingRules.js';
import { normalizeText } from '../domain/text.js';
import { DEFAULT_PLATFORMS } from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import { refreshAllAccounts } from './accountState.js';
import { filingRules, readSetting, writeSetting } from './storedSettings.js';
import { recordAudit } from './audit.js';
import { inTransaction, type ServiceContext } from './context.js';

/** Ten minutes: long enough to read a page, short enough that a console left open does not stay open for long. */
const DEFAULT_LOCK = { lockMinutes: 10 };

const NO_SIGNATURE: LedgerSettings['signature'] = { leader: '', reviewer: '', preparer: '', phone: '' };

export function getSettings(ctx: ServiceContext): LedgerSettings {
  const { platforms } = readSetting(ctx, 'platforms', { platforms: [...DEFAULT_PLATFORMS] });
  return {
    ...filingRules(ctx),
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

/** Changing a threshold or the deadline re-derives every account's filing need and state at once. */
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
    writeSetting(ctx, 'filingRules', rules);
    if (input.signature) writeSetting(ctx, 'signature', input.signature);
    if (input.formWording) writeSetting(ctx, 'formWording', input.formWording);
    if (input.lockMinutes) writeSetting(ctx, 'lock', { lockMinutes: input.lockMinutes });
    const rulesChanged = JSON.stringify(rules) !== JSON.stringify(filingRulesOf(before));
    if (rulesChanged) refreshAllAccounts(ctx);
    const after = getSettings(ctx);
    recordAudit(ctx, { entity: 'settings', entityId: 0, action: 'update', summary: '本单位报备规则', before, after });
    return after;
  });
}

function filingRulesOf(s: LedgerSettings): FilingRulesSettings {
  return {
    publicAccountFollowerThreshold: s.publicAccountFollowerThreshold,
    groupMemberThreshold: s.groupMemberThreshold,
    deadlineDays: s.deadlineDays,
  };
}
