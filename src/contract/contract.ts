/**
 * THE contract: every call the console can make, by name — what it does, its input schema and output type — merged
 * from one map per feature. The registry, the IPC bridge, the HTTP host, the CLI and the window are all typed from it.
 */
import type { z } from 'zod';
import { organizationsCalls } from './organizations.js';
import { membersCalls } from './members.js';
import { accountsCalls } from './accounts.js';
import { filingsCalls } from './filings.js';
import { requestsCalls } from './requests.js';
import { settingsCalls } from './settings.js';
import { dashboardCalls } from './dashboard.js';
import { commendationsCalls } from './commendations.js';
import { protectionCalls } from './protection.js';
import { campaignsCalls } from './campaigns.js';
import { reportsCalls } from './reports.js';
import { auditCalls } from './audit.js';
import { systemCalls } from './system.js';
import { consolidationCalls } from './consolidation.js';
import { importsCalls } from './imports.js';
import { operatorsCalls } from './operators.js';
import { reportTemplatesCalls } from './reportTemplates.js';
import { handoverCalls } from './handover.js';
import { LedgerError, type RpcResult } from './errors.js';

export const contract = {
  ...organizationsCalls,
  ...membersCalls,
  ...accountsCalls,
  ...filingsCalls,
  ...requestsCalls,
  ...settingsCalls,
  ...dashboardCalls,
  ...commendationsCalls,
  ...protectionCalls,
  ...campaignsCalls,
  ...reportsCalls,
  ...auditCalls,
  ...systemCalls,
  ...consolidationCalls,
  ...importsCalls,
  ...operatorsCalls,
  ...reportTemplatesCalls,
  ...handoverCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What a caller passes (defaults may be left out). */
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
/** What a handler receives (defaults filled in). */
export type HandlerInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = NonNullable<Contract[N]['output']>;

/** A call's value typed by its name; a refusal becomes a LedgerError carrying the same code, message and details. */
export function valueOf<N extends CallName>(result: RpcResult): CallOutput<N> {
  if (!result.ok) throw new LedgerError(result.error.code, result.error.message, result.error.details);
  return result.value as CallOutput<N>;
}

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}
