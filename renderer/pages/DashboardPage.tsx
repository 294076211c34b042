/** 首页: where the scope stands on 报告 and 备案; every number opens the accounts behind it. */
import { Alert, Card, Col, Empty, InputNumber, Progress, Row, Space, Statistic, Table, type TableColumnsType } from 'antd';
import { saveDueWithinDays, savedDueWithinDays } from '../dueWithinDays.js';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Dashboard, DashboardRow, FilingCounts } from '../../src/contract/dashboard.js';
import type { FilingState, RequiredFiling } from '../../src/domain/vocabulary.js';
import { OrgTreeSelect } from '../components/OrgTreeSelect.js';
import { accountQueryToParams } from '../hooks/accountQuery.js';
import { useOrganizations } from '../hooks/organizations.js';
import { useCall } from '../hooks/useCall.js';
import { t } from '../strings.js';

type CountKey = Exclude<keyof FilingCounts, 'closed'>;

/** The accounts-list filter behind each number. */
const FILTERS: Record<CountKey, { filingStates?: FilingState[]; overdue?: boolean }> = {
  needed: { filingStates: ['未报备', '待审核', '已登记', '需补正', '变更未报'] },
  filed: { filingStates: ['已登记'] },
  pending: { filingStates: ['待审核'] },
  correction: { filingStates: ['需补正'] },
  notFiled: { filingStates: ['未报备'] },
  overdue: { overdue: true },
  changed: { filingStates: ['变更未报'] },
};
const CARD_KEYS: CountKey[] = ['needed', 'filed', 'pending', 'correction', 'notFiled', 'overdue', 'changed'];
const ALERT_KEYS = new Set<CountKey>(['overdue', 'changed', 'correction']);

function linkTo(required: RequiredFiling, key: CountKey, organizationId: number | null | undefined): string {
  return `/accounts?${accountQueryToParams({ requiredFiling: required, organizationId: organizationId ?? undefined, ...FILTERS[key] })}`;
}

