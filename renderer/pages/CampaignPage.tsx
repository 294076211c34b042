/** One annual review: completion overall and by organization, who has not responded, recording responses. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Progress, Row, Space, Spin, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { CampaignOrgCompletion, MissingMember } from '../../src/contract/campaigns.js';
import type { DeclarationKind } from '../../src/domain/vocabulary.js';
import { call } from '../api.js';
import { DeclareModal } from '../components/CampaignModals.js';
import { OrgTreeSelect } from '../components/OrgTreeSelect.js';
import { useCall } from '../hooks/useCall.js';
import { useExport } from '../hooks/useExport.js';
import { exportFileName } from '../../src/domain/fileNames.js';
import { msg } from '../../src/i18n/messages.js';
import { t } from '../strings.js';

const percent = (done: number, all: number) => (all === 0 ? 100 : Math.round((done / all) * 1000) / 10);

const orgColumns: TableColumnsType<CampaignOrgCompletion> = [
  { title: t.member.organization, dataIndex: 'organizationName', ellipsis: true },
  { title: t.campaign.expected, dataIndex: 'expected', width: 90, align: 'right' },
  { title: t.campaign.declared, dataIndex: 'declared', width: 80, align: 'right' },
  { title: t.campaign.zeroReports, dataIndex: 'zeroReports', width: 80, align: 'right' },
  { title: t.campaign.notResponded, dataIndex: 'notResponded', width: 80, align: 'right', render: (v: number) => (v > 0 ? <span style={{ color: '#cf1322' }}>{v}</span> : v) },
  { title: t.campaign.rate, key: 'rate', width: 160, render: (_: unknown, r) => <Progress percent={percent(r.responded, r.expected)} size="small" /> },
];

export function CampaignPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const [organizationId, setOrganizationId] = useState<number | undefined>();
  const [declaring, setDeclaring] = useState<{ member: MissingMember; kind: DeclarationKind } | null>(null);
  const completion = useCall('campaigns.completion', { id });
  const missing = useCall('campaigns.missing', { id, organizationId, limit: 500 });
  const exporter = useExport();
  // The member's 零报告表 for this review, to sign; the organization records the answer with 零报告 once it is back.
  const printZero = (m: MissingMember) =>
    void exporter.run({ type: 'form', form: 'zero', memberId: m.memberId, campaignId: id }, exportFileName(`${msg.paper.forms.fileTitle.zero}_${m.name}`, m.organizationName, new Date().toISOString().slice(0, 10), '.xlsx'));
  const c = completion.data;
  const refresh = () => {
    setDeclaring(null);
    completion.reload();
    missing.reload();
  };
  if (completion.error) return <div className="page"><Alert type="error" showIcon title={completion.error} /></div>;
  if (!c) return <div className="page"><Spin /></div>;
  const open = c.status === '进行中';
  const closeCampaign = () =>
    modal.confirm({
      title: t.campaign.close,
      content: t.campaign.closeConfirm,
      onOk: () =>
        call('campaigns.close', { id }).then(
          () => {
            void message.success(t.campaign.closedDone);
            refresh();
          },
          (err: Error) => void message.error(err.message),
        ),
    });
  const missingColumns: TableColumnsType<MissingMember> = [
    { title: t.member.name, dataIndex: 'name', width: 100, render: (v: string, m) => <Link to={`/members/${m.memberId}`}>{v}</Link> },
    { title: t.member.organization, dataIndex: 'organizationName', ellipsis: true },
    { title: t.member.position, dataIndex: 'position', width: 100 },
    { title: t.member.phone, dataIndex: 'phone', width: 130 },
    { title: t.campaign.activeAccounts, dataIndex: 'activeAccounts', width: 90, align: 'right' },
    ...(open
      ? [
          {
            title: '',
            key: 'act',
            width: 250,
            render: (_: unknown, m: MissingMember) =>
              m.activeAccounts > 0 ? (
                <Button size="small" onClick={() => setDeclaring({ member: m, kind: '申报' })}>{t.campaign.declare}</Button>
              ) : (
                <Space>
                  <Button size="small" onClick={() => setDeclaring({ member: m, kind: '零报告' })}>{t.campaign.zero}</Button>
                  <Button size="small" onClick={() => printZero(m)} data-testid="print-zero-form">{t.paper.printZero}</Button>
                  <Link to={`/members/${m.memberId}`}>{t.campaign.registerAccount}</Link>
                </Space>
              ),
          },
        ]
      : []),
  ];
  return (
    <div className="page" data-testid="campaign">
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/campaigns')}>{t.common.back}</Button>
        <h2 className="page-title">{c.title}</h2>
        <Tag color={open ? 'blue' : 'default'}>{c.status}</Tag>
        {c.overdue && <Tag color="red">{t.campaign.overdue}</Tag>}
        <span className="muted">{t.campaign.deadline}：{c.deadline} · {c.organizations.map((o) => o.fullName).join('、')}</span>
      </Space>
      {!open && c.closedAt && <Alert type="info" showIcon title={t.campaign.frozen(new Date(c.closedAt).toLocaleString('zh-CN', { hour12: false }))} />}
      <Card size="small" extra={open && <Button danger onClick={closeCampaign}>{t.campaign.close}</Button>}>
        <Row gutter={16}>
          {(['expected', 'responded', 'declared', 'zeroReports', 'notResponded'] as const).map((k) => (
            <Col span={4} key={k}>
              <div data-testid={`campaign-${k}`}>
                <Statistic title={t.campaign[k]} value={c.totals[k]} styles={{ content: k === 'notResponded' && c.totals[k] > 0 ? { color: '#cf1322' } : undefined }} />
              </div>
            </Col>
          ))}
          <Col span={4}>
            <Statistic title={t.campaign.rate} value={percent(c.totals.responded, c.totals.expected)} suffix="%" />
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t.campaign.byOrganization}>
        <Table<CampaignOrgCompletion> size="small" rowKey="organizationId" columns={orgColumns} dataSource={c.byOrganization} pagination={{ pageSize: 20 }} />
      </Card>
      <Card
        size="small"
        title={t.campaign.missing}
        extra={
          <Space>
            <OrgTreeSelect allowClear placeholder={t.member.allOrganizations} value={organizationId} onChange={setOrganizationId} />
            {missing.data && <span className="muted">{t.campaign.missingCount(missing.data.rows.length, missing.data.total)}</span>}
          </Space>
        }
      >
        <Table<MissingMember>
          size="small"
          rowKey="memberId"
          loading={missing.loading}
          columns={missingColumns}
          dataSource={missing.data?.rows ?? []}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: <Empty description={t.campaign.allDone} /> }}
        />
      </Card>
      {declaring && (
        <DeclareModal open campaignId={id} member={{ id: declaring.member.memberId, name: declaring.member.name }} kind={declaring.kind} onClose={() => setDeclaring(null)} onDone={refresh} />
      )}
    </div>
  );
}
