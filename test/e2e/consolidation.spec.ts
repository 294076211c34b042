/**
 * 汇总上报 through the window: a sub-unit's package imported under the organization proposed by its full name, a
 * newer one replacing it only once confirmed (with the diff shown before and after), the history, and the 催报
 * list downloaded and read back with openpyxl.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { inspectWorkbook } from '../support/excel.js';
import type { Page } from '@playwright/test';
import { SHOTS, rpc, shot, useConsole } from './console.js';

const app = useConsole(300);
// The reports test prints the package the first test imported: a retry runs both again, in order.
test.describe.configure({ mode: 'serial' });
/** A dialog's shot once its opening animation has ended. */
const settledShot = async (page: Page, name: string) => {
  await page.waitForTimeout(600);
  await shot(page, name);
};
const BIN = path.join(import.meta.dirname, '../../src/bin/netledger.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-e2e-sub-'));
test.afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The sub-unit's package, and a later one where one account was filed and another is no longer sent. */
function packages() {
  const sub = path.join(work, 'sub');
  spawnSync(process.execPath, [BIN, 'demo', '--data-dir', sub, '--members', '200', '--seed', '9']);
  const first = path.join(work, '望川.json');
  spawnSync(process.execPath, [BIN, 'export-package', '--data-dir', sub, '--period', '2026年度', '--out', first]);
  const pkg = JSON.parse(fs.readFileSync(first, 'utf8'));
  const unfiled = pkg.data.accounts.find((a: { filingState: string }) => a.filingState === '未报备');
  unfiled.filingState = '待审核';
  const gone = pkg.data.accounts.pop();
  pkg.data.filings = pkg.data.filings.filter((f: { accountRef: number }) => f.accountRef !== gone.ref);
  pkg.counts = { ...pkg.counts, accounts: pkg.data.accounts.length, filings: pkg.data.filings.length };
  pkg.sha256 = crypto.createHash('sha256').update(JSON.stringify(pkg.data)).digest('hex');
  pkg.generatedAt = new Date(Date.parse(pkg.generatedAt) + 60_000).toISOString();
  const second = path.join(work, '望川-更正.json');
  fs.writeFileSync(second, JSON.stringify(pkg));
  return { first, second, sourceName: pkg.source.fullName as string, changed: unfiled.displayName as string };
}

test('imports a sub-unit package, replaces it only once confirmed, shows what changed and exports the 催报 list', async ({ page }) => {
  const { first, second, sourceName, changed } = packages();
  await page.goto(app().url);
  const tree = await rpc<{ id: number; parentId: number | null }[]>(page, 'organizations.tree', {});
  await rpc(page, 'organizations.create', { parentId: tree[0]!.id, fullName: sourceName, type: '党委' });
  await page.reload();
  await page.getByRole('menuitem', { name: '汇总上报' }).click();
  await expect(page.getByTestId('missing-line')).toHaveText('应报 3 个，已报 0 个，未报 3 个');

  await page.locator('input[type=file]').setInputFiles(first);
  const dialog = page.getByRole('dialog', { name: '导入上报数据包' });
  await expect(dialog.getByTestId('package-inspection')).toContainText(sourceName);
  await expect(dialog).toContainText('全称相同');
  await expect(dialog).toContainText('这是该党组织第一次上报。');
  await settledShot(page, '61-package-inspect');
  await dialog.getByTestId('package-import-ok').click();
  await expect(page.getByText(`已导入，作为“${sourceName}”的上报数据`)).toBeVisible();
  await expect(page.getByTestId('missing-line')).toHaveText('应报 3 个，已报 1 个，未报 2 个');
  await expect(page.getByTestId('submissions-table')).toContainText(`${sourceName} / 001`);
  await expect(dialog).toBeHidden();
  await shot(page, '62-consolidation-after-import');

  await page.locator('input[type=file]').setInputFiles(second);
  await expect(dialog).toContainText('导入后它将被替换，并留作历史记录');
  await expect(dialog).toContainText('与上次上报相比：新增 0 个账号，注销 0 个，状态变化 1 个，不再上报 1 个');
  await expect(dialog.getByTestId('package-import-ok')).toBeDisabled();
  await dialog.getByText('状态变化（1）').click();
  await expect(dialog.getByTestId('diff-tabs')).toContainText(changed);
  await settledShot(page, '63-package-replace');
  await dialog.getByTestId('confirm-replace').click();
  await dialog.getByTestId('package-import-ok').click();
  await expect(dialog).toBeHidden();

  await page.getByText('显示已替换的历史数据包').click();
  const rows = page.getByTestId('submissions-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('当前');
  await expect(rows.nth(1)).toContainText('已替换');
  await rows.nth(0).getByRole('button', { name: '查看变化' }).click();
  const diff = page.getByRole('dialog', { name: '与上次上报相比的变化' });
  await expect(diff).toContainText('不再上报（1）');
  await diff.getByText('状态变化（1）').click();
  await expect(diff).toContainText('待审核');
  await settledShot(page, '64-submission-diff');
  await page.keyboard.press('Escape');
  await expect(diff).toBeHidden();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出催报名单' }).click();
  const file = await download;
  const saved = path.join(SHOTS, 'downloaded-reminders.xlsx');
  await file.saveAs(saved);
  const [sheet] = inspectWorkbook(saved);
  const names = sheet!.cells.filter((c) => c.ref.startsWith('C') && c.type === 's').map((c) => String(c.value));
  const expected = tree.filter((o) => o.parentId === tree[0]!.id).length;
  expect(names.filter((n) => n.startsWith('中共'))).toHaveLength(expected);
  expect(names).not.toContain(sourceName);
});

test('prints the 统计表 and 明细表 with the packages of a period, each package row marked with its source', async ({ page }) => {
  await page.goto(app().url);
  // The first test imported the sub-unit's package for 2026年度.
  const { submissions } = await rpc<{ submissions: { source: { fullName: string } }[] }>(page, 'consolidation.list', { period: '2026年度' });
  const source = `数据包：${submissions[0]!.source.fullName}，2026年度`;
  await page.getByRole('menuitem', { name: '上报报表' }).click();
  const table = page.locator('.ant-table').first();
  await expect(table).not.toContainText(source);
  await page.getByTestId('report-consolidated').click();
  await page.locator('.ant-select-item-option[title="2026年度"]').click();
  await expect(table).toContainText(source);
  await expect(table).toContainText('来源');
  await expect(page.getByText('截至', { exact: false }).first()).toContainText('（含下级2026年度上报数据包）');
  await page.keyboard.press('Escape');
  await table.locator('.ant-table-content').first().evaluate((e) => e.scrollTo({ left: e.scrollWidth }));
  await settledShot(page, '65-summary-with-packages');
  // The 明细表 lists the packages' accounts after the register's own: the preview's first rows are ours.
  await page.getByTestId('report-kind').getByText('明细表').click();
  await expect(table.locator('thead')).toContainText('来源');
  await expect(table.locator('tbody tr.ant-table-row').first()).toContainText('本台账');
  await table.locator('.ant-table-content').first().evaluate((e) => e.scrollTo({ left: e.scrollWidth }));
  await settledShot(page, '66-detail-with-packages');
});
