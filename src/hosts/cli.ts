/**
 * `netledger` command line: a host over the same registry as the window. Exit 0 on success; otherwise
 * a Chinese message on stderr and exit 1 (refused by the register) or 2 (bad command line).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { OrganizationNode } from '../contract/organizations.js';
import { LedgerError } from '../contract/errors.js';
import { templateName } from '../domain/reportTemplates.js';
import { checkDataFolder, checkRegister } from '../db/check.js';
import { loadMigrations } from '../db/migrate.js';
import { databasePath, isPlainDatabase, openDatabase } from '../db/open.js';
import { readKeyStore } from '../db/keys.js';
import { discardRestore, installRestore, sourceParts, stageRestore } from '../db/restore.js';
import { describeProblems } from '../db/verify.js';
import { engineVersions } from '../db/software.js';
import { APP_VERSION } from '../domain/version.js';
import { DEFAULT_DATA_DIR, openLedger, type Ledger } from './ledger.js';
import { msg } from '../i18n/messages.js';
import { startBrowserMode } from './browserMode.js';
import { checkImportLine, importCommand } from './cliImport.js';
import { importPackageCommand, missingCommand, transferPassword } from './cliPackage.js';
import { call, organizationIdByCode, UsageError, type CliIo } from './cliSupport.js';
import { makeNewFilesPrivate } from './dataFolder.js';

export type { CliIo } from './cliSupport.js';

/** A 明细表 template by the name people know it by (as the window lists them). */
function templateIdByName(ledger: Ledger, name: string): number {
  // Stored names are normalised (full-width letters, odd spaces): the typed one is compared the same way.
  const found = call(ledger, 'reportTemplates.list', {}).find((t) => t.name === templateName(name));
  if (!found) throw new LedgerError('NOT_FOUND', msg.paper.template.notFoundByName(name));
  return found.id;
}
import { keyFromCli, signInFromCli } from './cliSignIn.js';

const OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  members: { type: 'string' },
  seed: { type: 'string' },
  port: { type: 'string' },
  org: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  campaign: { type: 'string' },
  listing: { type: 'string' },
  'with-submissions': { type: 'string' },
  template: { type: 'string' },
  days: { type: 'string' },
  date: { type: 'string' },
  period: { type: 'string' },
  out: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'transfer-password': { type: 'string' },
  protect: { type: 'boolean' },
  'whole-id-numbers': { type: 'boolean' },
  yes: { type: 'boolean' },
  errors: { type: 'string' },
  'valid-only': { type: 'boolean' },
  update: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  admin: { type: 'string' },
} as const;

function positiveInt(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(msg.cli.badNumber(flag));
  return Number(value);
}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    const e = err as { code?: string; message: string };
    const flag = /'([^']+)'/.exec(e.message)?.[1] ?? '';
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(msg.cli.missingValue(flag));
    throw new UsageError(msg.cli.unknownOption(flag));
  }
}

/** Runs an export job to its end; what to tell the person, or the job's failure. */
async function exportFile(ledger: Ledger, input: unknown): Promise<string> {
  const finished = await ledger.jobs.wait(call(ledger, 'reports.start', input).id);
  if (finished.state !== 'done') throw new LedgerError('INTERNAL', finished.error ?? msg.report.failed);
  return msg.cli.exported(finished.file!, finished.total);
}

function printTree(nodes: OrganizationNode[], io: CliIo): void {
  for (const n of nodes) io.out(`${'  '.repeat(n.depth)}${n.code}  ${n.fullName}（${n.type}，在册 ${n.subtreeActiveMembers} 人）`);
}

