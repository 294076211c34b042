/**
 * Export jobs: each report or package is written by a worker thread so the window (and the loopback host)
 * stays responsive; callers poll status for the progress bar and may cancel. Nothing here touches Electron.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { LedgerError } from '../contract/errors.js';
import type { BackupEntry } from '../contract/system.js';
import { backupName, listBackups } from '../db/backup.js';
import { msg } from '../i18n/messages.js';
import type { JobStatus, ReportKind } from '../contract/reports.js';
import type { ReportParams } from '../reports/definition.js';
import { checkTarget, failureMessage, tempPathFor } from '../reports/targets.js';
import type { PackageParams } from '../reports/upwardPackage.js';
import type { ReminderParams } from '../reports/reminderList.js';
import type { FormParams } from '../reports/paperForms.js';
import type { ServiceContext } from '../services/context.js';
import type { ImportOutcome } from '../contract/importOutcome.js';
import type { ImportKind } from '../contract/importOutcome.js';
import { LIMITS, WORKER_RESOURCE_LIMITS } from '../imports/limits.js';
import type { ImportRequest } from '../imports/importRun.js';

export type ExportTask =
  | { type: 'report'; kind: ReportKind; params: ReportParams; outPath: string }
  | { type: 'package'; params: PackageParams; outPath: string }
  | { type: 'reminders'; params: ReminderParams; outPath: string }
  | { type: 'form'; params: FormParams; outPath: string }
  | { type: 'backup'; outPath: string; attachmentsDir: string }
  /** A preview or an import; outPath is where the error workbook goes (written only when asked and rows were refused). */
  | { type: 'import'; request: Omit<ImportRequest, 'errors'>; writeErrors: boolean; outPath: string }
  | { type: 'template'; kind: ImportKind; outPath: string };

/** A task as requested: the path is optional (browser mode writes into the export folder). */
type WithoutPath<T> = T extends unknown ? Omit<T, 'outPath'> : never;
export type TaskRequest = WithoutPath<ExportTask> & { outPath?: string; fileName: string };

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; outcome?: ImportOutcome; wroteFile?: boolean }
  | { type: 'cancelled'; message?: string }
  | { type: 'failed'; message: string };

export interface ExportJobsOptions {
  dbFile: string;
  /** Where exports go when the caller gives no path (browser mode downloads them from here). */
  exportDir: string;
  /** Where backups of the register are kept, inside the data folder. */
  backupDir: string;
  /** The data folder's scanned forms, which go into every backup. */
  attachmentsDir: string;
  /** Where files chosen for import wait for their preview and import (and exceljs's temporary files go). */
  importDir: string;
  /** The worker's script and the Node flags it needs (tsx for the TypeScript source; none when bundled). */
  workerFile: string;
  workerExecArgv: string[];
  nativeBinding?: string;
  /** The register key (hex) when it is encrypted: each worker opens its own connection with it. */
  key?: string;
  actor: string;
}

/** What the registry hands every call: the services' context plus the export jobs (null where the register lives only in memory). */
export interface JobContext extends ServiceContext {
  jobs: ExportJobs | null;
}

/**
 * At most this many workers at once: each holds its own connection, a sheet's XML and a zip in memory (20 at
 * once took 718 MB). Further exports wait in `queued` and start in turn, so nobody has to retry by hand.
 */
export const MAX_RUNNING = 2;

/** Browser-mode exports finished but never downloaded (page closed) are kept no more than this many. */
export const MAX_WAITING_DOWNLOADS = 5;

