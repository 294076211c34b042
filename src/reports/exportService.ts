/** The contract's side of jobs: start an export (with a file name people recognise) or a backup, status, cancel. */
import path from 'node:path';
import { LedgerError } from '../api/errors.js';
import type { ExportStart } from '../api/reportSchemas.js';
import { exportFileName } from '../domain/fileNames.js';
import { msg } from '../i18n/messages.js';
import type { ServiceContext } from '../services/context.js';
import { resolveScope } from './definition.js';
import type { ExportJobs, JobStatus } from './jobs.js';
import { REPORTS } from './writeReport.js';

function jobs(ctx: ServiceContext): ExportJobs {
  if (!ctx.jobs) throw new LedgerError('CONFLICT', msg.report.exportsUnavailable);
  return ctx.jobs;
}

export function startExport(ctx: ServiceContext, input: ExportStart): JobStatus {
  const scope = resolveScope(ctx, input);
  const ext = input.type === 'report' ? '.xlsx' : '.json';
  if (input.outPath && (!path.isAbsolute(input.outPath) || !input.outPath.toLowerCase().endsWith(ext))) {
    throw new LedgerError('VALIDATION', input.type === 'report' ? msg.report.notXlsx : msg.pkg.notJson);
  }
  const { type: _type, outPath, ...params } = input;
  const title = input.type === 'report' ? REPORTS[input.kind].title : msg.pkg.fileTitle(input.period);
  const fileName = exportFileName(title, scope.organization.fullName, scope.today, ext);
  return input.type === 'report'
    ? jobs(ctx).start({ type: 'report', kind: input.kind, params, outPath, fileName })
    : jobs(ctx).start({ type: 'package', params: { ...params, period: input.period }, outPath, fileName });
}

export const jobStatus = (ctx: ServiceContext, jobId: string) => jobs(ctx).status(jobId);
export const startBackup = (ctx: ServiceContext) => jobs(ctx).startBackup(ctx.clock());
export const listBackups = (ctx: ServiceContext) => jobs(ctx).backups();
export const cancelJob = (ctx: ServiceContext, jobId: string) => jobs(ctx).cancel(jobId);
