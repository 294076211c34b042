/**
 * Calls the host itself makes, not a person: filling a newcomer's empty register with demo data, the packaged app's
 * self-test on a temporary register, benchmarks. They act as an administrator under a name that says so in the audit.
 * Nothing a page or a command line sends can reach these; a person's calls carry the session's caller.
 */
import type { Caller } from '../contract/operators.js';
import type { Registry } from '../dispatch/registry.js';

export const hostCaller = (name: string): Caller => ({ operatorId: 0, name, role: '管理员' });

/** A registry whose every call is made as `caller` (the CLI after sign-in, the host's own work). */
export function bindCaller(registry: Registry, caller: Caller): Registry {
  return { invoke: (name, input) => registry.invoke(name, input, caller) };
}
