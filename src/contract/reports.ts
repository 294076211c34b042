/** 上报报表: report kinds, preview, export jobs and the upward data package. */
import { z } from 'zod';
import { cleanString, id, integer, isoDate, job, query, text } from './common.js';
import type { ImportOutcome } from './importOutcome.js';
import type { LedgerSettings } from './settings.js';
import { DETAIL_LISTINGS } from '../domain/figures.js';
import { msg } from '../i18n/messages.js';
import { schemaWords as words } from '../i18n/schemaWords.js';

export const REPORT_KINDS = ['summary', 'detail', 'commendations', 'requests', 'campaign', 'chase', 'handover'] as const;

export type ReportKind = (typeof REPORT_KINDS)[number];

/** The forms printed for a member to sign: 报告/备案登记表 per account, 零报告表 for the annual review. */
export const PAPER_FORMS = ['filing', 'zero'] as const;
export type PaperForm = (typeof PAPER_FORMS)[number];

export const reportParams = z.object({
  organizationId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  campaignId: id.optional(),
  /** 填报日期 printed on the report; today when left out. */
  reportDate: isoDate.optional(),
  /** 明细表: accounts needing 报告/备案 (default), every open account, or the closed ones. */
  listing: z.enum(DETAIL_LISTINGS, { error: words.reports.listingError }).optional(),
  /** 统计表 and 明细表: also the sub-units' 上报数据包 received for this period (汇总上报), with each row's source. */
  consolidatedPeriod: text(words.reports.consolidatedPeriod, 40).optional(),
  /** 明细表: whole ID numbers. By default they are masked (3299**********1258): the receiver tells people apart by name and the last digits. */
  fullIdNumbers: z.boolean().optional(),
  /** 明细表: a saved column template (columns, their order and names, and whether ID numbers print whole). */
  templateId: id.optional(),
  /** 催报名单: the 即将到期 sheet lists accounts due within this many days (default 7, as the 首页). */
  dueWithinDays: integer(words.reports.dueWithinDays, 1, 365).optional(),
});

export const reportPreview = reportParams.extend({ kind: z.enum(REPORT_KINDS, { error: words.reports.kindError }) });

/** outPath: a file chosen in the desktop's save dialog; browser mode leaves it out and downloads the result. */
const outPath = cleanString(words.reports.outPath).max(1000).optional();

export const exportStart = z.discriminatedUnion('type', [
  reportParams.extend({ type: z.literal('report'), kind: z.enum(REPORT_KINDS, { error: words.reports.kindError }), outPath }),
  reportParams.extend({
    type: z.literal('package'),
    period: text(words.reports.period, 40, { required: msg.pkg.periodRequired }),
    outPath,
    /** Seals the package with a password agreed with the higher level (AES-256-GCM); plain when left out. */
    transferPassword: cleanString('传输密码').min(8, { error: msg.pkg.transferPasswordShort }).max(200).optional(),
  }),
  /** 汇总上报's 催报 list: the organization's expected sub-units without a package for the period. */
  z.object({ type: z.literal('reminders'), organizationId: id.optional(), period: text(words.reports.period, 40, { required: msg.consolidation.periodRequired }), outPath }),
  /**
   * A paper form to print, sign and scan back: the 报告/备案登记表 of an account, or the 零报告表 of a member for an
   * annual review (the current one unless named). Without an account or member, the blank form.
   */
  z.object({
    type: z.literal('form'),
    form: z.enum(PAPER_FORMS, { error: words.reports.formError }),
    accountId: id.optional(),
    memberId: id.optional(),
    campaignId: id.optional(),
    outPath,
  }),
]);

export const jobRef = z.object({ jobId: cleanString(words.reports.jobRef).uuid() });

export type ExportStart = z.output<typeof exportStart>;

export interface ReportPreview {
  kind: ReportKind;
  unit: string;
  reportDate: string;
  signature: LedgerSettings['signature'];
  sheets: { name: string; title: string; subtitle: string; headers: string[]; groups: (string | null)[]; widths: number[]; rows: (string | number | null)[][]; total: number; /** The sheet's own line to sign, when not the report's `signature`. */ signature: string | null }[];
}

export interface JobStatus {
  id: string;
  /** `queued`: waiting for a free export worker (at most two run at once). */
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  fileName: string;
  /** Where the file is, once done (null again once a browser-mode download has taken it away). */
  file: string | null;
  error: string | null;
  /** What an import job found or did (preview or run), once done; null for exports. */
  outcome?: ImportOutcome | null;
}

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const reportsCalls = {
  'reports.preview': query<ReportPreview>()(reportPreview),
  'reports.start': job<JobStatus>()(exportStart),
  'jobs.status': job<JobStatus>()(jobRef, { background: true }),
  'jobs.cancel': job<JobStatus>()(jobRef),
  /** A consistent copy of the register into the data folder's backups/, off the main thread. */
};
