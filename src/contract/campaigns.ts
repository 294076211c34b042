/** 年度报备核查: annual review campaigns, declarations and completion. */
import { z } from 'zod';
import { type CampaignStatus, DECLARATION_KINDS, type DeclarationKind } from '../domain/vocabulary.js';
import { byId, change, empty, id, integer, isoDate, optionalText, query, text } from './common.js';
import { schemaWords as words } from '../i18n/schemaWords.js';

export const campaignCreate = z.object({
  title: text(words.campaigns.title, 40, { required: words.campaigns.titleRequired }),
  year: integer(words.campaigns.year, 2000, 2100),
  deadline: isoDate,
  organizationIds: z.array(id).min(1, { error: words.campaigns.organizationIdsError }).max(200),
});

export const declarationRecord = z.object({
  campaignId: id,
  memberId: id,
  kind: z.enum(DECLARATION_KINDS, { error: words.campaigns.kindError }),
  declaredOn: isoDate,
  notes: optionalText(words.campaigns.notes, 500, { multiline: true }),
});

export const campaignMissing = z.object({
  id,
  organizationId: id.optional(),
  limit: z.number().int().min(1).max(5000).default(500),
});

export const campaignClose = z.object({ id });

export type CampaignCreate = z.output<typeof campaignCreate>;

export type DeclarationRecord = z.output<typeof declarationRecord>;

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

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const campaignsCalls = {
  'campaigns.list': query<Campaign[]>()(empty),
  'campaigns.create': change<Campaign>()(campaignCreate),
  'campaigns.completion': query<CampaignCompletion>()(byId),
  'campaigns.missing': query<{ total: number; rows: MissingMember[] }>()(campaignMissing),
  'campaigns.declare': change<Declaration>()(declarationRecord),
  'campaigns.close': change<Campaign>()(campaignClose),
};
