/** A member's commendations and protection cases, on the member profile. */
import { Card } from 'antd';
import { Link } from 'react-router-dom';
import type { Commendation } from '../../src/contract/commendations.js';
import type { ProtectionCase } from '../../src/contract/protection.js';
import { useCall } from '../hooks/useCall.js';
import { commendationColumns } from '../pages/CommendationsPage.js';
import { protectionColumns } from '../pages/ProtectionPage.js';
import { RecordTable } from './RecordTable.js';
import { t } from '../strings.js';

export function MemberCommendations({ memberId }: { memberId: number }) {
  const commendations = useCall('commendations.list', { memberId });
  const cases = useCall('protection.list', { memberId });
  return (
    <>
      <Card size="small" title={t.commendation.memberCommendations} extra={<Link to="/commendations">{t.commendation.title}</Link>}>
        <RecordTable<Commendation> paged={false} columns={commendationColumns} rows={commendations.data} emptyText={t.commendation.empty} />
      </Card>
      <Card size="small" title={t.protection.memberCases} extra={<Link to="/protection">{t.protection.title}</Link>}>
        <RecordTable<ProtectionCase>
          paged={false}
          columns={protectionColumns.filter((c) => (c as { dataIndex?: string }).dataIndex !== 'organizationName')}
          rows={cases.data}
          emptyText={t.protection.empty}
        />
      </Card>
    </>
  );
}
