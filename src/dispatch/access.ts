/**
 * Who may make which call, read from the contract alone: a call's kind decides (query and job: every role; change:
 * 录入员 and 管理员) unless the call is marked 'open' (no sign-in needed) or 'admin' (管理员 only). Hosts only carry
 * the caller; nothing here is a list of names kept by hand.
 */
import type { Call } from '../contract/common.js';
import type { ErrorBody } from '../contract/errors.js';
import type { Caller, Role } from '../contract/operators.js';
import { msg } from '../i18n/messages.js';
import type { z } from 'zod';

const MAY_CHANGE: readonly Role[] = ['管理员', '录入员'];

export function refusal(call: Call<z.ZodType, unknown>, caller: Caller | null | undefined): ErrorBody | null {
  if (call.access === 'open') return null;
  if (!caller) return { code: 'SIGNED_OUT', message: msg.operators.signedOut };
  if (call.access === 'admin') return caller.role === '管理员' ? null : { code: 'FORBIDDEN', message: msg.operators.adminOnly };
  if (call.kind === 'change' && !MAY_CHANGE.includes(caller.role)) return { code: 'FORBIDDEN', message: msg.operators.forbidden(caller.role) };
  return null;
}
