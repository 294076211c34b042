/** 网络账号: accounts and groups — inputs, search, and what the calls return. */
import { z } from 'zod';
import { ACCOUNT_KINDS, type AccountKind, type AccountStatus, CAPACITIES, type Capacity, FILING_STATES, type FilingRecordState, type FilingState, type FilingType, type Region, REGIONS, REQUIRED_FILINGS, type RequiredFiling } from '../domain/vocabulary.js';
import { byId, change, cleanString, empty, id, isoDate, optionalText, query, text } from './common.js';
import type { FilingWithHistory } from './filings.js';

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

export type AccountCreate = z.output<typeof accountCreate>;

export type AccountUpdate = z.output<typeof accountUpdate>;

export type AccountFields = z.output<typeof accountFields>;

export type AccountSearch = z.output<typeof accountSearch>;

export type AccountSortField = (typeof ACCOUNT_SORT_FIELDS)[number];

export interface Account {
  id: number;
  memberId: number;
  organizationId: number;
  platform: string;
  region: Region;
  capacity: Capacity;
  kind: AccountKind;
  displayName: string;
  accountRef: string | null;
  openedOn: string | null;
  verifiedSubject: string | null;
  audience: number | null;
  audienceAsOf: string | null;
  mainContent: string | null;
  supervisor: string | null;
  administrator: string | null;
  status: AccountStatus;
  closedOn: string | null;
  closedReason: string | null;
  requiredFiling: RequiredFiling;
  filingState: FilingState;
  dueOn: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AccountRow extends Account {
  memberName: string;
  organizationName: string;
  /** The newest filing of the account, for lists that show the history at a glance. */
  lastFiling: { type: FilingType; state: FilingRecordState; submittedOn: string } | null;
}

export interface AccountPage {
  rows: AccountRow[];
  total: number;
  nextCursor: string | null;
}

export interface AccountDetail extends AccountRow {
  filings: FilingWithHistory[];
  /** What may be submitted now; empty with `filingBlockedReason` when nothing may. */
  allowedFilingTypes: FilingType[];
  filingBlockedReason: string | null;
  /** Filed fields that changed since the last accepted filing (labels in the renderer). */
  changedFields: string[];
}

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const accountsCalls = {
  'accounts.search': query<AccountPage>()(accountSearch),
  'accounts.get': query<AccountDetail>()(byId),
  'accounts.create': change<Account>()(accountCreate),
  'accounts.update': change<Account>()(accountUpdate),
  'accounts.close': change<Account>()(accountClose),
  'accounts.stateCounts': query<{ byFilingState: Record<string, number>; byRequiredFiling: Record<string, number> }>()(empty),
};
