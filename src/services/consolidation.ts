/**
 * What the higher level reads from the submissions: which expected sub-units have not sent their package for a
 * period (催报), and the consolidated 统计表 rows — each sender's organizations placed below the organization it
 * maps to, with the sender named as the source of each row.
 */
import type { ConsolidatedRow, ConsolidatedRows, Figures, MissingList } from '../contract/consolidation.js';
import { accountGroup, addGroup, emptyFigureCounts, figuresOf, sumFigures, type DetailListing, type FigureCounts } from '../domain/figures.js';
import type { ServiceContext } from './context.js';
import { LISTING_SQL } from './figures.js';
import { defaultScopeId, findOrganizationRow, subtreeOrganizationIds } from './organizations.js';
import type { SubmissionAccount } from './submissions.js';

/** The organization asked for, or the top of the tree. */
function receiving(ctx: ServiceContext, organizationId: number | undefined) {
  const id = organizationId ?? defaultScopeId(ctx);
  return findOrganizationRow(ctx, id ?? 0);
}

export function missingSubmissions(ctx: ServiceContext, input: { period: string; organizationId?: number; expectedIds?: number[] }): MissingList {
  const org = receiving(ctx, input.organizationId);
  const ids = input.expectedIds ?? (ctx.db.prepare('SELECT id FROM organizations WHERE parent_id = ? ORDER BY sort_order, id').all(org.id) as { id: number }[]).map((r) => r.id);
  const current = ctx.db.prepare('SELECT id, imported_at FROM submissions WHERE organization_id = ? AND period_label = ? AND replaced_at IS NULL');
  const expected = ids.map((id) => {
    const o = findOrganizationRow(ctx, id);
    const s = current.get(id, input.period) as { id: number; imported_at: string } | undefined;
    return { organizationId: id, code: o.code, fullName: o.full_name, submissionId: s?.id ?? null, importedAt: s?.imported_at ?? null };
  });
  return { period: input.period, organizationId: org.id, organizationName: org.full_name, expected, missing: expected.filter((e) => e.submissionId === null).length };
}

/** A current submission of a period with its organizations' figures, each counted from that organization's own accounts. */
export interface SubmissionFigures {
  submissionId: number;
  sourceName: string;
  period: string;
  mappedOrganizationId: number;
  organizations: { relativeCode: string; fullName: string; figures: Figures }[];
}

/**
 * The period's current submissions mapped into the organization's subtree (in the tree's order), counted through
 * the one definition as of the day each sender counted: the figures its own 统计表 showed.
 */
export function submissionFigures(ctx: ServiceContext, input: { period: string; organizationId?: number }): SubmissionFigures[] {
  const org = receiving(ctx, input.organizationId);
  const submissions = ctx.db
    .prepare(
      `SELECT s.id, s.source_full_name AS sourceName, s.organization_id AS mappedOrganizationId, coalesce(s.as_of, s.period_to) AS asOf
       FROM submissions s JOIN organizations o ON o.id = s.organization_id
       WHERE s.period_label = ? AND s.replaced_at IS NULL AND s.organization_id IN (SELECT value FROM json_each(?))
       ORDER BY o.sort_order, o.id`,
    )
    .all(input.period, JSON.stringify(subtreeOrganizationIds(ctx, org.id))) as { id: number; sourceName: string; mappedOrganizationId: number; asOf: string }[];
  const organizations = ctx.db.prepare(
    'SELECT relative_code AS relativeCode, full_name AS fullName, members, with_accounts AS withAccounts FROM submission_organizations WHERE submission_id = ? ORDER BY relative_code',
  );
  const accounts = ctx.db.prepare(
    `SELECT relative_code AS relativeCode, required_filing AS requiredFiling, filing_state AS filingState, capacity, kind, region, due_on AS dueOn
     FROM submission_accounts WHERE submission_id = ?`,
  );
  return submissions.map((s) => {
    const orgs = organizations.all(s.id) as { relativeCode: string; fullName: string; members: number; withAccounts: number }[];
    const counts = new Map(orgs.map((o) => [o.relativeCode, { ...emptyFigureCounts(), members: o.members, withAccounts: o.withAccounts }]));
    for (const a of accounts.iterate(s.id) as Iterable<Parameters<typeof accountGroup>[0] & { relativeCode: string }>) {
      addGroup(counts.get(a.relativeCode)!, accountGroup(a, s.asOf));
    }
    return {
      submissionId: s.id,
      sourceName: s.sourceName,
      period: input.period,
      mappedOrganizationId: s.mappedOrganizationId,
      organizations: orgs.map((o) => ({ relativeCode: o.relativeCode, fullName: o.fullName, figures: figuresOf(counts.get(o.relativeCode)!) })),
    };
  });
}

