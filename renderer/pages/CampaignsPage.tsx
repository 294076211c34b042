/** 年度核查: the campaigns, and starting a new one. */
import { Empty, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Campaign } from '../../src/contract/campaigns.js';
import { NewCampaignModal } from '../components/CampaignModals.js';
import { useCall } from '../hooks/useCall.js';
import { AddButton } from '../components/PageParts.js';
import { t } from '../strings.js';

const columns: TableColumnsType<Campaign> = [
  { title: t.campaign.name, dataIndex: 'title' },
  { title: t.campaign.year, dataIndex: 'year', width: 80 },
  { title: t.campaign.deadline, dataIndex: 'deadline', width: 120 },
  { title: t.campaign.scope, key: 'scope', render: (_: unknown, c) => c.organizations.map((o) => o.fullName).join('、') },
  { title: t.campaign.status, dataIndex: 'status', width: 90, render: (v: string) => <Tag color={v === '进行中' ? 'blue' : 'default'}>{v}</Tag> },
];

export function CampaignsPage() {
  const { data, loading, reload } = useCall('campaigns.list', {});
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  return (
    <div className="page">
      <div className="toolbar">
        <h2 className="page-title">{t.campaign.title}</h2>
        <AddButton needs="campaigns.create" label={t.campaign.add} onClick={() => setAdding(true)} />
      </div>
      <Table<Campaign>
        size="small"
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data ?? []}
        pagination={false}
        onRow={(c) => ({ onClick: () => navigate(`/campaigns/${c.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: <Empty description={t.campaign.empty} /> }}
      />
      <NewCampaignModal
        open={adding}
        onClose={() => setAdding(false)}
        onDone={() => {
          setAdding(false);
          reload();
        }}
      />
    </div>
  );
}
