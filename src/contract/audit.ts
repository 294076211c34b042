/** 操作记录: the audit trail — what an entry is about and how it is listed. */
import { z } from 'zod';
import { id, query } from './common.js';

/** What an audit entry can be about: one list for the audit filter's schema and the entry's type. */
export const AUDIT_ENTITIES = ['organization', 'member', 'account', 'filing', 'publication_request', 'settings', 'commendation', 'protection_case', 'review_campaign', 'submission', 'operator'] as const;

export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const auditList = z.object({
  entity: z.enum(AUDIT_ENTITIES).optional(),
  entityId: id.optional(),
  beforeId: id.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export type AuditQuery = z.output<typeof auditList>;

export type AuditAction =
  | 'create'
  | 'update'
  | 'move'
  | 'status'
  | 'delete'
  | 'reorder'
  | 'close'
  | 'submit'
  | 'review'
  | 'resubmit'
  | 'attach'
  | 'decide'
  | 'publish'
  | 'withdraw'
  | 'measure'
  | 'declare'
  | 'import'
  | 'signIn'
  | 'signInFailed'
  | 'signOut';


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
};
