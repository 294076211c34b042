/** Shapes returned by commendation, protection and annual review calls. */
import type { CampaignStatus, CommendationKind, DeclarationKind, ProtectionMeasure, ProtectionStatus } from '../domain/vocabulary.js';

export interface CommendedMember {
  memberId: number;
  name: string;
  organizationId: number;
  organizationName: string;
  positionAtTime: string | null;
}

export interface Commendation {
  id: number;
  kind: CommendationKind;
  honourName: string;
  reason: string | null;
  approvingBody: string | null;
  approvingLevel: string | null;
  documentNumber: string | null;
  commendedOn: string;
  relatedLinks: string | null;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
  members: CommendedMember[];
  createdAt: string;
  updatedAt: string;
}

export interface ProtectionMeasureRecord {
  id: number;
  measure: ProtectionMeasure;
  takenOn: string;
  takenBy: string | null;
  notes: string | null;
}

export interface ProtectionCase {
  id: number;
  memberId: number;
  memberName: string;
  organizationId: number;
  organizationName: string;
  attackedOn: string;
  platform: string | null;
  description: string;
  handledBy: string | null;
  status: ProtectionStatus;
  outcome: string | null;
  closedOn: string | null;
  measures: ProtectionMeasureRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface Campaign {
  id: number;
  title: string;
  year: number;
  deadline: string;
  status: CampaignStatus;
  closedAt: string | null;
  organizations: { id: number; fullName: string }[];
  createdAt: string;
}

/** Completion of one organization (its own members, not its subtree) in a campaign. */
export interface CampaignOrgCompletion {
  organizationId: number;
  organizationName: string;
  code: string;
  expected: number;
  declared: number;
  zeroReports: number;
  responded: number;
  notResponded: number;
}

export interface CampaignCompletion extends Campaign {
  today: string;
  overdue: boolean;
  totals: Omit<CampaignOrgCompletion, 'organizationId' | 'organizationName' | 'code'>;
  byOrganization: CampaignOrgCompletion[];
}

export interface MissingMember {
  memberId: number;
  name: string;
  idNumber: string;
  organizationId: number;
  organizationName: string;
  position: string | null;
  phone: string | null;
  activeAccounts: number;
}

export interface Declaration {
  id: number;
  campaignId: number;
  memberId: number;
  organizationId: number;
  kind: DeclarationKind;
  declaredOn: string;
  notes: string | null;
}
