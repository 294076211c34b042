/** 报备规则 (Article 13): the unit's platform list, thresholds, deadline and signature line. */
import { z } from 'zod';
import type { FilingRulesSettings } from '../domain/filingRules.js';
import { change, cleanString, empty, integer, query, text } from './common.js';

const threshold = z.number({ error: '门槛应为正整数。' }).int().min(1).max(100_000_000).nullable();

export const settingsUpdate = z.object({
  platforms: z.array(text('平台', 30)).min(1, { error: '平台列表不能为空。' }).max(100).optional(),
  publicAccountFollowerThreshold: threshold.optional(),
  groupMemberThreshold: threshold.optional(),
  deadlineDays: integer('报备期限（天数）', 1, 365).optional(),
  lockMinutes: integer('无操作自动锁定（分钟）', 1, 240).optional(),
  signature: z
    .object({
      leader: cleanString('单位负责人').trim().max(20),
      reviewer: cleanString('审核人').trim().max(20),
      preparer: cleanString('填表人').trim().max(20),
      phone: cleanString('联系电话').trim().max(30),
    })
    .optional(),
});

export type SettingsUpdate = z.output<typeof settingsUpdate>;

export interface LedgerSettings extends FilingRulesSettings {
  platforms: string[];
  /** The signature line of upward reports (单位负责人 / 审核人 / 填表人 / 联系电话). */
  signature: { leader: string; reviewer: string; preparer: string; phone: string };
  /** The console locks after this many minutes without the operator doing anything (wall clock). */
  lockMinutes: number;
}

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const settingsCalls = {
  'settings.get': query<LedgerSettings>()(empty),
  'settings.update': change<LedgerSettings>()(settingsUpdate, { access: 'admin' }),
};
