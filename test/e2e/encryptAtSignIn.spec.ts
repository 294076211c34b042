/**
 * A register of the release before encryption at rest (operators already, so no first start): the 录入员 is asked to
 * let the administrator sign in first; the administrator's sign-in encrypts it and shows the new recovery code on
 * the first start's screen, which stays until 我已抄写 confirms it; a sign-in after that shows no code.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { rpc, shot, useConsole } from './console.js';

const ROOT = path.join(import.meta.dirname, '../..');
const ADMIN = { name: '老管理员', password: process.env.NETLEDGER_PASSWORD! };

/** test/support/legacyRegister.ts, run as the CLI runs (tsx), with console.ts's invented administrator password. */
async function legacyRegister(dataDir: string): Promise<void> {
  const script = "const m = await import('./test/support/legacyRegister.ts'); await m.legacyRegister(process.argv[1]);";
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script, dataDir], { cwd: ROOT, stdio: 'inherit' });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`legacyRegister exited ${code}`);
}

const app = useConsole(0, legacyRegister);

test('the administrator\'s sign-in encrypts a register of an earlier release and shows the new recovery code', async ({ page }) => {
  test.setTimeout(180_000);
  const file = path.join(app().dataDir, 'ledger.sqlite3');
  const plain = () => fs.readFileSync(file).subarray(0, 16).toString('latin1') === 'SQLite format 3\0';
  expect(plain()).toBe(true);
  await page.goto(app().url);
  await expect(page.getByText('登录', { exact: true }).first()).toBeVisible();

  await page.getByLabel('操作员姓名').fill('录入甲');
  await page.getByLabel('密码').fill('clerk-password-1');
  await page.getByRole('button', { name: '登 录' }).click();
  await expect(page.getByText('台账还没有加密。请先由管理员登录一次')).toBeVisible();
  // The message slides in: the picture after its animation.
  await page.waitForTimeout(600);
  await shot(page, 'encrypt-signin-clerk-refused');
  expect(plain()).toBe(true);

  await page.getByLabel('操作员姓名').fill(ADMIN.name);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '登 录' }).click();
  await expect(page.getByText('请抄写恢复码')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('这个台账原来没有加密，刚才登录时已经加密')).toBeVisible();
  await expect(page.locator('.recovery-code')).toHaveText(/^([2-9A-Z]{5}-){4}[2-9A-Z]{5}$/);
  expect(plain()).toBe(false);
  expect(fs.existsSync(path.join(app().dataDir, 'keys.json'))).toBe(true);
  await shot(page, 'encrypt-signin-recovery-code');
  // The window asks every 15 s who is signed in (already 老管理员): the code stays until acknowledged.
  await page.waitForTimeout(16_000);
  await expect(page.locator('.recovery-code')).toBeVisible();
  // Until 我已抄写 says so, the code is owed: a sign-in whose answer was lost would be given another.
  expect(JSON.parse(fs.readFileSync(path.join(app().dataDir, 'keys.json'), 'utf8')).recoveryUnseen).toBe(true);
  await page.getByRole('button', { name: '我已抄写' }).click();
  await expect(page.locator('.app-operator')).toHaveText('老管理员（管理员）');
  expect(JSON.parse(fs.readFileSync(path.join(app().dataDir, 'keys.json'), 'utf8')).recoveryUnseen).toBeUndefined();
  expect((await rpc<{ rows: { name: string }[] }>(page, 'members.search', { q: '蔺雀翎' })).rows.map((r) => r.name)).toEqual(['蔺雀翎']);
  await shot(page, 'encrypt-signin-console');

  // Confirmed: the next sign-in goes straight to the console, with no code.
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('操作员姓名').fill(ADMIN.name);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '登 录' }).click();
  await expect(page.locator('.app-operator')).toHaveText('老管理员（管理员）');
  await expect(page.locator('.recovery-code')).toHaveCount(0);
});
