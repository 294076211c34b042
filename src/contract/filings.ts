/** 报告/备案记录: filings, their review (报备审核) and attached scans. */
import { z } from 'zod';
import { isCanonicalBase64 } from '../domain/base64.js';
import { FILING_TYPES, type FilingRecordState, type FilingType, type RequiredFiling } from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import { byId, change, cleanString, id, isoDate, optionalText, query, text } from './common.js';
import { schemaWords as words } from '../i18n/schemaWords.js';

export const filingSubmit = z.object({
  accountId: id,
  type: z.enum(FILING_TYPES, { error: words.filings.typeError }),
  submittedOn: isoDate,
  receivedBy: optionalText(words.filings.receivedBy, 30),
  documentNumber: optionalText(words.filings.documentNumber, 60),
});

export const filingReview = z.object({
  id,
  decision: z.enum(['登记', '退回补正'], { error: words.filings.decisionError }),
  reviewedOn: isoDate,
  opinion: optionalText(words.filings.opinion, 500, { multiline: true }),
});

export const filingResubmit = z.object({ id, submittedOn: isoDate, opinion: optionalText(words.filings.filingResubmit, 500, { multiline: true }) });

export const filingBulkAccept = z.object({
  ids: z.array(id).min(1, { error: words.filings.idsError }).max(1000),
  reviewedOn: isoDate,
  opinion: optionalText(words.filings.opinion, 500, { multiline: true }),
});

export const filingQueue = z.object({
  organizationId: id.optional(),
  states: z.array(z.enum(['待审核', '需补正'])).default(['待审核']),
  limit: z.number().int().min(1).max(1000).default(500),
});

export const attachmentAdd = z.object({
  filingId: id,
  fileName: text(words.filings.fileName, 200, { required: words.filings.fileNameRequired }),
  /**
   * Base64 of the scanned form; the HTTP host's body limit bounds its size. Only canonical base64 (no stray
   * characters, right padding) is taken: a decoder would silently skip what it does not understand and store
   * a different file from the one the person chose.
   */
  contentBase64: cleanString(words.filings.contentBase64, { refusal: msg.input.base64 })
    .min(1, { error: msg.scan.empty })
    .max(28_000_000, { error: msg.filing.attachmentTooLarge })
    .refine(isCanonicalBase64, { error: msg.input.base64 }),
});

export type FilingSubmit = z.output<typeof filingSubmit>;

export interface FilingEvent {
  id: number;
  action: '提交' | '退回补正' | '重新提交' | '登记';
  onDate: string;
  actor: string;
  opinion: string | null;
  at: string;
}

export interface Attachment {
  id: number;
  filingId: number;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  addedAt: string;
}

export interface Filing {
  id: number;
  accountId: number;
  type: FilingType;
  submittedOn: string;
  receivedBy: string | null;
  state: FilingRecordState;
  reviewer: string | null;
  reviewedOn: string | null;
  opinion: string | null;
  documentNumber: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FilingWithHistory extends Filing {
  events: FilingEvent[];
  attachments: Attachment[];
}

export interface FilingQueueRow extends Filing {
  accountDisplayName: string;
  platform: string;
  memberName: string;
  organizationName: string;
  requiredFiling: RequiredFiling;
}

export interface AttachmentContent extends Attachment {
  contentBase64: string;
  mimeType: string;
}

/** The calls of this feature: name → what it does to the register, its input schema and its output type. */
export const filingsCalls = {
  'filings.submit': change<Filing>()(filingSubmit),
  'filings.review': change<Filing>()(filingReview),
  'filings.resubmit': change<Filing>()(filingResubmit),
  'filings.bulkAccept': change<Filing[]>()(filingBulkAccept),
  'filings.queue': query<FilingQueueRow[]>()(filingQueue),
  'filings.attach': change<Attachment>()(attachmentAdd),
  'filings.attachment': query<AttachmentContent>()(byId),
};