function CountsCard({ title, required, counts, organizationId }: { title: string; required: RequiredFiling; counts: FilingCounts; organizationId: number | null }) {
  const testKey = required === '报告' ? 'report' : 'record';
  return (
    <Card size="small" title={title}>
      <Row gutter={[8, 8]}>
        {CARD_KEYS.map((key) => (
          <Col span={key === 'needed' ? 6 : 3} key={key}>
            <Link to={linkTo(required, key, organizationId)} data-testid={`dash-${testKey}-${key}`}>
              <Statistic
                title={t.dashboard[key]}
                value={counts[key]}
                styles={{ content: { color: ALERT_KEYS.has(key) && counts[key] > 0 ? '#cf1322' : undefined, fontSize: key === 'needed' ? 30 : 22 } }}
              />
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function breakdownColumns(): TableColumnsType<DashboardRow> {
  const group = (title: string, required: RequiredFiling, pick: (r: DashboardRow) => FilingCounts) => ({
    title,
    children: (['needed', 'filed', 'pending', 'correction', 'notFiled', 'overdue', 'changed'] as CountKey[]).map((key) => ({
      title: t.dashboard[key],
      key: `${required}-${key}`,
      width: 78,
      align: 'right' as const,
      render: (_: unknown, r: DashboardRow) => {
        const n = pick(r)[key];
        return n === 0 ? <span className="muted">0</span> : (
          <Link to={linkTo(required, key, r.organizationId)} style={{ color: ALERT_KEYS.has(key) ? '#cf1322' : undefined }}>{n}</Link>
        );
      },
    })),
  });
  return [
    { title: t.dashboard.organization, dataIndex: 'organizationName', fixed: 'left', width: 300, ellipsis: true },
    group(t.dashboard.report, '报告', (r) => r.report),
    group(t.dashboard.record, '备案', (r) => r.record),
  ];
}

/** The scope's own accounts (not in any child) come last as “本级”, and only when there are any. */
function ownRowLast(data: Dashboard): DashboardRow[] {
  const own = data.breakdown.find((r) => r.organizationId === data.organizationId);
  const children = data.breakdown.filter((r) => r !== own);
  if (!own || (own.report.needed === 0 && own.record.needed === 0 && children.length > 0)) return children;
  return [...children, { ...own, organizationName: t.dashboard.own(own.organizationName) }];
}

/** 未报备 accounts falling due soon; the number is the row count of the 催报名单's 即将到期 sheet it opens. */
function DueSoonCard({ data, days, onDays }: { data: Dashboard; days: number; onDays: (days: number) => void }) {
  const to = `/reports?kind=chase&days=${days}${data.organizationId ? `&org=${data.organizationId}` : ''}`;
  return (
    <Card
      size="small"
      title={t.paper.dueSoonTitle}
      extra={<InputNumber size="small" min={1} max={365} precision={0} value={days} onChange={(v) => v && onDays(v)} addonAfter={t.paper.dueSoonDays} style={{ width: 100 }} data-testid="dash-due-days" />}
      data-testid="dash-due-soon"
    >
      <Link to={to} title={t.paper.dueSoonOpen}>
        <Space size="large">
          <Statistic value={data.dueSoon.count} styles={{ content: { fontSize: 30, color: data.dueSoon.count > 0 ? '#d46b08' : undefined } }} />
          <span className="muted">{t.paper.dueSoonUntil(data.dueSoon.until)}</span>
        </Space>
      </Link>
    </Card>
  );
}

export function DashboardPage() {
  const { nodes, loading: orgsLoading } = useOrganizations();
  const [organizationId, setOrganizationId] = useState<number | undefined>();
  const [dueWithinDays, setDueWithinDays] = useState(savedDueWithinDays);
  const { data, error, reload } = useCall('dashboard.summary', { organizationId, dueWithinDays });
  useEffect(reload, [nodes, reload]);
  if (!orgsLoading && nodes.length === 0) return <div className="page"><Empty description={t.dashboard.empty} /></div>;
  return (
    <div className="page" data-testid="dashboard">
      <div className="toolbar">
        <h2 className="page-title">{t.dashboard.title}</h2>
        <span>{t.dashboard.scope}</span>
        <OrgTreeSelect allowClear placeholder={t.report.defaultScope} value={organizationId} onChange={setOrganizationId} />
        {data && (
          <Space className="muted" style={{ marginLeft: 'auto' }}>
            <span>{t.dashboard.accounts(data.accounts)}</span>
            <span>{t.dashboard.today(data.today)}</span>
          </Space>
        )}
      </div>
      {error && <Alert type="error" showIcon title={t.common.loadFailed} description={error} />}
      {data && (
        <>
          <Row gutter={12}>
            <Col span={12}><CountsCard title={t.dashboard.report} required="报告" counts={data.report} organizationId={data.organizationId} /></Col>
            <Col span={12}><CountsCard title={t.dashboard.record} required="备案" counts={data.record} organizationId={data.organizationId} /></Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Card size="small" title={data.campaign ? t.dashboardExtra.campaign(data.campaign.title) : t.nav.campaigns} data-testid="dash-campaign">
                {data.campaign ? (
                  <Link to={`/campaigns/${data.campaign.id}`}>
                    <Space size="large">
                      <Progress type="circle" size={64} percent={data.campaign.expected === 0 ? 100 : Math.round((data.campaign.responded / data.campaign.expected) * 100)} />
                      <Statistic title={t.campaign.expected} value={data.campaign.expected} />
                      <Statistic title={t.campaign.responded} value={data.campaign.responded} />
                      <Statistic title={t.campaign.notResponded} value={data.campaign.notResponded} styles={{ content: data.campaign.notResponded > 0 ? { color: '#cf1322' } : undefined }} />
                      <span className="muted">
                        {t.campaign.deadline}：{data.campaign.deadline}
                        {data.campaign.overdue ? `（${t.campaign.overdue}）` : ''}
                      </span>
                    </Space>
                  </Link>
                ) : (
                  <span className="muted">{t.dashboardExtra.noCampaign}</span>
                )}
              </Card>
            </Col>
            <Col span={6}>
              <DueSoonCard
                data={data}
                days={dueWithinDays}
                onDays={(days) => {
                  saveDueWithinDays(days);
                  setDueWithinDays(days);
                }}
              />
            </Col>
            <Col span={6}>
              <Card size="small" title={t.dashboardExtra.protection} data-testid="dash-protection">
                <Link to="/protection">
                  <Statistic value={data.openProtectionCases} styles={{ content: { fontSize: 30 } }} />
                </Link>
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t.dashboard.breakdown} extra={<span className="muted">{t.dashboard.clickHint}</span>}>
            <Table<DashboardRow>
              size="small"
              bordered
              rowKey="organizationId"
              columns={breakdownColumns()}
              dataSource={ownRowLast(data)}
              pagination={false}
              scroll={{ x: 1300 }}
            />
          </Card>
        </>
      )}
    </div>
  );
}
