/**
 * 明细表: one row per account, grouped by organization (named once, on its 小计 row); streamed, for 300k rows
 * and more. By default the accounts that need 报告 or 备案 and are not 已注销 — exactly the accounts the 统计表
 * counts in 应报告 + 应备案 — or every open account, or the closed ones. With a consolidated period, the
 * sub-units' packages follow the register's own accounts of the organization each maps into, by the same listing,
 * each row with its 来源.
 */
import { maskIdNumber } from '../domain/mask.js';
import { filingStateLabel, OVERDUE_LABEL, type DetailListing } from '../domain/figures.js';
import { isOverdue } from '../domain/filingRules.js';
import type { FilingState, RequiredFiling } from '../domain/vocabulary.js';
import { msg } from '../i18n/messages.js';
import { consolidatedAccountCount, consolidatedAccounts, type ConsolidatedAccount } from '../services/consolidation.js';
import type { ServiceContext } from '../services/context.js';
import { ACCOUNTS_AS_OF, LISTING_SQL, periodsAsOf } from '../services/figures.js';
import { consolidatedPeriodLine, type ReportDefinition, type ReportLine, type ReportScope } from './definition.js';
import { detailColumns, detailTotals, type DetailRow } from './detailColumns.js';

/**
 * A row's holder is read from members_listed (migration 0022), never the table: an organization's members lie all over
 * members, whose rows are four times wider than what the 明细表 shows of them, and an encrypted register deciphers
 * every page it reads.
 */
const FROM = (listing: DetailListing) => `FROM ${ACCOUNTS_AS_OF} a JOIN members m INDEXED BY members_listed ON m.id = a.member_id JOIN organizations o ON o.id = a.organization_id
  WHERE ${LISTING_SQL[listing]}`;

/** The latest filing with a step by @asOf: what the 明细表's 报备类型/意见 read as of the period's end. */
const LATEST_FILING = `(SELECT max(f.id) FROM filings f JOIN filing_events e ON e.filing_id = f.id WHERE f.account_id = a.id AND e.on_date <= @asOf)`;

export const DETAIL_SELECT = (listing: DetailListing) => `SELECT a.id, m.name, m.id_number, m.position, o.full_name AS org, o.code AS org_code, a.platform, a.region, a.display_name, a.account_ref,
    a.capacity, a.kind, a.opened_on, a.audience, a.administrator, a.required_filing, a.filing_state, a.due_on, a.closed_on, a.closed_reason,
    (SELECT e.on_date FROM filings f JOIN filing_events e ON e.filing_id = f.id
      WHERE f.account_id = a.id AND e.action = '登记' AND e.on_date <= @asOf ORDER BY f.id DESC LIMIT 1) AS registered_on,
    (SELECT e.opinion FROM filing_events e WHERE e.filing_id = ${LATEST_FILING} AND e.action IN ('退回补正', '登记') AND e.on_date <= @asOf
      ORDER BY e.id DESC LIMIT 1) AS opinion
  ${FROM(listing)} ORDER BY o.code, m.name_pinyin, a.id`;

/**
 * How many rows a listing takes, for the progress bar and the preview's total. A listing that filters on the
 * period's own columns is counted from account_periods alone (its covering index: 0.06 s instead of the whole
 * query's 0.95 s of CPU at 100k members): each period holding on the day joins exactly one version, account, holder
 * and organization — references the register keeps, and members are never deleted. 已注销 needs the version's
 * closed_on.
 */
const COUNT = (listing: DetailListing) =>
  listing === 'closed' ? `SELECT count(*) AS n ${FROM(listing)}` : `SELECT count(*) AS n FROM account_periods a WHERE ${periodsAsOf('a')} AND ${LISTING_SQL[listing]}`;

/** 备注: why a closed account closed, or that an unfiled one is past its due day. */
function remark(r: DetailRow, asOf: string): string {
  if (r.filing_state === '已注销') return `${r.closed_on ?? ''}注销${r.closed_reason ? `：${r.closed_reason}` : ''}`;
  return isOverdue(r.filing_state as FilingState, r.due_on, asOf) ? OVERDUE_LABEL : '';
}

/** A package's account as a 明细表 row (the package keeps no reason for a closure). */
const packageRow = (a: ConsolidatedAccount): DetailRow => ({
  id: a.ref, name: a.ownerName ?? '', id_number: a.ownerIdNumber, position: a.ownerPosition, org: a.organizationName, platform: a.platform,
  region: a.region, display_name: a.displayName, account_ref: a.accountRef, capacity: a.capacity, kind: a.kind, opened_on: a.openedOn,
  audience: a.audience, administrator: a.administrator, required_filing: a.requiredFiling, filing_state: a.filingState, due_on: a.dueOn,
  closed_on: a.closedOn, closed_reason: null, registered_on: a.filedOn, opinion: a.opinion,
});

const selectionOf = (scope: ReportScope, period: string) => ({ period, organizationId: scope.organization.id, listing: scope.listing, from: scope.from });

/**
 * The subtree's organizations in code order: the 明细表 reads one organization at a time (its periods one range of
 * account_periods_org), so SQLite sorts only that organization's rows by name — a whole city sorted at once held
 * ~250 MB in the sorter and showed no row before the whole query had run.
 */
const treeOrder = (ctx: ServiceContext, subtree: string) =>
  ctx.db.prepare('SELECT o.id FROM organizations o WHERE o.id IN (SELECT value FROM json_each(?)) ORDER BY o.code').pluck().all(subtree) as number[];

