/**
 * The command line signs in like the window: as NETLEDGER_OPERATOR (default: the first administrator) with
 * NETLEDGER_PASSWORD, or the password typed at a terminal. The first command run on a register without operators
 * (normally `init`) creates the administrator with that password and shows the recovery code once.
 */
import { valueOf } from '../contract/contract.js';
import type { SignedIn } from '../contract/operators.js';
import { LedgerError } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';
import { findWrap, readKeyStore, unwrapKey } from '../db/keys.js';
import { bindCaller } from './hostCaller.js';
import type { Ledger } from './ledger.js';

export interface SecretIo {
  /** The recovery code goes here (stderr), so a command's own output (--json) stays as it is. */
  err: (text: string) => void;
  /** Asks without echoing what is typed; absent when no one is at a terminal. */
  askSecret?: (question: string) => Promise<string>;
  /** Asks the person at a terminal; absent when no one can answer (pipe, script). */
  ask?: (question: string) => Promise<string>;
  /** Whether stderr is a terminal (not a log file a scheduled task writes). */
  errIsTerminal?: boolean;
}

async function password(io: SecretIo, confirm: boolean): Promise<string> {
  const fromEnv = process.env.NETLEDGER_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!io.askSecret) throw new LedgerError('SIGNED_OUT', msg.operators.cli.needsPassword);
  const typed = await io.askSecret(msg.operators.cli.passwordPrompt);
  if (confirm && (await io.askSecret(msg.operators.cli.passwordAgain)) !== typed) throw new LedgerError('VALIDATION', msg.operators.cli.passwordsDiffer);
  return typed;
}

export async function signInFromCli(ledger: Ledger, adminName: string, io: SecretIo): Promise<void> {
  if (valueOf<'auth.status'>(ledger.registry.invoke('auth.status', {})).needsSetup) {
    const created = valueOf<'auth.setup'>(ledger.registry.invoke('auth.setup', { name: adminName, password: await password(io, true) }));
    io.err(msg.operators.cli.adminCreated(created.operator.name, created.recoveryCode));
    ledger.registry = bindCaller(ledger.registry, created.operator);
    return;
  }
  const name = process.env.NETLEDGER_OPERATOR ?? defaultOperator(ledger);
  if (!name) throw new LedgerError('SIGNED_OUT', msg.operators.cli.noOperator);
  const signed = valueOf<'auth.signIn'>(ledger.registry.invoke('auth.signIn', { name, password: await password(io, false) }));
  // Every later call of this run is made as the signed-in operator.
  ledger.registry = bindCaller(ledger.registry, signed.operator);
  if (signed.recoveryCode) await showRecoveryCode(ledger, signed, io);
}

/**
 * A new recovery code (this sign-in has just encrypted the register, or the last code was never confirmed) is the
 * only valid one: it is printed only to a person at a terminal — a scripted run (password in NETLEDGER_PASSWORD,
 * stderr a log) would leave it in a log or lose it — and counts as copied only once they answer y. Otherwise it
 * stays owed, and the next administrator's sign-in in the window or at a terminal shows a new one.
 */
async function showRecoveryCode(ledger: Ledger, signed: SignedIn, io: SecretIo): Promise<void> {
  const cli = msg.operators.cli;
  if (process.env.NETLEDGER_PASSWORD || !io.ask || !io.errIsTerminal) {
    io.err(signed.justEncrypted ? cli.encryptedCodeLater : cli.codeLater);
    return;
  }
  io.err(signed.justEncrypted ? cli.encrypted(signed.recoveryCode!) : cli.newRecoveryCode(signed.recoveryCode!));
  if ((await io.ask(cli.copiedPrompt)).trim().toLowerCase() === 'y') valueOf<'auth.recoveryCodeSeen'>(ledger.registry.invoke('auth.recoveryCodeSeen', {}));
  else io.err(cli.codeNotConfirmed);
}

/** The first active administrator; of a register still encrypted, the first operator keys.json has (the one set up). */
function defaultOperator(ledger: Ledger): string | undefined {
  if (!ledger.isOpen) return readKeyStore(ledger.dataDir)?.wraps.find((w) => w.kind === 'operator')?.name;
  const first = ledger.db.prepare("SELECT name FROM operators WHERE role = '管理员' AND active = 1 ORDER BY id LIMIT 1").get() as { name: string } | undefined;
  return first?.name;
}

/**
 * `check` and `restore` work on files, not through the registry, yet an encrypted register or backup opens only with
 * its key: unwrapped here with the password (as NETLEDGER_OPERATOR, or the first operator of a keys.json) from the
 * first of `dirs` whose keys.json it opens — a backup and the register it came from share one key. Undefined when no
 * folder has a keys.json (plain); a wrong password throws `wrong`, before anything is read or written.
 */
export async function keyFromCli(dirs: string[], io: SecretIo, wrong: string): Promise<string | undefined> {
  const stores = dirs.map(readKeyStore).filter((k) => k !== null);
  if (stores.length === 0) return undefined;
  const secret = await password(io, false);
  for (const keys of stores) {
    const name = process.env.NETLEDGER_OPERATOR ?? keys.wraps.find((w) => w.kind === 'operator')?.name;
    const wrap = name === undefined ? undefined : findWrap(keys, 'operator', name);
    const key = wrap && unwrapKey(wrap, secret);
    if (key) return key.toString('hex');
  }
  throw new LedgerError('FORBIDDEN', wrong);
}
