/** A member's commendations and protection cases, on the member profile. */
import { Card, Empty, Table } from 'antd';
import { Link } from 'react-router-dom';
import type { Commendation, ProtectionCase } from '../../src/api/article10Types.js';
import { useCall } from '../hooks/useCall.js';
import { commendationColumns } from '../pages/CommendationsPage.js';
import { protectionColumns } from '../pages/ProtectionPage.js';
import { t } from '../strings.js';

export function MemberArticle10({ memberId }: { memberId: number }) {
  const commendations = useCall('commendations.list', { memberId });
  const cases = useCall('protection.list', { memberId });
  return (
    <>
      <Card size="small" title={t.commendation.memberCommendations} extra={<Link to="/commendations">{t.commendation.title}</Link>}>
        <Table<Commendation>
          size="small"
          rowKey="id"
          columns={commendationColumns}
          dataSource={commendations.data ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t.commendation.empty} /> }}
        />
      </Card>
      <Card size="small" title={t.protection.memberCases} extra={<Link to="/protection">{t.protection.title}</Link>}>
        <Table<ProtectionCase>
          size="small"
          rowKey="id"
          columns={protectionColumns.filter((c) => c.key !== 'organizationName' && (c as { dataIndex?: string }).dataIndex !== 'organizationName')}
          dataSource={cases.data ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t.protection.empty} /> }}
        />
      </Card>
    </>
  );
}
