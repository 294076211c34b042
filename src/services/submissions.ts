/**
 * 汇总上报: packages received from sub-units, stored as each organization's submission for a period. The sender's
 * organizations (codes relative to its root, with their member counts) and accounts land in tables, so reports and
 * comparisons read them with SQL like the register's own. A newer package replaces the current one of the same
 * organization and period; the older stays, marked replaced, as history.
 */
import type { AccountChange, Figures, PackagePeriod, PackageSource, Submission, SubmissionDiff } from '../contract/consolidation.js';
import { LedgerError } from '../contract/errors.js';
import { msg } from '../i18n/messages.js';
import { recordAudit } from './audit.js';
import { nowIso, type ServiceContext } from './context.js';

export interface SubmissionOrganization {
  relativeCode: string;
  parentRelativeCode: string | null;
  fullName: string;
  type: string;
  secretary: string | null;
  figures: Figures;
}

export interface SubmissionAccount {
  ref: number;
  relativeCode: string;
  ownerName: string | null;
  ownerIdNumber: string;
  ownerPosition: string | null;
  platform: string;
  region: string;
  capacity: string;
  kind: string;
  displayName: string;
  accountRef: string | null;
  openedOn: string | null;
  audience: number | null;
  administrator: string | null;
  status: string;
  closedOn: string | null;
  requiredFiling: string;
  filingState: string;
  dueOn: string | null;
  filingType: string | null;
  filedOn: string | null;
  opinion: string | null;
}

/** A package as stored: what it says about itself, and its rows already placed relative to the sender's root. */
export interface ReceivedSubmission {
  fileName: string;
  sha256: string;
  sizeBytes: number;
  generator: string;
  generatedAt: string;
  source: PackageSource;
  period: PackagePeriod;
  counts: Record<string, number>;
  organizations: SubmissionOrganization[];
  accounts: SubmissionAccount[];
}

interface SubmissionRow {
  id: number;
  organization_id: number;
  org_code: string;
  org_name: string;
  source_code: string;
  source_full_name: string;
  source_party_code: string | null;
  period_label: string;
  period_from: string;
  period_to: string;
  as_of: string | null;
  generated_at: string;
  imported_at: string;
  imported_by: string;
  file_name: string;
  sha256: string;
  counts_json: string;
  replaced_by: number | null;
  replaced_at: string | null;
}

const SELECT = `SELECT s.*, o.code AS org_code, o.full_name AS org_name FROM submissions s JOIN organizations o ON o.id = s.organization_id`;

function toSubmission(r: SubmissionRow): Submission {
  return {
    id: r.id,
    organizationId: r.organization_id,
    organizationCode: r.org_code,
    organizationName: r.org_name,
    source: { code: r.source_code, fullName: r.source_full_name, partyCode: r.source_party_code },
    // Stored before as_of was kept: those packages had no due days, so the day changes no figure.
    period: { label: r.period_label, from: r.period_from, to: r.period_to, asOf: r.as_of ?? r.period_to },
    generatedAt: r.generated_at,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    fileName: r.file_name,
    sha256: r.sha256,
    counts: JSON.parse(r.counts_json) as Record<string, number>,
    replacedBy: r.replaced_by,
    replacedAt: r.replaced_at,
  };
}

export function getSubmission(ctx: ServiceContext, id: number): Submission {
  const row = ctx.db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SubmissionRow | undefined;
  if (!row) throw new LedgerError('NOT_FOUND', msg.consolidation.notFound, { id });
  return toSubmission(row);
}

export function currentSubmission(ctx: ServiceContext, organizationId: number, period: string): Submission | null {
  const row = ctx.db.prepare(`${SELECT} WHERE s.organization_id = ? AND s.period_label = ? AND s.replaced_at IS NULL`).get(organizationId, period) as SubmissionRow | undefined;
  return row ? toSubmission(row) : null;
}

/** The organization's submission imported last before `beforeId` (any period): what a new one is compared with. */
export function previousSubmission(ctx: ServiceContext, organizationId: number, beforeId = Number.MAX_SAFE_INTEGER): Submission | null {
  const row = ctx.db.prepare(`${SELECT} WHERE s.organization_id = ? AND s.id < ? ORDER BY s.id DESC LIMIT 1`).get(organizationId, beforeId) as SubmissionRow | undefined;
  return row ? toSubmission(row) : null;
}

export function listSubmissions(ctx: ServiceContext, { period, includeReplaced }: { period?: string; includeReplaced: boolean }): { periods: string[]; submissions: Submission[] } {
  const periods = (ctx.db.prepare('SELECT DISTINCT period_label AS p FROM submissions ORDER BY period_to DESC, period_label').all() as { p: string }[]).map((r) => r.p);
  const rows = ctx.db
    .prepare(`${SELECT} WHERE (@period IS NULL OR s.period_label = @period) AND (@all OR s.replaced_at IS NULL) ORDER BY s.period_label, o.code, s.id DESC`)
    .all({ period: period ?? null, all: includeReplaced ? 1 : 0 }) as SubmissionRow[];
  return { periods, submissions: rows.map(toSubmission) };
}

