/** First start creates the administrator; a 只读 operator sees no editing buttons and is refused a save anyway. */
import { expect, test } from '@playwright/test';
import { rpc, shot, useConsole } from './console.js';

const app = useConsole(0);

test('first start creates the administrator, who adds a 只读 operator; the 只读 operator cannot save', async ({ page }) => {
  await page.goto(app().url);
  await expect(page.getByText('首次启动：建立管理员')).toBeVisible();
  await page.getByLabel('操作员姓名').fill('王书记');
  await page.getByLabel('密码', { exact: true }).fill('first-start-pass');
  await page.getByLabel('再次输入密码').fill('first-start-pass');
  await shot(page, 'access-setup');
  await page.getByRole('button', { name: '建立管理员并登录' }).click();
  await expect(page.getByText('请抄写恢复码')).toBeVisible();
  await expect(page.locator('.recovery-code')).toHaveText(/^([2-9A-Z]{5}-){4}[2-9A-Z]{5}$/);
  await shot(page, 'access-recovery-code');
  const recoveryCode = await page.locator('.recovery-code').innerText();
  await page.getByRole('button', { name: '我已抄写' }).click();
  await expect(page.locator('.app-operator')).toHaveText('王书记（管理员）');

  await page.getByRole('menuitem', { name: '操作员' }).click();
  await page.getByRole('button', { name: '新建操作员' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('赵只读');
  await dialog.getByLabel('角色').click();
  await page.getByTitle('只读', { exact: true }).click();
  await dialog.getByLabel('密码').fill('read-only-pass');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByRole('cell', { name: '赵只读' })).toBeVisible();
  await shot(page, 'access-operators');
  // The audit names the operator: the first start and the new operator, filtered to 王书记's entries.
  await page.getByRole('menuitem', { name: '操作记录' }).click();
  await page.getByLabel('操作人').click();
  await page.getByTitle('王书记', { exact: true }).click();
  await expect(page.getByRole('cell', { name: '新建操作员 赵只读（只读）' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '首次启动，建立管理员 王书记' })).toBeVisible();
  await shot(page, 'access-audit');

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByText('登录', { exact: true }).first()).toBeVisible();
  await page.getByLabel('操作员姓名').fill('赵只读');
  await page.getByLabel('密码').fill('read-only-pass');
  await page.getByRole('button', { name: '登 录' }).click();
  await expect(page.locator('.app-operator')).toHaveText('赵只读（只读）');
  // No operators page, no 新建党组织 or 保存 for 只读 …
  await expect(page.getByRole('menuitem', { name: '操作员' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: '报备规则' }).click();
  await expect(page.getByLabel('报备期限（天数）').or(page.getByText('报备期限'))).not.toHaveCount(0);
  await expect(page.getByRole('button', { name: /保\s*存/ })).toHaveCount(0);
  await shot(page, 'access-readonly-settings');
  // … and the register refuses the save even when the page sends it.
  const refused = await page.evaluate(async () => {
    const res = await fetch('/rpc/organizations.create', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': sessionStorage.getItem('netledger.token') ?? '' },
      body: JSON.stringify({ parentId: null, fullName: '中共只读委员会', type: '党委' }),
    });
    return { status: res.status, body: await res.json() };
  });
  expect(refused).toEqual({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN', message: '当前操作员的角色（只读）不能进行此操作。请由管理员或有相应权限的操作员办理。' } } });
  expect(await rpc(page, 'organizations.tree', {})).toEqual([]);

  // The administrator forgot the password: the recovery code sets a new one and signs in.
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '忘记管理员密码？用恢复码重设' }).click();
  const recover = page.getByRole('dialog');
  await recover.getByLabel('恢复码').fill(recoveryCode);
  await recover.getByLabel('操作员姓名').fill('王书记');
  await recover.getByLabel('新密码').fill('a-new-admin-pass');
  await shot(page, 'access-recover');
  await recover.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.locator('.app-operator')).toHaveText('王书记（管理员）');
});