interface Job {
  status: JobStatus;
  task: ExportTask;
  /** The worker's temporary file, known here so it is removed however the worker ends (terminated too). */
  temp: string;
  worker: Worker | null;
}

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly uploads = new Map<string, string>();
  private closed = false;

  constructor(private options: ExportJobsOptions) {}

  /** The register was encrypted in place (first start): workers started from now on open it with its key. */
  useKey(key: string | undefined): void {
    this.options = { ...this.options, key };
  }

  /** Checks the target now (a wrong folder is refused at once), then runs the job or queues it. */
  start(request: TaskRequest): JobStatus {
    const id = crypto.randomUUID();
    const outPath = request.outPath ?? path.join(this.options.exportDir, `${id.slice(0, 8)}-${request.fileName}`);
    checkTarget(outPath, this.isOwnFolder(path.dirname(outPath)));
    const status: JobStatus = { id, state: 'queued', done: 0, total: 0, fileName: request.outPath ? path.basename(outPath) : request.fileName, file: null, error: null };
    this.jobs.set(id, { status, task: { ...request, outPath } as ExportTask, temp: tempPathFor(outPath, id.slice(0, 8)), worker: null });
    this.launchQueued();
    return { ...status };
  }

  private isOwnFolder(folder: string): boolean {
    return [this.options.exportDir, this.options.backupDir].some((own) => path.resolve(own) === path.resolve(folder));
  }

  private launchQueued(): void {
    const all = [...this.jobs.values()];
    let running = all.filter((j) => j.worker).length;
    for (const job of all) {
      if (this.closed || running >= MAX_RUNNING) return;
      if (job.status.state !== 'queued') continue;
      this.launch(job);
      running++;
    }
  }

  private launch(job: Job): void {
    const { status, task, temp } = job;
    status.state = 'running';
    const parsing = task.type === 'import';
    // exceljs may spill a sheet into temporary files: they go into the data folder, in a folder removed when the job ends.
    const scratch = path.join(this.options.importDir, `tmp-${status.id.slice(0, 8)}`);
    if (parsing) fs.mkdirSync(scratch, { recursive: true, mode: 0o700 });
    const worker = new Worker(this.options.workerFile, {
      execArgv: this.options.workerExecArgv,
      workerData: { dbFile: this.options.dbFile, nativeBinding: this.options.nativeBinding, key: this.options.key, actor: this.options.actor, task, temp },
      // A file from outside is parsed with a bounded heap and clock, and exceljs's temporary files stay in the data folder.
      ...(parsing ? { resourceLimits: WORKER_RESOURCE_LIMITS, env: { ...process.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch } } : {}),
    });
    job.worker = worker;
    const timer = parsing ? setTimeout(() => this.stop(status, worker, msg.imports.timeout(LIMITS.workerSeconds)), LIMITS.workerSeconds * 1000) : null;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') Object.assign(status, { done: m.done, total: m.total });
      else if (m.type === 'done') {
        Object.assign(status, { state: 'done', file: m.wroteFile === false ? null : task.outPath, done: status.total, outcome: m.outcome ?? null });
        this.limitWaitingDownloads();
      } else if (m.type === 'cancelled') Object.assign(status, { state: 'cancelled', error: m.message ?? msg.report.cancelled });
      else Object.assign(status, { state: 'failed', error: m.message });
    });
    worker.on('error', (err) =>
      Object.assign(status, { state: 'failed', error: (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? msg.imports.outOfMemory : failureMessage(err, task.outPath) }),
    );
    worker.on('exit', () => {
      if (timer) clearTimeout(timer);
      if (parsing) removeQuietly(scratch);
      if (status.state === 'running') Object.assign(status, { state: 'failed', error: msg.report.failed });
      // Whether it finished, failed or was terminated mid-write: no half file with personal data stays behind.
      removeQuietly(temp);
      job.worker = null;
      this.launchQueued();
    });
  }

  /** Ends a worker that ran out of time; its transaction, if any, never commits. */
  private stop(status: JobStatus, worker: Worker, message: string): void {
    if (status.state !== 'running') return;
    Object.assign(status, { state: 'failed', error: message });
    void worker.terminate();
  }

  /** Keeps a file chosen for import in the data folder (private, like everything there) under a new id. */
  saveUpload(fileName: string, content: Buffer): string {
    const id = crypto.randomUUID();
    fs.mkdirSync(this.options.importDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(this.uploadFile(id, fileName), content, { mode: 0o600 });
    this.uploads.set(id, fileName);
    return id;
  }

  /** The stored file and its original name, or null when it is gone (another run of the program). */
  upload(id: string): { file: string; fileName: string } | null {
    const fileName = this.uploads.get(id);
    if (fileName === undefined) return null;
    const file = this.uploadFile(id, fileName);
    return fs.existsSync(file) ? { file, fileName } : null;
  }

  private uploadFile(id: string, fileName: string): string {
    // The extension tells the reader what the file claims to be; the name itself stays out of the path.
    return path.join(this.options.importDir, `${id}${path.extname(fileName).toLowerCase().replace(/[^.a-z0-9]/g, '')}`);
  }

  status(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new LedgerError('NOT_FOUND', msg.report.jobNotFound);
    return { ...job.status };
  }

  cancel(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new LedgerError('NOT_FOUND', msg.report.jobNotFound);
    if (job.status.state === 'queued') Object.assign(job.status, { state: 'cancelled', error: msg.report.cancelled });
    if (job.status.state === 'running') job.worker?.postMessage('cancel');
    return { ...job.status };
  }

  /** Resolves when the job has ended and its worker has exited (for the CLI and tests). */
  async wait(id: string): Promise<JobStatus> {
    while (['queued', 'running'].includes(this.status(id).state) || this.jobs.get(id)!.worker) await new Promise((r) => setTimeout(r, 50));
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

  /** A restore may replace the database file only when no worker still has it open. */
  busy(): boolean {
    return [...this.jobs.values()].some((j) => j.worker !== null);
  }

  /**
   * A finished browser-mode export, only if it lies in the export folder and is still there. The host calls
   * `onDownloaded` once the file has been sent: it is removed then, as the person now has their copy.
   */
  exportedFile(id: string): { file: string; fileName: string; onDownloaded: () => void } | null {
    const s = this.jobs.get(id)?.status;
    if (!s || s.state !== 'done' || !s.file || !this.isWaitingDownload(s)) return null;
    return { file: s.file, fileName: s.fileName, onDownloaded: () => this.removeExport(s) };
  }

  private isWaitingDownload(s: JobStatus): boolean {
    return s.state === 'done' && s.file !== null && path.resolve(path.dirname(s.file)) === path.resolve(this.options.exportDir);
  }

  private removeExport(s: JobStatus): void {
    if (s.file) removeQuietly(s.file);
    s.file = null;
  }

  /** Bounds what a page that closed before downloading leaves in the data folder: the oldest go first. */
  private limitWaitingDownloads(): void {
    const waiting = [...this.jobs.values()].map((j) => j.status).filter((s) => this.isWaitingDownload(s));
    for (const s of waiting.slice(0, Math.max(0, waiting.length - MAX_WAITING_DOWNLOADS))) this.removeExport(s);
  }

  /** Stops every worker (the app is closing); their temporary files are removed as each one exits. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.jobs.values()) if (job.status.state === 'queued') Object.assign(job.status, { state: 'cancelled', error: msg.report.cancelled });
    await Promise.all([...this.jobs.values()].map((j) => j.worker?.terminate()));
    // Files chosen for import hold personal data: they do not outlive the program.
    for (const id of this.uploads.keys()) {
      const found = this.upload(id);
      if (found) removeQuietly(found.file);
    }
  }
}

/** A file that cannot be removed now (still open on Windows, a name too long to exist) is left to the sweep at the next start. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true, recursive: true });
  } catch {
    // See above: nothing the person could do about it now.
  }
}