/** Stores a checked package under the confirmed organization, replacing the current one when there is one. */
export function storeSubmission(ctx: ServiceContext, received: ReceivedSubmission, mapping: { sourceId: number; organizationId: number }, replaces: Submission | null): Submission {
  const at = nowIso(ctx);
  // One current submission per organization and period (a partial unique index): the old one steps aside first.
  if (replaces) ctx.db.prepare('UPDATE submissions SET replaced_at = ? WHERE id = ?').run(at, replaces.id);
  const { lastInsertRowid } = ctx.db
    .prepare(
      `INSERT INTO submissions (organization_id, source_id, source_code, source_full_name, source_party_code, period_label, period_from, period_to,
         as_of, generated_at, generator, file_name, sha256, size_bytes, counts_json, imported_at, imported_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      mapping.organizationId, mapping.sourceId, received.source.code, received.source.fullName, received.source.partyCode,
      received.period.label, received.period.from, received.period.to, received.period.asOf, received.generatedAt, received.generator,
      received.fileName, received.sha256, received.sizeBytes, JSON.stringify(received.counts), at, ctx.actor,
    );
  const id = Number(lastInsertRowid);
  if (replaces) ctx.db.prepare('UPDATE submissions SET replaced_by = ? WHERE id = ?').run(id, replaces.id);
  // Only what the accounts cannot tell is kept per organization: the rest is counted from them when read.
  const insertOrg = ctx.db.prepare(
    `INSERT INTO submission_organizations (submission_id, relative_code, parent_relative_code, full_name, type, secretary, members, with_accounts)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const o of received.organizations) {
    insertOrg.run(id, o.relativeCode, o.parentRelativeCode, o.fullName, o.type, o.secretary, o.figures.members, o.figures.withAccounts);
  }
  const insertAccount = ctx.db.prepare(
    `INSERT INTO submission_accounts (submission_id, ${ACCOUNT_COLUMNS.map((c) => c[1]).join(', ')}) VALUES (?, ${ACCOUNT_COLUMNS.map(() => '?').join(', ')})`,
  );
  for (const a of received.accounts) insertAccount.run(id, ...ACCOUNT_COLUMNS.map(([key]) => a[key]));
  const stored = getSubmission(ctx, id);
  recordAudit(ctx, {
    entity: 'submission',
    entityId: id,
    action: 'import',
    summary: `${stored.organizationName} ${stored.period.label}（${received.fileName}，SHA-256 ${received.sha256.slice(0, 12)}…）`,
    before: replaces ?? undefined,
    after: stored,
  });
  return stored;
}

const ACCOUNT_COLUMNS: [keyof SubmissionAccount, string][] = [
  ['ref', 'ref'], ['relativeCode', 'relative_code'], ['ownerName', 'owner_name'], ['ownerIdNumber', 'owner_id_number'], ['ownerPosition', 'owner_position'],
  ['platform', 'platform'], ['region', 'region'], ['capacity', 'capacity'], ['kind', 'kind'], ['displayName', 'display_name'], ['accountRef', 'account_ref'],
  ['openedOn', 'opened_on'], ['audience', 'audience'], ['administrator', 'administrator'], ['status', 'status'], ['closedOn', 'closed_on'],
  ['requiredFiling', 'required_filing'], ['filingState', 'filing_state'], ['dueOn', 'due_on'], ['filingType', 'filing_type'], ['filedOn', 'filed_on'], ['opinion', 'opinion'],
];

/** A stored submission's accounts, as the diff compares them. */
export function submissionAccounts(ctx: ServiceContext, submissionId: number): (Pick<SubmissionAccount, 'ref' | 'ownerName' | 'platform' | 'displayName' | 'status' | 'filingState'> & { organizationName: string })[] {
  return ctx.db
    .prepare(
      `SELECT a.ref, a.owner_name AS ownerName, a.platform, a.display_name AS displayName, a.status, a.filing_state AS filingState, o.full_name AS organizationName
       FROM submission_accounts a JOIN submission_organizations o ON o.submission_id = a.submission_id AND o.relative_code = a.relative_code
       WHERE a.submission_id = ? ORDER BY a.ref`,
    )
    .all(submissionId) as ReturnType<typeof submissionAccounts>;
}

type Compared = ReturnType<typeof submissionAccounts>[number];

/** Account by account (by the sender's own account id): added, closed, state changed, gone. */
export function diffAccounts(previous: { submission: Submission; accounts: Compared[] } | null, accounts: Compared[]): SubmissionDiff {
  const diff: SubmissionDiff = { previous: previous && { id: previous.submission.id, period: previous.submission.period.label, importedAt: previous.submission.importedAt }, added: [], closed: [], stateChanged: [], removed: [] };
  if (!previous) return diff;
  const change = (a: Compared, before: string | null, after: string | null): AccountChange => ({
    ref: a.ref, organizationName: a.organizationName, ownerName: a.ownerName, platform: a.platform, displayName: a.displayName, before, after,
  });
  const old = new Map(previous.accounts.map((a) => [a.ref, a]));
  for (const a of accounts) {
    const was = old.get(a.ref);
    old.delete(a.ref);
    if (!was) diff.added.push(change(a, null, a.filingState));
    else if (a.status === '已注销' && was.status !== '已注销') diff.closed.push(change(a, was.filingState, a.filingState));
    else if (a.filingState !== was.filingState) diff.stateChanged.push(change(a, was.filingState, a.filingState));
  }
  for (const was of old.values()) diff.removed.push(change(was, was.filingState, null));
  return diff;
}

/** A stored submission against the one its organization had before it. */
export function submissionDiff(ctx: ServiceContext, { id }: { id: number }): SubmissionDiff {
  const submission = getSubmission(ctx, id);
  const previous = previousSubmission(ctx, submission.organizationId, id);
  return diffAccounts(previous && { submission: previous, accounts: submissionAccounts(ctx, previous.id) }, submissionAccounts(ctx, id));
}
