import { Tag } from 'antd';
import type { FilingState } from '../../src/domain/vocabulary.js';
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

export function FilingStateTag({ state, overdue }: { state: FilingState; overdue?: boolean }) {
  return (
    <>
      <Tag color={COLORS[state]}>{state}</Tag>
      {overdue && <Tag color="red">{t.account.overdue}</Tag>}
    </>
  );
}
