/**
 * One import, preview or run: read the sheet (limits, streaming), find the header, map the columns, check every row
 * as the forms would, and — for a run — write all rows in one transaction (see importTransaction.ts), or only the
 * valid ones when the person chose so, with one audit entry for the import (file name, SHA-256, counts) that chains
 * its row changes (audit_changes, by their count and SHA-256).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { IMPORT_FIELDS, type ImportKind, type ImportOutcome, type RowAction, type RowOutcome } from '../contract/importOutcome.js';
import { deferMemberDerivations } from '../db/memberBulk.js';
import { msg } from '../i18n/messages.js';
import { recordAudit } from '../services/audit.js';
import type { ServiceContext } from '../services/context.js';
import { accountImporter } from './accountImport.js';
import { writeErrorWorkbook, type RefusedRow } from './errorWorkbook.js';
import { findHeader, headerFingerprint, proposeMapping, rememberMapping, rememberedMapping } from './headerMapping.js';
import { ImportCancelled, readSheet, type SheetRow } from './sheetReader.js';
import { ImportRefused, LIMITS } from './limits.js';
import { ImportTransaction } from './importTransaction.js';
import { memberImporter, type CheckedRow } from './memberImport.js';

export interface ImportRequest {
  kind: ImportKind;
  file: string;
  fileName: string;
  mode: 'preview' | 'run';
  mapping?: Record<string, number | null>;
  onExisting: 'update' | 'skip';
  validOnly: boolean;
  organizationId?: number;
  /** Where the error workbook goes when rows are refused (and its temporary file); none: not written. */
  errors?: { outPath: string; temp: string };
}

export interface ImportProgress {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** The window lists this many row outcomes (refused first); the counts and the error workbook cover all. */
const LISTED = 2000;

export function sha256Of(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

const isEmpty = (r: SheetRow) => r.cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

function missingFields(kind: ImportKind, mapping: Record<string, number | null>, request: ImportRequest): string[] {
  const missing = IMPORT_FIELDS[kind].filter((f) => f.required && (mapping[f.key] === null || mapping[f.key] === undefined)).map((f) => f.key);
  if (kind === 'members' && mapping.organization === null && !request.organizationId) missing.push('organization');
  return missing;
}

export async function runImport(ctx: ServiceContext, request: ImportRequest, progress: ImportProgress = {}): Promise<ImportOutcome> {
  const { kind } = request;
  const sha256 = sha256Of(request.file);
  const rows = readSheet(request.file, request.fileName, { signal: progress.signal });
  const top: SheetRow[] = [];
  // Not `for await … break`: that would close the reader, and the data rows follow.
  while (top.length < LIMITS.headerSearchRows) {
    const next = await rows.next();
    if (next.done) break;
    top.push(next.value);
  }
  const header = findHeader(kind, top);
  if (!header) {
    await rows.return(undefined);
    throw new ImportRefused(msg.imports.noRows);
  }
  const fingerprint = headerFingerprint(kind, header.columns);
  const remembered = request.mapping ? null : rememberedMapping(ctx, fingerprint);
  const mapping = { ...proposeMapping(kind, []), ...(request.mapping ?? remembered ?? proposeMapping(kind, header.columns)) };
  const outcome = { kind, fileName: request.fileName, sha256, mode: request.mode, headerRow: header.row, columns: header.columns, mapping, rememberedMapping: remembered !== null };
  const missing = missingFields(kind, mapping, request);
  if (missing.length) {
    // The window shows the columns for the person to map; nothing is checked or written until then.
    await rows.return(undefined);
    const counts = { rows: 0, add: 0, update: 0, unchanged: 0, skip: 0, refused: 0 };
    return { ...outcome, missingFields: missing, counts, rows: [], listedAll: false, imported: false, errorFile: false };
  }

  const labels = new Map(IMPORT_FIELDS[kind].map((f) => [f.key, f.label]));
  const columnOf = (field: string) => {
    const i = mapping[field];
    return (i !== null && i !== undefined ? header.columns[i] : undefined) || labels.get(field) || field;
  };
  const options = { mapping, columnOf, onExisting: request.onExisting, organizationId: request.organizationId };
  const checkRow = kind === 'members' ? memberImporter(ctx, options) : accountImporter(ctx, options);

  const counts: Record<RowAction, number> & { rows: number } = { rows: 0, add: 0, update: 0, unchanged: 0, skip: 0, refused: 0 };
  const listed: RowOutcome[] = [];
  const refusedRows: RefusedRow[] = [];
  const transaction = new ImportTransaction(ctx, request.mode === 'run', !request.validOnly, kind === 'members' ? (c) => deferMemberDerivations(c.db) : undefined);
  const take = (r: SheetRow, checked: CheckedRow) => {
    counts.rows++;
    counts[checked.action]++;
    transaction.row(checked);
    if (checked.action === 'refused') refusedRows.push({ row: r.row, label: checked.label, cells: r.cells, problems: checked.problems });
    else if (listed.length < LISTED) listed.push({ row: r.row, action: checked.action, label: checked.label, problems: [] });
    if (counts.rows % 1000 === 0) progress.onProgress?.(counts.rows, 0);
  };
  /** Checks and takes a row; true every 1000 rows, when the worker's message queue should run. */
  const each = (r: SheetRow): boolean => {
    if (isEmpty(r)) return false;
    take(r, checkRow(r.cells, r.row));
    return counts.rows % 1000 === 0;
  };
  // A cancel arrives as a message: stop when told.
  const pause = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    if (progress.signal?.aborted) throw new ImportCancelled();
  };
  let imported: boolean;
  try {
    // The rows read while looking for the header, then the rest straight from the reader (no generator between).
    for (const r of top) if (r.row > header.row && each(r)) await pause();
    for await (const r of rows) if (each(r)) await pause();
    if (counts.rows === 0) throw new ImportRefused(msg.imports.noRows);
    imported = transaction.commit((changes) => {
      rememberMapping(ctx, fingerprint, mapping);
      const rowChanges = changes.summary();
      recordAudit(ctx, {
        entity: 'import',
        entityId: 0,
        action: 'import',
        summary: msg.imports.auditSummary(kind, request.fileName, counts),
        after: { fileName: request.fileName, sha256, counts, refusedRows: refusedRows.map((r) => r.row), ...(rowChanges ? { changes: rowChanges } : {}) },
      });
      if (rowChanges) changes.sealed();
    });
  } finally {
    transaction.rollback();
  }
  const errorFile = refusedRows.length > 0 && request.errors !== undefined;
  if (errorFile) await writeErrorWorkbook(request.errors!.outPath, request.errors!.temp, header.columns, refusedRows);
  const refusedListed = refusedRows.slice(0, LISTED).map((r) => ({ row: r.row, action: 'refused' as const, label: r.label, problems: r.problems }));
  const all = [...refusedListed, ...listed].slice(0, LISTED);
  progress.onProgress?.(counts.rows, counts.rows);
  return {
    ...outcome,
    missingFields: [],
    counts,
    rows: all,
    listedAll: all.length === counts.rows,
    imported,
    errorFile,
  };
}
