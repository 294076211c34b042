/**
 * Article 3 as rules: which filing an account needs, what state its filings leave it in, and which
 * workflow steps are legal. Pure functions, so every rule is unit-tested with and without unit settings.
 */
import type { AccountKind, AccountStatus, Capacity, FilingRecordState, FilingState, FilingType, RequiredFiling } from './vocabulary.js';

/** The unit's own detailed rules (Article 13) that the derivation depends on. */
export interface FilingRulesSettings {
  /** Personal public accounts need 备案 only at or above this many followers; null = all of them. */
  publicAccountFollowerThreshold: number | null;
  /** Personal groups need 备案 at or above this many members; null = groups need none. */
  groupMemberThreshold: number | null;
  /** Days from opening within which the filing is due. */
  deadlineDays: number;
}

export const DEFAULT_FILING_RULES: FilingRulesSettings = {
  publicAccountFollowerThreshold: null,
  groupMemberThreshold: null,
  deadlineDays: 30,
};

export interface AccountFacts {
  capacity: Capacity;
  kind: AccountKind;
  /** Followers or group members; null when not known. */
  audience: number | null;
}

/**
 * 报告 for anything in official capacity (¶1); 备案 for a personal public account (¶2), above the unit's
 * threshold if it set one, and for personal groups above a group threshold; nothing for ordinary accounts.
 * An unknown audience counts as over the threshold: the unit cannot tell, so it asks for the filing.
 */
export function requiredFiling(a: AccountFacts, s: FilingRulesSettings): RequiredFiling {
  if (a.capacity === '以职务身份') return '报告';
  const over = (threshold: number) => a.audience === null || a.audience >= threshold;
  if (a.kind === '公众账号') return s.publicAccountFollowerThreshold === null || over(s.publicAccountFollowerThreshold) ? '备案' : '无';
  if (a.kind === '群组') return s.groupMemberThreshold !== null && over(s.groupMemberThreshold) ? '备案' : '无';
  return '无';
}

/**
 * The fields whose change after an accepted filing means it must be filed again (变更未报). The owner is one:
 * an account handed over to another member is filed again by its new holder.
 */
export interface FiledFields {
  memberId: number;
  displayName: string;
  accountRef: string | null;
  capacity: Capacity;
  kind: AccountKind;
  administrator: string | null;
  platform: string;
}

export const FILED_FIELD_NAMES: (keyof FiledFields)[] = ['memberId', 'displayName', 'accountRef', 'capacity', 'kind', 'administrator', 'platform'];

export function filedFields(a: FiledFields): FiledFields {
  return Object.fromEntries(FILED_FIELD_NAMES.map((k) => [k, a[k] ?? null])) as unknown as FiledFields;
}

export function changedFiledFields(snapshot: FiledFields, current: FiledFields): (keyof FiledFields)[] {
  return FILED_FIELD_NAMES.filter((k) => (snapshot[k] ?? null) !== (current[k] ?? null));
}

export interface LatestFiling {
  state: FilingRecordState;
  /** The account's filed fields at acceptance, for an accepted filing. */
  snapshot: FiledFields | null;
}

export function filingState(input: {
  required: RequiredFiling;
  status: AccountStatus;
  latest: LatestFiling | null;
  current: FiledFields;
}): FilingState {
  if (input.status === '已注销') return '已注销';
  if (!input.latest) return input.required === '无' ? '无需报备' : '未报备';
  if (input.latest.state !== '已登记') return input.latest.state;
  if (input.latest.snapshot && changedFiledFields(input.latest.snapshot, input.current).length > 0) return '变更未报';
  return '已登记';
}

/** Due date: opening day (or registration day when unknown) plus the unit's deadline. */
export function dueOn(startDay: string, deadlineDays: number): string {
  const d = new Date(`${startDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + deadlineDays);
  return d.toISOString().slice(0, 10);
}

export function isOverdue(state: FilingState, due: string | null, today: string): boolean {
  return state === '未报备' && due !== null && due < today;
}

export type FilingAction = '登记' | '退回补正' | '重新提交';

/** 待审核 → 已登记 | 需补正; 需补正 → 待审核 (resubmitted). Anything else is refused. */
export function nextFilingState(current: FilingRecordState, action: FilingAction): FilingRecordState | null {
  if (current === '待审核' && action === '登记') return '已登记';
  if (current === '待审核' && action === '退回补正') return '需补正';
  if (current === '需补正' && action === '重新提交') return '待审核';
  return null;
}

/**
 * Which filing types may be submitted now: the first is the one the account needs; after an accepted
 * filing only 变更 (or 注销 once the account is closed). Returns the reason when none may.
 */
export function allowedFilingTypes(input: {
  required: RequiredFiling;
  status: AccountStatus;
  hasOpenFiling: boolean;
  hasAccepted: boolean;
}): FilingType[] {
  if (input.hasOpenFiling) return [];
  if (input.status === '已注销') return input.hasAccepted ? ['注销'] : [];
  if (!input.hasAccepted) return input.required === '无' ? [] : [input.required];
  return ['变更'];
}
