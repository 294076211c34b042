/**
 * 汇总上报: the 上报数据包 sub-units send up — inspected, imported as that organization's submission for its period,
 * listed, compared with the previous one, and chased (催报) when missing. Format: resources/upward-package-format.md.
 */
import { z } from 'zod';
import type { Figures } from '../domain/figures.js';
import { msg } from '../i18n/messages.js';
import { change, cleanString, id, query, text } from './common.js';
import { schemaWords as words } from '../i18n/schemaWords.js';

/** The largest package accepted, checked before anything is parsed (the window's call body holds it as base64). */
export const MAX_PACKAGE_BYTES = 20 * 1024 * 1024;

const packageFile = z.object({
  fileName: text(words.consolidation.fileName, 255),
  /** The file's bytes, base64: a package may be sealed with a transfer password, so the core, not the window, reads it. */
  contentBase64: cleanString(words.consolidation.contentBase64, { refusal: msg.consolidation.notPackage })
    .max(Math.ceil(MAX_PACKAGE_BYTES / 3) * 4, { error: msg.consolidation.tooLarge(MAX_PACKAGE_BYTES) }),
  /** The password agreed with the sub-unit, for a package sealed with one (refused with details.passwordRequired without it). */
  transferPassword: cleanString('传输密码').max(200).optional(),
});

export const packageImport = packageFile.extend({
  /** Our organization the package's source is, as confirmed by the person; omitted once remembered. */
  organizationId: id.optional(),
  /** Confirms replacing the current submission of the same organization and period (kept as history). */
  replace: z.boolean().default(false),
});

const period = text(words.consolidation.period, 40, { required: msg.consolidation.periodRequired });

export const submissionList = z.object({ period: period.optional(), includeReplaced: z.boolean().default(false) });

export const missingQuery = z.object({
  period,
  /** The receiving organization: its direct children are expected (default: the top of the tree). */
  organizationId: id.optional(),
  /** A chosen set of expected organizations instead of the direct children. */
  expectedIds: z.array(id).min(1).max(5000).optional(),
});

export const consolidatedQuery = z.object({ period, organizationId: id.optional() });

/** The 统计表 figures of one organization, keyed in the 统计表's column order (the one definition's keys). */
export { FIGURE_KEYS, type Figures } from '../domain/figures.js';

export interface PackageSource {
  /** The sender's root code in its own register: shown, never used to match. */
  code: string;
  fullName: string;
  partyCode: string | null;
}

export interface PackagePeriod {
  label: string;
  from: string;
  to: string;
  /** The day the sender's figures are as of (its period's end, or the day it wrote the package). */
  asOf: string;
}

export interface Submission {
  id: number;
  organizationId: number;
  organizationCode: string;
  organizationName: string;
  source: PackageSource;
  period: PackagePeriod;
  generatedAt: string;
  importedAt: string;
  importedBy: string;
  fileName: string;
  sha256: string;
  counts: Record<string, number>;
  /** Null while it is the current submission of its organization and period. */
  replacedBy: number | null;
  replacedAt: string | null;
}

export interface AccountChange {
  ref: number;
  organizationName: string;
  ownerName: string | null;
  platform: string;
  displayName: string;
  /** The filing state before and after (null when absent on that side). */
  before: string | null;
  after: string | null;
}

/** What changed against the same organization's previous submission, account by account. */
export interface SubmissionDiff {
  previous: { id: number; period: string; importedAt: string } | null;
  added: AccountChange[];
  closed: AccountChange[];
  stateChanged: AccountChange[];
  /** In the previous package, absent from this one (closed before the period began, or removed). */
  removed: AccountChange[];
}

export type MappingBasis = 'remembered' | 'partyCode' | 'fullName';

export interface PackageInspection {
  fileName: string;
  sizeBytes: number;
  sha256: string;
  source: PackageSource;
  period: PackagePeriod;
  generatedAt: string;
  counts: Record<string, number>;
  /** The sender's own 统计表 合计, computed from the package as its own register computes it. */
  totals: Figures;
  /** The proposed organization (null: none found, the person chooses) and on what it rests. */
  mapping: { organizationId: number; organizationName: string; basis: MappingBasis } | null;
  /** The current submission of the proposed organization for the same period: importing replaces it. */
  current: Submission | null;
  /** Against the proposed organization's latest submission (null when there is no proposal). */
  diff: SubmissionDiff | null;
}

export interface MissingList {
  period: string;
  organizationId: number;
  organizationName: string;
  expected: { organizationId: number; code: string; fullName: string; submissionId: number | null; importedAt: string | null }[];
  missing: number;
}

/** A row of the consolidated 统计表: one organization of a submission, placed below the organization it maps to. */
export interface ConsolidatedRow {
  submissionId: number;
  /** Where the row comes from: the sender's root as it names itself. */
  sourceName: string;
  mappedOrganizationId: number;
  /** '' for the sender's root, '002' for its second child… relative to the mapped organization. */
  relativeCode: string;
  fullName: string;
  /** 0 for the sender's root, 1 for its children… */
  depth: number;
  figures: Figures;
}

export interface ConsolidatedRows {
  period: string;
  rows: ConsolidatedRow[];
  /** Per mapped organization: its submission's figures summed over the sender's whole tree. */
  byOrganization: { organizationId: number; submissionId: number; sourceName: string; figures: Figures }[];
}

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const consolidationCalls = {
  'consolidation.inspect': query<PackageInspection>()(packageFile),
  'consolidation.import': change<{ submission: Submission; replaced: number | null; diff: SubmissionDiff }>()(packageImport),
  'consolidation.list': query<{ periods: string[]; submissions: Submission[] }>()(submissionList),
  'consolidation.diff': query<SubmissionDiff>()(z.object({ id })),
  'consolidation.missing': query<MissingList>()(missingQuery),
  'consolidation.rows': query<ConsolidatedRows>()(consolidatedQuery),
};
