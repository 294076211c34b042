/**
 * 汇总上报 end to end through the CLI: a sub-unit's data folder exports its package, a higher level's imports it;
 * the stored figures equal the sub-unit's own 统计表 (read with openpyxl) and dashboard; a newer package replaces
 * the older after confirmation and the older stays; the diff names exactly the accounts changed; the 催报 list.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_KEYS, type Figures } from '../../src/contract/consolidation.js';
import { valueOf, type CallInput, type CallName, type CallOutput } from '../../src/contract/contract.js';
import type { Ledger } from '../../src/hosts/ledger.js';
import { openAdminLedger } from '../support/adminLedger.js';
import { msg } from '../../src/i18n/messages.js';
import { consolidatedAccounts } from '../../src/services/consolidation.js';
import { sumFigures } from '../../src/domain/figures.js';
import { readPackage } from '../../src/imports/packageFile.js';
import { inspectWorkbook, summaryTable } from '../support/excel.js';

const BIN = path.join(import.meta.dirname, '../../src/bin/netledger.mjs');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-consolidation-'));
const sub = path.join(root, 'sub');
const county = path.join(root, 'county');
const file = (name: string) => path.join(root, name);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

export function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

/** Calls on a data folder in this process, closed again so the CLI finds it as it left it. */
async function onLedger<T>(dir: string, fn: (call: <N extends CallName>(name: N, input: CallInput<N>) => CallOutput<N>, ledger: Ledger) => T): Promise<T> {
  const ledger = openAdminLedger(dir);
  try {
    return fn((name, input) => valueOf(ledger.registry.invoke(name, input)), ledger);
  } finally {
    await ledger.close();
  }
}

/** Row counts but the audit's: every command line run signs in, and each sign-in is an audit entry. */
const stats = (dir: string) => {
  const { audit_log: _log, audit_head: _head, ...rest } = JSON.parse(run('stats', '--json', '--data-dir', dir).out) as Record<string, unknown>;
  return JSON.stringify(rest);
};

/** A row of figures as the 统计表 labels its columns, so a mismatch names the column. */
const labelled = (labels: string[], values: readonly unknown[]) => Object.fromEntries(labels.map((l, i) => [l, values[i]]));

/** The sub-unit's own 统计表 read with openpyxl: its figure columns' labels and each row (合计 included) by them. */
function ownSummary(file: string) {
  const table = summaryTable(inspectWorkbook(file)[0]!);
  const labels = table.labels.slice(0, FIGURE_KEYS.length);
  return { labels, rows: new Map(table.rows.map((r) => [r.name, labelled(labels, r.values)])) };
}

/** A 明细表's headers and data rows (序号 a number), and the count on its 合计 row, as openpyxl reads them. */
function detailRows(path_: string) {
  const sheet = inspectWorkbook(path_)[0]!;
  const at = new Map(sheet.cells.map((c) => [c.ref, c]));
  const headerRow = Number(sheet.cells.find((c) => c.value === '序号')!.ref.slice(1));
  const columns = sheet.cells.filter((c) => Number(c.ref.replace(/^[A-Z]+/, '')) === headerRow).map((c) => c.ref.replace(/\d+$/, ''));
  const rows: (string | number | null)[][] = [];
  let tally: unknown = null;
  for (let r = headerRow + 1; r <= sheet.maxRow; r++) {
    // The count of 合计 is a SUBTOTAL formula: its cached value.
    if (at.get(`A${r}`)?.value === '合计') tally = Number(sheet.cells.find((c) => c.type === 'f' && Number(c.ref.replace(/^[A-Z]+/, '')) === r)!.cached);
    if (typeof at.get(`A${r}`)?.value !== 'number') continue;
    rows.push(columns.map((col) => at.get(`${col}${r}`)?.value ?? null));
  }
  return { headers: columns.map((col) => String(at.get(`${col}${headerRow}`)!.value)), rows, tally };
}