/** `serve`: resolves when the server is stopped with Ctrl+C (or SIGTERM). */
async function serve(dataDir: string, port: number, io: CliIo): Promise<number> {
  const running = await startBrowserMode(dataDir, { ports: [port], onNotice: io.err });
  io.out(msg.cli.serving(running.url));
  await new Promise<void>((resolve) => {
    const stop = () => void running.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

/** `check`: read-only, so it never creates, upgrades or repairs the register it looks at. */
async function check(dataDir: string, json: boolean | undefined, io: CliIo): Promise<number> {
  const dir = path.resolve(dataDir);
  const key = await keyFromCli([dir], io, msg.crypt.wrongPassword);
  const report = checkDataFolder(dir, loadMigrations().length, { key });
  if (json) io.out(JSON.stringify(report, null, 2));
  else if (report.ok) io.out(msg.check.ok(report.attachments));
  else {
    io.err(msg.check.failed(report.problems.length));
    for (const p of report.problems) io.err(`  ${p.message}`);
  }
  return report.ok ? 0 : 1;
}

/** `restore`: the backup is checked before the person is asked, and nothing is touched unless they agree. */
async function restore(dataDir: string, source: string | undefined, yes: boolean | undefined, io: CliIo): Promise<number> {
  if (!source) throw new UsageError(msg.cli.restoreSourceMissing);
  if (!yes && !io.ask) throw new UsageError(msg.cli.restoreNeedsYes);
  const dir = path.resolve(dataDir);
  const knownVersion = loadMigrations().length;
  // One password: the backup's keys.json (the passwords of its day) or the data folder's give the same key.
  const parts = sourceParts(dir, path.resolve(source));
  const found = await keyFromCli([...(parts.keys ? [path.dirname(parts.keys)] : []), dir], io, msg.crypt.restoreWrongPassword);
  const key = isPlainDatabase(parts.db) ? undefined : found;
  const liveKey = readKeyStore(dir) ? found : undefined;
  const staged = stageRestore(dir, source, { knownVersion, now: new Date(), key });
  let keptAs: string | null;
  try {
    io.out(msg.cli.restorePlan(staged));
    if (!yes && !/^(y|yes|是)$/i.test((await io.ask!(msg.cli.restoreConfirm)).trim())) {
      discardRestore(staged);
      io.out(msg.cli.restoreCancelled);
      return 1;
    }
    keptAs = installRestore(staged, { key: liveKey }).keptAs;
  } catch (err) {
    discardRestore(staged);
    throw err;
  }
  // Checked as `check` would, then opened once, which upgrades a backup from an earlier release; in this order
  // the last connection to close is a writer, which removes the WAL instead of leaving it beside the file.
  const report = checkRegister(dir, knownVersion, { key }, staged.structure);
  if (!report.ok) throw new LedgerError('INTERNAL', msg.restore.reopenProblems(describeProblems(report.problems)));
  openDatabase(databasePath(dir), { key }).close();
  io.out(msg.cli.restored(staged.source, keptAs));
  return 0;
}

/** Runs one command; resolves to the exit code. `serve` resolves only when the server stops. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let ledger: Ledger | undefined;
  // Every command may write into the data folder (restore and check open no ledger, yet write copies): private files.
  makeNewFilesPrivate();
  try {
    const { values, positionals } = parse(argv);
    const command = positionals[0];
    if (values.version) {
      io.out(msg.about.text({ version: APP_VERSION, buildDate: null, ...engineVersions() }));
      return 0;
    }
    if (values.help || !command) {
      io.out(msg.cli.usage);
      return command || values.help ? 0 : 2;
    }
    if (!['init', 'demo', 'serve', 'orgs', 'stats', 'report', 'export-package', 'backup', 'restore', 'check', 'import', 'missing', 'template'].includes(command)) {
      throw new UsageError(msg.cli.unknownCommand(command));
    }
    const dataDir = values['data-dir'] ?? DEFAULT_DATA_DIR;
    // Browser mode runs the register in the core's own threads, not on this one.
    if (command === 'serve') return await serve(dataDir, positiveInt(values.port, '--port', 0), io);
    if (command === 'check') return await check(dataDir, values.json, io);
    if (command === 'restore') return await restore(dataDir, positionals[1], values.yes, io);
    const out = values.out === undefined ? undefined : path.resolve(values.out);
    if (command === 'backup' && out && !fs.statSync(out, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(msg.cli.outNotFolder(out));
    if ((command === 'report' || command === 'export-package') && !values.out) throw new UsageError(msg.cli.missingValue('--out'));
    if (command === 'report' && !positionals[1]) throw new UsageError(msg.cli.reportKindMissing);
    const importsPackage = command === 'import' && positionals[1] === 'package';
    if (importsPackage && !positionals[2]) throw new UsageError(msg.consolidationCli.fileMissing);
    if ((command === 'import' && !importsPackage) || command === 'template') checkImportLine(command, positionals, values);
    if (command === 'missing' && !values.period) throw new UsageError(msg.consolidationCli.periodMissing);
    ledger = openLedger(dataDir, { onNotice: io.err });
    await signInFromCli(ledger, values.admin ?? '管理员', io);
    switch (command) {
      case 'init':
        io.out(msg.cli.initDone(ledger.dataDir));
        break;
      case 'demo': {
        const input = { members: positiveInt(values.members, '--members', 2000), seed: positiveInt(values.seed, '--seed', 1) };
        const result = call(ledger, 'system.demo', input);
        io.out(values.json ? JSON.stringify(result) : msg.cli.demoDone(result));
        break;
      }
      case 'orgs': {
        const nodes = call(ledger, 'organizations.tree', {});
        const codeOf = new Map(nodes.map((n) => [n.id, n.code]));
        if (values.json) {
          const rows = nodes.map((n) => ({
            code: n.code,
            fullName: n.fullName,
            type: n.type,
            parentCode: n.parentId === null ? null : (codeOf.get(n.parentId) ?? null),
          }));
          io.out(JSON.stringify(rows, null, 2));
        } else printTree(nodes, io);
        break;
      }
      case 'stats': {
        const counts = call(ledger, 'system.stats', {});
        const states = call(ledger, 'accounts.stateCounts', {});
        const all = { ...counts, accounts_by_filing_state: states.byFilingState, accounts_by_required_filing: states.byRequiredFiling };
        io.out(values.json ? JSON.stringify(all, null, 2) : Object.entries(all).map(([t, n]) => `${t}\t${typeof n === 'number' ? n : JSON.stringify(n)}`).join('\n'));
        break;
      }
      case 'report':
      case 'export-package': {
        const organizationId = values.org ? organizationIdByCode(ledger, values.org) : undefined;
        const scope = { organizationId, from: values.from, to: values.to, outPath: path.resolve(values.out!) };
        const input =
          command === 'report'
            ? {
                type: 'report',
                kind: positionals[1],
                ...scope,
                campaignId: values.campaign ? positiveInt(values.campaign, '--campaign', 0) : undefined,
                listing: values.listing,
                reportDate: values.date,
                consolidatedPeriod: values['with-submissions'],
                templateId: values.template === undefined ? undefined : templateIdByName(ledger, values.template),
                dueWithinDays: values.days ? positiveInt(values.days, '--days', 0) : undefined,
              }
            : {
                type: 'package',
                period: values.period,
                ...scope,
                fullIdNumbers: values['whole-id-numbers'],
                transferPassword: await transferPassword(values['transfer-password'], !!values.protect, io),
              };
        io.out(await exportFile(ledger, input));
        break;
      }
      case 'import': {
        if (!importsPackage) return await importCommand(ledger, command, positionals, values, io);
        const organizationId = values.org ? organizationIdByCode(ledger, values.org) : undefined;
        const options = { dryRun: !!values['dry-run'], yes: !!values.yes, json: !!values.json, organizationId, transferPassword: values['transfer-password'] };
        await importPackageCommand(ledger, positionals[2]!, options, io);
        break;
      }
      case 'missing': {
        const input = { period: values.period!, organizationId: values.org ? organizationIdByCode(ledger, values.org) : undefined };
        if (!values.out) {
          missingCommand(ledger, input, !!values.json, io.out);
          break;
        }
        io.out(await exportFile(ledger, { type: 'reminders', ...input, outPath: path.resolve(values.out) }));
        break;
      }
      case 'template':
        return await importCommand(ledger, command, positionals, values, io);
      case 'backup': {
        const started = ledger.jobs.startBackup(new Date(), out);
        const finished = await ledger.jobs.wait(started.id);
        if (finished.state !== 'done') throw new LedgerError('INTERNAL', finished.error ?? msg.report.failed);
        io.out(msg.cli.backedUp(finished.file!));
        break;
      }
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(err.message);
      return 2;
    }
    if (err instanceof LedgerError) {
      io.err(err.message);
      const fields = (err.details as { fields?: Record<string, string> } | undefined)?.fields;
      for (const [field, text] of Object.entries(fields ?? {})) if (text !== err.message) io.err(`  ${field}：${text}`);
      return 1;
    }
    io.err(msg.api.internal);
    io.err(String(err instanceof Error ? err.stack : err));
    return 1;
  } finally {
    await ledger?.close();
  }
}
