/**
 * THE contract: every call the console can make, by name, with its input schema and output type.
 * The registry, the IPC bridge, the HTTP host, the CLI and the renderer's client are all typed from it.
 */
import type { z } from 'zod';
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
import * as r from './reportSchemas.js';
import type { JobStatus, ReportPreview } from './reportSchemas.js';
import { LedgerError, type RpcResult } from './errors.js';
import * as s from './schemas.js';
import type {
  AuditEntry,
  DemoResult,
  Member,
  MemberDetail,
  MemberPage,
  Organization,
  OrganizationNode,
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
  'commendations.create': call<Commendation>()(c.commendationCreate),
  'commendations.update': call<Commendation>()(c.commendationUpdate),
  'commendations.withdraw': call<Commendation>()(c.commendationWithdraw),

  'protection.list': call<ProtectionCase[]>()(c.protectionList),
  'protection.create': call<ProtectionCase>()(c.protectionCreate),
  'protection.addMeasure': call<ProtectionCase>()(c.protectionMeasure),
  'protection.close': call<ProtectionCase>()(c.protectionClose),

  'campaigns.list': call<Campaign[]>()(s.empty),
  'campaigns.create': call<Campaign>()(c.campaignCreate),
  'campaigns.completion': call<CampaignCompletion>()(s.byId),
  'campaigns.missing': call<{ total: number; rows: MissingMember[] }>()(c.campaignMissing),
  'campaigns.declare': call<Declaration>()(c.declarationRecord),
  'campaigns.close': call<Campaign>()(c.campaignClose),

  'reports.preview': call<ReportPreview>()(r.reportPreview),
  'reports.start': call<JobStatus>()(r.exportStart),
  'jobs.status': call<JobStatus>()(r.jobRef),
  'jobs.cancel': call<JobStatus>()(r.jobRef),
  /** A consistent copy of the register into the data folder's backups/, off the main thread. */
  'system.backup': call<JobStatus>()(s.empty),
  'system.backups': call<{ fileName: string; sizeBytes: number; createdAt: string }[]>()(s.empty),

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

/** A call's value typed by its name; a refusal becomes a LedgerError carrying the same code, message and details. */
export function valueOf<N extends CallName>(result: RpcResult): CallOutput<N> {
  if (!result.ok) throw new LedgerError(result.error.code, result.error.message, result.error.details);
  return result.value as CallOutput<N>;
}

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}
