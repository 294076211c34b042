/** Input schemas of the contract, with the Chinese message a person sees next to the field. */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.js';
import { MEMBER_STATUSES, ORGANIZATION_TYPES, PARTY_STATUSES, RANKS } from '../domain/vocabulary.js';

z.config(z.locales.zhCN());

export const id = z.number({ error: '缺少编号。' }).int().positive();
export const text = (max: number, required: string) =>
  z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: `不能超过 ${max} 个字。` });
export const optionalText = (max: number) =>
  z.string().trim().max(max, { error: `不能超过 ${max} 个字。` }).nullable().optional();
export const isoDate = z.string().refine(isIsoDate, { error: '日期格式应为 年-月-日，如 2026-04-12。' });

export const organizationFields = z.object({
  fullName: text(100, '请填写党组织全称（与印章一致）。'),
  shortName: optionalText(40),
  type: z.enum(ORGANIZATION_TYPES, { error: '请选择组织类型。' }),
  secretary: optionalText(20),
  contactPhone: optionalText(30),
});

export const organizationCreate = organizationFields.extend({
  parentId: id.nullable(),
  code: z
    .string()
    .trim()
    .regex(/^(\d{3})+$/, { error: '组织代码应为数字，每级3位（如 001002）。' })
    .optional(),
});

export const organizationUpdate = organizationFields.extend({ id });
export const organizationMove = z.object({ id, parentId: id.nullable() });
export const organizationReorder = z.object({ parentId: id.nullable(), orderedIds: z.array(id).min(1) });
export const byId = z.object({ id });
export const empty = z.object({}).strict();

export const memberFields = z.object({
  name: text(30, '请填写姓名。'),
  idNumber: z.string({ error: '请填写身份证号。' }).trim().min(1, { error: '请填写身份证号。' }),
  workUnit: optionalText(100),
  position: optionalText(60),
  rank: z.enum(RANKS, { error: '请选择职级。' }).nullable().optional(),
  partyStatus: z.enum(PARTY_STATUSES, { error: '请选择党籍状态。' }).default('正式党员'),
  phone: optionalText(30),
  joinedOn: isoDate.nullable().optional(),
  notes: optionalText(500),
});

export const memberCreate = memberFields.extend({ organizationId: id });
export const memberUpdate = memberFields.extend({ id });
export const memberMove = z.object({ id, organizationId: id });
export const memberChangeStatus = z.object({
  id,
  status: z.enum(MEMBER_STATUSES, { error: '请选择状态。' }),
  date: isoDate.nullable().optional(),
});

export const MEMBER_SORT_FIELDS = ['name', 'birthDate', 'joinedOn', 'updatedAt'] as const;

export const memberSearch = z.object({
  q: z.string().max(50).optional(),
  organizationId: id.optional(),
  includeSubtree: z.boolean().default(true),
  statuses: z.array(z.enum(MEMBER_STATUSES)).optional(),
  sort: z.enum(MEMBER_SORT_FIELDS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  cursor: z.string().max(200).nullable().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const auditList = z.object({
  entity: z
    .enum(['organization', 'member', 'account', 'filing', 'publication_request', 'settings', 'commendation', 'protection_case', 'review_campaign'])
    .optional(),
  entityId: id.optional(),
  beforeId: id.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const demoGenerate = z.object({
  members: z.number().int().min(1).max(1_000_000).default(2000),
  seed: z.number().int().min(0).default(1),
});

export type OrganizationCreate = z.output<typeof organizationCreate>;
export type OrganizationUpdate = z.output<typeof organizationUpdate>;
export type MemberCreate = z.output<typeof memberCreate>;
export type MemberUpdate = z.output<typeof memberUpdate>;
export type MemberFields = z.output<typeof memberFields>;
export type MemberSearch = z.output<typeof memberSearch>;
export type MemberSortField = (typeof MEMBER_SORT_FIELDS)[number];

/** 恢复 names a backup listed in the data folder (never a path) and must be confirmed by the person. */
export const backupRestore = z.object({
  fileName: z.string({ error: '请选择要恢复的备份。' }).min(1, { error: '请选择要恢复的备份。' }),
  confirm: z.literal(true, { error: '恢复会替换当前数据，请先确认。' }),
});
