/**
 * Handover (交接): an account changes holder or administrator on a date and is filed again; a member who leaves
 * (转出/退休/去世) says in the same call what becomes of each open account.
 */
import { z } from 'zod';
import { change, id, isoDate, optionalText, text } from './common.js';
import { schemaWords as words } from '../i18n/schemaWords.js';

export const LEAVING_STATUSES = ['转出', '退休', '去世'] as const;
export const LEAVE_ACTIONS = ['移交', '注销', '保留'] as const;
export const HANDOVER_KINDS = ['移交', '保留'] as const;

export type LeaveAction = (typeof LEAVE_ACTIONS)[number];

/** Left out, a field stays as it is: `toMemberId` the holder, `administrator` the administrator (null clears it). */
export const accountHandover = z.object({
  id,
  onDate: isoDate,
  toMemberId: id.optional(),
  administrator: optionalText(words.accounts.administrator, 30),
  note: optionalText(words.handover.note, 500, { multiline: true }),
});

const closeDecision = z.object({ accountId: id, action: z.literal('注销'), closedOn: isoDate, reason: text(words.accounts.accountClose, 200, { multiline: true }) });
const handDecision = z.object({ accountId: id, action: z.literal('移交'), toMemberId: id, administrator: optionalText(words.accounts.administrator, 30) });
const keepDecision = z.object({ accountId: id, action: z.literal('保留'), note: text(words.handover.keepNote, 500, { multiline: true, required: words.handover.keepNoteRequired }) });

export const accountDecision = z.discriminatedUnion('action', [handDecision, closeDecision, keepDecision], { error: words.handover.actionError });

export const memberLeave = z.object({
  id,
  status: z.enum(LEAVING_STATUSES, { error: words.handover.leaveStatusError }),
  date: isoDate,
  /** One decision for each of the member's accounts that are not 已注销 — no more, no fewer. */
  accounts: z.array(accountDecision).max(1000),
});

export type AccountHandoverInput = z.output<typeof accountHandover>;
export type AccountDecision = z.output<typeof accountDecision>;
export type MemberLeave = z.output<typeof memberLeave>;

/** One dated change of an account's holder or administrator, or a decision to keep it when its holder left. */
export interface AccountHandover {
  id: number;
  accountId: number;
  kind: (typeof HANDOVER_KINDS)[number];
  onDate: string;
  fromMemberId: number;
  fromMemberName: string;
  toMemberId: number;
  toMemberName: string;
  fromAdministrator: string | null;
  toAdministrator: string | null;
  note: string | null;
  memberLeft: (typeof LEAVING_STATUSES)[number] | null;
  actor: string;
  createdAt: string;
}

export interface LeaveOutcome {
  memberId: number;
  status: (typeof LEAVING_STATUSES)[number];
  handedOver: number[];
  closed: number[];
  kept: number[];
}

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const handoverCalls = {
  'accounts.handover': change<AccountHandover>()(accountHandover),
  'members.leave': change<LeaveOutcome>()(memberLeave),
};
