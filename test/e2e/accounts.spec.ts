import { expect, test, type Page } from '@playwright/test';
import { shot, useConsole } from './console.js';

const app = useConsole(300);
const KEYS = ['needed', 'filed', 'pending', 'correction', 'notFiled', 'changed'] as const;
type Counts = Record<(typeof KEYS)[number], number>;

async function recordCounts(page: Page): Promise<Counts> {
  await page.goto(new URL('/#/dashboard', app().url).toString());
  await expect(page.getByTestId('dash-record-needed')).toBeVisible();
  const counts = {} as Counts;
  for (const k of KEYS) {
    const text = await page.getByTestId(`dash-record-${k}`).locator('.ant-statistic-content-value').innerText();
    counts[k] = Number(text.replace(/,/g, ''));
  }
  return counts;
}

async function expectCounts(page: Page, base: Counts, delta: Partial<Counts>, shotName?: string) {
  const expected = Object.fromEntries(KEYS.map((k) => [k, base[k] + (delta[k] ?? 0)]));
  expect(await recordCounts(page)).toEqual(expected);
  if (shotName) await shot(page, shotName);
}

async function openAccount(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId('account-detail')).toBeVisible();
}

const ok = /确\s*定/;
/**
 * Clicks a dialog's button until the dialog has closed. On a loaded machine a click that lands while the dialog is
 * still opening can be lost (CI saw the dialog stay open); a click on a button already busy with the call does nothing.
 */
async function confirmDialog(page: Page, name: RegExp) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(async () => {
    if (await dialog.isVisible()) await dialog.getByRole('button', { name }).click({ timeout: 5000 });
    await expect(dialog).toBeHidden({ timeout: 5000 });
  }).toPass({ timeout: 60_000 });
}

const NAME = '甄测试读书笔记';

test('the life of a personal public account: 未报备 → 待审核 → 需补正 → 待审核 → 已登记 → 变更未报, with the dashboard following', async ({ page }) => {
  await page.goto(app().url);

  // The unit files personal public accounts only from 1,000 followers.
  await page.getByRole('menuitem', { name: '报备规则' }).click();
  await page.getByLabel('个人公众账号备案门槛（粉丝数）').fill('1000');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('所有账号应履行的手续和报备状态已按新规则重新计算')).toBeVisible();
  const base = await recordCounts(page);

  // Register an account over the threshold for a member, from the member's profile.
  await page.getByRole('menuitem', { name: '党员名册' }).click();
  // The same for the row that opens the member's profile.
  await expect(async () => {
    await page.locator('.ant-table-row').first().click({ timeout: 5000 });
    await expect(page.getByRole('button', { name: '登记账号' })).toBeVisible({ timeout: 5000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole('button', { name: '登记账号' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('平台').click();
  await page.locator('.ant-select-item-option', { hasText: '微信公众号' }).first().click();
  await form.getByLabel('账号/群组名称').fill(NAME);
  await form.getByLabel('账号ID或网址').fill('zcs_reading');
  await form.getByLabel('粉丝数/群成员数').fill('5000');
  await form.getByLabel('管理员').fill('甲管理员');
  await confirmDialog(page, /保\s*存/);
  await expect(page.getByTestId('account-detail')).toBeVisible();
  await expect(page.getByTestId('account-state')).toHaveText('未报备');
  const accountUrl = page.url();
  await shot(page, '11-account-unfiled');
  await expectCounts(page, base, { needed: 1, notFiled: 1 }, '12-dashboard-unfiled');

  // Record its 备案.
  await openAccount(page, accountUrl);
  await page.getByRole('button', { name: '记录报备' }).click();
  await confirmDialog(page, ok);
  await expect(page.getByTestId('account-state')).toHaveText('待审核');
  await expectCounts(page, base, { needed: 1, pending: 1 });

  // Return it for correction with the organization's opinion.
  await openAccount(page, accountUrl);
  await page.getByRole('button', { name: '审核报备' }).click();
  const review = page.getByRole('dialog');
  await review.getByText('退回补正').click();
  await review.getByLabel('党组织意见').fill('请补充认证主体');
  await confirmDialog(page, ok);
  await expect(page.getByTestId('account-state')).toHaveText('需补正');
  await shot(page, '13-account-correction');
  await expectCounts(page, base, { needed: 1, correction: 1 });

  // Resubmit.
  await openAccount(page, accountUrl);
  await page.getByRole('button', { name: '重新提交' }).click();
  await confirmDialog(page, ok);
  await expect(page.getByTestId('account-state')).toHaveText('待审核');
  await expectCounts(page, base, { needed: 1, pending: 1 });

  // Accept.
  await openAccount(page, accountUrl);
  await page.getByRole('button', { name: '审核报备' }).click();
  await page.getByRole('dialog').getByLabel('党组织意见').fill('同意备案');
  await confirmDialog(page, ok);
  await expect(page.getByTestId('account-state')).toHaveText('已备案');
  await expect(page.locator('.ant-steps-item-title')).toHaveText(['提交', '退回补正', '重新提交', '登记']);
  await shot(page, '14-account-registered');
  await expectCounts(page, base, { needed: 1, filed: 1 });

  // Change its administrator: it must be filed again.
  await openAccount(page, accountUrl);
  await page.getByRole('button', { name: /编\s*辑/ }).click();
  await page.getByRole('dialog').getByLabel('管理员').fill('乙管理员');
  await confirmDialog(page, /保\s*存/);
  await expect(page.getByTestId('account-state')).toHaveText('变更未报备');
  await expect(page.getByText('登记后以下信息有变化，需要报备变更：管理员')).toBeVisible();
  await shot(page, '15-account-changed');
  await expectCounts(page, base, { needed: 1, changed: 1 }, '16-dashboard-changed');

  // The number on the dashboard opens the accounts behind it.
  await page.getByTestId('dash-record-changed').click();
  await expect(page.locator('.ant-table-row', { hasText: NAME })).toBeVisible();
  await expect(page.getByTestId('account-row-count')).toHaveText(`已显示 ${base.changed + 1} / 共 ${base.changed + 1} 条`);
  await shot(page, '17-accounts-behind-number');
});
