/** Every contract name bound to the service function that answers it. TypeScript checks none is missing. */
import { schemaVersion } from '../db/migrate.js';
import { sqliteVersion } from '../db/software.js';
import { generateDemo } from '../demo/generate.js';
import { cancelJob, jobStatus, listBackups, startBackup, startExport } from '../jobs/exportService.js';
import { startImport, startTemplate, uploadImport } from '../jobs/importService.js';
import { previewReport } from '../reports/writeReport.js';
import { accountDetail } from '../services/accountDetail.js';
import { closeAccount, createAccount, updateAccount } from '../services/accounts.js';
import { searchAccounts } from '../services/accountSearch.js';
import { addAttachment, readAttachment } from '../services/attachments.js';
import { auditActors, listAudit } from '../services/audit.js';
import { createCommendation, listCommendations, updateCommendation, withdrawCommendation } from '../services/commendations.js';
import type { JobContext } from '../jobs/jobs.js';
import { dashboard } from '../services/dashboard.js';
import { bulkAccept, filingQueue, resubmitFiling, reviewFiling, submitFiling } from '../services/filings.js';
import { searchMembers } from '../services/memberSearch.js';
import { handoverAccount, leaveMember } from '../services/handover.js';
import { changeMemberStatus, createMember, memberDetail, moveMember, updateMember } from '../services/members.js';
import {
  createOrganization,
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
  listProtectionCases,
} from '../services/protection.js';
import { createRequest, decideRequest, listRequests, markPublished } from '../services/publicationRequests.js';
import { closeCampaign, createCampaign, listCampaigns, recordDeclaration } from '../services/campaigns.js';
import { campaignCompletion, missingMembers } from '../services/campaignCompletion.js';
import { getSettings, updateSettings } from '../services/settings.js';
import { deleteTemplate, listTemplates, saveTemplate } from '../services/reportTemplates.js';
import { authStatus, createOperator, listOperators, recoverAdmin, recoveryCodeSeen, setupAdmin, signIn, signOut, updateOperator } from '../services/operators.js';
import { accountStateCounts, tableCounts } from '../services/system.js';
import { importPackage, inspectPackage } from '../imports/packageImport.js';
import { consolidatedRows, missingSubmissions } from '../services/consolidation.js';
import { listSubmissions, submissionDiff } from '../services/submissions.js';
import type { CallName, CallOutput, HandlerInput } from '../contract/contract.js';
import { LedgerError } from '../contract/errors.js';
import type { RestoreOutcome } from '../contract/system.js';
import { msg } from '../i18n/messages.js';

export interface HostInfo {
  version: string;
  dataDir: string;
  /** Only a host that owns a data folder can swap its register (src/hosts/liveRestore.ts). */
  restore?: (fileName: string) => RestoreOutcome;
}

export type Handlers = { [N in CallName]: (ctx: JobContext, input: HandlerInput<N>) => CallOutput<N> };

export function handlers(host: HostInfo): Handlers {
  return {
    'organizations.tree': organizationTree,
    'organizations.create': createOrganization,
    'organizations.update': updateOrganization,
    'organizations.move': moveOrganization,
    'organizations.reorder': reorderOrganizations,
    'organizations.remove': removeOrganization,

    'members.search': searchMembers,
    'members.get': memberDetail,
    'members.create': createMember,
    'members.update': updateMember,
    'members.move': moveMember,
    'members.changeStatus': changeMemberStatus,
    'members.leave': leaveMember,

    'accounts.search': searchAccounts,
    'accounts.get': accountDetail,
    'accounts.create': createAccount,
    'accounts.update': updateAccount,
    'accounts.close': closeAccount,
    'accounts.handover': handoverAccount,

    'filings.submit': submitFiling,
    'filings.review': reviewFiling,
    'filings.resubmit': resubmitFiling,
    'filings.bulkAccept': bulkAccept,
    'filings.queue': filingQueue,
    'filings.attach': addAttachment,
    'filings.attachment': readAttachment,

    'requests.list': listRequests,
    'requests.create': createRequest,
    'requests.decide': decideRequest,
    'requests.published': markPublished,

    'settings.get': getSettings,
    'settings.update': updateSettings,

    'dashboard.summary': dashboard,
    'accounts.stateCounts': accountStateCounts,

    'commendations.list': listCommendations,
    'commendations.create': createCommendation,
    'commendations.update': updateCommendation,
    'commendations.withdraw': withdrawCommendation,

    'protection.list': listProtectionCases,
    'protection.create': createProtectionCase,
    'protection.addMeasure': addProtectionMeasure,
    'protection.close': closeProtectionCase,

    'campaigns.list': listCampaigns,
    'campaigns.create': createCampaign,
    'campaigns.completion': campaignCompletion,
    'campaigns.missing': missingMembers,
    'campaigns.declare': recordDeclaration,
    'campaigns.close': closeCampaign,

    'reports.preview': previewReport,
    'reports.start': startExport,
    'jobs.status': jobStatus,
    'jobs.cancel': cancelJob,
    'reportTemplates.list': listTemplates,
    'reportTemplates.save': saveTemplate,
    'reportTemplates.delete': deleteTemplate,
    'system.backup': startBackup,
    'system.backups': listBackups,

    'audit.list': listAudit,
    'audit.actors': auditActors,

    'imports.upload': uploadImport,
    'imports.start': startImport,
    'imports.template': startTemplate,

    'system.info': (ctx) => ({
      version: host.version,
      schemaVersion: schemaVersion(ctx.db),
      sqliteVersion: sqliteVersion(ctx.db),
      dataDir: host.dataDir,
      actor: ctx.actor,
    }),
    'system.stats': tableCounts,
    'system.demo': generateDemo,
    'system.restore': (_ctx, { fileName }) => {
      if (!host.restore) throw new LedgerError('CONFLICT', msg.restore.unavailable);
      return host.restore(fileName);
    },

    'consolidation.inspect': inspectPackage,
    'consolidation.import': importPackage,
    'consolidation.list': listSubmissions,
    'consolidation.diff': submissionDiff,
    'consolidation.missing': missingSubmissions,
    'consolidation.rows': consolidatedRows,

    'auth.status': authStatus,
    'auth.setup': setupAdmin,
    'auth.signIn': signIn,
    'auth.recover': recoverAdmin,
    'auth.signOut': signOut,
    'auth.recoveryCodeSeen': recoveryCodeSeen,
    'operators.list': listOperators,
    'operators.create': createOperator,
    'operators.update': updateOperator,
  };
}
