/**
 * An account's figures through time, from its dated events: on each day the account has the fields of its latest
 * recorded version dated on or before that day, sits in its owner's organization of that day, is judged by the
 * 报备规则 then in force, and its filing state is what its filings' events dated by then left it in. "Latest
 * recorded" (by id, among those dated by then) rather than "latest dated" makes the last interval agree with the
 * account's current row whatever order the dates were entered in. Pure, so the rules are unit-tested.
 */
import { dueOn, filedFields, filingState, requiredFiling, type AccountFacts, type FiledFields, type FilingRulesSettings, type LatestFiling } from './filingRules.js';
import type { AccountKind, AccountStatus, Capacity, FilingRecordState, FilingState, Region, RequiredFiling } from './vocabulary.js';

/** Open-ended: the interval still holds. */
export const FOREVER = '9999-12-31';

interface Dated {
  id: number;
  on: string;
}

export interface AccountVersion extends Dated {
  /** The holder (开设人/使用人): handing the account over is a change to file. */
  memberId: number;
  platform: string;
  region: Region;
  capacity: Capacity;
  kind: AccountKind;
  displayName: string;
  accountRef: string | null;
  audience: number | null;
  administrator: string | null;
  status: AccountStatus;
}

export interface MemberPlace extends Dated {
  organizationId: number;
}

export interface FilingStep extends Dated {
  filingId: number;
  action: '提交' | '退回补正' | '重新提交' | '登记';
  /** The filed fields accepted by this filing (its snapshot), for a 登记 step. */
  snapshot: FiledFields | null;
}

export interface RuleVersion extends Dated {
  rules: FilingRulesSettings;
}

export interface AccountPeriod {
  from: string;
  to: string;
  /** The holder then (a handover changes it), and the holder's organization then. */
  memberId: number;
  organizationId: number;
  required: RequiredFiling;
  state: FilingState;
  capacity: Capacity;
  kind: AccountKind;
  region: Region;
  platform: string;
  dueOn: string | null;
}

const STATE_AFTER: Record<FilingStep['action'], FilingRecordState> = { 提交: '待审核', 重新提交: '待审核', 退回补正: '需补正', 登记: '已登记' };

/** The latest recorded of `list` dated on or before `day`, or the earliest recorded when none is (it held before). */
export function inForce<T extends Dated>(list: readonly T[], day: string): T {
  let found: T | undefined;
  for (const x of list) if (x.on <= day && (!found || x.id > found.id)) found = x;
  return found ?? list.reduce((a, b) => (b.id < a.id ? b : a));
}

/**
 * The 报备规则 version in force on `day`: the one with the latest effective day by then (the later saved on a tie),
 * or the earliest when none is effective yet. Rules go by their effective day, not by when they were entered: a
 * secretary entering last year's 细则 after this year's does not undo this year's.
 */
export function ruleInForce<T extends Dated>(list: readonly T[], day: string): T {
  const byDay = [...list].sort((a, b) => a.on.localeCompare(b.on) || a.id - b.id);
  return byDay.filter((v) => v.on <= day).pop() ?? byDay[0]!;
}

/** The account's latest filing as of `day`: the newest filing with a step by then, in the state its steps left it. */
function latestFiling(steps: readonly FilingStep[], day: string): LatestFiling | null {
  let last: FilingStep | undefined;
  for (const s of steps) {
    if (s.on > day) continue;
    if (!last || s.filingId > last.filingId || (s.filingId === last.filingId && s.id > last.id)) last = s;
  }
  if (!last) return null;
  const state = STATE_AFTER[last.action];
  return { state, snapshot: state === '已登记' ? last.snapshot : null };
}

export interface AccountHistory {
  /** The day the account exists from: its opening, or the day it was registered when that is unknown. */
  start: string;
  /**
   * The day its first holder is 在册 from (member_periods: their 入党日期, else the day they were entered). The
   * register counts members' accounts: an account opened before its holder was a member here is counted from then on,
   * its filing still due from its opening.
   */
  holderFrom?: string;
  versions: readonly AccountVersion[];
  /** Each holder's organizations through time, by member: the account is counted where its holder of the day was. */
  places: ReadonlyMap<number, readonly MemberPlace[]>;
  steps: readonly FilingStep[];
  rules: readonly RuleVersion[];
}

function periodOn(h: AccountHistory, day: string): Omit<AccountPeriod, 'from' | 'to'> {
  const v = inForce(h.versions, day);
  const rules = ruleInForce(h.rules, day).rules;
  const required = requiredFiling(v, rules);
  const current = filedFields(v);
  return {
    memberId: v.memberId,
    organizationId: inForce(h.places.get(v.memberId) ?? [], day).organizationId,
    required,
    state: filingState({ required, status: v.status, latest: latestFiling(h.steps, day), current }),
    capacity: v.capacity,
    kind: v.kind,
    region: v.region,
    platform: v.platform,
    dueOn: required === '无' ? null : dueOn(h.start, rules.deadlineDays),
  };
}

const same = (a: Omit<AccountPeriod, 'from' | 'to'>, b: Omit<AccountPeriod, 'from' | 'to'>) =>
  (Object.keys(a) as (keyof typeof a)[]).every((k) => a[k] === b[k]);

/** The account's intervals from its start on, each a day range where nothing a figure counts changes. */
export function accountPeriods(h: AccountHistory): AccountPeriod[] {
  const first = h.holderFrom !== undefined && h.holderFrom > h.start ? h.holderFrom : h.start;
  const days = new Set([first]);
  for (const list of [h.versions, ...h.places.values(), h.steps, h.rules] as (readonly Dated[])[]) for (const x of list) if (x.on > first) days.add(x.on);
  const sorted = [...days].sort();
  const out: AccountPeriod[] = [];
  for (const day of sorted) {
    const p = periodOn(h, day);
    const prev = out[out.length - 1];
    if (prev && same(p, prev)) continue;
    if (prev) prev.to = day;
    out.push({ ...p, from: day, to: FOREVER });
  }
  return out;
}

/**
 * Whether an account version is judged differently by `after` than by `before`: the filing it needs, or — when it
 * needs one under either — its deadline. An account none of whose versions is cannot change when `after` replaces
 * `before` over some days (its periods merge back exactly as they were), so a rules version saved need not rebuild it.
 */
export function judgedDifferently(v: AccountFacts, before: FilingRulesSettings, after: FilingRulesSettings): boolean {
  const was = requiredFiling(v, before);
  const is = requiredFiling(v, after);
  return was !== is || (before.deadlineDays !== after.deadlineDays && is !== '无');
}
