import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { inspectWorkbook } from '../support/excel.js';
import { SHOTS, rpc, shot, useConsole } from './console.js';

const app = useConsole(300);

const isoDaysFromNow = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** An official account opened 25 days ago: due in 5 days under the default 30-day deadline. */
async function accountDueSoon(page: Page): Promise<number> {
  const member = (await rpc<{ rows: { id: number }[] }>(page, 'members.search', { limit: 1 })).rows[0]!;
  const created = await rpc<{ id: number }>(page, 'accounts.create', {
    memberId: member.id, platform: '微博', region: '境内', capacity: '以职务身份', kind: '账号', displayName: '端到端即将到期号', accountRef: 'e2e_due', openedOn: isoDaysFromNow(-25),
  });
  return created.id;
}

async function download(page: Page, click: () => Promise<void>, name: string) {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  const saved = path.join(SHOTS, name);
  await file.saveAs(saved);
  return { suggested: file.suggestedFilename(), sheets: inspectWorkbook(saved) };
}

test('the 首页\'s 即将到期 count opens the 催报名单, whose 即将到期 sheet has that many rows', async ({ page }) => {
  await page.goto(app().url);
  await accountDueSoon(page);
  await page.reload();
  const card = page.getByTestId('dash-due-soon');
  await expect(card).toContainText('即将到期未报备');
  await expect(card.getByTestId('dash-due-days')).toHaveValue('7');
  const count = Number(await card.locator('.ant-statistic-content-value').innerText());
  expect(count).toBeGreaterThanOrEqual(1);
  await shot(page, '60-dashboard-due-soon');
  await card.getByRole('link').click();
  await expect(page.getByTestId('report-kind')).toBeVisible();
  const previews = page.getByTestId('report-preview');
  await expect(previews).toHaveCount(5);
  const dueSheet = previews.filter({ hasText: '网络账号即将到期未报备名单' });
  await expect(dueSheet).toContainText('端到端即将到期号');
  await expect(dueSheet.getByTestId('report-total')).toContainText(`共 ${count} 行`);
  await shot(page, '61-chase-preview');
});

test('a 明细表 template chooses, orders and renames columns; the preview follows it', async ({ page }) => {
  await page.goto(app().url);
  await page.getByRole('menuitem', { name: '上报报表' }).click();
  await page.getByTestId('report-kind').getByText('明细表').click();
  await page.getByTestId('manage-templates').click();
  const modal = page.getByTestId('template-modal');
  await modal.getByTestId('template-name').fill('县委组织部格式');
  // Keep 序号, 姓名, 平台 and 账号名称; 姓名 printed as 党员姓名.
  for (const column of ['身份证号', '职务', '境内/境外', '账号ID', '开设身份', '类型', '开设时间', '粉丝数/群成员数', '管理员', '报备类型', '报备（登记）日期', '状态', '党组织意见', '备注']) {
    await modal.getByRole('checkbox', { name: column, exact: true }).uncheck();
  }
  await modal.locator('tr', { hasText: '姓名' }).first().locator('input[type=text], input:not([type])').fill('党员姓名');
  await shot(page, '62-template-editor');
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(page.getByText('模板已保存')).toBeVisible();
  await modal.locator('.ant-modal-close').click();
  const preview = page.getByTestId('report-preview');
  await expect(preview.locator('thead th')).toHaveText(['序号', '党员姓名', '平台', '账号名称']);
  await expect(page.getByTestId('report-template')).toContainText('县委组织部格式');
  await shot(page, '63-template-preview');
  const templates = await rpc<{ name: string; columns: { key: string; header: string }[] }[]>(page, 'reportTemplates.list', {});
  expect(templates.map((x) => [x.name, x.columns.map((c) => c.header)])).toEqual([['县委组织部格式', ['序号', '党员姓名', '平台', '账号名称']]]);
});

test('blank forms from the reports page and the prefilled 登记表 from the account\'s page download as workbooks', async ({ page }) => {
  await page.goto(app().url);
  await page.getByRole('menuitem', { name: '上报报表' }).click();
  const blank = await download(page, () => page.getByTestId('blank-filing-form').click(), 'blank-filing.xlsx');
  expect(blank.sheets[0]!.cells.find((c) => c.ref === 'A1')!.value).toBe('党员干部网络账号报告（备案）登记表');
  const zero = await download(page, () => page.getByTestId('blank-zero-form').click(), 'blank-zero.xlsx');
  expect(zero.sheets[0]!.cells.find((c) => c.ref === 'A1')!.value).toBe('党员干部网络账号年度核查零报告表');
  const id = await accountDueSoon(page).catch(async () => (await rpc<{ rows: { id: number }[] }>(page, 'accounts.search', { q: '端到端即将到期号' })).rows[0]!.id);
  await page.goto(`${app().url}#/accounts/${id}`);
  await expect(page.getByTestId('print-filing-form')).toBeVisible();
  await shot(page, '64-account-print-form');
  const filled = await download(page, () => page.getByTestId('print-filing-form').click(), 'filing.xlsx');
  expect(filled.suggested).toMatch(/^网络账号报备登记表_.+_端到端即将到期号_/);
  const cells = filled.sheets[0]!.cells;
  expect(cells.find((c) => c.ref === 'A1')!.value).toBe('党员干部网络账号报告登记表');
  expect(cells.some((c) => c.value === '端到端即将到期号')).toBe(true);

  // The annual review's 未报送 list: a member without accounts gets a prefilled 零报告表 for this review.
  await page.goto(`${app().url}#/campaigns/1`);
  const printZero = page.getByTestId('print-zero-form').first();
  await printZero.scrollIntoViewIfNeeded();
  await expect(printZero).toBeVisible();
  await shot(page, '65-campaign-zero-form');
  const row = page.locator('tr', { has: printZero });
  const name = (await row.locator('td').first().innerText()).trim();
  const zeroForm = await download(page, () => printZero.click(), 'zero.xlsx');
  const zeroCells = zeroForm.sheets[0]!.cells;
  expect(zeroCells.find((c) => c.ref === 'A1')!.value).toBe('党员干部网络账号年度核查零报告表');
  expect(zeroCells.some((c) => c.value === name)).toBe(true);
});
