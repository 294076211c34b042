/**
 * THE contract: every call the console can make, by name, with its input schema and output type.
 * The registry, the IPC bridge, the HTTP host, the CLI and the renderer's client are all typed from it.
 */
import type { z } from 'zod';
import type { DemoResult } from '../demo/generate.js';
import * as a from './accountSchemas.js';
import * as c from './article10Schemas.js';
import type { Campaign, CampaignCompletion, Commendation, Declaration, MissingMember, ProtectionCase } from './article10Types.js';
import type {
  Account,
  AccountDetail,
  AccountPage,
  Attachment,
  AttachmentContent,
  Dashboard,
  Filing,
  FilingQueueRow,
  LedgerSettings,
  PublicationRequest,
} from './accountTypes.js';
import type { JobStatus } from '../reports/jobs.js';
import type { ReportPreview } from '../reports/writeReport.js';
import * as r from './reportSchemas.js';
import * as s from './schemas.js';
import type {
  AuditEntry,
  Member,
  MemberDetail,
  MemberPage,
  Organization,
  OrganizationNode,
  RestoreOutcome,
  SystemInfo,
} from './types.js';

interface Call<I extends z.ZodType, O> {
  input: I;
  /** Type-only: never read at run time. */
  output?: O;
}

function call<O>() {
  return <I extends z.ZodType>(input: I): Call<I, O> => ({ input });
}

export const contract = {
  'organizations.tree': call<OrganizationNode[]>()(s.empty),
  'organizations.get': call<Organization>()(s.byId),
  'organizations.create': call<Organization>()(s.organizationCreate),
  'organizations.update': call<Organization>()(s.organizationUpdate),
  'organizations.move': call<Organization>()(s.organizationMove),
  'organizations.reorder': call<Organization[]>()(s.organizationReorder),
  'organizations.remove': call<{ removed: number }>()(s.byId),

  'members.search': call<MemberPage>()(s.memberSearch),
  'members.get': call<MemberDetail>()(s.byId),
  'members.create': call<Member>()(s.memberCreate),
  'members.update': call<Member>()(s.memberUpdate),
  'members.move': call<Member>()(s.memberMove),
  'members.changeStatus': call<Member>()(s.memberChangeStatus),

  'accounts.search': call<AccountPage>()(a.accountSearch),
  'accounts.get': call<AccountDetail>()(s.byId),
  'accounts.create': call<Account>()(a.accountCreate),
  'accounts.update': call<Account>()(a.accountUpdate),
  'accounts.close': call<Account>()(a.accountClose),

  'filings.submit': call<Filing>()(a.filingSubmit),
  'filings.review': call<Filing>()(a.filingReview),
  'filings.resubmit': call<Filing>()(a.filingResubmit),
  'filings.bulkAccept': call<Filing[]>()(a.filingBulkAccept),
  'filings.queue': call<FilingQueueRow[]>()(a.filingQueue),
  'filings.attach': call<Attachment>()(a.attachmentAdd),
  'filings.attachment': call<AttachmentContent>()(s.byId),

  'requests.list': call<PublicationRequest[]>()(a.requestList),
  'requests.create': call<PublicationRequest>()(a.requestCreate),
  'requests.decide': call<PublicationRequest>()(a.requestDecide),
  'requests.published': call<PublicationRequest>()(a.requestPublished),

  'settings.get': call<LedgerSettings>()(s.empty),
  'settings.update': call<LedgerSettings>()(a.settingsUpdate),

  'dashboard.summary': call<Dashboard>()(a.dashboardQuery),
  'accounts.stateCounts': call<{ byFilingState: Record<string, number>; byRequiredFiling: Record<string, number> }>()(s.empty),

  'commendations.list': call<Commendation[]>()(c.commendationList),
  'commendations.get': call<Commendation>()(s.byId),
  'commendations.create': call<Commendation>()(c.commendationCreate),
  'commendations.update': call<Commendation>()(c.commendationUpdate),
  'commendations.withdraw': call<Commendation>()(c.commendationWithdraw),

  'protection.list': call<ProtectionCase[]>()(c.protectionList),
  'protection.get': call<ProtectionCase>()(s.byId),
  'protection.create': call<ProtectionCase>()(c.protectionCreate),
  'protection.update': call<ProtectionCase>()(c.protectionUpdate),
  'protection.addMeasure': call<ProtectionCase>()(c.protectionMeasure),
  'protection.close': call<ProtectionCase>()(c.protectionClose),

  'reviews.list': call<Campaign[]>()(s.empty),
  'reviews.create': call<Campaign>()(c.campaignCreate),
  'reviews.completion': call<CampaignCompletion>()(s.byId),
  'reviews.missing': call<{ total: number; rows: MissingMember[] }>()(c.campaignMissing),
  'reviews.declare': call<Declaration>()(c.declarationRecord),
  'reviews.close': call<Campaign>()(c.campaignClose),

  'reports.preview': call<ReportPreview>()(r.reportPreview),
  'reports.start': call<JobStatus>()(r.exportStart),
  'jobs.status': call<JobStatus>()(r.jobRef),
  'jobs.cancel': call<JobStatus>()(r.jobRef),
  /** A checked backup folder (register + scans) in the data folder's backups/, made off the main thread. */
  'system.backup': call<JobStatus>()(s.empty),
  'system.backups': call<{ fileName: string; sizeBytes: number; createdAt: string }[]>()(s.empty),
  /** Replaces the register with a listed backup; what it replaces is kept under replaced/ (admin action). */
  'system.restore': call<RestoreOutcome>()(s.backupRestore),

  'audit.list': call<AuditEntry[]>()(s.auditList),

  'system.info': call<SystemInfo>()(s.empty),
  'system.stats': call<Record<string, number>>()(s.empty),
  /** Fills an empty register with invented data (refused when anything is recorded). */
  'system.demo': call<DemoResult>()(s.demoGenerate),
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What a caller passes (defaults may be left out). */
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
/** What a handler receives (defaults filled in). */
export type HandlerInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = NonNullable<Contract[N]['output']>;

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}
