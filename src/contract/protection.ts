/** 保护支持 (Article 10 ¶2): members attacked online, measures and outcome. */
import { z } from 'zod';
import { PROTECTION_MEASURES, type ProtectionMeasure, type ProtectionStatus } from '../domain/vocabulary.js';
import { change, id, isoDate, optionalText, query, text } from './common.js';
import { schemaWords as words } from '../i18n/schemaWords.js';

export const protectionCreate = z.object({
  memberId: id,
  attackedOn: isoDate,
  platform: optionalText(words.protection.platform, 30),
  description: text(words.protection.description, 2000, { multiline: true, required: words.protection.descriptionRequired }),
  handledBy: optionalText(words.protection.handledBy, 30),
});

export const protectionMeasure = z.object({
  caseId: id,
  measure: z.enum(PROTECTION_MEASURES, { error: words.protection.measureError }),
  takenOn: isoDate,
  takenBy: optionalText(words.protection.takenBy, 30),
  notes: optionalText(words.protection.notes, 500, { multiline: true }),
});

export const protectionClose = z.object({ id, closedOn: isoDate, outcome: text(words.protection.protectionClose, 1000, { multiline: true }) });

export const protectionList = z.object({
  organizationId: id.optional(),
  memberId: id.optional(),
  status: z.enum(['处理中', '已办结']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.number().int().min(1).max(5000).default(1000),
});

export type ProtectionCreate = z.output<typeof protectionCreate>;

export type ProtectionMeasureInput = z.output<typeof protectionMeasure>;

export type ProtectionList = z.output<typeof protectionList>;

export interface ProtectionMeasureRecord {
  id: number;
  measure: ProtectionMeasure;
  takenOn: string;
  takenBy: string | null;
  notes: string | null;
}

export interface ProtectionCase {
  id: number;
  memberId: number;
  memberName: string;
  organizationId: number;
  organizationName: string;
  attackedOn: string;
  platform: string | null;
  description: string;
  handledBy: string | null;
  status: ProtectionStatus;
  outcome: string | null;
  closedOn: string | null;
  measures: ProtectionMeasureRecord[];
  createdAt: string;
  updatedAt: string;
}

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const protectionCalls = {
  'protection.list': query<ProtectionCase[]>()(protectionList),
  'protection.create': change<ProtectionCase>()(protectionCreate),
  'protection.addMeasure': change<ProtectionCase>()(protectionMeasure),
  'protection.close': change<ProtectionCase>()(protectionClose),
};
