import { Button, DatePicker, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { PublicationRequest } from '../../src/contract/requests.js';
import { OrgTreeSelect } from '../components/OrgTreeSelect.js';
import { DecideRequestModal, NewRequestModal, PublishedModal } from '../components/RequestModals.js';
import { useCall } from '../hooks/useCall.js';
import { RecordTable } from '../components/RecordTable.js';
import { AddButton } from '../components/PageParts.js';
import { useDateRange } from '../hooks/useDateRange.js';
import { useDialog } from '../hooks/useDialog.js';
import { t } from '../strings.js';

type Dialog = { kind: 'new' } | { kind: 'decide' | 'publish'; id: number };
const DECISION_COLORS: Record<string, string> = { 同意: 'green', 修改后同意: 'blue', 不同意: 'red' };

export function RequestsPage() {
  const [organizationId, setOrganizationId] = useState<number | undefined>();
  const dates = useDateRange();
  const { data, loading, reload } = useCall('requests.list', {
    organizationId,
    from: dates.from,
    to: dates.to,
  });
  const { dialog, setDialog, close, done } = useDialog<Dialog>(reload);
  const columns: TableColumnsType<PublicationRequest> = [
    { title: t.request.requestedOn, dataIndex: 'requestedOn', width: 110 },
    { title: t.request.requestTitle, dataIndex: 'title', ellipsis: true },
    { title: t.request.requester, dataIndex: 'requesterName', width: 90 },
    { title: t.request.organization, dataIndex: 'organizationName', width: 260, ellipsis: true },
    { title: t.request.channel, dataIndex: 'channel', width: 160, ellipsis: true, render: (v: string | null) => v ?? t.common.none },
    {
      title: t.request.decision,
      dataIndex: 'decision',
      width: 190,
      render: (v: string | null, r) =>
        v ? <span><Tag color={DECISION_COLORS[v]}>{v}</Tag>{r.decidedOn}</span> : <Button size="small" onClick={() => setDialog({ kind: 'decide', id: r.id })}>{t.request.decide}</Button>,
    },
    {
      title: t.request.publishedOn,
      dataIndex: 'publishedOn',
      width: 120,
      render: (v: string | null, r) =>
        v ?? (r.decision === '同意' || r.decision === '修改后同意' ? <Button size="small" onClick={() => setDialog({ kind: 'publish', id: r.id })}>{t.request.publish}</Button> : t.common.none),
    },
  ];
  return (
    <div className="page">
      <div className="toolbar">
        <h2 className="page-title">{t.request.title}</h2>
        <OrgTreeSelect allowClear placeholder={t.member.allOrganizations} value={organizationId} onChange={setOrganizationId} />
        <DatePicker.RangePicker {...dates.picker} />
        <AddButton needs="requests.create" label={t.request.add} onClick={() => setDialog({ kind: 'new' })} />
      </div>
      <RecordTable<PublicationRequest> loading={loading} columns={columns} rows={data} emptyText={t.request.empty} />
      <NewRequestModal open={dialog?.kind === 'new'} organizationId={organizationId} onClose={close} onDone={done} />
      {dialog && 'id' in dialog && (
        <>
          <DecideRequestModal open={dialog.kind === 'decide'} requestId={dialog.id} onClose={close} onDone={done} />
          <PublishedModal open={dialog.kind === 'publish'} requestId={dialog.id} onClose={close} onDone={done} />
        </>
      )}
    </div>
  );
}
