/** The contract's side of imports: keep the chosen file, start a preview or an import, write a template. */
import crypto from 'node:crypto';
import path from 'node:path';
import type { HandlerInput } from '../contract/contract.js';
import { LedgerError } from '../contract/errors.js';
import type { ImportUploaded } from '../contract/importOutcome.js';
import type { JobStatus } from '../contract/reports.js';
import { exportFileName } from '../domain/fileNames.js';
import { localDay } from '../domain/dates.js';
import { msg } from '../i18n/messages.js';
import type { ExportJobs, JobContext } from './jobs.js';

function jobs(ctx: JobContext): ExportJobs {
  if (!ctx.jobs) throw new LedgerError('CONFLICT', msg.report.exportsUnavailable);
  return ctx.jobs;
}

function checkOutPath(outPath: string | undefined): void {
  if (outPath && (!path.isAbsolute(outPath) || !outPath.toLowerCase().endsWith('.xlsx'))) throw new LedgerError('VALIDATION', msg.imports.notXlsx);
}

export function uploadImport(ctx: JobContext, { fileName, contentBase64 }: HandlerInput<'imports.upload'>): ImportUploaded {
  const content = Buffer.from(contentBase64, 'base64');
  const uploadId = jobs(ctx).saveUpload(fileName, content);
  return { uploadId, fileName, sizeBytes: content.length, sha256: crypto.createHash('sha256').update(content).digest('hex') };
}

export function startImport(ctx: JobContext, input: HandlerInput<'imports.start'>): JobStatus {
  const upload = jobs(ctx).upload(input.uploadId);
  if (!upload) throw new LedgerError('NOT_FOUND', msg.imports.uploadGone);
  checkOutPath(input.outPath);
  const { uploadId: _id, outPath, writeErrors, ...rest } = input;
  const fileName = exportFileName(msg.imports.fileTitle[input.kind], path.parse(upload.fileName).name, localDay(ctx.clock()), '.xlsx');
  return jobs(ctx).start({ type: 'import', request: { ...rest, file: upload.file, fileName: upload.fileName }, writeErrors, outPath, fileName });
}

export function startTemplate(ctx: JobContext, { kind, outPath }: HandlerInput<'imports.template'>): JobStatus {
  checkOutPath(outPath);
  return jobs(ctx).start({ type: 'template', kind, outPath, fileName: `${msg.imports.template.sheet[kind]}导入模板.xlsx` });
}
