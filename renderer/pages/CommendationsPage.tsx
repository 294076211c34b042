/** 表彰激励: list with filters; a row opens its detail, where it can be edited or withdrawn. */
import { Button, DatePicker, Descriptions, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { Commendation } from '../../src/contract/commendations.js';
import { COMMENDATION_KINDS, type CommendationKind } from '../../src/domain/vocabulary.js';
import { CommendationFormModal, WithdrawCommendationModal } from '../components/CommendationModals.js';
import { OrgTreeSelect } from '../components/OrgTreeSelect.js';
import { useCall } from '../hooks/useCall.js';
import { RecordTable } from '../components/RecordTable.js';
import { AddButton, DetailDrawer } from '../components/PageParts.js';
import { useDateRange } from '../hooks/useDateRange.js';
import { useDialog } from '../hooks/useDialog.js';
import { t } from '../strings.js';

type Dialog = 'new' | 'edit' | 'withdraw';
const or = (v: string | null) => v ?? t.common.none;

export function CommendationStatus({ c }: { c: Commendation }) {
  return c.withdrawnOn ? <Tag>{t.commendation.withdrawn}</Tag> : <Tag color="green">{t.commendation.valid}</Tag>;
}

export const commendationColumns: TableColumnsType<Commendation> = [
  { title: t.commendation.commendedOn, dataIndex: 'commendedOn', width: 110 },
  { title: t.commendation.honourName, dataIndex: 'honourName', ellipsis: true },
  { title: t.commendation.kind, dataIndex: 'kind', width: 110 },
  { title: t.commendation.members, key: 'members', width: 200, ellipsis: true, render: (_: unknown, c) => c.members.map((m) => m.name).join('、') },
  { title: t.commendation.documentNumber, dataIndex: 'documentNumber', width: 160, render: or },
  { title: t.commendation.status, key: 'status', width: 80, render: (_: unknown, c) => <CommendationStatus c={c} /> },
];

export function CommendationsPage() {
  const [organizationId, setOrganizationId] = useState<number | undefined>();
  const [kind, setKind] = useState<CommendationKind | undefined>();
  const dates = useDateRange();
  const [openId, setOpenId] = useState<number | null>(null);
  const { data, loading, reload } = useCall('commendations.list', {
    organizationId,
    kind,
    from: dates.from,
    to: dates.to,
  });
  const { dialog, setDialog, close, done } = useDialog<Dialog>(reload);
  const current = data?.find((c) => c.id === openId) ?? null;
  return (
    <div className="page">
      <div className="toolbar">
        <h2 className="page-title">{t.commendation.title}</h2>
        <OrgTreeSelect allowClear placeholder={t.member.allOrganizations} value={organizationId} onChange={setOrganizationId} />
        <Select allowClear placeholder={t.commendation.kind} style={{ width: 140 }} value={kind} onChange={setKind} options={COMMENDATION_KINDS.map((k) => ({ value: k, label: k }))} />
        <DatePicker.RangePicker {...dates.picker} />
        <AddButton needs="commendations.create" label={t.commendation.add} onClick={() => setDialog('new')} />
      </div>
      <RecordTable<Commendation> loading={loading} columns={commendationColumns} rows={data} onOpen={(c) => setOpenId(c.id)} emptyText={t.commendation.empty} />
      <DetailDrawer
        open={current !== null}
        title={t.commendation.detail}
        onClose={() => setOpenId(null)}
        actions={
          current && !current.withdrawnOn && (
            <Space>
              <Button onClick={() => setDialog('edit')}>{t.common.edit}</Button>
              <Button danger onClick={() => setDialog('withdraw')}>{t.commendation.withdraw}</Button>
            </Space>
          )
        }
      >
        {current && (
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { label: t.commendation.honourName, children: current.honourName },
              { label: t.commendation.kind, children: current.kind },
              { label: t.commendation.members, children: current.members.map((m) => `${m.name}（${m.organizationName}${m.positionAtTime ? `，${m.positionAtTime}` : ''}）`).join('；') },
              { label: t.commendation.commendedOn, children: current.commendedOn },
              { label: t.commendation.documentNumber, children: or(current.documentNumber) },
              { label: t.commendation.approvingBody, children: `${or(current.approvingBody)}${current.approvingLevel ? `（${current.approvingLevel}）` : ''}` },
              { label: t.commendation.reason, children: or(current.reason) },
              { label: t.commendation.relatedLinks, children: or(current.relatedLinks) },
              { label: t.commendation.status, children: current.withdrawnOn ? `${t.commendation.withdrawn}：${current.withdrawnOn}，${current.withdrawnReason}` : t.commendation.valid },
            ]}
          />
        )}
      </DetailDrawer>
      <CommendationFormModal open={dialog === 'new'} onClose={close} onDone={done} />
      {current && (
        <>
          <CommendationFormModal open={dialog === 'edit'} editing={current} onClose={close} onDone={done} />
          <WithdrawCommendationModal open={dialog === 'withdraw'} commendationId={current.id} onClose={close} onDone={done} />
        </>
      )}
    </div>
  );
}
