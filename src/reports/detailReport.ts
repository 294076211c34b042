/**
 * 明细表: one row per account, grouped by organization (named once, on its 小计 row); streamed, for 300k rows
 * and more. By default the accounts that need 报告 or 备案 and are not 已注销 — exactly the accounts the 统计表
 * counts in 应报告 + 应备案 — or every open account, or the closed ones.
 */
import { maskIdNumber } from '../domain/mask.js';
import { filingStateLabel, OVERDUE_LABEL, type DetailListing } from '../domain/figures.js';
import type { FilingState, RequiredFiling } from '../domain/vocabulary.js';
import type { ServiceContext } from '../services/context.js';
import { periodLine, type ReportDefinition, type ReportLine, type ReportScope } from './definition.js';
import { detailColumns, type DetailRow } from './detailColumns.js';

/** Which accounts each listing takes, over the accounts' derived columns (today) — see listingOf for a past day. */
const LISTING_SQL: Record<DetailListing, string> = {
  needed: "a.required_filing <> '无' AND a.filing_state <> '已注销'",
  all: "a.filing_state <> '已注销'",
  closed: "a.filing_state = '已注销' AND a.closed_on >= @from",
};

const FROM = (listing: DetailListing) => `FROM accounts a JOIN members m ON m.id = a.member_id JOIN organizations o ON o.id = a.organization_id
  WHERE a.organization_id IN (SELECT value FROM json_each(@subtree)) AND ${LISTING_SQL[listing]}`;

const SELECT = (listing: DetailListing) => `SELECT a.id, m.name, m.id_number, m.position, o.full_name AS org, a.platform, a.region, a.display_name, a.account_ref,
    a.capacity, a.kind, a.opened_on, a.audience, a.administrator, a.required_filing, a.filing_state, a.due_on, a.closed_on, a.closed_reason,
    (SELECT reviewed_on FROM filings f WHERE f.account_id = a.id AND f.state = '已登记' ORDER BY f.id DESC LIMIT 1) AS registered_on,
    (SELECT opinion FROM filings f WHERE f.account_id = a.id ORDER BY f.id DESC LIMIT 1) AS opinion
  ${FROM(listing)} ORDER BY o.code, m.name_pinyin, a.id`;

/** 备注: why a closed account closed, or that an unfiled one is past its due day. */
function remark(r: DetailRow, asOf: string): string {
  if (r.filing_state === '已注销') return `${r.closed_on ?? ''}注销${r.closed_reason ? `：${r.closed_reason}` : ''}`;
  return r.filing_state === '未报备' && r.due_on !== null && r.due_on < asOf ? OVERDUE_LABEL : '';
}

function* lines(ctx: ServiceContext, scope: ReportScope, limit?: number): Generator<ReportLine> {
  const columns = detailColumns();
  const params = { subtree: scope.subtree, from: scope.from };
  const sql = SELECT(scope.listing);
  const statement = ctx.db.prepare(limit === undefined ? sql : `${sql} LIMIT ${Math.floor(limit)}`);
  let n = 0;
  for (const r of statement.iterate(params) as Iterable<DetailRow>) {
    n++;
    const row = { ...r, id_number: scope.fullIdNumbers ? r.id_number : maskIdNumber(r.id_number), index: n, state_label: filingStateLabel(r.filing_state as FilingState, r.required_filing as RequiredFiling), remark: remark(r, scope.asOf) };
    yield { group: r.org, values: columns.map((c) => c.value(row)) };
  }
}

const LISTING_TITLE: Record<DetailListing, string> = { needed: '', all: '（全部在用账号）', closed: '（已注销账号）' };

export const detailReport: ReportDefinition = {
  kind: 'detail',
  title: '党员干部网络账号报备明细表',
  sheets(ctx, scope) {
    const columns = detailColumns();
    return [
      {
        name: '明细表',
        title: `${this.title}${LISTING_TITLE[scope.listing]}`,
        subtitle: periodLine(scope),
        columns: columns.map((c) => c.spec),
        count: () => (ctx.db.prepare(`SELECT count(*) AS n ${FROM(scope.listing)}`).get({ subtree: scope.subtree, from: scope.from }) as { n: number }).n,
        rows: (limit) => lines(ctx, scope, limit),
        sumColumns: [],
        labelSpan: 4,
        tally: { of: 2, at: 5, unit: '个' },
      },
    ];
  },
};
