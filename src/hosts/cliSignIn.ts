/**
 * The command line signs in like the window: as NETLEDGER_OPERATOR (default: the first administrator) with
 * NETLEDGER_PASSWORD, or the password typed at a terminal. The first command run on a register without operators
 * (normally `init`) creates the administrator with that password and shows the recovery code once.
 */
import { valueOf } from '../contract/contract.js';
import { LedgerError } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';
import { bindCaller } from './hostCaller.js';
import type { Ledger } from './ledger.js';

export interface SecretIo {
  /** The recovery code goes here (stderr), so a command's own output (--json) stays as it is. */
  err: (text: string) => void;
  /** Asks without echoing what is typed; absent when no one is at a terminal. */
  askSecret?: (question: string) => Promise<string>;
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
  const first = ledger.db.prepare("SELECT name FROM operators WHERE role = '管理员' AND active = 1 ORDER BY id LIMIT 1").get() as { name: string } | undefined;
  const name = process.env.NETLEDGER_OPERATOR ?? first?.name;
  if (!name) throw new LedgerError('SIGNED_OUT', msg.operators.cli.noOperator);
  const signed = valueOf<'auth.signIn'>(ledger.registry.invoke('auth.signIn', { name, password: await password(io, false) }));
  // Every later call of this run is made as the signed-in operator.
  ledger.registry = bindCaller(ledger.registry, signed.operator);
}
