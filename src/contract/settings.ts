/** 报备规则 (Article 13): the unit's platform list, thresholds, deadline and signature line. */
import { z } from 'zod';
import type { FilingRulesSettings } from '../domain/filingRules.js';
import { change, cleanString, empty, integer, isoDate, optionalText, query, text } from './common.js';
import { schemaWords as words } from '../i18n/schemaWords.js';

const threshold = z.number({ error: words.settings.thresholdError }).int().min(1).max(100_000_000).nullable();

export const settingsUpdate = z.object({
  platforms: z.array(text(words.settings.platforms, 30)).min(1, { error: words.settings.platformsError }).max(100).optional(),
  publicAccountFollowerThreshold: threshold.optional(),
  groupMemberThreshold: threshold.optional(),
  deadlineDays: integer(words.settings.deadlineDays, 1, 365).optional(),
  lockMinutes: integer(words.settings.lockMinutes, 1, 240).optional(),
  /** A change of the rules (thresholds, deadline, basis) is a new version in force from this day (default today). */
  effectiveFrom: isoDate.optional(),
  basisName: optionalText(words.settings.basisName, 60),
  basisNumber: optionalText(words.settings.basisNumber, 40),
  signature: z
    .object({
      leader: cleanString(words.settings.leader).trim().max(20),
      reviewer: cleanString(words.settings.reviewer).trim().max(20),
      preparer: cleanString(words.settings.preparer).trim().max(20),
      phone: cleanString(words.settings.phone).trim().max(30),
    })
    .optional(),
  /** The unit's wording on the printed forms (登记表, 零报告表): the pledge, the declaration, the note (the basis they cite is the rules version's). */
  formWording: z
    .object({
      pledge: cleanString(words.settings.formPledge, { multiline: true }).trim().max(500),
      zeroStatement: cleanString(words.settings.formZeroStatement, { multiline: true }).trim().max(500),
      note: cleanString(words.settings.formNote, { multiline: true }).trim().max(300),
    })
    .optional(),
});

export type SettingsUpdate = z.output<typeof settingsUpdate>;

/** One saved version of the 报备规则: what it set, from which day, on which 细则. */
export interface RuleVersionEntry extends FilingRulesSettings {
  effectiveFrom: string;
  basisName: string | null;
  basisNumber: string | null;
  savedAt: string;
  savedBy: string;
}

/** The version in force today is the settings' own rules and basis; `ruleHistory` lists every version, newest first. */
export interface LedgerSettings extends FilingRulesSettings {
  effectiveFrom: string;
  basisName: string | null;
  basisNumber: string | null;
  ruleHistory: RuleVersionEntry[];
  platforms: string[];
  /** The signature line of upward reports (单位负责人 / 审核人 / 填表人 / 联系电话). */
  signature: { leader: string; reviewer: string; preparer: string; phone: string };
  /** The console locks after this many minutes without the operator doing anything (wall clock). */
  lockMinutes: number;
  formWording: FormWording;
}

export interface FormWording {
  pledge: string;
  zeroStatement: string;
  note: string;
}

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const settingsCalls = {
  'settings.get': query<LedgerSettings>()(empty),
  'settings.update': change<LedgerSettings>()(settingsUpdate, { access: 'admin' }),
};
