/**
 * One thread of the core (see core.ts): owns its own connection to the register and answers calls posted by the
 * host, so the window's thread never runs a query. The writer also owns the export jobs; readers only read.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LedgerError, type ErrorBody, type RpcResult } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';
import type { Caller } from '../contract/operators.js';
import { openLedger, openReader, type LedgerOptions } from './ledger.js';

export interface CoreWorkerData {
  dataDir: string;
  role: 'writer' | 'reader';
  options: LedgerOptions;
}

export type CoreRequest =
  | { id: number; type: 'invoke'; name: string; input: unknown; caller: Caller | null }
  | { id: number; type: 'export'; jobId: string }
  | { id: number; type: 'downloaded'; jobId: string }
  | { id: number; type: 'close' };

export type CoreReply =
  | { type: 'ready' }
  | { type: 'failed'; error: ErrorBody }
  /** A line for the person waiting (LedgerOptions.onNotice), which a function in workerData could not carry. */
  | { type: 'notice'; message: string }
  /** `key`: the writer has just opened the encrypted register (first sign-in, or first start): readers need it. */
  | { id: number; type: 'result'; result: RpcResult; key?: string }
  | { id: number; type: 'export'; found: { file: string; fileName: string } | null }
  | { id: number; type: 'done' };

const { dataDir, role, options } = workerData as CoreWorkerData;
const port = parentPort!;
const post = (reply: CoreReply) => port.postMessage(reply);

try {
  const ledger = role === 'writer' ? openLedger(dataDir, { ...options, onNotice: (message) => post({ type: 'notice', message }) }) : openReader(dataDir, options);
  let keySent = options.key ?? null;
  // An encrypted register not yet opened has no jobs (and nothing to download).
  const jobs = () => ('isOpen' in ledger && !ledger.isOpen ? null : ledger.jobs);
  port.on('message', (m: CoreRequest) => {
    if (m.type === 'invoke') {
      const result = ledger.registry.invoke(m.name, m.input, m.caller);
      const key = 'key' in ledger ? ledger.key : null;
      post({ id: m.id, type: 'result', result, ...(key && key !== keySent ? { key } : {}) });
      keySent = key;
    } else if (m.type === 'export') {
      const found = jobs()?.exportedFile(m.jobId) ?? null;
      post({ id: m.id, type: 'export', found: found && { file: found.file, fileName: found.fileName } });
    } else if (m.type === 'downloaded') {
      jobs()?.exportedFile(m.jobId)?.onDownloaded();
      post({ id: m.id, type: 'done' });
    } else
      void ledger.close().then(() => {
        post({ id: m.id, type: 'done' });
        port.close();
      });
  });
  post({ type: 'ready' });
} catch (err) {
  // The register could not be opened (newer version, foreign file…): the host shows the message and stops.
  if (!(err instanceof LedgerError)) console.error(err);
  post({ type: 'failed', error: err instanceof LedgerError ? err.toBody() : { code: 'INTERNAL', message: msg.api.internal } });
  port.close();
}