/** The consolidated rows, organization by organization, and per mapped organization the sender's whole tree. */
export function consolidatedRows(ctx: ServiceContext, input: { period: string; organizationId?: number }): ConsolidatedRows {
  const submissions = submissionFigures(ctx, input);
  const rows = submissions.flatMap((s) =>
    s.organizations.map((o): ConsolidatedRow => ({ submissionId: s.submissionId, sourceName: s.sourceName, mappedOrganizationId: s.mappedOrganizationId, ...o, depth: o.relativeCode.length / 3 })),
  );
  const byOrganization = submissions.map((s) => ({
    organizationId: s.mappedOrganizationId,
    submissionId: s.submissionId,
    sourceName: s.sourceName,
    figures: sumFigures(s.organizations.map((o) => o.figures)),
  }));
  return { period: input.period, rows, byOrganization };
}

/** One account of a current submission, as the consolidated 明细表 lists it, with the row's source. */
export interface ConsolidatedAccount extends SubmissionAccount {
  submissionId: number;
  sourceName: string;
  mappedOrganizationId: number;
  /** The code of the organization it maps into, in our register (rows come in this order). */
  mappedCode: string;
  organizationName: string;
  /** The day its sender counted as of (逾期未报 is judged against it). */
  asOf: string;
}

interface ConsolidatedSelection {
  period: string;
  organizationId?: number;
  /** The 明细表's listing (default: every account the packages hold), with the period's start for closed ones. */
  listing?: DetailListing;
  from?: string;
}

const CONSOLIDATED_FROM = (listing: DetailListing | undefined) => `FROM submissions s JOIN organizations o ON o.id = s.organization_id
    JOIN submission_accounts a ON a.submission_id = s.id
    JOIN submission_organizations so ON so.submission_id = s.id AND so.relative_code = a.relative_code
  WHERE s.period_label = @period AND s.replaced_at IS NULL AND s.organization_id IN (SELECT value FROM json_each(@subtree))
    AND ${listing ? LISTING_SQL[listing] : 'TRUE'}`;

const bindOf = (ctx: ServiceContext, input: ConsolidatedSelection) => ({
  period: input.period,
  subtree: JSON.stringify(subtreeOrganizationIds(ctx, receiving(ctx, input.organizationId).id)),
  from: input.from ?? '',
});

/** The accounts of the period's current submissions mapped into the organization's subtree, streamed for a report. */
export function consolidatedAccounts(ctx: ServiceContext, input: ConsolidatedSelection, limit?: number): Iterable<ConsolidatedAccount> {
  const sql = `SELECT s.id AS submissionId, a.ref, s.source_full_name AS sourceName, s.organization_id AS mappedOrganizationId, o.code AS mappedCode,
         a.relative_code AS relativeCode,
         so.full_name AS organizationName, a.owner_name AS ownerName, a.owner_id_number AS ownerIdNumber, a.owner_position AS ownerPosition,
         a.platform, a.region, a.capacity, a.kind, a.display_name AS displayName, a.account_ref AS accountRef, a.opened_on AS openedOn,
         a.audience, a.administrator, a.status, a.closed_on AS closedOn, a.required_filing AS requiredFiling, a.filing_state AS filingState,
         a.due_on AS dueOn, coalesce(s.as_of, s.period_to) AS asOf, a.filing_type AS filingType, a.filed_on AS filedOn, a.opinion
    ${CONSOLIDATED_FROM(input.listing)}
    ORDER BY o.code, s.id, a.relative_code, a.ref`;
  return ctx.db.prepare(limit === undefined ? sql : `${sql} LIMIT ${Math.floor(limit)}`).iterate(bindOf(ctx, input)) as Iterable<ConsolidatedAccount>;
}

export function consolidatedAccountCount(ctx: ServiceContext, input: ConsolidatedSelection): number {
  return (ctx.db.prepare(`SELECT count(*) AS n ${CONSOLIDATED_FROM(input.listing)}`).get(bindOf(ctx, input)) as { n: number }).n;
}

/** The same accounts per platform, counted as the 统计表's 按平台 sheet counts the register's (no member columns). */
export function submissionPlatformFigures(ctx: ServiceContext, input: { period: string; organizationId?: number }): Map<string, Figures> {
  const counts = new Map<string, FigureCounts>();
  const rows = ctx.db
    .prepare(
      `SELECT a.platform, a.required_filing AS requiredFiling, a.filing_state AS filingState, a.capacity, a.kind, a.region, a.due_on AS dueOn,
              coalesce(s.as_of, s.period_to) AS asOf
       ${CONSOLIDATED_FROM(undefined)}`,
    )
    .iterate(bindOf(ctx, input)) as Iterable<Parameters<typeof accountGroup>[0] & { platform: string; asOf: string }>;
  for (const a of rows) {
    if (!counts.has(a.platform)) counts.set(a.platform, emptyFigureCounts());
    addGroup(counts.get(a.platform)!, accountGroup(a, a.asOf));
  }
  return new Map([...counts].map(([platform, c]) => [platform, figuresOf(c)]));
}
