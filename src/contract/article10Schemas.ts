/** Input schemas for commendations and protection (Article 10) and the annual review campaign. */
import { z } from 'zod';
import { APPROVING_LEVELS, COMMENDATION_KINDS, DECLARATION_KINDS, PROTECTION_MEASURES } from '../domain/vocabulary.js';
import { id, integer, isoDate, optionalText, text } from './schemas.js';

export const commendationFields = z.object({
  memberIds: z.array(id).min(1, { error: '请至少选择一名党员。' }).max(500),
  kind: z.enum(COMMENDATION_KINDS, { error: '请选择表彰类型。' }),
  honourName: text('表彰名称', 100, { required: '请填写表彰名称（如：网络文明传播先进个人）。' }),
  reason: optionalText('表彰事由', 1000, { multiline: true }),
  approvingBody: optionalText('批准机关', 100),
  approvingLevel: z.enum(APPROVING_LEVELS).nullable().optional(),
  documentNumber: optionalText('文号', 60),
  commendedOn: isoDate,
  relatedLinks: optionalText('相关账号或链接', 1000, { multiline: true }),
});
export const commendationCreate = commendationFields;
export const commendationUpdate = commendationFields.extend({ id });
export const commendationWithdraw = z.object({ id, withdrawnOn: isoDate, reason: text('撤销原因', 200, { multiline: true }) });
export const commendationList = z.object({
  organizationId: id.optional(),
  memberId: id.optional(),
  kind: z.enum(COMMENDATION_KINDS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  includeWithdrawn: z.boolean().default(true),
  limit: z.number().int().min(1).max(5000).default(1000),
});

export const protectionCreate = z.object({
  memberId: id,
  attackedOn: isoDate,
  platform: optionalText('平台', 30),
  description: text('情况说明', 2000, { multiline: true, required: '请简要写明遭受网络攻击的情况。' }),
  handledBy: optionalText('经办人', 30),
});
export const protectionMeasure = z.object({
  caseId: id,
  measure: z.enum(PROTECTION_MEASURES, { error: '请选择措施。' }),
  takenOn: isoDate,
  takenBy: optionalText('实施人', 30),
  notes: optionalText('说明', 500, { multiline: true }),
});
export const protectionClose = z.object({ id, closedOn: isoDate, outcome: text('办理结果', 1000, { multiline: true }) });
export const protectionList = z.object({
  organizationId: id.optional(),
  memberId: id.optional(),
  status: z.enum(['处理中', '已办结']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.number().int().min(1).max(5000).default(1000),
});

export const campaignCreate = z.object({
  title: text('核查名称', 40, { required: '请填写核查名称（如：2026年度）。' }),
  year: integer('年度', 2000, 2100),
  deadline: isoDate,
  organizationIds: z.array(id).min(1, { error: '请选择核查范围（至少一个党组织）。' }).max(200),
});
export const declarationRecord = z.object({
  campaignId: id,
  memberId: id,
  kind: z.enum(DECLARATION_KINDS, { error: '请选择申报或零报告。' }),
  declaredOn: isoDate,
  notes: optionalText('备注', 500, { multiline: true }),
});
export const campaignMissing = z.object({
  id,
  organizationId: id.optional(),
  limit: z.number().int().min(1).max(5000).default(500),
});
export const campaignClose = z.object({ id });

export type CommendationCreate = z.output<typeof commendationCreate>;
export type CommendationUpdate = z.output<typeof commendationUpdate>;
export type CommendationList = z.output<typeof commendationList>;
export type ProtectionCreate = z.output<typeof protectionCreate>;
export type ProtectionMeasureInput = z.output<typeof protectionMeasure>;
export type ProtectionList = z.output<typeof protectionList>;
export type CampaignCreate = z.output<typeof campaignCreate>;
export type DeclarationRecord = z.output<typeof declarationRecord>;
