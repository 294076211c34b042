/** A member retires: the dialog asks what becomes of each open account, and the leave is saved with the decisions (issue 12 point 7). */
import { expect, test } from '@playwright/test';
import { validId } from '../support/ids.js';
import { rpc, shot, useConsole } from './console.js';

const app = useConsole(40);
const ok = /确\s*定/;

test('a retiring member hands one account over, closes one and keeps one; the 交接清单 is on the reports page', async ({ page }) => {
  await page.goto(app().url);
  await expect(page.getByText('党员名册').first()).toBeVisible();
  const tree = await rpc<{ id: number; parentId: number | null }[]>(page, 'organizations.tree', {});
  const branch = tree.find((o) => o.parentId !== null)!.id;
  const member = (name: string, seq: number) => rpc<{ id: number }>(page, 'members.create', { name, organizationId: branch, idNumber: validId('1962-05-0' + seq, 700 + seq) }).then((m) => m.id);
  const leaver = await member('甄退休', 1);
  await member('甄接收', 2);
  const account = (displayName: string, capacity: string, kind: string) =>
    rpc<{ id: number }>(page, 'accounts.create', { memberId: leaver, platform: '微信公众号', region: '境内', capacity, kind, displayName, accountRef: null, audience: 3000 }).then((a) => a.id);
  const work = await account('甄测试工作号', '以职务身份', '账号');
  const reading = await account('甄测试读书', '个人', '公众账号');
  const group = await account('甄测试老友群', '个人', '群组');

  await page.goto(new URL(`/#/members/${leaver}`, app().url).toString());
  await page.getByRole('button', { name: '转出/退休/去世' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('名下未注销的账号（3 个）')).toBeVisible();
  // Nothing chosen: every account asks for its decision, nothing is saved.
  await dialog.getByRole('button', { name: ok }).click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toHaveCount(4);
  await shot(page, 'handover-01-leave-unanswered');

  await dialog.getByLabel('退休').check();
  const card = (name: string) => dialog.getByTestId('leave-account').filter({ hasText: name });
  await card('甄测试工作号').getByLabel('移交给其他党员').check();
  await card('甄测试工作号').locator('.ant-select').click();
  await page.keyboard.type('甄接收');
  await page.locator('.ant-select-item-option', { hasText: '甄接收' }).click();
  await card('甄测试工作号').getByLabel('新管理员（可不填）').fill('甄接收');
  await card('甄测试读书').getByLabel('注销账号').check();
  await card('甄测试读书').getByLabel('注销原因').fill('本人退休，停止更新');
  await card('甄测试老友群').getByLabel('保留（注明原因）').check();
  await card('甄测试老友群').getByLabel('保留原因').fill('群由本人继续维护');
  await shot(page, 'handover-02-leave-decided');
  await dialog.getByRole('button', { name: ok }).click();
  await expect(page.getByText('已保存：状态及账号处理')).toBeVisible();
  await expect(page.getByTestId('member-profile').locator('.ant-tag', { hasText: '退休' })).toBeVisible();

  const get = (id: number) => rpc<{ memberName: string; administrator: string; status: string; closedReason: string | null; handovers: { kind: string; note: string | null }[] }>(page, 'accounts.get', { id });
  expect(await get(work)).toMatchObject({ memberName: '甄接收', administrator: '甄接收', handovers: [{ kind: '移交' }] });
  expect(await get(reading)).toMatchObject({ status: '已注销', closedReason: '本人退休，停止更新' });
  expect(await get(group)).toMatchObject({ memberName: '甄退休', status: '在用', handovers: [{ kind: '保留', note: '群由本人继续维护' }] });

  // The handed-over account shows where it came from.
  await page.goto(new URL(`/#/accounts/${work}`, app().url).toString());
  await expect(page.getByTestId('handover-history').getByText('甄退休')).toBeVisible();
  await expect(page.getByTestId('handover-history').getByText('党员退休')).toBeVisible();
  await shot(page, 'handover-03-account-history');

  await page.goto(new URL('/#/reports', app().url).toString());
  await page.getByTestId('report-kind').getByText('工作交接清单').click();
  await expect(page.getByText('工作交接清单：概况')).toBeVisible();
  await expect(page.getByText('需报告/备案而未办结的账号').first()).toBeVisible();
  // Signed by who hands over and who takes over, not by the upward reports' 单位负责人.
  await expect(page.locator('.report-signature').first()).toHaveText(/^移交人（签字）/);
  await shot(page, 'handover-04-report-preview');
});

test('a publication request goes out on one of the unit\'s registered accounts, picked from a list', async ({ page }) => {
  await page.goto(app().url);
  await expect(page.getByText('党员名册').first()).toBeVisible();
  await page.goto(new URL('/#/requests', app().url).toString());
  const root = (await rpc<{ parentId: number | null; fullName: string }[]>(page, 'organizations.tree', {})).find((o) => o.parentId === null)!;
  const registered = await rpc<{ total: number; rows: { platform: string; displayName: string }[] }>(page, 'accounts.search', { filingStates: ['已登记', '变更未报'], limit: 500 });
  await page.getByRole('button', { name: '登记请示' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-form-item', { hasText: '所属党组织' }).locator('.ant-select').click();
  await page.keyboard.type(root.fullName.slice(-8));
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: root.fullName }).last().click();
  await dialog.getByLabel('请示人').fill('甄请示');
  await dialog.getByLabel('拟发布信息标题').fill('关于发布主题党日活动通知的请示');
  await dialog.getByTestId('request-account').click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options.first()).toBeVisible();
  await shot(page, 'handover-05-request-accounts');
  const first = registered.rows[0]!;
  await page.keyboard.type(first.displayName);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: first.displayName }).first().click();
  await dialog.getByRole('button', { name: ok }).click();
  await expect(page.getByText('已登记请示')).toBeVisible();
  await expect(page.locator('.ant-table-row', { hasText: '关于发布主题党日活动通知的请示' })).toContainText(`${first.platform}「${first.displayName}」`);
});
