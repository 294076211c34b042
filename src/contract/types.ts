/** Shapes that calls return. Inputs are the zod schemas in contract.ts. */
import type { Gender, MemberStatus, OrganizationType, PartyStatus, Rank } from '../domain/vocabulary.js';

export interface Organization {
  id: number;
  code: string;
  fullName: string;
  shortName: string | null;
  type: OrganizationType;
  parentId: number | null;
  sortOrder: number;
  secretary: string | null;
  contactPhone: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A node of the tree as listed: counts are of members 在册 directly in it and in its whole subtree. */
export interface OrganizationNode extends Organization {
  depth: number;
  activeMembers: number;
  subtreeActiveMembers: number;
}

export interface Member {
  id: number;
  name: string;
  gender: Gender;
  idNumber: string;
  birthDate: string;
  organizationId: number;
  workUnit: string | null;
  position: string | null;
  rank: Rank | null;
  partyStatus: PartyStatus;
  phone: string | null;
  status: MemberStatus;
  statusDate: string | null;
  joinedOn: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MemberRow extends Member {
  organizationName: string;
}

export interface MemberPage {
  rows: MemberRow[];
  total: number;
  /** Pass back as `cursor` to get the next page; null at the end. */
  nextCursor: string | null;
}

export interface MemberDetail extends MemberRow {
  /** Full names from the root down to the member's organization. */
  organizationPath: string[];
  age: number;
}

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
  | 'declare';

/** What an audit entry can be about: one list for the audit filter's schema and the entry's type. */
export const AUDIT_ENTITIES = ['organization', 'member', 'account', 'filing', 'publication_request', 'settings', 'commendation', 'protection_case', 'review_campaign'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  entity: AuditEntity;
  entityId: number;
  action: AuditAction;
  actionLabel: string;
  summary: string;
  before: unknown;
  after: unknown;
}

export interface SystemInfo {
  version: string;
  schemaVersion: number;
  sqliteVersion: string;
  dataDir: string;
  actor: string;
}

/** What the demo generator put into an empty register. */
export interface DemoResult {
  organizations: number;
  members: number;
  accounts: number;
  filings: number;
  requests: number;
  commendations: number;
  protectionCases: number;
  declarations: number;
}
