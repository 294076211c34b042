/**
 * `netledger import members|accounts FILE [--dry-run] [--errors OUT.xlsx] [--valid-only] [--update] [--org CODE] [--json]`
 * and `netledger template members|accounts --out F.xlsx`: the same upload, jobs and outcome as the window.
 * Exit 0 when imported (or previewed without refusals), 1 when refused — nothing changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../contract/errors.js';
import { IMPORT_FIELDS, IMPORT_KINDS, type ImportKind, type ImportOutcome } from '../contract/importOutcome.js';
import { msg } from '../i18n/messages.js';
import { explain } from '../imports/errorWorkbook.js';
import { call, organizationIdByCode, UsageError, type CliIo } from './cliSupport.js';
import type { Ledger } from './ledger.js';

type Values = Record<string, string | boolean | undefined>;

export function checkImportLine(command: 'import' | 'template', positionals: string[], values: Values): void {
  const kind = positionals[1];
  if (!IMPORT_KINDS.includes(kind as ImportKind)) throw new UsageError(msg.cli.importKind);
  if (command === 'import' && !positionals[2]) throw new UsageError(msg.cli.importFile);
  if (command === 'template' && !values.out) throw new UsageError(msg.cli.missingValue('--out'));
}

async function finished(ledger: Ledger, id: string) {
  const status = await ledger.jobs.wait(id);
  if (status.state !== 'done') throw new LedgerError('CONFLICT', status.error ?? msg.imports.failed);
  return status;
}

export async function importCommand(ledger: Ledger, command: 'import' | 'template', positionals: string[], values: Values, io: CliIo): Promise<number> {
  const kind = positionals[1] as ImportKind;
  if (command === 'template') {
    const status = await finished(ledger, call(ledger, 'imports.template', { kind, outPath: path.resolve(String(values.out)) }).id);
    io.out(msg.cli.templateDone(status.file!));
    return 0;
  }
  const file = positionals[2]!;
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch {
    throw new UsageError(msg.cli.importUnreadable(file));
  }
  const uploadId = ledger.jobs.saveUpload(path.basename(file), content);
  const started = call(ledger, 'imports.start', {
    kind,
    uploadId,
    mode: values['dry-run'] ? 'preview' : 'run',
    onExisting: values.update ? 'update' : 'skip',
    validOnly: Boolean(values['valid-only']),
    organizationId: typeof values.org === 'string' ? organizationIdByCode(ledger, values.org) : undefined,
    writeErrors: typeof values.errors === 'string',
    outPath: typeof values.errors === 'string' ? path.resolve(values.errors) : undefined,
  });
  const outcome = (await finished(ledger, started.id)).outcome!;
  if (values.json) io.out(JSON.stringify(outcome, null, 2));
  else printOutcome(outcome, io, typeof values.errors === 'string' ? path.resolve(values.errors) : null);
  if (outcome.missingFields.length) return 1;
  const ok = outcome.mode === 'preview' ? outcome.counts.refused === 0 : outcome.imported || outcome.counts.add + outcome.counts.update === 0;
  return ok && (outcome.counts.refused === 0 || outcome.imported) ? 0 : 1;
}

function printOutcome(o: ImportOutcome, io: CliIo, errorsPath: string | null): void {
  if (o.missingFields.length) {
    io.err(missingMessage(o));
    return;
  }
  const out = o.counts.refused && !o.imported ? io.err : io.out;
  for (const r of o.rows.filter((r) => r.action === 'refused').slice(0, 50)) io.err(msg.cli.importRow(r.row, r.label, explain(r.problems).replace(/\n/g, ' ')));
  out(msg.cli.importCounts(o));
  if (o.errorFile && errorsPath) io.out(msg.cli.importErrors(errorsPath));
}

/** What the sheet lacks, as the person can fix it on the command line (a mapping is chosen in the window). */
export function missingMessage(o: ImportOutcome): string {
  const labels = IMPORT_FIELDS[o.kind].filter((f) => o.missingFields.includes(f.key) && f.key !== 'organization').map((f) => f.label);
  return labels.length ? msg.imports.missingColumns(labels) : msg.imports.organizationNeeded;
}
