/**
 * The renderer's one client: IPC through the preload when running in Electron, HTTP to the loopback
 * host in browser mode. Both return the registry's result; failures become a LedgerError with a Chinese message.
 */
import type { LedgerBridge } from '../src/contract/bridge.js';
import { valueOf, type CallInput, type CallName, type CallOutput } from '../src/contract/contract.js';
import { LedgerError, type ErrorBody, type RpcResult } from '../src/contract/errors.js';
import { t } from './strings.js';

declare global {
  interface Window {
    ledger?: LedgerBridge;
  }
}

const TOKEN_KEY = 'netledger.token';

/** Browser mode: the token arrives once in the address (?token=…), is kept for the tab, and leaves the address bar. */
function browserToken(): string {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (rest ? `?${rest}` : '') + window.location.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function overHttp(name: string, input: unknown): Promise<RpcResult> {
  try {
    const res = await fetch(`/rpc/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': browserToken() },
      body: JSON.stringify(input ?? {}),
    });
    return (await res.json()) as RpcResult;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: t.common.networkError } };
  }
}

const signedOutListeners = new Set<() => void>();

/** Called whenever the host refuses a call because no one is signed in (signed out elsewhere, or the console locked). */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = window.ledger ? await window.ledger.invoke(name, input) : await overHttp(name, input);
  if (!result.ok && result.error.code === 'SIGNED_OUT') for (const listener of signedOutListeners) listener();
  return valueOf<N>(result);
}

/** Read the token early so it leaves the address bar before anything else renders. */
export function initTransport(): void {
  if (!window.ledger) browserToken();
}

/** Browser mode: fetches a finished export with the token. */
export async function fetchExport(jobId: string): Promise<Blob> {
  const res = await fetch(`/exports/${jobId}`, { headers: { 'X-Ledger-Token': browserToken() } });
  if (res.ok) return res.blob();
  const { error } = (await res.json()) as { error: ErrorBody };
  throw new LedgerError(error.code, error.message, error.details);
}
