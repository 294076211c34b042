/** Operators: first start, sign-in with growing delays after failures, and the admin's list. Every step is audited. */
import type { AdminCreated, AuthStatus, Caller, OperatorCreate, OperatorRow, OperatorUpdate, Role, SignedIn } from '../contract/operators.js';
import { LedgerError } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';
import { recordAudit } from './audit.js';
import { getSettings } from './settings.js';
import { inTransaction, nowIso, type ServiceContext } from './context.js';
import { hashPassword, newRecoveryCode, verifyPassword } from './passwords.js';

interface Row {
  id: number;
  name: string;
  role: Role;
  password_hash: string;
  active: number;
  failed_count: number;
  next_attempt_at: string | null;
  last_sign_in_at: string | null;
  created_at: string;
}

/** After the n-th failure in a row the next try waits 2^(n-1) s, at most 5 minutes: guessing gets slow, a typo does not. */
const MAX_DELAY_SECONDS = 300;
export const delaySeconds = (failures: number) => Math.min(2 ** (failures - 1), MAX_DELAY_SECONDS);

const toRow = (r: Row): OperatorRow => ({
  id: r.id,
  name: r.name,
  role: r.role,
  active: r.active === 1,
  createdAt: r.created_at,
  lastSignInAt: r.last_sign_in_at,
});
const toCaller = (r: Row): Caller => ({ operatorId: r.id, name: r.name, role: r.role });

