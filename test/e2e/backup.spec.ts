import { expect, test, type Page } from '@playwright/test';
import { shot, useConsole } from './console.js';

const app = useConsole(40);

/** A call over the page's own transport (the token is kept in the tab), to change the register behind the page. */
const rpc = (page: Page, name: string, input: unknown) =>
  page.evaluate(
    async ([n, i]) => (await fetch(`/rpc/${n}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': sessionStorage.getItem('netledger.token')! }, body: JSON.stringify(i) })).json(),
    [name, input] as const,
  );

test('backs up, then restores a backup from the list after a confirmation that says what happens', async ({ page }) => {
  await page.goto(app().url);
  await page.getByRole('menuitem', { name: '数据备份' }).click();
  await expect(page.getByText('不要手工复制文件覆盖 ledger.sqlite3')).toBeVisible();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/^已备份：ledger-\d{8}-\d{6}-[0-9a-f]{4}$/)).toBeVisible();
  const row = page.getByRole('row', { name: /ledger-\d{8}-\d{6}-[0-9a-f]{4}/ });
  await expect(row).toHaveCount(1);

  // Work done after the backup, which the restore will replace.
  const before = (await rpc(page, 'system.stats', {})).value.organizations as number;
  const root = (await rpc(page, 'organizations.tree', {})).value[0].id as number;
  expect((await rpc(page, 'organizations.create', { parentId: root, fullName: '备份之后新建的支部', type: '党支部' })).ok).toBe(true);

  await row.getByRole('button', { name: /^恢\s*复$/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('影响全部数据的管理操作');
  await expect(dialog).toContainText('完整保存到数据文件夹的 replaced 子文件夹中');
  // Operators and passwords come back as they were that day (an encrypted backup carries the keys.json of its day).
  await expect(dialog).toContainText('操作员和密码也恢复为备份当天的');
  await shot(page, '41-restore-confirm');
  await dialog.getByRole('button', { name: /^恢\s*复$/ }).click();
  const done = page.getByRole('dialog').filter({ hasText: /已恢复。原来的数据保存在 .+replaced.+ledger-before-restore-\d{8}-\d{6}/ });
  await expect(done).toBeVisible();
  await shot(page, '42-restored');
  await done.getByRole('button', { name: '知道了' }).click();
  await expect(page.getByRole('menuitem', { name: '数据备份' })).toBeVisible();
  expect((await rpc(page, 'system.stats', {})).value.organizations).toBe(before);
});
