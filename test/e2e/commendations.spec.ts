import { expect, test, type Locator, type Page } from '@playwright/test';
import { rpc, shot, useConsole } from './console.js';

const app = useConsole(300);
const ok = /确\s*定/;

async function pickMember(page: Page, field: Locator, name: string) {
  await field.click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-item-option', { hasText: name }).first().click();
}

async function statistic(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));
}

test('commendation for two members withdrawn, a protection case closed, and an annual review over a subtree', async ({ page }) => {
  await page.goto(app().url);
  const members = (await rpc<{ rows: { name: string }[] }>(page, 'members.search', { statuses: ['在册'], limit: 40 })).rows;
  const [first, second] = [...new Set(members.map((m) => m.name))];

  // A commendation for two members, with its document number.
  await page.getByRole('menuitem', { name: '表彰激励' }).click();
  await page.getByRole('button', { name: '登记表彰' }).click();
  const dialog = page.getByRole('dialog');
  await pickMember(page, dialog.getByLabel('受表彰党员'), first!);
  await pickMember(page, dialog.getByLabel('受表彰党员'), second!);
  // Close the dropdown by clicking the dialog's title: Escape could close the whole dialog if the dropdown already closed.
  await dialog.locator('.ant-modal-title').click();
  await dialog.getByLabel('表彰名称').fill('网络文明传播先进个人（测试）');
  await dialog.getByLabel('文号').fill('示委〔2026〕88号');
  await dialog.getByRole('button', { name: ok }).click();
  const row = page.locator('.ant-table-row', { hasText: '示委〔2026〕88号' });
  await expect(row).toContainText(first!);
  await expect(row).toContainText(second!);
  await expect(row).toContainText('有效');

  // Withdraw it: the record stays, marked withdrawn.
  await row.click();
  await page.getByRole('button', { name: '撤销表彰' }).click();
  await page.getByRole('dialog', { name: '撤销表彰' }).getByLabel('撤销原因').fill('事实有误');
  await page.getByRole('dialog', { name: '撤销表彰' }).getByRole('button', { name: ok }).click();
  await expect(page.locator('.ant-drawer')).toContainText('已撤销：');
  await expect(page.locator('.ant-drawer')).toContainText('事实有误');
  await shot(page, '21-commendation-withdrawn');
  await page.locator('.ant-drawer-close').click();
  await expect(row).toContainText('已撤销');

  // A protection case with two measures, then closed.
  await page.getByRole('menuitem', { name: '保护支持' }).click();
  await page.getByRole('button', { name: '登记事项' }).click();
  const caseDialog = page.getByRole('dialog');
  await pickMember(page, caseDialog.getByLabel('党员'), first!);
  await caseDialog.getByLabel('情况说明').fill('发布政策解读后遭恶意攻击（测试）');
  await caseDialog.getByRole('button', { name: ok }).click();
  await page.locator('.ant-table-row', { hasText: '（测试）' }).click();
  for (const measure of ['澄清正名', '向平台举报处置']) {
    await page.getByRole('button', { name: '添加措施' }).click();
    const m = page.getByRole('dialog', { name: '添加保护支持措施' });
    await m.getByLabel('措施').click();
    await page.locator('.ant-select-item-option', { hasText: measure }).click();
    await m.getByRole('button', { name: ok }).click();
    await expect(page.getByTestId('protection-measures')).toContainText(measure);
  }
  await page.getByRole('button', { name: /^办\s*结$/ }).click();
  await page.getByRole('dialog', { name: '办结保护支持事项' }).getByLabel('办理结果').fill('不实信息已删除');
  await page.getByRole('dialog', { name: '办结保护支持事项' }).getByRole('button', { name: ok }).click();
  await expect(page.getByTestId('protection-status')).toHaveText('已办结');
  await shot(page, '22-protection-closed');
  await page.locator('.ant-drawer-close').click();

  // An annual review over one branch.
  const tree = await rpc<{ id: number; fullName: string; type: string; activeMembers: number }[]>(page, 'organizations.tree', {});
  const branch = tree.find((o) => o.type === '党支部' && o.activeMembers >= 3)!;
  await page.getByRole('menuitem', { name: '年度核查' }).click();
  await page.getByRole('button', { name: '发起核查' }).click();
  const c = page.getByRole('dialog');
  await c.getByLabel('核查名称').fill('2026年度（测试支部）');
  await c.locator('.ant-select-selection-item-remove').click();
  await c.getByLabel('核查范围').click();
  await page.keyboard.type(branch.fullName.slice(-10));
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: branch.fullName }).click();
  await c.locator('.ant-modal-title').click();
  await c.getByRole('button', { name: ok }).click();
  await page.locator('.ant-table-row', { hasText: '2026年度（测试支部）' }).click();
  await expect(page.getByTestId('campaign')).toBeVisible();
  const expected = await statistic(page, 'campaign-expected');
  expect(expected).toBe(branch.activeMembers);
  expect(await statistic(page, 'campaign-responded')).toBe(0);

  // One declaration (a member with accounts) and one 零报告 (a member without).
  const missing = page.locator('.ant-table-row').filter({ has: page.getByRole('button', { name: /^申\s*报$/ }) }).first();
  await missing.getByRole('button', { name: /^申\s*报$/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: ok }).click();
  await expect(page.getByTestId('campaign-declared')).toContainText('1');
  const zero = page.locator('.ant-table-row').filter({ has: page.getByRole('button', { name: '零报告', exact: true }) }).first();
  await zero.getByRole('button', { name: '零报告', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: ok }).click();
  await expect(page.getByTestId('campaign-zeroReports')).toContainText('1');
  expect(await statistic(page, 'campaign-responded')).toBe(2);
  expect(await statistic(page, 'campaign-notResponded')).toBe(expected - 2);
  const orgRow = page.locator('.ant-table-row', { hasText: branch.fullName }).first();
  await expect(orgRow.locator('td').nth(1)).toHaveText(String(expected));
  await expect(orgRow.locator('td').nth(2)).toHaveText('1');
  await expect(orgRow.locator('td').nth(3)).toHaveText('1');
  await expect(orgRow.locator('td').nth(4)).toHaveText(String(expected - 2));
  await shot(page, '23-campaign-completion');
});
