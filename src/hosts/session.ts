/**
 * Who is signed in, kept by the host for one window (desktop) or one token (browser mode) — never by the page, which
 * could claim anyone. Each call is handed to the registry with this caller, which alone decides what they may do;
 * the session only learns the caller from the registry's own answer to a sign-in or first start.
 */
import type { RpcResult } from '../contract/errors.js';
import type { Caller, SignedIn } from '../contract/operators.js';
import type { CallTarget } from './core.js';

const SIGNS_IN = new Set(['auth.signIn', 'auth.setup']);

export class Session {
  private caller: Caller | null = null;

  constructor(private readonly target: CallTarget) {}

  get signedIn(): Caller | null {
    return this.caller;
  }

  async invoke(name: string, input: unknown): Promise<RpcResult> {
    const result = await this.target.invoke(name, input, this.caller);
    if (result.ok && SIGNS_IN.has(name)) this.caller = (result.value as SignedIn).operator;
    if (name === 'auth.signOut') this.caller = null;
    return result;
  }
}
