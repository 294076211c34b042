/** The register itself: version and data folder, backups and restore, demo data. */
import { z } from 'zod';
import { change, cleanString, empty, job, query } from './common.js';
import { msg } from '../i18n/messages.js';
import type { JobStatus } from './reports.js';
import { schemaWords as words } from '../i18n/schemaWords.js';

export const demoGenerate = z.object({
  members: z.number().int().min(1).max(1_000_000).default(2000),
  seed: z.number().int().min(0).default(1),
});

export interface SystemInfo {
  version: string;
  schemaVersion: number;
  sqliteVersion: string;
  dataDir: string;
  actor: string;
}

/** What the demo generator put into an empty register. */
export interface DemoResult {
  organizations: number;
  members: number;
  accounts: number;
  filings: number;
  requests: number;
  commendations: number;
  protectionCases: number;
  declarations: number;
}

/** 恢复 names a backup listed in the data folder (never a path) and must be confirmed by the person. */
export const backupRestore = z.object({
  fileName: cleanString(words.system.fileName, { required: msg.restore.chooseBackup }).min(1, { error: msg.restore.chooseBackup }),
  confirm: z.literal(true, { error: msg.restore.confirmFirst }),
});

/** A backup in the data folder's backups/ (a checked folder, or a single file from an earlier release). */
export interface BackupEntry {
  fileName: string;
  sizeBytes: number;
  createdAt: string;
}

export interface RestoreOutcome {
  restoredFrom: string;
  /** Where the register it replaced is kept (null when the data folder was empty). */
  keptAs: string | null;
}

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const systemCalls = {
  /** Open: 关于 shows the version before anyone signs in (the data folder's path is all it tells of the register). */
  'system.info': query<SystemInfo>()(empty, { access: 'open' }),
  'system.stats': query<Record<string, number>>()(empty),
  /** Fills an empty register with invented data (refused when anything is recorded). */
  'system.demo': change<DemoResult>()(demoGenerate, { access: 'admin' }),
  /** A checked backup folder (register + scans) in the data folder's backups/, made off the main thread. */
  'system.backup': job<JobStatus>()(empty),
  'system.backups': job<BackupEntry[]>()(empty),
  /** Replaces the register with a listed backup; what it replaces is kept under replaced/ (admin action). */
  'system.restore': change<RestoreOutcome>()(backupRestore, { exclusive: true, access: 'admin' }),
};
