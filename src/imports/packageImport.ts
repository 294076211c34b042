/**
 * 汇总上报: a sub-unit's 上报数据包 read (packageFile.ts), refused when it is our own, shown before it is taken
 * (source, period, totals, the proposed organization, what it replaces and what changed), then stored in one
 * transaction as that organization's submission for its period. A refusal changes nothing.
 */
import type { HandlerInput } from '../contract/contract.js';
import type { PackageInspection, Submission, SubmissionDiff } from '../contract/consolidation.js';
import { LedgerError } from '../contract/errors.js';
import { isCanonicalBase64 } from '../domain/base64.js';
import { sumFigures } from '../domain/figures.js';
import { msg } from '../i18n/messages.js';
import { inTransaction, type ServiceContext } from '../services/context.js';
import { confirmMapping, ownRegisterId, proposeMapping } from '../services/sourceMapping.js';
import { currentSubmission, diffAccounts, previousSubmission, storeSubmission, submissionAccounts, type ReceivedSubmission } from '../services/submissions.js';
import { readPackage } from './packageFile.js';
import { submissionOf } from './packageRows.js';

function received(ctx: ServiceContext, { fileName, contentBase64: content, transferPassword }: HandlerInput<'consolidation.inspect'>): ReceivedSubmission {
  if (!isCanonicalBase64(content)) throw new LedgerError('VALIDATION', msg.consolidation.notPackage);
  const pkg = readPackage(Buffer.from(content, 'base64'), transferPassword);
  if (pkg.source.registerId === ownRegisterId(ctx)) throw new LedgerError('VALIDATION', msg.consolidation.ownRegister);
  return submissionOf(pkg, fileName);
}

/** The package's accounts as the diff compares them. */
function compared(submission: ReceivedSubmission) {
  const names = new Map(submission.organizations.map((o) => [o.relativeCode, o.fullName]));
  return submission.accounts.map((a) => ({ ...a, organizationName: names.get(a.relativeCode)! }));
}

function diffWithPrevious(ctx: ServiceContext, organizationId: number, submission: ReceivedSubmission): SubmissionDiff {
  const previous = previousSubmission(ctx, organizationId);
  return diffAccounts(previous && { submission: previous, accounts: submissionAccounts(ctx, previous.id) }, compared(submission));
}

export function inspectPackage(ctx: ServiceContext, input: HandlerInput<'consolidation.inspect'>): PackageInspection {
  const submission = received(ctx, input);
  const mapping = proposeMapping(ctx, submission.source);
  return {
    fileName: input.fileName,
    sizeBytes: submission.sizeBytes,
    sha256: submission.sha256,
    source: submission.source,
    period: submission.period,
    generatedAt: submission.generatedAt,
    counts: submission.counts,
    totals: sumFigures(submission.organizations.map((o) => o.figures)),
    mapping,
    current: mapping && currentSubmission(ctx, mapping.organizationId, submission.period.label),
    diff: mapping && diffWithPrevious(ctx, mapping.organizationId, submission),
  };
}

export function importPackage(ctx: ServiceContext, input: HandlerInput<'consolidation.import'>): { submission: Submission; replaced: number | null; diff: SubmissionDiff } {
  const submission = received(ctx, input);
  return inTransaction(ctx, () => {
    const mapping = confirmMapping(ctx, submission.source, input.organizationId);
    const current = currentSubmission(ctx, mapping.organizationId, submission.period.label);
    if (current) {
      if (current.sha256 === submission.sha256) throw new LedgerError('CONFLICT', msg.consolidation.alreadyImported);
      if (submission.generatedAt < current.generatedAt) throw new LedgerError('CONFLICT', msg.consolidation.olderThanCurrent(submission.generatedAt));
      if (!input.replace) {
        throw new LedgerError('CONFLICT', msg.consolidation.replaceConfirm(current.organizationName, current.period.label, current.importedAt), { current });
      }
    }
    const diff = diffWithPrevious(ctx, mapping.organizationId, submission);
    const stored = storeSubmission(ctx, submission, mapping, current);
    return { submission: stored, replaced: current?.id ?? null, diff };
  });
}
