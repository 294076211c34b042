/**
 * The core off the window's thread (design.md: "the window never waits on the database"). Browser mode and the
 * desktop app both start it: a writer thread that opens the data folder and runs every change and job, and reader
 * threads, each on its own connection (WAL lets them read while the writer writes), that answer queries. So a
 * whole-tree 统计表 preview or a 报备规则 save that re-derives every account keeps one thread busy while the next
 * call is answered by another. The host's own thread only relays messages.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { contract, isCallName } from '../contract/contract.js';
import { LedgerError, type RpcResult } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';
import type { Caller } from '../contract/operators.js';
import type { CoreReply, CoreRequest, CoreWorkerData } from './coreWorker.js';
import { makeNewFilesPrivate } from './dataFolder.js';
import type { LedgerOptions } from './ledger.js';

/** Whatever answers calls by name: the core, or an in-process registry (CLI, tests). */
export interface CallTarget {
  invoke(name: string, input: unknown, caller?: Caller | null): RpcResult | Promise<RpcResult>;
}

export interface CoreOptions extends LedgerOptions {
  /** The worker script; by default the TypeScript source, run through tsx (bundled beside main in the desktop app). */
  coreWorker?: { file: string; execArgv: string[] };
  /** Reader threads: two, so one long query still leaves one free while the writer is busy too. */
  readers?: number;
}

export interface Core extends CallTarget {
  invoke(name: string, input: unknown, caller?: Caller | null): Promise<RpcResult>;
  /** A finished browser-mode export by job id (the writer owns the jobs), and a way to say it was downloaded. */
  exportedFile(jobId: string): Promise<{ file: string; fileName: string; onDownloaded: () => void } | null>;
  close(): Promise<void>;
}

const SOURCE_WORKER = { file: fileURLToPath(new URL('./coreWorker.source.mjs', import.meta.url)), execArgv: [] };
const LOST: RpcResult = { ok: false, error: { code: 'INTERNAL', message: msg.api.internal } };
const UNSENDABLE: RpcResult = { ok: false, error: { code: 'VALIDATION', message: msg.api.badRequest } };

type Request = CoreRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** One worker thread and the replies it still owes; if it dies, those calls fail with a message and it is restarted. */
class CoreThread {
  private worker!: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: CoreReply) => void>();
  private closing = false;
  private started = false;
  private alive = false;
  /** Resolves when the current worker has exited (not merely answered `close`): only then is its connection gone. */
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly data: CoreWorkerData,
    private readonly script: { file: string; execArgv: string[] },
    private readonly onNotice?: (message: string) => void,
  ) {}

  /** The register key for the next start (readers of an encrypted register open with it). */
  useKey(key: string): void {
    this.data.options = { ...this.data.options, key };
  }

  get pending(): number {
    return this.waiting.size;
  }

  /** Starts the thread; rejects with the register's own message when it cannot be opened. */
  start(): Promise<void> {
    this.closing = false;
    this.started = false;
    this.alive = true;
    const worker = new Worker(this.script.file, { execArgv: this.script.execArgv, workerData: this.data });
    this.worker = worker;
    this.exited = new Promise((done) => worker.once('exit', () => done()));
    return new Promise((resolve, reject) => {
      worker.on('message', (reply: CoreReply) => {
        if (reply.type === 'ready') {
          this.started = true;
          return resolve();
        }
        if (reply.type === 'failed') {
          return reject(new LedgerError(reply.error.code, reply.error.message, reply.error.details));
        }
        if (reply.type === 'notice') return this.onNotice?.(reply.message);
        const done = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        done?.(reply);
      });
      worker.on('error', reject);
      worker.on('exit', () => {
        // A worker this thread has already replaced (closed, then started again) takes nothing with it.
        if (this.worker !== worker) return;
        this.alive = false;
        for (const done of this.waiting.values()) done({ id: 0, type: 'result', result: LOST });
        this.waiting.clear();
        // A thread that had come up and died is replaced; one that never came up is not retried in a loop.
        if (this.started && !this.closing) void this.start().catch(() => undefined);
      });
    });
  }

  send(request: Request): Promise<CoreReply> {
    if (!this.alive) return Promise.resolve({ id: 0, type: 'result', result: LOST });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      try {
        this.worker.postMessage({ ...request, id });
      } catch {
        // Input that cannot be sent to a thread (nested thousands deep) is refused; it must not stay pending.
        this.waiting.delete(id);
        resolve({ id, type: 'result', result: UNSENDABLE });
      }
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.send({ type: 'close' });
    await this.exited;
  }
}

