/**
 * `netledger import package FILE` and `netledger missing`: 汇总上报 from the command line, over the same calls as
 * the window. A package's organization is confirmed with --org CODE or, for the proposed one, --yes; replacing the
 * current submission of the same organization and period needs --yes too. --dry-run shows and changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MAX_PACKAGE_BYTES, type SubmissionDiff } from '../contract/consolidation.js';
import { valueOf, type CallName, type CallOutput } from '../contract/contract.js';
import { LedgerError } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';
import type { Ledger } from './ledger.js';
import type { SecretIo } from './cliSignIn.js';

export interface PackageOptions {
  dryRun: boolean;
  yes: boolean;
  json: boolean;
  organizationId?: number;
  transferPassword?: string;
}

/**
 * The 上报数据包's transfer password: --transfer-password, else NETLEDGER_TRANSFER_PASSWORD (for scripts), else — when
 * asked for (export --protect, or a sealed package on import) — typed at a terminal without echo, twice when it is set.
 */
export async function transferPassword(given: string | undefined, ask: boolean, io: SecretIo, confirm = true): Promise<string | undefined> {
  const password = given ?? process.env.NETLEDGER_TRANSFER_PASSWORD;
  if (password || !ask) return password || undefined;
  if (!io.askSecret) throw new LedgerError('VALIDATION', msg.consolidationCli.transferPasswordNeeded);
  const typed = await io.askSecret(msg.consolidationCli.transferPasswordPrompt);
  if (confirm && (await io.askSecret(msg.consolidationCli.transferPasswordAgain)) !== typed) throw new LedgerError('VALIDATION', msg.operators.cli.passwordsDiffer);
  return typed;
}

const needsPassword = (err: unknown) => err instanceof LedgerError && (err.details as { passwordRequired?: boolean } | undefined)?.passwordRequired === true;

const call = <N extends CallName>(ledger: Ledger, name: N, input: unknown): CallOutput<N> => valueOf<N>(ledger.registry.invoke(name, input));

/** The file's bytes, refused by size before it is read whole. */
function readFile(file: string): Buffer {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new LedgerError('NOT_FOUND', msg.consolidationCli.noFile(file));
  }
  if (size > MAX_PACKAGE_BYTES) throw new LedgerError('VALIDATION', msg.consolidation.tooLarge(MAX_PACKAGE_BYTES));
  return fs.readFileSync(file);
}

const changes = (d: SubmissionDiff) => ({ added: d.added.length, closed: d.closed.length, stateChanged: d.stateChanged.length, removed: d.removed.length });

export async function importPackageCommand(ledger: Ledger, file: string, options: PackageOptions, io: SecretIo & { out: (text: string) => void }): Promise<void> {
  const out = io.out;
  const input = { fileName: path.basename(file), contentBase64: readFile(file).toString('base64'), transferPassword: await transferPassword(options.transferPassword, false, io) };
  let seen;
  try {
    seen = call(ledger, 'consolidation.inspect', input);
  } catch (err) {
    // A sealed package and no password yet: asked once at a terminal; a wrong one is refused as it was typed.
    if (!needsPassword(err) || input.transferPassword || !io.askSecret) throw err;
    input.transferPassword = await transferPassword(undefined, true, io, false);
    seen = call(ledger, 'consolidation.inspect', input);
  }
  const organizationId = options.organizationId ?? seen.mapping?.organizationId;
  if (options.dryRun) {
    out(options.json ? JSON.stringify({ ...seen, diff: seen.diff && changes(seen.diff) }, null, 2) : msg.consolidationCli.inspected(seen));
    return;
  }
  // A proposal is only a proposal until a person confirms it (--yes) or names the organization (--org).
  if (organizationId === undefined || (!options.organizationId && seen.mapping?.basis !== 'remembered' && !options.yes)) {
    throw new LedgerError('CONFLICT', msg.consolidationCli.confirmMapping(seen.source.fullName, seen.mapping));
  }
  const result = call(ledger, 'consolidation.import', { ...input, organizationId, replace: options.yes });
  const counts = { ...changes(result.diff), replaced: result.replaced };
  out(options.json ? JSON.stringify({ submission: result.submission, ...counts }, null, 2) : msg.consolidationCli.imported(result.submission, counts));
}

export function missingCommand(ledger: Ledger, input: { period: string; organizationId?: number }, json: boolean, out: (text: string) => void): void {
  const list = call(ledger, 'consolidation.missing', input);
  out(json ? JSON.stringify(list, null, 2) : msg.consolidationCli.missing(list));
}
