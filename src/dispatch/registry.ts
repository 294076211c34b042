/**
 * Binds every contract name to its service function. Hosts (IPC, HTTP, CLI) call `invoke` only:
 * input is validated here, and every failure comes back as { code, message (中文), details }.
 */
import type { z } from 'zod';
import { msg } from '../i18n/messages.js';
import type { JobContext } from '../jobs/jobs.js';
import { contract, isCallName } from '../contract/contract.js';
import type { Caller } from '../contract/operators.js';
import { refusal } from '../contract/access.js';
import { handlers, type HostInfo } from './handlers.js';
import { LedgerError, type ErrorBody, type RpcResult } from '../contract/errors.js';
import { fileErrorMessage } from '../db/fileErrors.js';
import { databasePath } from '../db/open.js';

export interface Registry {
  /** `caller` is who the host says is signed in for this window or token; the registry decides what they may do. */
  invoke(name: string, input: unknown, caller?: Caller | null): RpcResult;
}

function validationError(error: z.ZodError): ErrorBody {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return { code: 'VALIDATION', message: msg.api.invalidInput, details: { fields } };
}

export function createRegistry(ctx: JobContext, host: HostInfo, log: (e: unknown) => void = console.error): Registry {
  const bound = handlers(host);
  return {
    invoke(name, input, caller = null) {
      if (!isCallName(name)) return { ok: false, error: { code: 'UNKNOWN_CALL', message: msg.api.unknownCall(name) } };
      const refused = refusal(contract[name], caller);
      if (refused) return { ok: false, error: refused };
      const parsed = contract[name].input.safeParse(input ?? {});
      if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
      try {
        const handler = bound[name] as (c: JobContext, i: unknown) => unknown;
        // The audit names the operator. Copied per call (a restore swaps ctx.db, so the copy is made now, not once).
        const callCtx: JobContext = { ...ctx, actor: caller?.name ?? ctx.actor, caller };
        return { ok: true, value: handler(callCtx, parsed.data) };
      } catch (err) {
        if (err instanceof LedgerError) return { ok: false, error: err.toBody() };
        // A full or read-only disk under the register (SQLITE_FULL, SQLITE_READONLY…): said as for every file written.
        const disk = host.dataDir === ':memory:' ? null : fileErrorMessage(err, databasePath(host.dataDir));
        if (disk) return { ok: false, error: { code: 'INTERNAL', message: disk } };
        // Unexpected: keep the stack in the log, show the person a message that says what to do.
        log(err);
        return { ok: false, error: { code: 'INTERNAL', message: msg.api.internal } };
      }
    },
  };
}
