/**
 * What the higher level reads from the submissions: which expected sub-units have not sent their package for a
 * period (催报), and the consolidated 统计表 rows — each sender's organizations placed below the organization it
 * maps to, with the sender named as the source of each row.
 */
import type { ConsolidatedRow, ConsolidatedRows, Figures, MissingList } from '../contract/consolidation.js';
import { FIGURE_KEYS } from '../contract/consolidation.js';
import type { ServiceContext } from './context.js';
import { findOrganizationRow, subtreeOrganizationIds } from './organizations.js';
import { FIGURE_COLUMNS } from './submissions.js';

/** The organization asked for, or the top of the tree. */
function receiving(ctx: ServiceContext, organizationId: number | undefined) {
  const id = organizationId ?? (ctx.db.prepare('SELECT id FROM organizations WHERE parent_id IS NULL ORDER BY sort_order, id LIMIT 1').get() as { id: number } | undefined)?.id;
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

const zero = (): Figures => Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Figures;

/** The current submissions of the period mapped into the organization's subtree, row by row and per mapped organization. */
export function consolidatedRows(ctx: ServiceContext, input: { period: string; organizationId?: number }): ConsolidatedRows {
  const org = receiving(ctx, input.organizationId);
  const raw = ctx.db
    .prepare(
      `SELECT s.id AS submissionId, s.source_full_name AS sourceName, s.organization_id AS mappedOrganizationId, so.relative_code AS relativeCode,
              so.full_name AS fullName, ${FIGURE_COLUMNS.map((c, i) => `so.${c} AS f${i}`).join(', ')}
       FROM submissions s JOIN submission_organizations so ON so.submission_id = s.id JOIN organizations o ON o.id = s.organization_id
       WHERE s.period_label = ? AND s.replaced_at IS NULL AND s.organization_id IN (SELECT value FROM json_each(?))
       ORDER BY o.sort_order, o.id, so.relative_code`,
    )
    .all(input.period, JSON.stringify(subtreeOrganizationIds(ctx, org.id))) as (Omit<ConsolidatedRow, 'figures' | 'depth'> & Record<string, number>)[];
  const byOrganization = new Map<number, ConsolidatedRows['byOrganization'][number]>();
  const rows = raw.map(({ submissionId, sourceName, mappedOrganizationId, relativeCode, fullName, ...f }): ConsolidatedRow => {
    const figures = Object.fromEntries(FIGURE_KEYS.map((k, i) => [k, f[`f${i}`]])) as Figures;
    const total = byOrganization.get(submissionId) ?? { organizationId: mappedOrganizationId, submissionId, sourceName, figures: zero() };
    for (const k of FIGURE_KEYS) total.figures[k] += figures[k];
    byOrganization.set(submissionId, total);
    return { submissionId, sourceName, mappedOrganizationId, relativeCode, fullName, depth: relativeCode.length / 3, figures };
  });
  return { period: input.period, rows, byOrganization: [...byOrganization.values()] };
}

/** One account of a current submission, as the consolidated 明细表 lists it, with the row's source. */
export interface ConsolidatedAccount {
  submissionId: number;
  ref: number;
  sourceName: string;
  mappedOrganizationId: number;
  relativeCode: string;
  organizationName: string;
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
  requiredFiling: string;
  filingState: string;
  filingType: string | null;
  filedOn: string | null;
  opinion: string | null;
}

/** The accounts of the period's current submissions mapped into the organization's subtree, streamed for a report. */
export function consolidatedAccounts(ctx: ServiceContext, input: { period: string; organizationId?: number }): Iterable<ConsolidatedAccount> {
  const org = receiving(ctx, input.organizationId);
  return ctx.db
    .prepare(
      `SELECT s.id AS submissionId, a.ref, s.source_full_name AS sourceName, s.organization_id AS mappedOrganizationId, a.relative_code AS relativeCode,
              so.full_name AS organizationName, a.owner_name AS ownerName, a.owner_id_number AS ownerIdNumber, a.owner_position AS ownerPosition,
              a.platform, a.region, a.capacity, a.kind, a.display_name AS displayName, a.account_ref AS accountRef, a.opened_on AS openedOn,
              a.audience, a.administrator, a.status, a.required_filing AS requiredFiling, a.filing_state AS filingState,
              a.filing_type AS filingType, a.filed_on AS filedOn, a.opinion
       FROM submissions s JOIN organizations o ON o.id = s.organization_id
         JOIN submission_accounts a ON a.submission_id = s.id
         JOIN submission_organizations so ON so.submission_id = s.id AND so.relative_code = a.relative_code
       WHERE s.period_label = ? AND s.replaced_at IS NULL AND s.organization_id IN (SELECT value FROM json_each(?))
       ORDER BY o.sort_order, o.id, a.relative_code, a.ref`,
    )
    .iterate(input.period, JSON.stringify(subtreeOrganizationIds(ctx, org.id))) as Iterable<ConsolidatedAccount>;
}
