/** The register itself: version and data folder, demo data. */
import { z } from 'zod';
import { change, empty, query } from './common.js';

export const demoGenerate = z.object({
  members: z.number().int().min(1).max(1_000_000).default(2000),
  seed: z.number().int().min(0).default(1),
});

export interface SystemInfo {
  version: string;
  schemaVersion: number;
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

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const systemCalls = {
  'system.info': query<SystemInfo>()(empty),
  'system.stats': query<Record<string, number>>()(empty),
  /** Fills an empty register with invented data (refused when anything is recorded). */
  'system.demo': change<DemoResult>()(demoGenerate),
};
