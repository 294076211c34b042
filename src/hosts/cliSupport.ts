/** What the command line's commands share: its usage error, typed calls through the registry, organizations by code. */
import { valueOf, type CallName, type CallOutput } from '../contract/contract.js';
import { msg } from '../i18n/messages.js';
import type { Ledger } from './ledger.js';

/** A bad command line: exit 2. */
export class UsageError extends Error {}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Asks the person at a terminal; absent when no one can answer (pipe, script). */
  ask?: (question: string) => Promise<string>;
  /** The same, without echoing what is typed (passwords). */
  askSecret?: (question: string) => Promise<string>;
  /** Whether stderr is a terminal (the recovery code is printed only there). */
  errIsTerminal?: boolean;
}

/** Input comes from the command line as the person typed it, so the registry (not TypeScript) checks it. */
export function call<N extends CallName>(ledger: Ledger, name: N, input: unknown): CallOutput<N> {
  return valueOf<N>(ledger.registry.invoke(name, input));
}

export function organizationIdByCode(ledger: Ledger, code: string): number {
  const nodes = call(ledger, 'organizations.tree', {});
  const found = nodes.find((n) => n.code === code);
  if (!found) throw new UsageError(msg.cli.unknownOrgCode(code));
  return found.id;
}
