/** Shapes returned by account, filing, request, settings and dashboard calls. */
import type { FilingRulesSettings } from '../domain/filingRules.js';
import type {
  AccountKind,
  AccountStatus,
  Capacity,
  Decision,
  FilingRecordState,
  FilingState,
  FilingType,
  Region,
  RequiredFiling,
} from '../domain/vocabulary.js';

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

export interface FilingEvent {
  id: number;
  action: '提交' | '退回补正' | '重新提交' | '登记';
  onDate: string;
  actor: string;
  opinion: string | null;
  at: string;
}

export interface Attachment {
  id: number;
  filingId: number;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  addedAt: string;
}

export interface Filing {
  id: number;
  accountId: number;
  type: FilingType;
  submittedOn: string;
  receivedBy: string | null;
  state: FilingRecordState;
  reviewer: string | null;
  reviewedOn: string | null;
  opinion: string | null;
  documentNumber: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FilingWithHistory extends Filing {
  events: FilingEvent[];
  attachments: Attachment[];
}

export interface AccountDetail extends AccountRow {
  filings: FilingWithHistory[];
  /** What may be submitted now; empty with `filingBlockedReason` when nothing may. */
  allowedFilingTypes: FilingType[];
  filingBlockedReason: string | null;
  /** Filed fields that changed since the last accepted filing (labels in the renderer). */
  changedFields: string[];
}

export interface FilingQueueRow extends Filing {
  accountDisplayName: string;
  platform: string;
  memberName: string;
  organizationName: string;
  requiredFiling: RequiredFiling;
}

export interface AttachmentContent extends Attachment {
  contentBase64: string;
  mimeType: string;
}

export interface PublicationRequest {
  id: number;
  organizationId: number;
  organizationName: string;
  requesterId: number | null;
  requesterName: string;
  unit: string | null;
  channel: string | null;
  accountId: number | null;
  title: string;
  summary: string | null;
  requestedOn: string;
  decidedBy: string | null;
  decidedOn: string | null;
  decision: Decision | null;
  publishedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LedgerSettings extends FilingRulesSettings {
  platforms: string[];
  /** The signature line of upward reports (单位负责人 / 审核人 / 填表人 / 联系电话). */
  signature: { leader: string; reviewer: string; preparer: string; phone: string };
}

/** Counts for one kind of filing (报告 or 备案) in a scope. */
export interface FilingCounts {
  needed: number;
  filed: number;
  pending: number;
  correction: number;
  notFiled: number;
  overdue: number;
  changed: number;
  closed: number;
}

export interface DashboardRow {
  organizationId: number;
  organizationName: string;
  report: FilingCounts;
  record: FilingCounts;
}

export interface Dashboard {
  organizationId: number | null;
  today: string;
  accounts: number;
  report: FilingCounts;
  record: FilingCounts;
  /** One row per direct child of the scope (its whole subtree), plus the scope's own direct accounts. */
  breakdown: DashboardRow[];
  /** The newest open annual review, counted within the scope. */
  campaign: { id: number; title: string; deadline: string; expected: number; responded: number; notResponded: number; overdue: boolean } | null;
  openProtectionCases: number;
}
