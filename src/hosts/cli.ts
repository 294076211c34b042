/**
 * `netledger` command line: a host over the same registry as the window. Exit 0 on success; otherwise
 * a Chinese message on stderr and exit 1 (refused by the register) or 2 (bad command line).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { OrganizationNode } from '../contract/organizations.js';
import { LedgerError } from '../contract/errors.js';
import { DEFAULT_DATA_DIR, openLedger, type Ledger } from './ledger.js';
import { msg } from '../i18n/messages.js';
import { startServer } from './http.js';
import { checkImportLine, importCommand } from './cliImport.js';
import { call, organizationIdByCode, UsageError, type CliIo } from './cliSupport.js';

export type { CliIo } from './cliSupport.js';

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
  period: { type: 'string' },
  out: { type: 'string' },
  'dry-run': { type: 'boolean' },
  errors: { type: 'string' },
  'valid-only': { type: 'boolean' },
  update: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
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

function printTree(nodes: OrganizationNode[], io: CliIo): void {
  for (const n of nodes) io.out(`${'  '.repeat(n.depth)}${n.code}  ${n.fullName}（${n.type}，在册 ${n.subtreeActiveMembers} 人）`);
}

/** Runs one command; resolves to the exit code. `serve` resolves only when the server stops. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let ledger: Ledger | undefined;
  try {
    const { values, positionals } = parse(argv);
    const command = positionals[0];
    if (values.help || !command) {
      io.out(msg.cli.usage);
      return command || values.help ? 0 : 2;
    }
    if (!['init', 'demo', 'serve', 'orgs', 'stats', 'report', 'export-package', 'backup', 'import', 'template'].includes(command)) throw new UsageError(msg.cli.unknownCommand(command));
    if (command === 'import' || command === 'template') checkImportLine(command, positionals, values);
    if ((command === 'report' || command === 'export-package') && !values.out) throw new UsageError(msg.cli.missingValue('--out'));
    if (command === 'report' && !positionals[1]) throw new UsageError(msg.cli.reportKindMissing);
    ledger = openLedger(values['data-dir'] ?? DEFAULT_DATA_DIR);
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
            ? { type: 'report', kind: positionals[1], ...scope, campaignId: values.campaign ? positiveInt(values.campaign, '--campaign', 0) : undefined }
            : { type: 'package', period: values.period, ...scope };
        const started = call(ledger, 'reports.start', input);
        const finished = await ledger.jobs.wait(started.id);
        if (finished.state !== 'done') throw new LedgerError('INTERNAL', finished.error ?? msg.report.failed);
        io.out(msg.cli.exported(finished.file!, finished.total));
        break;
      }
      case 'import':
      case 'template':
        return await importCommand(ledger, command, positionals, values, io);
      case 'backup': {
        const started = call(ledger, 'system.backup', {});
        const finished = await ledger.jobs.wait(started.id);
        if (finished.state !== 'done') throw new LedgerError('INTERNAL', finished.error ?? msg.report.failed);
        io.out(msg.cli.backedUp(finished.file!));
        break;
      }
      case 'serve': {
        const jobs = ledger.jobs;
        const server = await startServer({ registry: ledger.registry, port: positiveInt(values.port, '--port', 0), exports: (id) => jobs.exportedFile(id) });
        io.out(msg.cli.serving(server.url));
        const open = ledger;
        await new Promise<void>((resolve) => {
          const stop = () => void server.close().then(resolve);
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await open.close();
        ledger = undefined;
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
