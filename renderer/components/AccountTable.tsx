import type { TableColumnsType } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { AccountRow } from '../../src/contract/accounts.js';
import type { PagedList } from '../hooks/pagedList.js';
import { t } from '../strings.js';
import { FilingStateTag } from './FilingStateTag.js';
import { VirtualTable } from './VirtualTable.js';

const or = (v: string | number | null) => (v === null ? t.common.none : String(v));

const columns: TableColumnsType<AccountRow> = [
  { title: t.account.displayName, dataIndex: 'displayName', width: 180, fixed: 'left', ellipsis: true },
  { title: t.account.platform, dataIndex: 'platform', width: 100 },
  { title: t.account.memberName, dataIndex: 'memberName', width: 90 },
  { title: t.account.organization, dataIndex: 'organizationName', width: 260, ellipsis: true },
  { title: t.account.capacity, dataIndex: 'capacity', width: 100 },
  { title: t.account.kind, dataIndex: 'kind', width: 80 },
  { title: t.account.audience, dataIndex: 'audience', width: 110, render: or },
  { title: t.account.requiredFiling, dataIndex: 'requiredFiling', width: 60 },
  { title: t.account.filingState, dataIndex: 'filingState', width: 150, render: (_: unknown, r: AccountRow) => <FilingStateTag state={r.filingState} required={r.requiredFiling} overdue={r.overdue} /> },
  { title: t.account.dueOn, dataIndex: 'dueOn', width: 110, render: or },
];

export function AccountTable({ list, height, emptyText }: { list: PagedList<'accounts.search'>; height: number; emptyText: string }) {
  const navigate = useNavigate();
  return (
    <VirtualTable<AccountRow>
      list={list}
      columns={columns}
      height={height}
      width={1240}
      emptyText={emptyText}
      onOpen={(row) => navigate(`/accounts/${row.id}`)}
      testId="account-row"
    />
  );
}