const byName = (ctx: ServiceContext, name: string) => ctx.db.prepare('SELECT * FROM operators WHERE name = ?').get(name) as Row | undefined;
const byId = (ctx: ServiceContext, id: number) => ctx.db.prepare('SELECT * FROM operators WHERE id = ?').get(id) as Row | undefined;
const operatorCount = (ctx: ServiceContext) => (ctx.db.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n;

export function authStatus(ctx: ServiceContext): AuthStatus {
  return { needsSetup: operatorCount(ctx) === 0, operator: ctx.caller ?? null };
}

function insertOperator(ctx: ServiceContext, name: string, role: Role, password: string): Row {
  if (byName(ctx, name)) throw new LedgerError('CONFLICT', msg.operators.duplicate(name), { fields: { name: msg.operators.duplicate(name) } });
  const id = Number(
    ctx.db
      .prepare('INSERT INTO operators (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)')
      .run(name, role, hashPassword(password), nowIso(ctx)).lastInsertRowid,
  );
  return byId(ctx, id)!;
}

/** First start: the administrator, and a recovery code shown once (only its hash is kept). */
export function setupAdmin(ctx: ServiceContext, input: { name: string; password: string }): AdminCreated {
  const recoveryCode = newRecoveryCode();
  const codeHash = hashPassword(recoveryCode);
  return inTransaction(ctx, () => {
    if (operatorCount(ctx) > 0) throw new LedgerError('CONFLICT', msg.operators.setupDone);
    const row = insertOperator(ctx, input.name, '管理员', input.password);
    ctx.db.prepare('INSERT INTO recovery (id, code_hash, created_at) VALUES (1, ?, ?)').run(codeHash, nowIso(ctx));
    recordAudit({ ...ctx, actor: row.name }, { entity: 'operator', entityId: row.id, action: 'create', summary: msg.operators.audit.setup(row.name), after: toRow(row) });
    return { operator: toCaller(row), recoveryCode, lockMinutes: getSettings(ctx).lockMinutes };
  });
}

/** A stand-in hash, so an unknown name costs the same scrypt time as a wrong password and does not give itself away. */
let decoyHash: string | undefined;

export function signIn(ctx: ServiceContext, input: { name: string; password: string }): SignedIn {
  const row = byName(ctx, input.name);
  const now = ctx.clock();
  if (row?.next_attempt_at && now < new Date(row.next_attempt_at)) {
    throw new LedgerError('FORBIDDEN', msg.operators.tooSoon(Math.ceil((new Date(row.next_attempt_at).getTime() - now.getTime()) / 1000)));
  }
  const matches = verifyPassword(input.password, row?.password_hash ?? (decoyHash ??= hashPassword('decoy')));
  const actor = { ...ctx, actor: input.name };
  if (!row || !matches) {
    const failures = (row?.failed_count ?? 0) + 1;
    inTransaction(ctx, () => {
      if (row) {
        const next = new Date(now.getTime() + delaySeconds(failures) * 1000).toISOString();
        ctx.db.prepare('UPDATE operators SET failed_count = ?, next_attempt_at = ? WHERE id = ?').run(failures, next, row.id);
      }
      recordAudit(actor, { entity: 'operator', entityId: row?.id ?? null, action: 'signInFailed', summary: msg.operators.audit.signInFailed(input.name, failures) });
    });
    throw new LedgerError('FORBIDDEN', msg.operators.badCredentials);
  }
  if (!row.active) throw new LedgerError('FORBIDDEN', msg.operators.inactive);
  return inTransaction(ctx, () => {
    ctx.db.prepare('UPDATE operators SET failed_count = 0, next_attempt_at = NULL, last_sign_in_at = ? WHERE id = ?').run(nowIso(ctx), row.id);
    recordAudit(actor, { entity: 'operator', entityId: row.id, action: 'signIn', summary: msg.operators.audit.signIn(row.name) });
    return { operator: toCaller(row), lockMinutes: getSettings(ctx).lockMinutes };
  });
}

/**
 * The recovery code replaces a forgotten administrator's password (and lifts any sign-in delay). Each try costs a
 * scrypt, and the code has about 120 bits, so guessing it is hopeless; a wrong code is audited like a failed sign-in.
 */
export function recoverAdmin(ctx: ServiceContext, input: { recoveryCode: string; name: string; password: string }): SignedIn {
  const stored = ctx.db.prepare('SELECT code_hash FROM recovery WHERE id = 1').pluck().get() as string | undefined;
  const row = byName(ctx, input.name);
  const codeMatches = verifyPassword(input.recoveryCode.toUpperCase(), stored ?? (decoyHash ??= hashPassword('decoy')));
  const actor = { ...ctx, actor: input.name };
  if (!stored || !codeMatches || !row || row.role !== '管理员' || row.active !== 1) {
    inTransaction(ctx, () => recordAudit(actor, { entity: 'operator', entityId: row?.id ?? null, action: 'signInFailed', summary: msg.operators.audit.signInFailed(input.name, (row?.failed_count ?? 0) + 1) }));
    throw new LedgerError('FORBIDDEN', msg.operators.recoveryRefused);
  }
  const hash = hashPassword(input.password);
  return inTransaction(ctx, () => {
    ctx.db.prepare('UPDATE operators SET password_hash = ?, failed_count = 0, next_attempt_at = NULL, last_sign_in_at = ? WHERE id = ?').run(hash, nowIso(ctx), row.id);
    recordAudit(actor, { entity: 'operator', entityId: row.id, action: 'recover', summary: msg.operators.audit.recovered(row.name) });
    return { operator: toCaller(row), lockMinutes: getSettings(ctx).lockMinutes };
  });
}

/**
 * A register encrypted in place at an administrator's sign-in (hosts/keyGate.ts) gets a new recovery code, shown
 * to that administrator once: the code kept from its first start may never have been shown (a first start killed
 * before it was), and one code in the safe, the newest, is what the paper says. The old code stops working.
 */
export function renewRecoveryCode(ctx: ServiceContext, summary: string): string {
  const recoveryCode = newRecoveryCode();
  const codeHash = hashPassword(recoveryCode);
  inTransaction(ctx, () => {
    ctx.db.prepare('INSERT OR REPLACE INTO recovery (id, code_hash, created_at) VALUES (1, ?, ?)').run(codeHash, nowIso(ctx));
    recordAudit(ctx, { entity: 'operator', entityId: byName(ctx, ctx.actor)?.id ?? null, action: 'update', summary });
  });
  return recoveryCode;
}

/** The administrator confirms having copied the recovery code last shown (the key gate stops issuing new ones). */
export function recoveryCodeSeen(ctx: ServiceContext): { seen: true } {
  const caller = ctx.caller!;
  inTransaction(ctx, () => recordAudit(ctx, { entity: 'operator', entityId: caller.operatorId, action: 'update', summary: msg.operators.audit.recoveryCodeSeen(caller.name) }));
  return { seen: true };
}

/** Active operators' stored password hashes: the key of a register encrypted in place is wrapped under each. */
export function activePasswordHashes(ctx: ServiceContext): { name: string; hash: string }[] {
  return ctx.db.prepare('SELECT name, password_hash AS hash FROM operators WHERE active = 1 ORDER BY id').all() as { name: string; hash: string }[];
}

/** A sign-in tried while the encrypted register was closed: nothing could be written then (hosts/keyGate.ts). */
export interface ClosedFailure {
  name: string;
  at: Date;
  failures: number;
}

/** Those tries, audited under the name tried and at their own time, as soon as the register is open. */
export function recordClosedFailures(ctx: ServiceContext, tries: ClosedFailure[], untold: number): void {
  inTransaction(ctx, () => {
    for (const t of tries) {
      const entry = { entity: 'operator', entityId: byName(ctx, t.name)?.id ?? null, action: 'signInFailed', summary: msg.operators.audit.signInFailedClosed(t.name, t.failures) } as const;
      recordAudit({ ...ctx, actor: t.name, clock: () => t.at }, entry);
    }
    if (untold > 0) recordAudit(ctx, { entity: 'operator', entityId: null, action: 'signInFailed', summary: msg.operators.audit.closedFailuresUntold(untold) });
  });
}

export function signOut(ctx: ServiceContext): { signedOut: true } {
  const caller = ctx.caller;
  if (caller) inTransaction(ctx, () => recordAudit(ctx, { entity: 'operator', entityId: caller.operatorId, action: 'signOut', summary: msg.operators.audit.signOut(caller.name) }));
  return { signedOut: true };
}

export function listOperators(ctx: ServiceContext): OperatorRow[] {
  return (ctx.db.prepare('SELECT * FROM operators ORDER BY id').all() as Row[]).map(toRow);
}

export function createOperator(ctx: ServiceContext, input: OperatorCreate): OperatorRow {
  return inTransaction(ctx, () => {
    const row = toRow(insertOperator(ctx, input.name, input.role, input.password));
    recordAudit(ctx, { entity: 'operator', entityId: row.id, action: 'create', summary: msg.operators.audit.created(row.name, row.role), after: row });
    return row;
  });
}

export function updateOperator(ctx: ServiceContext, input: OperatorUpdate): OperatorRow {
  const hash = input.password === undefined ? undefined : hashPassword(input.password);
  return inTransaction(ctx, () => {
    const before = byId(ctx, input.id);
    if (!before) throw new LedgerError('NOT_FOUND', msg.operators.notFound);
    const role = input.role ?? before.role;
    const active = input.active ?? before.active === 1;
    const remainingAdmins = (ctx.db.prepare("SELECT count(*) AS n FROM operators WHERE role = '管理员' AND active = 1 AND id <> ?").get(before.id) as { n: number }).n;
    if ((role !== '管理员' || !active) && remainingAdmins === 0) throw new LedgerError('CONFLICT', msg.operators.lastAdmin);
    ctx.db
      .prepare('UPDATE operators SET role = ?, active = ?, password_hash = coalesce(?, password_hash), failed_count = CASE WHEN ? IS NULL THEN failed_count ELSE 0 END, next_attempt_at = CASE WHEN ? IS NULL THEN next_attempt_at ELSE NULL END WHERE id = ?')
      .run(role, active ? 1 : 0, hash ?? null, hash ?? null, hash ?? null, before.id);
    const after = toRow(byId(ctx, before.id)!);
    // The hash never enters the audit; that the password changed does.
    recordAudit(ctx, { entity: 'operator', entityId: after.id, action: 'update', summary: msg.operators.audit.updated(after.name), before: toRow(before), after: { ...after, passwordChanged: hash !== undefined } });
    return after;
  });
}
