import { expect, test } from '@playwright/test';
import { shot, useConsole } from './console.js';

const app = useConsole(50);

test('报备规则: a change is a new version from its effective day, citing its 细则, listed under the form', async ({ page }) => {
  await page.goto(app().url);
  await page.getByRole('menuitem', { name: '报备规则' }).click();
  const history = page.locator('.ant-card', { hasText: '规则版本' }).locator('.ant-table-row');
  // A new register has one version, in force since always.
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText('最初');

  await page.getByLabel('个人群组备案门槛（群成员数）').fill('200');
  await page.getByLabel('依据细则名称').fill('关于规范党员干部网络行为的实施办法');
  await page.getByLabel('文号', { exact: true }).fill('苏宣发〔2019〕19号');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('所有账号应履行的手续和报备状态已按新规则重新计算')).toBeVisible();
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText('《关于规范党员干部网络行为的实施办法》（苏宣发〔2019〕19号）');
  await expect(history.first()).toContainText('成员≥200备案');
  await shot(page, '60-settings-versions');
  // One basis: the 登记表 and 零报告表 cite the version's 细则; the 表格用语 holds no second one.
  const wording = page.locator('.ant-form-item', { hasText: '表格用语' }).first();
  await expect(wording).toContainText('表上的“依据”即上面的依据细则名称和文号');
  await expect(page.getByLabel('依据（细则名称和文号）')).toHaveCount(0);
  await wording.scrollIntoViewIfNeeded();
  await shot(page, '61-settings-wording');

  // Saving only the signature line makes no new version.
  await page.locator('.ant-space-item', { hasText: '填表人' }).locator('input').fill('丙填表');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('所有账号应履行的手续和报备状态已按新规则重新计算').last()).toBeVisible();
  await expect(history).toHaveCount(2);
});
