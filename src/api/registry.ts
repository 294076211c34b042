/**
 * Binds every contract name to its service function. Hosts (IPC, HTTP, CLI) call `invoke` only:
 * input is validated here, and every failure comes back as { code, message (中文), details }.
 */
import { z } from 'zod';
import { schemaVersion } from '../db/migrate.js';
import { generateDemo } from '../demo/generate.js';
import { msg } from '../i18n/messages.js';
import { listAudit } from '../services/audit.js';
import type { ServiceContext } from '../services/context.js';
import { searchMembers } from '../services/memberSearch.js';
import { changeMemberStatus, createMember, memberDetail, moveMember, updateMember } from '../services/members.js';
import {
  createOrganization,
  getOrganization,
  moveOrganization,
  organizationTree,
  removeOrganization,
  reorderOrganizations,
  updateOrganization,
} from '../services/organizations.js';
import { tableCounts } from '../services/system.js';
import { contract, isCallName, type CallName, type CallOutput, type HandlerInput } from './contract.js';
import { LedgerError, type ErrorBody } from './errors.js';

export interface HostInfo {
  version: string;
  dataDir: string;
}

type Handlers = { [N in CallName]: (ctx: ServiceContext, input: HandlerInput<N>) => CallOutput<N> };

function handlers(host: HostInfo): Handlers {
  return {
    'organizations.tree': (ctx) => organizationTree(ctx),
    'organizations.get': (ctx, i) => getOrganization(ctx, i.id),
    'organizations.create': createOrganization,
    'organizations.update': updateOrganization,
    'organizations.move': (ctx, i) => moveOrganization(ctx, i.id, i.parentId),
    'organizations.reorder': (ctx, i) => reorderOrganizations(ctx, i.parentId, i.orderedIds),
    'organizations.remove': (ctx, i) => removeOrganization(ctx, i.id),
    'members.search': searchMembers,
    'members.get': (ctx, i) => memberDetail(ctx, i.id),
    'members.create': createMember,
    'members.update': updateMember,
    'members.move': (ctx, i) => moveMember(ctx, i.id, i.organizationId),
    'members.changeStatus': (ctx, i) => changeMemberStatus(ctx, i.id, i.status, i.date ?? null),
    'audit.list': listAudit,
    'system.info': (ctx) => ({
      version: host.version,
      schemaVersion: schemaVersion(ctx.db),
      dataDir: host.dataDir,
      actor: ctx.actor,
    }),
    'system.stats': (ctx) => tableCounts(ctx),
    'system.demo': generateDemo,
  };
}

export type RpcResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorBody };

export interface Registry {
  invoke(name: string, input: unknown): RpcResult;
}

function validationError(error: z.ZodError): ErrorBody {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return { code: 'VALIDATION', message: msg.api.invalidInput, details: { fields } };
}

export function createRegistry(ctx: ServiceContext, host: HostInfo, log: (e: unknown) => void = console.error): Registry {
  const bound = handlers(host);
  return {
    invoke(name, input) {
      if (!isCallName(name)) return { ok: false, error: { code: 'UNKNOWN_CALL', message: msg.api.unknownCall(name) } };
      const parsed = contract[name].input.safeParse(input ?? {});
      if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
      try {
        const handler = bound[name] as (c: ServiceContext, i: unknown) => unknown;
        return { ok: true, value: handler(ctx, parsed.data) };
      } catch (err) {
        if (err instanceof LedgerError) return { ok: false, error: err.toBody() };
        // Unexpected: keep the stack in the log, show the person a message that says what to do.
        log(err);
        return { ok: false, error: { code: 'INTERNAL', message: msg.api.internal } };
      }
    },
  };
}
