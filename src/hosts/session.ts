/**
 * Who is signed in, kept by the host for one window (desktop) or one token (browser mode) — never by the page, which
 * could claim anyone. Each call is handed to the registry with this caller, which alone decides what they may do;
 * the session only learns the caller from the registry's own answer to a sign-in or first start.
 *
 * It also locks: after 报备规则's idle time without a call the person made (wall clock, so a suspended computer
 * counts the time it slept), or when the host says so (the desktop's screen lock or suspend). A locked session has
 * no caller, so every call but signing in is refused until someone signs in again.
 */
import { contract, isCallName } from '../contract/contract.js';
import type { RpcResult } from '../contract/errors.js';
import type { AuthStatus, Caller, SignedIn } from '../contract/operators.js';
import type { CallTarget } from './core.js';

const SIGNS_IN = new Set(['auth.signIn', 'auth.setup', 'auth.recover']);

/** A call the person made, as opposed to the window polling (job progress, its own sign-in status). */
const isActivity = (name: string) => isCallName(name) && contract[name].access !== 'open' && !contract[name].background;

export class Session {
  private caller: Caller | null = null;
  private lockAfterMs = 0;
  private lastActivity = 0;
  private lockedFrom: string | null = null;

  constructor(
    private readonly target: CallTarget,
    private readonly now: () => number = Date.now,
  ) {}

  get signedIn(): Caller | null {
    this.lockIfIdle();
    return this.caller;
  }

  lock(): void {
    if (!this.caller) return;
    this.lockedFrom = this.caller.name;
    this.caller = null;
  }

  private lockIfIdle(): void {
    if (this.caller && this.now() - this.lastActivity >= this.lockAfterMs) this.lock();
  }

  async invoke(name: string, input: unknown): Promise<RpcResult> {
    this.lockIfIdle();
    if (isActivity(name)) this.lastActivity = this.now();
    const result = await this.target.invoke(name, input, this.caller);
    if (!result.ok) return result;
    if (SIGNS_IN.has(name)) {
      const signed = result.value as SignedIn;
      this.caller = signed.operator;
      this.lockAfterMs = signed.lockMinutes * 60_000;
      this.lastActivity = this.now();
      this.lockedFrom = null;
    }
    if (name === 'auth.signOut') {
      this.caller = null;
      this.lockedFrom = null;
    }
    // Who is signed in now, not when the call was sent: a status asked during a first start (which encrypts the
    // register, so it takes seconds) is answered after it, and must not send the new administrator to sign in.
    if (name === 'auth.status') return { ok: true, value: { ...(result.value as AuthStatus), operator: this.caller, lockedFrom: this.lockedFrom } };
    return result;
  }
}
