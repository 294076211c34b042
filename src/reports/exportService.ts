/** The contract's side of exports: preview, start a job (with a file name people recognise), status, cancel. */
import path from 'node:path';
import { LedgerError } from '../api/errors.js';
import type { ExportStart } from '../api/reportSchemas.js';
import { msg } from '../i18n/messages.js';
import type { ServiceContext } from '../services/context.js';
import { resolveScope } from './definition.js';
import type { ExportJobs, JobStatus } from './jobs.js';
import { REPORTS } from './writeReport.js';

function jobs(ctx: ServiceContext): ExportJobs {
  if (!ctx.jobs) throw new LedgerError('CONFLICT', msg.report.exportsUnavailable);
  return ctx.jobs;
}

/** 党员干部网络账号报备明细表_中共…委员会_20261125.xlsx — characters Windows forbids in names removed. */
export function suggestedFileName(title: string, unit: string, day: string, ext: string): string {
  return `${title}_${unit}_${day.replace(/-/g, '')}${ext}`.replace(/[\\/:*?"<>|\s]+/g, '');
}

export function startExport(ctx: ServiceContext, input: ExportStart): JobStatus {
  const scope = resolveScope(ctx, input);
  const ext = input.type === 'report' ? '.xlsx' : '.json';
  if (input.outPath && (!path.isAbsolute(input.outPath) || !input.outPath.toLowerCase().endsWith(ext))) {
    throw new LedgerError('VALIDATION', input.type === 'report' ? msg.report.notXlsx : msg.pkg.notJson);
  }
  const { type: _type, outPath, ...params } = input;
  const title = input.type === 'report' ? REPORTS[input.kind].title : `上报数据包_${input.period}`;
  const fileName = suggestedFileName(title, scope.organization.fullName, scope.today, ext);
  return input.type === 'report'
    ? jobs(ctx).start({ type: 'report', kind: input.kind, params, outPath, fileName })
    : jobs(ctx).start({ type: 'package', params: { ...params, period: input.period }, outPath, fileName });
}

export const exportStatus = (ctx: ServiceContext, jobId: string) => jobs(ctx).status(jobId);
/** Backups are named by the time to the second (UTC): ledger-20261125-180512.sqlite3. */
export const startBackup = (ctx: ServiceContext) => jobs(ctx).startBackup(ctx.clock().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-'));
export const listBackups = (ctx: ServiceContext) => jobs(ctx).backups();
export const cancelExport = (ctx: ServiceContext, jobId: string) => jobs(ctx).cancel(jobId);
