/** 导入: members and accounts from spreadsheets — uploading the file, preview and import jobs, templates. */
import { z } from 'zod';
import { isCanonicalBase64 } from '../domain/base64.js';
import { msg } from '../i18n/messages.js';
import { cleanString, id, job, text } from './common.js';
import type { JobStatus } from './reports.js';
import { IMPORT_FIELDS, IMPORT_KINDS, type ImportUploaded } from './importOutcome.js';

/** 20 MB as base64 (what the browser host's 30 MB body holds). */
const MAX_BASE64 = Math.ceil((20 * 1024 * 1024) / 3) * 4;

export const importUpload = z.object({
  fileName: text('文件名', 200),
  // Canonical base64 only, as for scanned forms: a lenient decoder would import a different file from the one chosen.
  contentBase64: cleanString('文件内容', { refusal: msg.input.base64 })
    .min(1, { error: msg.imports.empty })
    .max(MAX_BASE64, { error: msg.imports.tooLarge(20 * 1024 * 1024) })
    .refine(isCanonicalBase64, { error: msg.input.base64 }),
});

const outPath = cleanString('保存位置').max(1000).optional();

/** A column (0-based) or none, for each field either kind knows: no free-form key a page could send. */
const column = z.number().int().min(0).max(199).nullable().optional();
const mapping = z
  .object(Object.fromEntries([...IMPORT_FIELDS.members, ...IMPORT_FIELDS.accounts].map((f) => [f.key, column])))
  .strict()
  .transform((m) => m as Record<string, number | null>);

export const importStart = z.object({
  kind: z.enum(IMPORT_KINDS, { error: '请选择导入党员还是网络账号。' }),
  uploadId: cleanString('导入文件').uuid(),
  /** preview: a dry run that changes nothing; run: the import itself. */
  mode: z.enum(['preview', 'run']),
  /** Field key → 0-based column; left out: recognised from the header (or remembered for this header). */
  mapping: mapping.optional(),
  /** A row whose ID number (members) or account is already registered: update it, or leave it as it is. */
  onExisting: z.enum(['update', 'skip']).default('skip'),
  /** Import the valid rows and list the refused ones, instead of all or nothing. */
  validOnly: z.boolean().default(false),
  /** Members: the organization for rows without one (a sheet from one branch often has no such column). */
  organizationId: id.optional(),
  /** Whether refused rows are written to an error workbook: to outPath (desktop save dialog, CLI), or for download. */
  writeErrors: z.boolean().default(true),
  outPath,
});

export const templateStart = z.object({ kind: z.enum(IMPORT_KINDS, { error: '请选择模板。' }), outPath });

export type ImportStart = z.output<typeof importStart>;
export type TemplateStart = z.output<typeof templateStart>;

/** The calls of this feature: name → what it does, its input schema and output type. */
export const importsCalls = {
  /** Keeps the chosen file in the data folder for the preview and the import that follow. */
  'imports.upload': job<ImportUploaded>()(importUpload),
  /** A preview or an import, run by a worker; `jobs.status` follows it and carries the outcome when done. */
  'imports.start': job<JobStatus>()(importStart),
  'imports.template': job<JobStatus>()(templateStart),
};
