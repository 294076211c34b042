/** Every contract name bound to the service function that answers it. TypeScript checks none is missing. */
import { schemaVersion } from '../db/migrate.js';
import { generateDemo } from '../demo/generate.js';
import { cancelJob, jobStatus, listBackups, startBackup, startExport } from '../reports/exportService.js';
import { previewReport } from '../reports/writeReport.js';
import { accountDetail } from '../services/accountDetail.js';
import { closeAccount, createAccount, updateAccount } from '../services/accounts.js';
import { searchAccounts } from '../services/accountSearch.js';
import { addAttachment, readAttachment } from '../services/attachments.js';
import { listAudit } from '../services/audit.js';
import { createCommendation, getCommendation, listCommendations, updateCommendation, withdrawCommendation } from '../services/commendations.js';
import type { ServiceContext } from '../services/context.js';
import { dashboard } from '../services/dashboard.js';
import { bulkAccept, filingQueue, resubmitFiling, reviewFiling, submitFiling } from '../services/filings.js';
import { searchMembers } from '../services/memberSearch.js';
import { changeMemberStatus, createMember, memberDetail, moveMember, updateMember } from '../services/members.js';
import {
  createOrganization,
  getOrganization,
  moveOrganization,
  organizationTree,
  removeOrganization,
  reorderOrganizations,
  updateOrganization,
} from '../services/organizations.js';
import {
  addProtectionMeasure,
  closeProtectionCase,
  createProtectionCase,
  getProtectionCase,
  listProtectionCases,
  updateProtectionCase,
} from '../services/protection.js';
import { createRequest, decideRequest, listRequests, markPublished } from '../services/publicationRequests.js';
import { closeCampaign, createCampaign, listCampaigns, recordDeclaration } from '../services/reviewCampaigns.js';
import { campaignCompletion, missingMembers } from '../services/reviewCompletion.js';
import { getSettings, updateSettings } from '../services/settings.js';
import { accountStateCounts, tableCounts } from '../services/system.js';
import { msg } from '../i18n/messages.js';
import type { CallName, CallOutput, HandlerInput } from './contract.js';
import { LedgerError } from './errors.js';
import type { RestoreOutcome } from './types.js';

export interface HostInfo {
  version: string;
  dataDir: string;
  /** Only a host that owns a data folder can swap its register (src/hosts/ledger.ts). */
  restore?: (fileName: string) => RestoreOutcome;
}

export type Handlers = { [N in CallName]: (ctx: ServiceContext, input: HandlerInput<N>) => CallOutput<N> };

export function handlers(host: HostInfo): Handlers {
  return {
    'organizations.tree': (ctx) => organizationTree(ctx),
    'organizations.get': (ctx, i) => getOrganization(ctx, i.id),
    'organizations.create': createOrganization,
    'organizations.update': updateOrganization,
    'organizations.move': (ctx, i) => moveOrganization(ctx, i.id, i.parentId),
    'organizations.reorder': (ctx, i) => reorderOrganizations(ctx, i.parentId, i.orderedIds),
    'organizations.remove': (ctx, i) => removeOrganization(ctx, i.id),

    'members.search': searchMembers,
    'members.get': (ctx, i) => memberDetail(ctx, i.id),
    'members.create': createMember,
    'members.update': updateMember,
    'members.move': (ctx, i) => moveMember(ctx, i.id, i.organizationId),
    'members.changeStatus': (ctx, i) => changeMemberStatus(ctx, i.id, i.status, i.date ?? null),

    'accounts.search': searchAccounts,
    'accounts.get': (ctx, i) => accountDetail(ctx, i.id),
    'accounts.create': createAccount,
    'accounts.update': updateAccount,
    'accounts.close': (ctx, i) => closeAccount(ctx, i.id, i.closedOn, i.reason),

    'filings.submit': submitFiling,
    'filings.review': (ctx, i) => reviewFiling(ctx, i.id, i.decision, i.reviewedOn, i.opinion),
    'filings.resubmit': (ctx, i) => resubmitFiling(ctx, i.id, i.submittedOn, i.opinion),
    'filings.bulkAccept': (ctx, i) => bulkAccept(ctx, i.ids, i.reviewedOn, i.opinion),
    'filings.queue': filingQueue,
    'filings.attach': (ctx, i) => addAttachment(ctx, i.filingId, i.fileName, i.contentBase64),
    'filings.attachment': (ctx, i) => readAttachment(ctx, i.id),

    'requests.list': listRequests,
    'requests.create': createRequest,
    'requests.decide': (ctx, i) => decideRequest(ctx, i.id, i.decision, i.decidedBy, i.decidedOn),
    'requests.published': (ctx, i) => markPublished(ctx, i.id, i.publishedOn),

    'settings.get': (ctx) => getSettings(ctx),
    'settings.update': updateSettings,

    'dashboard.summary': (ctx, i) => dashboard(ctx, i.organizationId),
    'accounts.stateCounts': (ctx) => accountStateCounts(ctx),

    'commendations.list': listCommendations,
    'commendations.get': (ctx, i) => getCommendation(ctx, i.id),
    'commendations.create': createCommendation,
    'commendations.update': updateCommendation,
    'commendations.withdraw': (ctx, i) => withdrawCommendation(ctx, i.id, i.withdrawnOn, i.reason),

    'protection.list': listProtectionCases,
    'protection.get': (ctx, i) => getProtectionCase(ctx, i.id),
    'protection.create': createProtectionCase,
    'protection.update': updateProtectionCase,
    'protection.addMeasure': addProtectionMeasure,
    'protection.close': (ctx, i) => closeProtectionCase(ctx, i.id, i.closedOn, i.outcome),

    'reviews.list': (ctx) => listCampaigns(ctx),
    'reviews.create': createCampaign,
    'reviews.completion': (ctx, i) => campaignCompletion(ctx, i.id),
    'reviews.missing': (ctx, i) => missingMembers(ctx, i.id, i.organizationId, i.limit),
    'reviews.declare': recordDeclaration,
    'reviews.close': (ctx, i) => closeCampaign(ctx, i.id),

    'reports.preview': (ctx, { kind, ...params }) => previewReport(ctx, kind, params),
    'reports.start': startExport,
    'jobs.status': (ctx, i) => jobStatus(ctx, i.jobId),
    'jobs.cancel': (ctx, i) => cancelJob(ctx, i.jobId),
    'system.backup': (ctx) => startBackup(ctx),
    'system.backups': (ctx) => listBackups(ctx),
    'system.restore': (_ctx, i) => {
      if (!host.restore) throw new LedgerError('CONFLICT', msg.restore.unavailable);
      return host.restore(i.fileName);
    },

    'audit.list': listAudit,

    'system.info': (ctx) => ({
      version: host.version,
      schemaVersion: schemaVersion(ctx.db),
      dataDir: host.dataDir,
      actor: ctx.actor,
    }),
    'system.stats': (ctx) => tableCounts(ctx),
    'system.demo': generateDemo,
  };
}
