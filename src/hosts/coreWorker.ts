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
  | { id: number; type: 'result'; result: RpcResult }
  | { id: number; type: 'export'; found: { file: string; fileName: string } | null }
  | { id: number; type: 'done' };

const { dataDir, role, options } = workerData as CoreWorkerData;
const port = parentPort!;
const post = (reply: CoreReply) => port.postMessage(reply);

try {
  const ledger = role === 'writer' ? openLedger(dataDir, options) : openReader(dataDir, options);
  port.on('message', (m: CoreRequest) => {
    if (m.type === 'invoke') post({ id: m.id, type: 'result', result: ledger.registry.invoke(m.name, m.input, m.caller) });
    else if (m.type === 'export') {
      const found = ledger.jobs?.exportedFile(m.jobId) ?? null;
      post({ id: m.id, type: 'export', found: found && { file: found.file, fileName: found.fileName } });
    } else if (m.type === 'downloaded') {
      ledger.jobs?.exportedFile(m.jobId)?.onDownloaded();
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
