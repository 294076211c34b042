import { Tag } from 'antd';
import { filingStateLabel } from '../../src/domain/figures.js';
import type { FilingState, RequiredFiling } from '../../src/domain/vocabulary.js';
import { t } from '../strings.js';

const COLORS: Record<FilingState, string> = {
  无需报备: 'default',
  未报备: 'red',
  待审核: 'gold',
  已登记: 'green',
  需补正: 'orange',
  变更未报: 'volcano',
  已注销: 'default',
};

/** The state in the words the reports print: 已报告/已备案 for an accepted filing, 变更未报备 for a change since. */
export function FilingStateTag({ state, required, overdue }: { state: FilingState; required: RequiredFiling; overdue?: boolean }) {
  return (
    <>
      <Tag color={COLORS[state]}>{filingStateLabel(state, required)}</Tag>
      {overdue && <Tag color="red">{t.account.overdue}</Tag>}
    </>
  );
}
