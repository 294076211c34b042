/**
 * The transfer password in the window: the export dialog asks for it twice and will not export while the two
 * differ; 汇总上报 asks for it when a sealed package is chosen, says so after a wrong one, and with the right one
 * shows the package's check as for a plain package.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { shot, useConsole } from './console.js';

const app = useConsole(100);
const BIN = path.join(import.meta.dirname, '../../src/bin/netledger.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'netledger-e2e-seal-'));
test.afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const PASSWORD = '县乡约定-2026';

const settledShot = async (page: Page, name: string) => {
  await page.waitForTimeout(600);
  await shot(page, name);
};

test('the export dialog takes a transfer password twice and refuses to export while they differ', async ({ page }) => {
  await page.goto(app().url);
  await page.getByRole('menuitem', { name: '上报报表' }).click();
  await page.getByRole('button', { name: '导出上报数据包' }).click();
  const dialog = page.getByRole('dialog', { name: '导出上报数据包' });
  await expect(dialog.getByTestId('package-whole-ids')).toBeVisible();
  await dialog.getByTestId('package-protect').click();
  await dialog.getByTestId('package-password').fill(PASSWORD);
  await dialog.getByTestId('package-password-again').fill('县乡约定-2025');
  await expect(dialog).toContainText('两次输入的传输密码不一致。');
  const ok = dialog.getByRole('button', { name: /确\s*定|OK/ });
  await expect(ok).toBeDisabled();
  await settledShot(page, '91-package-password-mismatch');
  await dialog.getByTestId('package-password-again').fill(PASSWORD);
  await expect(dialog).not.toContainText('两次输入的传输密码不一致。');
  await expect(ok).toBeEnabled();
  await dialog.getByTestId('package-password').fill('short');
  await expect(ok).toBeDisabled();
});

test('a sealed package asks for its password on import, says so after a wrong one, and opens with the right one', async ({ page }) => {
  const sub = path.join(work, 'sub');
  spawnSync(process.execPath, [BIN, 'demo', '--data-dir', sub, '--members', '80', '--seed', '21']);
  const sealed = path.join(work, '加密.json');
  const made = spawnSync(process.execPath, [BIN, 'export-package', '--data-dir', sub, '--period', '2026年度', '--out', sealed], {
    env: { ...process.env, NETLEDGER_TRANSFER_PASSWORD: PASSWORD },
  });
  expect(made.status).toBe(0);
  await page.goto(app().url);
  await page.getByRole('menuitem', { name: '汇总上报' }).click();
  await page.locator('input[type=file]').setInputFiles(sealed);
  const prompt = page.getByRole('dialog', { name: '输入传输密码' });
  await expect(prompt.getByTestId('package-password-note')).toContainText('设有传输密码');
  await prompt.getByTestId('package-open-password').fill('县乡约定-2025');
  await prompt.getByRole('button', { name: '解开并校验' }).click();
  await expect(prompt.getByTestId('package-password-note')).toContainText('传输密码不正确');
  await settledShot(page, '92-package-password-wrong');
  await prompt.getByTestId('package-open-password').fill(PASSWORD);
  await prompt.getByRole('button', { name: '解开并校验' }).click();
  await expect(prompt).toBeHidden();
  await expect(page.getByRole('dialog', { name: '导入上报数据包' }).getByTestId('package-inspection')).toBeVisible();
  await settledShot(page, '93-package-opened');
});
