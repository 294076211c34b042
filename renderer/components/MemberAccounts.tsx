/** A member's accounts and where each stands, on the member profile; register a new one from here. */
import { Button, Card, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { AccountRow } from '../../src/contract/accounts.js';
import type { MemberDetail } from '../../src/contract/members.js';
import { useCall } from '../hooks/useCall.js';
import { RecordTable } from './RecordTable.js';
import { Can } from '../hooks/operator.js';
import { t } from '../strings.js';
import { AccountFormModal } from './AccountFormModal.js';
import { FilingStateTag } from './FilingStateTag.js';

const columns: TableColumnsType<AccountRow> = [
  { title: t.account.displayName, dataIndex: 'displayName' },
  { title: t.account.platform, dataIndex: 'platform', width: 110 },
  { title: t.account.capacity, dataIndex: 'capacity', width: 100 },
  { title: t.account.kind, dataIndex: 'kind', width: 90 },
  { title: t.account.requiredFiling, dataIndex: 'requiredFiling', width: 70 },
  { title: t.account.filingState, dataIndex: 'filingState', width: 160, render: (_: unknown, r) => <FilingStateTag state={r.filingState} required={r.requiredFiling} overdue={r.overdue} /> },
  {
    title: t.account.lastFiling,
    key: 'lastFiling',
    width: 200,
    render: (_: unknown, r) => (r.lastFiling ? `${r.lastFiling.type} · ${r.lastFiling.submittedOn} · ${r.lastFiling.state}` : t.common.none),
  },
];

export function MemberAccounts({ member }: { member: MemberDetail }) {
  const navigate = useNavigate();
  const { data } = useCall('accounts.search', { memberId: member.id, limit: 500 });
  const [adding, setAdding] = useState(false);
  return (
    <Card
      size="small"
      title={t.account.memberAccounts}
      extra={member.status === '在册' && <Can call="accounts.create"><Button onClick={() => setAdding(true)}>{t.account.add}</Button></Can>}
    >
      <RecordTable<AccountRow> paged={false} columns={columns} rows={data?.rows} onOpen={(r) => navigate(`/accounts/${r.id}`)} emptyText={t.account.noneForMember} />
      <AccountFormModal
        open={adding}
        owner={{ id: member.id, name: member.name, organizationName: member.organizationName }}
        onClose={() => setAdding(false)}
        onSaved={(a) => navigate(`/accounts/${a.id}`)}
      />
    </Card>
  );
}
