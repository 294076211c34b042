/** 网络账号: accounts and groups — inputs, search, and what the calls return. */
import { z } from 'zod';
import { ACCOUNT_KINDS, type AccountKind, type AccountStatus, CAPACITIES, type Capacity, FILING_STATES, type FilingRecordState, type FilingState, type FilingType, type Region, REGIONS, REQUIRED_FILINGS, type RequiredFiling } from '../domain/vocabulary.js';
import { byId, change, cleanString, empty, id, isoDate, keysetPaging, optionalText, query, text } from './common.js';
import type { FilingWithHistory } from './filings.js';
import type { AccountHandover } from './handover.js';
import { schemaWords as words } from '../i18n/schemaWords.js';

export const accountFields = z.object({
  platform: text(words.accounts.platform, 30, { required: words.accounts.platformRequired }),
  region: z.enum(REGIONS, { error: words.accounts.regionError }),
  capacity: z.enum(CAPACITIES, { error: words.accounts.capacityError }),
  kind: z.enum(ACCOUNT_KINDS, { error: words.accounts.kindError }),
  displayName: text(words.accounts.displayName, 100, { required: words.accounts.displayNameRequired }),
  accountRef: optionalText(words.accounts.accountRef, 200),
  openedOn: isoDate.nullable().optional(),
  verifiedSubject: optionalText(words.accounts.verifiedSubject, 100),
  audience: z.number({ error: words.accounts.audienceError }).int().min(0).nullable().optional(),
  audienceAsOf: isoDate.nullable().optional(),
  mainContent: optionalText(words.accounts.mainContent, 500, { multiline: true }),
  supervisor: optionalText(words.accounts.supervisor, 30),
  administrator: optionalText(words.accounts.administrator, 30),
  notes: optionalText(words.accounts.notes, 500, { multiline: true }),
});

export const accountCreate = accountFields.extend({ memberId: id });

/** `changedOn`: the day the edit took effect (default today; not later, not before the account's last change). */
export const accountUpdate = accountFields.extend({ id, changedOn: isoDate.optional() });

export const accountClose = z.object({ id, closedOn: isoDate, reason: text(words.accounts.accountClose, 200, { multiline: true }) });

export const ACCOUNT_SORT_FIELDS = ['displayName', 'openedOn', 'dueOn', 'updatedAt'] as const;

export const accountSearch = z.object({
  q: cleanString(words.accounts.q).max(100).optional(),
  organizationId: id.optional(),
  memberId: id.optional(),
  platform: cleanString(words.accounts.platform).max(30).optional(),
  region: z.enum(REGIONS).optional(),
  capacity: z.enum(CAPACITIES).optional(),
  kind: z.enum(ACCOUNT_KINDS).optional(),
  requiredFiling: z.enum(REQUIRED_FILINGS).optional(),
  filingStates: z.array(z.enum(FILING_STATES)).optional(),
  overdue: z.boolean().optional(),
  ...keysetPaging(ACCOUNT_SORT_FIELDS, 'displayName'),
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
  notes: string | null;
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
  /** Dated changes of holder or administrator, and decisions to keep it when its holder left; oldest first. */
  handovers: AccountHandover[];
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
