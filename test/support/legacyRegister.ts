/**
 * A register of the release before encryption at rest: plain, with operators already (an administrator and a 录入员),
 * a member whose name and ID number are the canary, a scan and a backup. It is built with today's services minus
 * the key gate — which is also exactly what a first start killed after saving the administrator but before writing
 * keys.json leaves behind.
 */
import { createOperator, setupAdmin } from '../../src/services/operators.js';
import { openLedger } from '../../src/hosts/ledger.js';
import { CANARY, CANARY_ID, enterMember } from './canary.js';
import { caller } from './ledger.js';

export const ADMIN = '老管理员';
export const CLERK = '录入甲';
export const ADMIN_PASSWORD = process.env.NETLEDGER_PASSWORD!;
export const CLERK_PASSWORD = 'clerk-password-1';

export async function legacyRegister(dir: string) {
  const ledger = openLedger(dir);
  const created = setupAdmin(ledger.ctx, { name: ADMIN, password: ADMIN_PASSWORD });
  createOperator({ ...ledger.ctx, actor: ADMIN }, { name: CLERK, role: '录入员', password: CLERK_PASSWORD });
  const call = caller({ invoke: (n, i) => ledger.registry.invoke(n, i, created.operator) });
  const org = call('organizations.create', { parentId: null, fullName: '中共测试委员会', type: '党委' }).id;
  const member = enterMember(call, org, CANARY, CANARY_ID);
  const backup = await ledger.jobs.wait(ledger.jobs.startBackup(new Date()).id);
  if (backup.state !== 'done') throw new Error(`backup ${backup.state}`);
  await ledger.close();
  return { org, member, oldRecoveryCode: created.recoveryCode };
}