export async function startCore(dataDir: string, options: CoreOptions = {}): Promise<Core> {
  const { coreWorker = SOURCE_WORKER, readers: readerCount = 2, onNotice, ...ledgerOptions } = options;
  makeNewFilesPrivate();
  const writer = new CoreThread({ dataDir, role: 'writer', options: ledgerOptions }, coreWorker, onNotice);
  // The writer opens (and migrates) the register first; readers then find it ready.
  await writer.start();
  const readers = Array.from({ length: readerCount }, () => new CoreThread({ dataDir, role: 'reader', options: ledgerOptions }, coreWorker));
  try {
    await Promise.all(readers.map((r) => r.start()));
  } catch (err) {
    await Promise.all([writer, ...readers].map((t) => t.close().catch(() => undefined)));
    throw err;
  }

  let readersOpen = true;
  /**
   * Until the writer has a key, a sign-in may encrypt the register in place (a plain one that already has operators,
   * keyGate.ts), which needs the file to itself as a restore does: the readers, open on the plain file, step aside.
   */
  let keyKnown = !!ledgerOptions.key;
  /**
   * The writer opened an encrypted register (first sign-in, or first start encrypted it): the readers, closed or
   * still on the plain file, start again with its key before the sign-in is answered, so no query finds them closed.
   */
  const rekeyReaders = async (key: string) => {
    readersOpen = false;
    await Promise.all(readers.map((r) => r.close()));
    for (const r of readers) r.useKey(key);
    await Promise.all(readers.map((r) => r.start()));
    readersOpen = true;
  };
  const resultOf = async (reply: CoreReply): Promise<RpcResult> => {
    if (reply.type !== 'result') return LOST;
    if (reply.key) {
      keyKnown = true;
      if (readersOpen) await rekeyReaders(reply.key);
      else for (const r of readers) r.useKey(reply.key);
    }
    return reply.result;
  };
  /** Queries go to the least busy reader, or to the writer when every reader is busy and it is not. */
  const threadFor = (name: string): CoreThread => {
    if (!readersOpen || !isCallName(name) || contract[name].kind !== 'query') return writer;
    const reader = readers.reduce((a, b) => (b.pending < a.pending ? b : a));
    return reader.pending > 0 && writer.pending === 0 ? writer : reader;
  };

  /**
   * A call that needs the register file to itself (a restore swaps it): the readers finish what they were asked,
   * close their connections, and reopen on whatever file is in place afterwards; queries meanwhile wait on the writer.
   */
  let exclusiveDone: Promise<unknown> = Promise.resolve();
  const exclusive = (name: string, input: unknown, caller: Caller | null): Promise<RpcResult> => {
    // One at a time (a double click on 恢复): each waits for the previous one to have reopened the readers.
    const run = exclusiveDone.then(() => exclusiveNow(name, input, caller));
    exclusiveDone = run.catch(() => undefined);
    return run;
  };
  const exclusiveNow = async (name: string, input: unknown, caller: Caller | null): Promise<RpcResult> => {
    readersOpen = false;
    await Promise.all(readers.map((r) => r.close()));
    try {
      return await resultOf(await writer.send({ type: 'invoke', name, input, caller }));
    } finally {
      await Promise.all(readers.map((r) => r.start()));
      readersOpen = true;
    }
  };

  return {
    async invoke(name, input, caller = null) {
      const mayEncrypt = !keyKnown && (name === 'auth.signIn' || name === 'auth.recover');
      if ((isCallName(name) && contract[name].exclusive) || mayEncrypt) return exclusive(name, input, caller);
      // The caller travels with each call: the threads keep no sessions, the host does (session.ts).
      return resultOf(await threadFor(name).send({ type: 'invoke', name, input, caller }));
    },
    async exportedFile(jobId) {
      const reply = await writer.send({ type: 'export', jobId });
      if (reply.type !== 'export' || !reply.found) return null;
      return { ...reply.found, onDownloaded: () => void writer.send({ type: 'downloaded', jobId }) };
    },
    async close() {
      await Promise.all([...readers, writer].map((t) => t.close()));
    },
  };
}
