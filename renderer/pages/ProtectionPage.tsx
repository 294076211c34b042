/** 保护支持: cases with their measures; open one to add measures or close it. */
import { Button, Descriptions, Empty, Segmented, Space, Tag, Timeline, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ProtectionCase } from '../../src/contract/protection.js';
import { PROTECTION_STATUSES } from '../../src/domain/vocabulary.js';
import { OrgTreeSelect } from '../components/OrgTreeSelect.js';
import { AddMeasureModal, CloseProtectionModal, NewProtectionCaseModal } from '../components/ProtectionModals.js';
import { useCall } from '../hooks/useCall.js';
import { RecordTable } from '../components/RecordTable.js';
import { AddButton, DetailDrawer } from '../components/PageParts.js';
import { useDialog } from '../hooks/useDialog.js';
import { t } from '../strings.js';

type Dialog = 'new' | 'measure' | 'close';
const or = (v: string | null) => v ?? t.common.none;

export const protectionColumns: TableColumnsType<ProtectionCase> = [
  { title: t.protection.attackedOn, dataIndex: 'attackedOn', width: 110 },
  { title: t.protection.member, dataIndex: 'memberName', width: 90 },
  { title: t.account.organization, dataIndex: 'organizationName', width: 240, ellipsis: true },
  { title: t.protection.platform, dataIndex: 'platform', width: 100, render: or },
  { title: t.protection.description, dataIndex: 'description', ellipsis: true },
  { title: t.protection.measures, key: 'measures', width: 200, ellipsis: true, render: (_: unknown, c) => c.measures.map((m) => m.measure).join('、') || t.common.none },
  { title: t.protection.status, dataIndex: 'status', width: 80, render: (v: string) => <Tag color={v === '处理中' ? 'gold' : 'green'}>{v}</Tag> },
];

export function ProtectionPage() {
  const [organizationId, setOrganizationId] = useState<number | undefined>();
  const [status, setStatus] = useState<'处理中' | '已办结' | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const { data, loading, reload } = useCall('protection.list', { organizationId, status: status ?? undefined });
  const { dialog, setDialog, close, done } = useDialog<Dialog>(reload);
  const current = data?.find((c) => c.id === openId) ?? null;
  return (
    <div className="page">
      <div className="toolbar">
        <h2 className="page-title">{t.protection.title}</h2>
        <Segmented
          value={status ?? ''}
          onChange={(v) => setStatus((v || null) as typeof status)}
          options={[{ value: '', label: t.common.all }, ...PROTECTION_STATUSES.map((s) => ({ value: s, label: s }))]}
        />
        <OrgTreeSelect allowClear placeholder={t.member.allOrganizations} value={organizationId} onChange={setOrganizationId} />
        <AddButton needs="protection.create" label={t.protection.add} onClick={() => setDialog('new')} />
      </div>
      <RecordTable<ProtectionCase> loading={loading} columns={protectionColumns} rows={data} onOpen={(c) => setOpenId(c.id)} emptyText={t.protection.empty} />
      <DetailDrawer
        open={current !== null}
        title={t.protection.detail}
        onClose={() => setOpenId(null)}
        actions={
          current?.status === '处理中' && (
            <Space>
              <Button onClick={() => setDialog('measure')}>{t.protection.addMeasure}</Button>
              <Button type="primary" onClick={() => setDialog('close')}>{t.protection.close}</Button>
            </Space>
          )
        }
      >
        {current && (
          <Space direction="vertical" style={{ width: '100%' }} size="large">
            <Descriptions
              column={1}
              size="small"
              bordered
              items={[
                { label: t.protection.member, children: `${current.memberName}（${current.organizationName}）` },
                { label: t.protection.attackedOn, children: current.attackedOn },
                { label: t.protection.platform, children: or(current.platform) },
                { label: t.protection.description, children: current.description },
                { label: t.protection.handledBy, children: or(current.handledBy) },
                { label: t.protection.status, children: <span data-testid="protection-status">{current.status}</span> },
                { label: t.protection.outcome, children: current.outcome ? `${current.outcome}（${current.closedOn}）` : t.common.none },
              ]}
            />
            <div>
              <h4>{t.protection.measures}</h4>
              {current.measures.length === 0 ? (
                <Empty description={t.protection.noMeasures} />
              ) : (
                <Timeline
                  data-testid="protection-measures"
                  items={current.measures.map((m) => ({ title: m.takenOn, content: `${m.measure}${m.takenBy ? ` · ${m.takenBy}` : ''}${m.notes ? ` · ${m.notes}` : ''}` }))}
                />
              )}
            </div>
          </Space>
        )}
      </DetailDrawer>
      <NewProtectionCaseModal open={dialog === 'new'} onClose={close} onDone={done} />
      {current && (
        <>
          <AddMeasureModal open={dialog === 'measure'} caseId={current.id} onClose={close} onDone={done} />
          <CloseProtectionModal open={dialog === 'close'} caseId={current.id} onClose={close} onDone={done} />
        </>
      )}
    </div>
  );
}