type OwnRow = DetailRow & { org_code: string };
type RawRow = [number, string, string, string | null, string, string, string, string, string, string | null, string, string, string | null,
  number | null, string | null, string, string, string | null, string | null, string | null, string | null, string | null];

/**
 * A row read raw (SELECT's column order) into an object of one shape: better-sqlite3 builds a row's object key by
 * key, which cost about 4 µs a row — half a second of a 125k-row 明细表.
 */
const ownRow = ([id, name, id_number, position, org, org_code, platform, region, display_name, account_ref, capacity, kind, opened_on, audience,
  administrator, required_filing, filing_state, due_on, closed_on, closed_reason, registered_on, opinion]: RawRow): OwnRow => ({
  id, name, id_number, position, org, org_code, platform, region, display_name, account_ref, capacity, kind, opened_on, audience,
  administrator, required_filing, filing_state, due_on, closed_on, closed_reason, registered_on, opinion,
});

function* lines(ctx: ServiceContext, scope: ReportScope, limit?: number): Generator<ReportLine> {
  const columns = detailColumns(scope.consolidatedPeriod !== undefined, scope.template);
  const sql = DETAIL_SELECT(scope.listing);
  const statement = ctx.db.prepare(limit === undefined ? sql : `${sql} LIMIT ${Math.floor(limit)}`).raw();
  let n = 0;
  const line = (r: DetailRow, asOf: string, source: string, group: string): ReportLine => {
    // Completed in place rather than copied (each row is read once): a copy of every row of a 300k-row 明细表 cost
    // about as much as building its cells.
    const row = Object.assign(r, { index: ++n, source, state_label: filingStateLabel(r.filing_state as FilingState, r.required_filing as RequiredFiling), remark: remark(r, asOf) });
    if (!scope.fullIdNumbers) row.id_number = maskIdNumber(r.id_number);
    return { group, values: columns.map((c) => c.value(row)) };
  };
  const period = scope.consolidatedPeriod;
  const packages = (period === undefined ? [] : consolidatedAccounts(ctx, selectionOf(scope, period), limit))[Symbol.iterator]();
  let next = packages.next();
  const full = () => limit !== undefined && n >= limit;
  /** A package's rows follow ours of the organization it maps into and of its subtree (both streams in code order). */
  function* packagesBefore(code: string | null): Generator<ReportLine> {
    while (!next.done && !full() && (code === null || (next.value.mappedCode < code && !code.startsWith(next.value.mappedCode)))) {
      const a = next.value;
      const source = msg.consolidation.rowSource(a.sourceName, period!);
      // Grouped apart from our own organizations, even one of the same name.
      yield line(packageRow(a), a.asOf, source, `${a.organizationName}（${source}）`);
      next = packages.next();
    }
  }
  try {
    for (const organization of treeOrder(ctx, scope.subtree)) {
      for (const raw of statement.iterate({ subtree: `[${organization}]`, from: scope.from, asOf: scope.asOf }) as Iterable<RawRow>) {
        const r = ownRow(raw);
        yield* packagesBefore(r.org_code);
        if (full()) return;
        yield line(r, scope.asOf, msg.consolidation.ownSource, r.org);
      }
    }
    yield* packagesBefore(null);
  } finally {
    packages.return?.();
  }
}

/**
 * SQLite's page cache while a whole 明细表 is read, in KiB (the connection's own, 16 MB, is given back after). An
 * organization's filings and versions lie all over their tables, so with 16 MB pages were read again and again: on an
 * encrypted register each read is deciphered, and 64 MB took a 125k-row 明细表 from 12.9 s of CPU to 10.9 s (200 MB,
 * the whole working set: 7.2 s, but past the export's memory budget).
 */
const EXPORT_CACHE_KIB = 65_536;

function* withPageCache<T>(db: ServiceContext['db'], rows: Iterable<T>): Generator<T> {
  const before = db.pragma('cache_size', { simple: true }) as number;
  // A positive cache_size counts pages, a negative one KiB.
  const kib = before < 0 ? -before : (before * (db.pragma('page_size', { simple: true }) as number)) / 1024;
  if (kib < EXPORT_CACHE_KIB) db.pragma(`cache_size = -${EXPORT_CACHE_KIB}`);
  try {
    yield* rows;
  } finally {
    if (kib < EXPORT_CACHE_KIB) db.pragma(`cache_size = ${before}`);
  }
}

const LISTING_TITLE: Record<DetailListing, string> = { needed: '', all: '（全部在用账号）', closed: '（已注销账号）' };

export const detailReport: ReportDefinition = {
  kind: 'detail',
  title: '党员干部网络账号报备明细表',
  sheets(ctx, scope) {
    const columns = detailColumns(scope.consolidatedPeriod !== undefined, scope.template);
    const own = () => (ctx.db.prepare(COUNT(scope.listing)).get({ subtree: scope.subtree, from: scope.from, asOf: scope.asOf }) as { n: number }).n;
    const period = scope.consolidatedPeriod;
    return [
      {
        name: '明细表',
        title: `${this.title}${LISTING_TITLE[scope.listing]}`,
        subtitle: consolidatedPeriodLine(scope),
        columns: columns.map((c) => c.spec),
        count: () => own() + (period === undefined ? 0 : consolidatedAccountCount(ctx, selectionOf(scope, period))),
        rows: (limit) => (limit === undefined ? withPageCache(ctx.db, lines(ctx, scope)) : lines(ctx, scope, limit)),
        sumColumns: [],
        ...detailTotals(columns),
      },
    ];
  },
};
