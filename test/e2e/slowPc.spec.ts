/**
 * A secretary on a slow PC acts before the page has finished drawing: what she types and clicks must land on the page
 * she chose and stay in the query. The CPU is slowed (as on an old office PC) only around the quick actions.
 */
import { expect, test, type Page } from '@playwright/test';
import { rpc, shot, useConsole } from './console.js';

const app = useConsole(300);
const SLOWDOWN = 16;

async function onSlowPc(page: Page, actions: () => Promise<void>) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
  try {
    await actions();
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

const shown = (n: number) => `已显示 ${n} / 共 ${n} 条`;

test('a search typed right after choosing 党员名册 from 党组织 searches the member list', async ({ page }) => {
  await page.goto(app().url);
  await page.getByRole('menuitem', { name: '党组织' }).click();
  // 党组织 lists the selected organization's members under a search box of its own.
  await expect(page.getByTestId('member-row-count')).toHaveText(/^已显示 200 \/ 共 \d+ 条$/);
  const [someone] = (await rpc<{ rows: { name: string }[] }>(page, 'members.search', { statuses: ['在册'], limit: 1, sort: 'joinedOn' })).rows;
  const q = someone!.name;
  const expected = (await rpc<{ total: number }>(page, 'members.search', { statuses: ['在册'], q, limit: 1 })).total;

  await onSlowPc(page, async () => {
    await page.getByRole('menuitem', { name: '党员名册' }).click();
    await page.getByTestId('member-search').locator('input').fill(q);
    await page.getByTestId('member-search').locator('input').press('Enter');
  });

  await expect(page.locator('.page-title')).toHaveText('党员名册');
  await expect(page.getByTestId('member-search').locator('input')).toHaveValue(q);
  await expect(page.getByTestId('member-row-count')).toHaveText(shown(expected));
  await expect(page.locator('.ant-table-row')).toHaveCount(expected);
  for (const row of await page.locator('.ant-table-row').all()) await expect(row).toContainText(q);
  await shot(page, '31-slow-pc-member-search');
});

test('a filter ticked right after a search on 网络账号 keeps the search', async ({ page }) => {
  await page.goto(app().url);
  await page.getByRole('menuitem', { name: '网络账号' }).click();
  await expect(page.getByTestId('account-row-count')).toHaveText(/^已显示 \d+ \/ 共 \d+ 条$/);
  type Found = { rows: { displayName: string }[]; total: number };
  const overdue = await rpc<Found>(page, 'accounts.search', { overdue: true, limit: 1 });
  const q = overdue.rows[0]!.displayName;
  const expected = (await rpc<Found>(page, 'accounts.search', { q, overdue: true, limit: 1 })).total;
  expect(overdue.total).toBeGreaterThan(expected); // losing the search would show more rows

  await onSlowPc(page, async () => {
    await page.getByTestId('account-search').locator('input').fill(q);
    await page.getByTestId('account-search').locator('input').press('Enter');
    await page.getByRole('checkbox', { name: '只看逾期' }).click();
  });

  // The accounts list keeps its filters in the address (hooks/accountQuery.ts).
  await expect.poll(() => Object.fromEntries(new URLSearchParams(new URL(page.url()).hash.split('?')[1]))).toEqual({ q, overdue: '1' });
  await expect(page.getByTestId('account-row-count')).toHaveText(shown(expected));
  await expect(page.getByTestId('account-search').locator('input')).toHaveValue(q);
  await shot(page, '32-slow-pc-account-search');
});
