/**
 * Export jobs: each report or package is written by a worker thread so the window (and the loopback host)
 * stays responsive; callers poll status for the progress bar and may cancel. Nothing here touches Electron.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { LedgerError } from '../api/errors.js';
import { backupName, listBackups, type BackupEntry } from '../db/backup.js';
import { msg } from '../i18n/messages.js';
import type { ReportKind, ReportParams } from './definition.js';
import type { PackageParams } from './upwardPackage.js';

export type ExportTask =
  | { type: 'report'; kind: ReportKind; params: ReportParams; outPath: string }
  | { type: 'package'; params: PackageParams; outPath: string }
  | { type: 'backup'; outPath: string; attachmentsDir: string };

/** A task as requested: the path is optional (browser mode writes into the export folder). */
type WithoutPath<T> = T extends unknown ? Omit<T, 'outPath'> : never;
export type TaskRequest = WithoutPath<ExportTask> & { outPath?: string; fileName: string };

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done' }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };

export interface JobStatus {
  id: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  fileName: string;
  /** Where the file is, once done. */
  file: string | null;
  error: string | null;
}

export interface ExportJobsOptions {
  dbFile: string;
  /** Where exports go when the caller gives no path (browser mode downloads them from here). */
  exportDir: string;
  /** Where backups of the register are kept, inside the data folder. */
  backupDir: string;
  /** The data folder's scanned forms, which go into every backup. */
  attachmentsDir: string;
  /** The worker's script and the Node flags it needs (tsx for the TypeScript source; none when bundled). */
  workerFile: string;
  workerExecArgv: string[];
  nativeBinding?: string;
  actor: string;
}

interface Job {
  status: JobStatus;
  worker: Worker;
}

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly options: ExportJobsOptions) {}

  start(task: TaskRequest): JobStatus {
    const id = crypto.randomUUID();
    const outPath = task.outPath ?? path.join(this.options.exportDir, `${id.slice(0, 8)}-${task.fileName}`);
    fs.mkdirSync(path.dirname(outPath), { recursive: true });
    const worker = new Worker(this.options.workerFile, {
      execArgv: this.options.workerExecArgv,
      workerData: { dbFile: this.options.dbFile, nativeBinding: this.options.nativeBinding, actor: this.options.actor, task: { ...task, outPath } },
    });
    const status: JobStatus = { id, state: 'running', done: 0, total: 0, fileName: task.outPath ? path.basename(task.outPath) : task.fileName, file: null, error: null };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') Object.assign(status, { done: m.done, total: m.total });
      else if (m.type === 'done') Object.assign(status, { state: 'done', file: outPath, done: status.total });
      else if (m.type === 'cancelled') Object.assign(status, { state: 'cancelled', error: msg.report.cancelled });
      else Object.assign(status, { state: 'failed', error: m.message });
    });
    worker.on('error', (err) => Object.assign(status, { state: 'failed', error: `${msg.report.failed}${err.message}` }));
    worker.on('exit', () => {
      if (status.state === 'running') Object.assign(status, { state: 'failed', error: msg.report.failed });
    });
    this.jobs.set(id, { status, worker });
    return { ...status };
  }

  status(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new LedgerError('NOT_FOUND', msg.report.jobNotFound);
    return { ...job.status };
  }

  cancel(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new LedgerError('NOT_FOUND', msg.report.jobNotFound);
    if (job.status.state === 'running') job.worker.postMessage('cancel');
    return { ...job.status };
  }

  /** Resolves when the job has left `running` and its worker is gone with its connection (for the CLI and tests). */
  async wait(id: string): Promise<JobStatus> {
    while (this.status(id).state === 'running' || this.jobs.get(id)!.worker.threadId !== -1) await new Promise((r) => setTimeout(r, 50));
    return this.status(id);
  }

  /** Backups in the data folder, newest first. */
  backups(): BackupEntry[] {
    return listBackups(this.options.backupDir);
  }

  /** A backup folder under a new name (never over an existing one) in `dir`, by default the data folder's backups/. */
  startBackup(now: Date, dir = this.options.backupDir): JobStatus {
    const name = backupName(now);
    return this.start({ type: 'backup', outPath: path.join(dir, name), attachmentsDir: this.options.attachmentsDir, fileName: name });
  }

  /** A restore may replace the database file only when no worker still has it open (an exited worker's id is -1). */
  busy(): boolean {
    return [...this.jobs.values()].some((j) => j.worker.threadId !== -1);
  }

  /** A finished browser-mode export, only if it lies in the export folder. */
  exportedFile(id: string): { file: string; fileName: string } | null {
    const s = this.jobs.get(id)?.status;
    if (!s || s.state !== 'done' || !s.file) return null;
    if (path.dirname(path.resolve(s.file)) !== path.resolve(this.options.exportDir)) return null;
    return { file: s.file, fileName: s.fileName };
  }

  async close(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.worker.terminate()));
  }
}
