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
import { FIGURE_KEYS } from '../../src/contract/consolidation.js';
import { valueOf, type CallInput, type CallName, type CallOutput } from '../../src/contract/contract.js';
import type { Ledger } from '../../src/hosts/ledger.js';
import { openAdminLedger } from '../support/adminLedger.js';
import { msg } from '../../src/i18n/messages.js';
import { consolidatedAccounts } from '../../src/services/consolidation.js';
import { inspectWorkbook, type InspectedSheet } from '../support/excel.js';

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

/** 统计表 rows (name → the 15 figures) as openpyxl reads the cached values, 合计 included. */
function summaryRows(sheet: InspectedSheet): Map<string, number[]> {
  const at = (ref: string) => sheet.cells.find((c) => c.ref === ref);
  const header = sheet.cells.find((c) => c.value === '序号')!;
  const rows = new Map<string, number[]>();
  const first = Number(header.ref.slice(1)) + 1;
  for (let r = first; at(`A${r}`); r++) {
    const name = String(at(`B${r}`)?.value ?? at(`A${r}`)!.value);
    const figures = 'CDEFGHIJKLMNOPQ'.split('').map((col) => Number(at(`${col}${r}`)?.cached ?? at(`${col}${r}`)?.value));
    rows.set(name === '合计' || at(`A${r}`)!.value === '合计' ? '合计' : name, figures);
  }
  return rows;
}

const PERIOD = '2026年度';
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
  expect(run('export-package', '--data-dir', sub, '--period', PERIOD, '--out', file('p1.json')).code).toBe(0);
}, 120_000);

describe('consolidation upward', () => {
  it('proposes the organization by full name, imports only once confirmed, and the stored figures equal the sub-unit’s own', async () => {
    const dry = run('import', 'package', file('p1.json'), '--dry-run', '--json', '--data-dir', county);
    expect(dry.code).toBe(0);
    const seen = JSON.parse(dry.out);
    expect(seen.mapping).toEqual({ organizationId: mappedId, organizationName: subRootName, basis: 'fullName' });
    expect(seen.source).toMatchObject({ code: '001', fullName: subRootName, partyCode: null });

    const before = stats(county);
    const unconfirmed = run('import', 'package', file('p1.json'), '--data-dir', county);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.err).toBe(msg.consolidationCli.confirmMapping(subRootName, seen.mapping));
    expect(stats(county)).toBe(before);

    const imported = run('import', 'package', file('p1.json'), '--yes', '--json', '--data-dir', county);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ submission: { organizationId: mappedId, period: { label: PERIOD } }, added: 0, replaced: null });

    // The sub-unit's own 统计表, read with openpyxl, against what the county stored for it.
    expect(run('report', 'summary', '--data-dir', sub, '--out', file('sub-summary.xlsx')).code).toBe(0);
    const own = summaryRows(inspectWorkbook(file('sub-summary.xlsx'))[0]!);
    const { rows, byOrganization, accounts } = await onLedger(county, (call, ledger) => ({
      ...call('consolidation.rows', { period: PERIOD }),
      accounts: [...consolidatedAccounts(ledger.ctx, { period: PERIOD })],
    }));
    expect(byOrganization).toHaveLength(1);
    expect(FIGURE_KEYS.map((k) => byOrganization[0]!.figures[k])).toEqual(own.get('合计'));
    expect(byOrganization[0]!.figures.accounts).toBeGreaterThan(100);
    // Branch by branch: the sender's direct children with their subtrees, as its 统计表 buckets them.
    for (const branch of rows.filter((r) => r.depth === 1)) {
      const sum = FIGURE_KEYS.map((k) => rows.filter((r) => r.relativeCode.startsWith(branch.relativeCode)).reduce((n, r) => n + r.figures[k], 0));
      expect(sum).toEqual(own.get(branch.fullName));
    }
    expect(rows.every((r) => r.sourceName === subRootName && r.mappedOrganizationId === mappedId)).toBe(true);
    // The 明细表 side: every account the package sent, with its source and its organization's name.
    const sent = JSON.parse(fs.readFileSync(file('p1.json'), 'utf8')).data.accounts as { ref: number }[];
    expect(accounts.map((a) => a.ref).sort((a, b) => a - b)).toEqual(sent.map((a) => a.ref).sort((a, b) => a - b));
    expect(accounts.every((a) => a.sourceName === subRootName && a.organizationName.length > 0)).toBe(true);

    const dashboard = await onLedger(sub, (call) => call('dashboard.summary', {}));
    const figures = byOrganization[0]!.figures;
    expect([figures.reportDue, figures.reportDone, figures.recordDue, figures.recordDone, figures.pending]).toEqual([
      dashboard.report.needed,
      dashboard.report.filed + dashboard.report.changed,
      dashboard.record.needed,
      dashboard.record.filed + dashboard.record.changed,
      dashboard.report.pending + dashboard.record.pending,
    ]);
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
    expect(run('import', 'package', file('p1.json'), '--yes', '--data-dir', county).err).toMatch(/早于已导入的同期数据包/);
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
