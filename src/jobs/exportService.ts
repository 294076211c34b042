/** The contract's side of jobs: start an export (with a file name people recognise) or a backup, status, cancel. */
import path from 'node:path';
import { LedgerError } from '../contract/errors.js';
import type { HandlerInput } from '../contract/contract.js';
import type { ExportStart, JobStatus } from '../contract/reports.js';
import { exportFileName } from '../domain/fileNames.js';
import { msg } from '../i18n/messages.js';
import { resolveScope } from '../reports/definition.js';
import type { ExportJobs, JobContext } from './jobs.js';
import { REPORTS } from '../reports/writeReport.js';
import { formSubject } from '../reports/paperForms.js';
import { may } from '../contract/access.js';

function jobs(ctx: JobContext): ExportJobs {
  if (!ctx.jobs) throw new LedgerError('CONFLICT', msg.report.exportsUnavailable);
  return ctx.jobs;
}

export function startExport(ctx: JobContext, input: ExportStart): JobStatus {
  const scope = resolveScope(ctx, input);
  const ext = input.type === 'package' ? '.json' : '.xlsx';
  if (input.outPath && (!path.isAbsolute(input.outPath) || !input.outPath.toLowerCase().endsWith(ext))) {
    throw new LedgerError('VALIDATION', ext === '.json' ? msg.pkg.notJson : msg.report.notXlsx);
  }
  const fileName = (title: string) => exportFileName(title, scope.organization.fullName, scope.today, ext);
  if (input.type === 'reminders') {
    const params = { organizationId: input.organizationId, period: input.period };
    return jobs(ctx).start({ type: 'reminders', params, outPath: input.outPath, fileName: fileName(`${msg.consolidation.reminderTitle}_${input.period}`) });
  }
  if (input.type === 'form') {
    const { type: _type, outPath, ...form } = input;
    // Whole ID numbers on the form only for those who may see them on the member's page (as the 明细表).
    const params = { ...form, fullIdNumbers: ctx.caller === undefined || may(ctx.caller, 'members.update') };
    const subject = formSubject(ctx, params);
    const title = msg.paper.forms.fileTitle[input.form] + (subject ? `_${subject}` : '');
    return jobs(ctx).start({ type: 'form', params, outPath, fileName: fileName(title) });
  }
  const { type: _type, outPath, ...asked } = input;
  const params = { ...asked, fullIdNumbers: scope.fullIdNumbers, wholePhones: scope.wholePhones };
  return input.type === 'report'
    ? jobs(ctx).start({ type: 'report', kind: input.kind, params, outPath, fileName: fileName(REPORTS[input.kind].title) })
    : jobs(ctx).start({ type: 'package', params: { ...params, period: input.period }, outPath, fileName: fileName(msg.pkg.fileTitle(input.period)) });
}

export const jobStatus = (ctx: JobContext, { jobId }: HandlerInput<'jobs.status'>) => jobs(ctx).status(jobId);
export const startBackup = (ctx: JobContext) => jobs(ctx).startBackup(ctx.clock());
export const listBackups = (ctx: JobContext) => jobs(ctx).backups();
export const cancelJob = (ctx: JobContext, { jobId }: HandlerInput<'jobs.cancel'>) => jobs(ctx).cancel(jobId);