const PERIOD = '2026年度';
const TRANSFER = '县乡约定-2026';
let subRootName = '';
let mappedId = 0;

beforeAll(async () => {
  expect(run('demo', '--data-dir', sub, '--members', '300', '--seed', '3').code).toBe(0);
  expect(run('demo', '--data-dir', county, '--members', '300', '--seed', '4').code).toBe(0);
  subRootName = JSON.parse(run('orgs', '--json', '--data-dir', sub).out)[0].fullName;
  // The county records the sub-unit below its own top, under the name on its seal.
  mappedId = await onLedger(county, (call) => {
    const top = call('organizations.tree', {})[0]!;
    return call('organizations.create', { parentId: top.id, fullName: subRootName, type: '党委' }).id;
  });
  // The first package travels sealed with the password agreed with the county; the second (below) plain.
  expect(run('export-package', '--data-dir', sub, '--period', PERIOD, '--out', file('p1.json'), '--transfer-password', TRANSFER).code).toBe(0);
}, 120_000);

describe('consolidation upward', () => {
  it('proposes the organization by full name, imports only once confirmed, and the stored figures equal the sub-unit’s own', async () => {
    // Sealed: refused without its password or with a wrong one (no terminal to ask at), the county unchanged.
    const untouched = stats(county);
    expect(run('import', 'package', file('p1.json'), '--dry-run', '--data-dir', county)).toMatchObject({ code: 1, err: msg.pkg.passwordRequired });
    expect(run('import', 'package', file('p1.json'), '--yes', '--transfer-password', '县乡约定-2025', '--data-dir', county)).toMatchObject({ code: 1, err: msg.pkg.wrongPassword });
    expect(stats(county)).toBe(untouched);
    const dry = run('import', 'package', file('p1.json'), '--dry-run', '--json', '--transfer-password', TRANSFER, '--data-dir', county);
    expect(dry.code).toBe(0);
    const seen = JSON.parse(dry.out);
    expect(seen.mapping).toEqual({ organizationId: mappedId, organizationName: subRootName, basis: 'fullName' });
    expect(seen.source).toMatchObject({ code: '001', fullName: subRootName, partyCode: null });

    const before = stats(county);
    const unconfirmed = run('import', 'package', file('p1.json'), '--transfer-password', TRANSFER, '--data-dir', county);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.err).toBe(msg.consolidationCli.confirmMapping(subRootName, seen.mapping));
    expect(stats(county)).toBe(before);

    const imported = run('import', 'package', file('p1.json'), '--yes', '--json', '--transfer-password', TRANSFER, '--data-dir', county);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ submission: { organizationId: mappedId, period: { label: PERIOD } }, added: 0, replaced: null });

    // The sub-unit's own 统计表, read with openpyxl, against what the county stored for it.
    expect(run('report', 'summary', '--data-dir', sub, '--out', file('sub-summary.xlsx')).code).toBe(0);
    const own = ownSummary(file('sub-summary.xlsx'));
    // The 统计表's figure columns are exactly the consolidated figures, in order.
    expect(own.labels).toHaveLength(FIGURE_KEYS.length);
    expect(own.labels.slice(0, 3)).toEqual(['党员（人）/在册党员', '党员（人）/登记有网络账号的党员', '网络账号（个）/账号总数']);
    expect(own.labels.at(-1)).toBe('备案（个）/备案率');
    const asRow = (f: Figures) => labelled(own.labels, FIGURE_KEYS.map((k) => f[k]));
    const { rows, byOrganization, accounts } = await onLedger(county, (call, ledger) => ({
      ...call('consolidation.rows', { period: PERIOD }),
      accounts: [...consolidatedAccounts(ledger.ctx, { period: PERIOD })],
    }));
    expect(byOrganization).toHaveLength(1);
    expect(asRow(byOrganization[0]!.figures)).toEqual(own.rows.get('合计'));
    expect(byOrganization[0]!.figures.accounts).toBeGreaterThan(100);
    // Branch by branch: the sender's direct children with their subtrees, as its 统计表 buckets them.
    const branches = rows.filter((r) => r.depth === 1);
    expect(branches.map((b) => b.fullName)).toEqual([...own.rows.keys()].filter((name) => name !== '合计' && !name.endsWith('（本级）')));
    for (const branch of branches) {
      expect(asRow(sumFigures(rows.filter((r) => r.relativeCode.startsWith(branch.relativeCode)).map((r) => r.figures)))).toEqual(own.rows.get(branch.fullName));
    }
    expect(rows.every((r) => r.sourceName === subRootName && r.mappedOrganizationId === mappedId)).toBe(true);
    // The 明细表 side: every account the package sent, with its source and its organization's name.
    const sent = readPackage(fs.readFileSync(file('p1.json')), TRANSFER).data.accounts;
    expect(accounts.map((a) => a.ref).sort((a, b) => a - b)).toEqual(sent.map((a) => a.ref).sort((a, b) => a - b));
    expect(accounts.every((a) => a.sourceName === subRootName && a.organizationName.length > 0)).toBe(true);

    const dashboard = await onLedger(sub, (call) => call('dashboard.summary', {}));
    const figures = byOrganization[0]!.figures;
    expect([figures.reportNeeded, figures.reportFiled, figures.reportChanged, figures.reportOverdue, figures.recordNeeded, figures.recordFiled, figures.recordPending]).toEqual([
      dashboard.report.needed,
      dashboard.report.filed,
      dashboard.report.changed,
      dashboard.report.overdue,
      dashboard.record.needed,
      dashboard.record.filed,
      dashboard.record.pending,
    ]);
    // Counted, not all zero: the demo has overdue filings and changes not yet refiled.
    expect(figures.reportOverdue + figures.recordOverdue).toBeGreaterThan(0);
  }, 120_000);

  it('prints the county’s 统计表 and 明细表 with the package: the sub-unit’s rows as its own 统计表 has them, its accounts with their source', async () => {
    const source = `数据包：${subRootName}，${PERIOD}`;
    const own = ownSummary(file('sub-summary.xlsx'));
    expect(run('report', 'summary', '--data-dir', county, '--out', file('county-alone.xlsx')).code).toBe(0);
    expect(run('report', 'summary', '--data-dir', county, '--with-submissions', PERIOD, '--out', file('county-summary.xlsx')).code).toBe(0);
    const alone = summaryTable(inspectWorkbook(file('county-alone.xlsx'))[0]!);
    const [summarySheet, platformSheet] = inspectWorkbook(file('county-summary.xlsx'));
    const table = summaryTable(summarySheet!);
    expect(table.labels).toEqual([...own.labels, '来源']);
    const sourceOf = (r: { values: unknown[] }) => r.values.at(-1);
    // The sub-unit's rows, in its own order, right after the county's row of the organization it maps to.
    const at = table.rows.findIndex((r) => r.name === subRootName && sourceOf(r) === '本台账');
    const fromPackage = table.rows.filter((r) => sourceOf(r) === source);
    expect(table.rows.slice(at + 1, at + 1 + fromPackage.length)).toEqual(fromPackage);
    expect(fromPackage.map((r) => r.name)).toEqual([...own.rows.keys()].filter((n) => n !== '合计'));
    for (const r of fromPackage) expect(labelled(own.labels, r.values)).toEqual(own.rows.get(r.name));
    // The county's own rows are as without the package; 合计 adds the sub-unit's 合计 to the county's own.
    expect(table.rows.filter((r) => sourceOf(r) === '本台账').map((r) => [r.name, r.values.slice(0, -1)])).toEqual(alone.rows.filter((r) => r.name !== '合计').map((r) => [r.name, r.values]));
    const total = labelled(own.labels, table.rows.at(-1)!.values);
    const countyTotal = labelled(own.labels, alone.rows.at(-1)!.values);
    const subTotal = own.rows.get('合计')!;
    for (const label of own.labels.filter((l) => !l.endsWith('率'))) expect(total[label], label).toBe((countyTotal[label] as number) + (subTotal[label] as number));
    expect(total['报告（个）/报告率']).toBeCloseTo((total['报告（个）/已报告'] as number) / (total['报告（个）/应报告'] as number), 12);
    expect(subTotal['网络账号（个）/账号总数']).toBeGreaterThan(100);
    // 按平台 counts the package's accounts too: its 合计 is the 统计表's, column by column.
    const platforms = summaryTable(platformSheet!);
    const platformTotal = labelled(platforms.labels, platforms.rows.at(-1)!.values);
    expect(platformTotal).toEqual(Object.fromEntries(platforms.labels.map((l) => [l, total[l]])));

    // 明细表: the sub-unit's accounts needing 报告/备案, each row as the sub-unit's own 明细表 prints it, plus its source.
    expect(run('report', 'detail', '--data-dir', sub, '--out', file('sub-detail.xlsx')).code).toBe(0);
    expect(run('report', 'detail', '--data-dir', county, '--with-submissions', PERIOD, '--out', file('county-detail.xlsx')).code).toBe(0);
    const ownDetail = detailRows(file('sub-detail.xlsx'));
    const countyDetail = detailRows(file('county-detail.xlsx'));
    expect(countyDetail.headers).toEqual([...ownDetail.headers, '来源']);
    const packaged = countyDetail.rows.filter((r) => r.at(-1) === source);
    expect(packaged.length).toBe(ownDetail.rows.length);
    expect(packaged.length).toBe((subTotal['报告（个）/应报告'] as number) + (subTotal['备案（个）/应备案'] as number));
    const withoutIndex = (rows: (string | number | null)[][]) => rows.map((r) => JSON.stringify(r.slice(1))).sort();
    expect(withoutIndex(packaged.map((r) => r.slice(0, -1)))).toEqual(withoutIndex(ownDetail.rows));
    expect(countyDetail.rows.filter((r) => r.at(-1) === '本台账').length).toBe(countyDetail.rows.length - packaged.length);
    expect(countyDetail.tally).toBe(countyDetail.rows.length);
  }, 120_000);

  it('replaces the older package only after confirmation, keeps it as history, and tells exactly what changed', async () => {
    const changed = await onLedger(sub, (call) => {
      const accounts = call('accounts.search', { limit: 500 }).rows;
      const filed = accounts.find((a) => a.filingState === '已登记')!;
      const unfiled = accounts.find((a) => a.filingState === '未报备')!;
      call('accounts.close', { id: filed.id, closedOn: '2026-11-20', reason: '不再使用' });
      call('filings.submit', { accountId: unfiled.id, type: unfiled.requiredFiling as '报告' | '备案', submittedOn: '2026-11-21' });
      const added = call('accounts.create', { memberId: unfiled.memberId, platform: '微博', region: '境内', capacity: '以职务身份', kind: '账号', displayName: '新开的工作微博' });
      return { closed: filed.id, filed: unfiled.id, added: added.id };
    });
    expect(run('export-package', '--data-dir', sub, '--period', PERIOD, '--out', file('p2.json')).code).toBe(0);
    // Plain, yet without a whole ID number: members are keyed, their numbers masked.
    expect(fs.readFileSync(file('p2.json'), 'utf8')).not.toMatch(/(?<![\da-f])\d{17}[\dX](?![\da-f])/);

    const before = stats(county);
    const unconfirmed = run('import', 'package', file('p2.json'), '--data-dir', county);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.err).toMatch(/^“.+”已有2026年度的数据包（.+ 导入）。导入新数据包将替换它/);
    expect(stats(county)).toBe(before);

    const imported = run('import', 'package', file('p2.json'), '--yes', '--json', '--data-dir', county);
    expect(imported.code).toBe(0);
    const result = JSON.parse(imported.out);
    expect(result).toMatchObject({ added: 1, closed: 1, stateChanged: 1, removed: 0 });

    await onLedger(county, (call) => {
      const all = call('consolidation.list', { includeReplaced: true });
      expect(all.periods).toEqual([PERIOD]);
      expect(all.submissions.map((s) => [s.id, s.replacedBy])).toEqual([
        [result.submission.id, null],
        [result.replaced, result.submission.id],
      ]);
      expect(call('consolidation.list', { period: PERIOD }).submissions.map((s) => s.id)).toEqual([result.submission.id]);
      const diff = call('consolidation.diff', { id: result.submission.id });
      expect(diff.previous?.id).toBe(result.replaced);
      expect(diff.added.map((a) => [a.ref, a.displayName, a.before, a.after])).toEqual([[changed.added, '新开的工作微博', null, '未报备']]);
      expect(diff.closed.map((a) => [a.ref, a.before, a.after])).toEqual([[changed.closed, '已登记', '已注销']]);
      expect(diff.stateChanged.map((a) => [a.ref, a.before, a.after])).toEqual([[changed.filed, '未报备', '待审核']]);
      expect(diff.removed).toEqual([]);
    });

    // The same package twice, or the older one again, changes nothing.
    const again = stats(county);
    expect(run('import', 'package', file('p2.json'), '--yes', '--data-dir', county).err).toBe(msg.consolidation.alreadyImported);
    expect(run('import', 'package', file('p1.json'), '--yes', '--transfer-password', TRANSFER, '--data-dir', county).err).toMatch(/早于已导入的同期数据包/);
    expect(stats(county)).toBe(again);
  }, 120_000);

  it('lists the expected sub-units that have not sent their package, and exports the 催报 list', async () => {
    const list = JSON.parse(run('missing', '--period', PERIOD, '--json', '--data-dir', county).out);
    const orgs = JSON.parse(run('orgs', '--json', '--data-dir', county).out) as { code: string; fullName: string; parentCode: string | null }[];
    const children = orgs.filter((o) => o.parentCode === '001');
    expect(list.expected.map((e: { fullName: string }) => e.fullName)).toEqual(children.map((c) => c.fullName));
    expect(list.expected.filter((e: { submissionId: number | null }) => e.submissionId !== null).map((e: { fullName: string }) => e.fullName)).toEqual([subRootName]);
    expect(list.missing).toBe(children.length - 1);

    expect(run('missing', '--period', PERIOD, '--out', file('cuibao.xlsx'), '--data-dir', county).code).toBe(0);
    const sheet = inspectWorkbook(file('cuibao.xlsx'))[0]!;
    const names = sheet.cells.filter((c) => c.ref.startsWith('C') && c.type === 's').map((c) => c.value);
    expect(names.filter((n) => children.some((c) => c.fullName === n))).toEqual(children.filter((c) => c.fullName !== subRootName).map((c) => c.fullName));
    expect(sheet.cells.some((c) => c.value === '下级数据包催报名单')).toBe(true);

    // Another period: nobody has sent anything; a chosen set instead of the direct children.
    await onLedger(county, (call) => {
      expect(call('consolidation.missing', { period: '2027年度' }).missing).toBe(children.length);
      const chosen = call('consolidation.missing', { period: PERIOD, expectedIds: [mappedId] });
      expect(chosen.expected.map((e) => [e.organizationId, e.submissionId !== null])).toEqual([[mappedId, true]]);
    });
  }, 120_000);

  it('refuses a bad command line with exit 2', () => {
    expect(run('import', '--data-dir', county).code).toBe(2);
    expect(run('import', 'package', '--data-dir', county).code).toBe(2);
    expect(run('missing', '--data-dir', county).code).toBe(2);
  });
});
