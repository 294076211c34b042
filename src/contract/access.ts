/**
 * Who may make which call, read from the contract alone: a call's kind decides (query and job: every role; change:
 * 录入员 and 管理员) unless the call is marked 'open' (no sign-in needed) or 'admin' (管理员 only). The registry
 * enforces it; the window asks the same function which buttons to show. Nothing here is a list of names kept by hand.
 */
import type { z } from 'zod';
import { msg } from '../i18n/messages.js';
import type { Call } from './common.js';
import { contract, type CallName } from './contract.js';
import type { ErrorBody } from './errors.js';
import type { Caller, Role } from './operators.js';

const MAY_CHANGE: readonly Role[] = ['管理员', '录入员'];

export function refusal(call: Call<z.ZodType, unknown>, caller: Caller | null | undefined): ErrorBody | null {
  if (call.access === 'open') return null;
  if (!caller) return { code: 'SIGNED_OUT', message: msg.operators.signedOut };
  if (call.access === 'admin') return caller.role === '管理员' ? null : { code: 'FORBIDDEN', message: msg.operators.adminOnly };
  if (call.kind === 'change' && !MAY_CHANGE.includes(caller.role)) return { code: 'FORBIDDEN', message: msg.operators.forbidden(caller.role) };
  return null;
}

/** For the window: whether the signed-in operator may make this call at all (the registry still decides). */
export const may = (caller: Caller | null, name: CallName): boolean => refusal(contract[name], caller) === null;
