/** 操作记录: the audit trail — what an entry is about and how it is listed. */
import { z } from 'zod';
import { cleanString, id, isoDate, query } from './common.js';

/** What an audit entry can be about: one list for the audit filter's schema and the entry's type. */
export const AUDIT_ENTITIES = ['organization', 'member', 'account', 'filing', 'publication_request', 'settings', 'commendation', 'protection_case', 'review_campaign', 'submission', 'import', 'operator', 'report_template'] as const;

export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const AUDIT_ACTIONS = [
  'create', 'update', 'move', 'status', 'delete', 'reorder', 'close', 'submit', 'review', 'resubmit', 'attach', 'decide',
  'publish', 'withdraw', 'measure', 'declare', 'import', 'signIn', 'signInFailed', 'signOut', 'recover', 'handover', 'leave',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** 操作记录's filters: who (the operator's name as recorded), what (kind of record, action), when (local days, inclusive). */
export const auditList = z.object({
  actor: cleanString('操作人').trim().max(40).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  entity: z.enum(AUDIT_ENTITIES).optional(),
  entityId: id.optional(),
  beforeId: id.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export type AuditQuery = z.output<typeof auditList>;

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  entity: AuditEntity;
  entityId: number | null;
  action: AuditAction;
  actionLabel: string;
  summary: string;
  before: unknown;
  after: unknown;
}

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const auditCalls = {
  'audit.list': query<AuditEntry[]>()(auditList),
  /** Everyone the audit names, for the 操作人 filter. */
  'audit.actors': query<string[]>()(z.object({}).strict()),
};
