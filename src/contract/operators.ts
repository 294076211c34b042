/** Operators (操作员): who may sign in to the console, with which role, and the calls that sign in and out. */
import { z } from 'zod';
import { change, cleanString, id, query, text } from './common.js';
import { zeroWidthAt } from '../domain/text.js';
import { msg } from '../i18n/messages.js';

/** 管理员 everything; 录入员 every query, job and change except the admin's; 只读 queries and jobs only. */
export const ROLES = ['管理员', '录入员', '只读'] as const;
export type Role = (typeof ROLES)[number];

/** Who makes a call: the host keeps it for the signed-in window or token and hands it to the registry with each call. */
export interface Caller {
  operatorId: number;
  name: string;
  role: Role;
}

/** Refused like every other invisible character (zeroWidthAt says why names in particular). */
const operatorName = text('操作员姓名', 20).superRefine((value, ctx) => {
  const at = zeroWidthAt(value);
  if (at) ctx.addIssue({ code: 'custom', message: msg.input.unsafeChar('操作员姓名', at) });
});
/** Long enough that a guessed password costs real time at scrypt's pace; no upper rule beyond the field's length. */
const password = cleanString('密码', { required: msg.operators.passwordRequired }).min(8, { error: msg.operators.passwordTooShort }).max(200);

/** Signing in checks only that something was typed: the length rule is for setting a password, not for trying one. */
export const signIn = z.object({ name: operatorName, password: cleanString('密码', { required: msg.operators.passwordRequired }).min(1, { error: msg.operators.passwordRequired }).max(200) });
export const setupAdmin = z.object({ name: operatorName, password });
/** A forgotten administrator password: the recovery code shown at first start sets a new one. */
export const recoverAdmin = z.object({
  recoveryCode: cleanString('恢复码', { required: msg.operators.recoveryRequired }).trim().min(1, { error: msg.operators.recoveryRequired }).max(100),
  name: operatorName,
  password,
});
export const operatorCreate = z.object({ name: operatorName, role: z.enum(ROLES), password });
export const operatorUpdate = z.object({
  id,
  role: z.enum(ROLES).optional(),
  active: z.boolean().optional(),
  password: password.optional(),
});

export type OperatorCreate = z.output<typeof operatorCreate>;
export type OperatorUpdate = z.output<typeof operatorUpdate>;

export interface AuthStatus {
  /** No operator exists yet: the window shows the first-start page that creates the administrator. */
  needsSetup: boolean;
  /** Who this window or token is signed in as (null: the sign-in page). */
  operator: Caller | null;
  /** Set by the host when its session locked (idle, or the computer locked): who was signed in. */
  lockedFrom?: string | null;
}

export interface SignedIn {
  operator: Caller;
  /** The session locks after this long without activity (报备规则). */
  lockMinutes: number;
  /**
   * Only when this sign-in has just encrypted a plain register (one of an earlier release, or a first start cut
   * short), or the last code issued was never confirmed copied (auth.recoveryCodeSeen): a new recovery code.
   */
  recoveryCode?: string;
  /** With a recovery code: whether this sign-in has just encrypted the register (else the code replaces one unseen). */
  justEncrypted?: boolean;
}

export interface AdminCreated extends SignedIn {
  /** Shown once: lets the administrator's password be replaced when it is forgotten. Only its hash is kept. */
  recoveryCode: string;
}

export interface OperatorRow {
  id: number;
  name: string;
  role: Role;
  active: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const operatorsCalls = {
  'auth.status': query<AuthStatus>()(z.object({}).strict(), { access: 'open' }),
  /**
   * First start only: creates the administrator (refused once any operator exists), and encrypts the register in
   * place — which needs the file to itself, hence exclusive.
   */
  'auth.setup': change<AdminCreated>()(setupAdmin, { access: 'open', exclusive: true }),
  'auth.signIn': change<SignedIn>()(signIn, { access: 'open' }),
  'auth.recover': change<SignedIn>()(recoverAdmin, { access: 'open' }),
  'auth.signOut': change<{ signedOut: true }>()(z.object({}).strict(), { access: 'open' }),
  /** The window's 我已抄写 (or the terminal's y): the recovery code just shown is copied, no new one is owed. */
  'auth.recoveryCodeSeen': change<{ seen: true }>()(z.object({}).strict(), { access: 'admin' }),
  'operators.list': query<OperatorRow[]>()(z.object({}).strict(), { access: 'admin' }),
  'operators.create': change<OperatorRow>()(operatorCreate, { access: 'admin' }),
  'operators.update': change<OperatorRow>()(operatorUpdate, { access: 'admin' }),
};
