/** Input schemas for accounts, filings, publication requests, settings and the dashboard. */
import { z } from 'zod';
import { ACCOUNT_KINDS, CAPACITIES, DECISIONS, FILING_STATES, FILING_TYPES, REGIONS, REQUIRED_FILINGS } from '../domain/vocabulary.js';
import { cleanString, id, integer, isoDate, optionalText, text } from './schemas.js';
import { isCanonicalBase64 } from '../domain/base64.js';
import { msg } from '../i18n/messages.js';

export const accountFields = z.object({
  platform: text('平台', 30, { required: '请选择平台。' }),
  region: z.enum(REGIONS, { error: '请选择境内或境外。' }),
  capacity: z.enum(CAPACITIES, { error: '请选择以职务身份还是个人开设。' }),
  kind: z.enum(ACCOUNT_KINDS, { error: '请选择账号、群组或公众账号。' }),
  displayName: text('账号/群组名称', 100, { required: '请填写账号或群组名称。' }),
  accountRef: optionalText('账号ID或网址', 200),
  openedOn: isoDate.nullable().optional(),
  verifiedSubject: optionalText('认证主体', 100),
  audience: z.number({ error: '粉丝数或群成员数应为整数。' }).int().min(0).nullable().optional(),
  audienceAsOf: isoDate.nullable().optional(),
  mainContent: optionalText('主要内容', 500, { multiline: true }),
  supervisor: optionalText('分管领导', 30),
  administrator: optionalText('管理员', 30),
});

export const accountCreate = accountFields.extend({ memberId: id });
export const accountUpdate = accountFields.extend({ id });
export const accountClose = z.object({ id, closedOn: isoDate, reason: text('注销原因', 200, { multiline: true }) });

export const ACCOUNT_SORT_FIELDS = ['displayName', 'openedOn', 'dueOn', 'updatedAt'] as const;

export const accountSearch = z.object({
  q: cleanString('查找内容').max(100).optional(),
  organizationId: id.optional(),
  memberId: id.optional(),
  platform: cleanString('平台').max(30).optional(),
  region: z.enum(REGIONS).optional(),
  capacity: z.enum(CAPACITIES).optional(),
  kind: z.enum(ACCOUNT_KINDS).optional(),
  requiredFiling: z.enum(REQUIRED_FILINGS).optional(),
  filingStates: z.array(z.enum(FILING_STATES)).optional(),
  overdue: z.boolean().optional(),
  sort: z.enum(ACCOUNT_SORT_FIELDS).default('displayName'),
  order: z.enum(['asc', 'desc']).default('asc'),
  cursor: cleanString('翻页位置').max(300).nullable().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const filingSubmit = z.object({
  accountId: id,
  type: z.enum(FILING_TYPES, { error: '请选择报备类型。' }),
  submittedOn: isoDate,
  receivedBy: optionalText('接收人', 30),
  documentNumber: optionalText('文号/编号', 60),
});

export const filingReview = z.object({
  id,
  decision: z.enum(['登记', '退回补正'], { error: '请选择审核结果。' }),
  reviewedOn: isoDate,
  opinion: optionalText('党组织意见', 500, { multiline: true }),
});

export const filingResubmit = z.object({ id, submittedOn: isoDate, opinion: optionalText('党组织意见', 500, { multiline: true }) });

export const filingBulkAccept = z.object({
  ids: z.array(id).min(1, { error: '请至少选择一条待审核的报备。' }).max(1000),
  reviewedOn: isoDate,
  opinion: optionalText('党组织意见', 500, { multiline: true }),
});

export const filingQueue = z.object({
  organizationId: id.optional(),
  states: z.array(z.enum(['待审核', '需补正'])).default(['待审核']),
  limit: z.number().int().min(1).max(1000).default(500),
});

export const attachmentAdd = z.object({
  filingId: id,
  fileName: text('文件名', 200, { required: '缺少文件名。' }),
  /**
   * Base64 of the scanned form; the HTTP host's body limit bounds its size. Only canonical base64 (no stray
   * characters, right padding) is taken: a decoder would silently skip what it does not understand and store
   * a different file from the one the person chose.
   */
  contentBase64: cleanString('附件内容', { refusal: msg.input.base64 })
    .min(1, { error: msg.scan.empty })
    .max(28_000_000, { error: msg.filing.attachmentTooLarge })
    .refine(isCanonicalBase64, { error: msg.input.base64 }),
});

export const requestFields = z.object({
  organizationId: id,
  requesterId: id.nullable().optional(),
  requesterName: text('请示人', 30),
  unit: optionalText('单位', 100),
  channel: optionalText('发布渠道/账号', 100),
  accountId: id.nullable().optional(),
  title: text('拟发布信息标题', 200, { required: '请填写拟发布信息的标题。' }),
  summary: optionalText('内容摘要', 1000, { multiline: true }),
  requestedOn: isoDate,
});
export const requestCreate = requestFields;
export const requestDecide = z.object({
  id,
  decision: z.enum(DECISIONS, { error: '请选择审批意见。' }),
  decidedBy: text('审批人', 30),
  decidedOn: isoDate,
});
export const requestPublished = z.object({ id, publishedOn: isoDate });
export const requestList = z.object({
  organizationId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.number().int().min(1).max(2000).default(500),
});

const threshold = z.number({ error: '门槛应为正整数。' }).int().min(1).max(100_000_000).nullable();
export const settingsUpdate = z.object({
  platforms: z.array(text('平台', 30)).min(1, { error: '平台列表不能为空。' }).max(100).optional(),
  publicAccountFollowerThreshold: threshold.optional(),
  groupMemberThreshold: threshold.optional(),
  deadlineDays: integer('报备期限（天数）', 1, 365).optional(),
  signature: z
    .object({
      leader: cleanString('单位负责人').trim().max(20),
      reviewer: cleanString('审核人').trim().max(20),
      preparer: cleanString('填表人').trim().max(20),
      phone: cleanString('联系电话').trim().max(30),
    })
    .optional(),
});

export const dashboardQuery = z.object({ organizationId: id.optional() });

export type AccountCreate = z.output<typeof accountCreate>;
export type AccountUpdate = z.output<typeof accountUpdate>;
export type AccountFields = z.output<typeof accountFields>;
export type AccountSearch = z.output<typeof accountSearch>;
export type AccountSortField = (typeof ACCOUNT_SORT_FIELDS)[number];
export type FilingSubmit = z.output<typeof filingSubmit>;
export type RequestCreate = z.output<typeof requestCreate>;
export type RequestList = z.output<typeof requestList>;
export type SettingsUpdate = z.output<typeof settingsUpdate>;
