/** The console locks after 报备规则's idle time: the data leaves the screen and the register refuses until sign-in. */
import { expect, test } from '@playwright/test';
import { ADMIN, rpc, shot, useConsole } from './console.js';

const app = useConsole(200);

test('after a minute without activity the console locks, and signing in again brings the data back', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(app().url);
  // The shortest idle time; it applies from the next sign-in.
  await rpc(page, 'settings.update', { lockMinutes: 1 });
  await rpc(page, 'auth.signIn', ADMIN);
  await page.getByRole('menuitem', { name: '党员名册' }).click();
  const firstRow = page.locator('.ant-table-row').first();
  await expect(firstRow).toBeVisible();
  // The member list is a virtual table, its cells divs: a `td` matched only the page being left, still on screen
  // while route changes rendered as transitions.
  const name = (await firstRow.locator('.ant-table-cell').first().innerText()).trim();
  await shot(page, 'lock-before');

  await expect(page.getByText('已锁定', { exact: true })).toBeVisible({ timeout: 100_000 });
  await expect(page.getByText(`${ADMIN.name} 长时间没有操作`)).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  await expect(page.locator('.ant-table-row')).toHaveCount(0);
  await shot(page, 'lock-locked');
  const refused = await page.evaluate(async () => {
    const res = await fetch('/rpc/members.search', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': sessionStorage.getItem('netledger.token') ?? '' },
      body: JSON.stringify({}),
    });
    return { status: res.status, body: await res.json() };
  });
  expect(refused).toEqual({ status: 401, body: { ok: false, error: { code: 'SIGNED_OUT', message: '请先登录。' } } });

  await expect(page.getByLabel('操作员姓名')).toHaveValue(ADMIN.name);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '登 录' }).click();
  await expect(page.locator('.app-operator')).toHaveText(`${ADMIN.name}（管理员）`);
  await page.getByRole('menuitem', { name: '党员名册' }).click();
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
});
