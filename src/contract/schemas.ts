/** Input schemas of the contract, with the Chinese message a person sees next to the field. */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.js';
import { unsafeCharAt } from '../domain/text.js';
import { MEMBER_STATUSES, ORGANIZATION_TYPES, PARTY_STATUSES, RANKS } from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import { AUDIT_ENTITIES } from './types.js';

z.config(z.locales.zhCN());

/** A missing id and a wrong one (−1, 1.5, "1") are different mistakes: say which. */
export const id = z.number({ error: (issue) => (issue.input === undefined ? msg.input.idMissing : msg.input.idPositive) }).int().positive();

/** A whole number in a range; the message names the field and the range whatever is wrong with it. */
export const integer = (label: string, min: number, max: number) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? msg.input.required(label) : msg.input.intRange(label, min, max)) })
    .int()
    .min(min)
    .max(max);

interface StringOptions {
  /** Tab and line breaks belong to notes, reasons, opinions and summaries, nowhere else. */
  multiline?: boolean;
  /** The message when the field is missing or empty; 请填写{label}。 by default. */
  required?: string;
  /** For what nobody types (a file's encoded content): the message for any character it cannot hold. */
  refusal?: string;
}

/**
 * Every string of the contract starts here, so none accepts what nobody types: control characters, U+FFFE and
 * other noncharacters, lone surrogates, bidi overrides (see unsafeCharAt). The message names the field by its
 * label and the position of the character in what was typed (before trimming), so the person can find it.
 * Normalisation (full-width → half-width, spaces) stays in the services' normalizeText.
 */
export function cleanString(label: string, { multiline = false, required, refusal }: StringOptions = {}) {
  return z.string(required ? { error: required } : undefined).superRefine((value, ctx) => {
    const at = unsafeCharAt(value, multiline);
    if (at) ctx.addIssue({ code: 'custom', message: refusal ?? msg.input.unsafeChar(label, at) });
  });
}

export const text = (label: string, max: number, { multiline, required = msg.input.required(label) }: StringOptions = {}) =>
  cleanString(label, { multiline, required }).trim().min(1, { error: required }).max(max, { error: msg.input.tooLong(max) });
export const optionalText = (label: string, max: number, { multiline }: Pick<StringOptions, 'multiline'> = {}) =>
  cleanString(label, { multiline }).trim().max(max, { error: msg.input.tooLong(max) }).nullable().optional();
export const isoDate = cleanString('日期').refine(isIsoDate, { error: msg.date.format });

export const organizationFields = z.object({
  fullName: text('党组织全称', 100, { required: '请填写党组织全称（与印章一致）。' }),
  shortName: optionalText('简称', 40),
  type: z.enum(ORGANIZATION_TYPES, { error: '请选择组织类型。' }),
  secretary: optionalText('书记', 20),
  contactPhone: optionalText('联系电话', 30),
});

export const organizationCreate = organizationFields.extend({
  parentId: id.nullable(),
  code: cleanString('组织代码')
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
  name: text('姓名', 30),
  idNumber: cleanString('身份证号', { required: msg.input.required('身份证号') }).trim().min(1, { error: msg.input.required('身份证号') }),
  workUnit: optionalText('工作单位', 100),
  position: optionalText('职务', 60),
  rank: z.enum(RANKS, { error: '请选择职级。' }).nullable().optional(),
  partyStatus: z.enum(PARTY_STATUSES, { error: '请选择党籍状态。' }).default('正式党员'),
  phone: optionalText('联系电话', 30),
  joinedOn: isoDate.nullable().optional(),
  notes: optionalText('备注', 500, { multiline: true }),
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
  q: cleanString('查找内容').max(50).optional(),
  organizationId: id.optional(),
  includeSubtree: z.boolean().default(true),
  statuses: z.array(z.enum(MEMBER_STATUSES)).optional(),
  sort: z.enum(MEMBER_SORT_FIELDS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  cursor: cleanString('翻页位置').max(200).nullable().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const auditList = z.object({
  entity: z.enum(AUDIT_ENTITIES).optional(),
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
export type AuditQuery = z.output<typeof auditList>;
export type MemberSortField = (typeof MEMBER_SORT_FIELDS)[number];
