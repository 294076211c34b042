import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Spin, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { AuditTable } from '../components/AuditTable.js';
import { ChangeStatusModal, MoveMemberModal } from '../components/MemberActionModals.js';
import { MemberAccounts } from '../components/MemberAccounts.js';
import { MemberCommendations } from '../components/MemberCommendations.js';
import { MemberFormModal } from '../components/MemberFormModal.js';
import { LeaveMemberModal } from '../components/LeaveMemberModal.js';
import { useOrganizations } from '../hooks/organizations.js';
import { useCall } from '../hooks/useCall.js';
import { useDialog } from '../hooks/useDialog.js';
import { Can } from '../hooks/operator.js';
import { t } from '../strings.js';

type Dialog = 'edit' | 'move' | 'status';

export function MemberProfilePage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const organizations = useOrganizations();
  const { data: member, error, reload, version } = useCall('members.get', { id });
  const { dialog, setDialog, close, done } = useDialog<Dialog>(() => {
    reload();
    void organizations.reload();
  });
  if (error) return <div className="page"><Alert type="error" showIcon title={t.member.notFound} description={error} /></div>;
  if (!member) return <div className="page"><Spin /></div>;
  const or = (v: string | null) => v ?? t.common.none;
  return (
    <div className="page" data-testid="member-profile">
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>{t.common.back}</Button>
        <h2 className="page-title">{member.name}</h2>
        <Tag color={member.status === '在册' ? 'green' : 'default'}>{member.status}</Tag>
      </Space>
      <Card
        title={t.member.profile}
        extra={
          <Space>
            <Can call="members.update"><Button onClick={() => setDialog('edit')}>{t.common.edit}</Button></Can>
            <Can call="members.move"><Button onClick={() => setDialog('move')}>{t.member.move}</Button></Can>
            {member.status === '在册' ? (
              <Can call="members.leave"><Button onClick={() => setDialog('status')}>{t.leave.action}</Button></Can>
            ) : (
              <Can call="members.changeStatus"><Button onClick={() => setDialog('status')}>{t.member.changeStatus}</Button></Can>
            )}
          </Space>
        }
      >
        <Descriptions
          column={2}
          size="small"
          bordered
          items={[
            { label: t.member.name, children: member.name },
            { label: t.member.idNumber, children: <span style={{ fontFamily: 'monospace' }}>{member.idNumber}</span> },
            { label: t.member.gender, children: member.gender },
            { label: t.member.birthDate, children: t.member.birthWithAge(member.birthDate, member.age) },
            { label: t.member.organization, children: <span data-testid="profile-organization">{member.organizationPath.join(' / ')}</span>, span: 2 },
            { label: t.member.workUnit, children: or(member.workUnit) },
            { label: t.member.position, children: or(member.position) },
            { label: t.member.rank, children: or(member.rank) },
            { label: t.member.partyStatus, children: member.partyStatus },
            { label: t.member.joinedOn, children: or(member.joinedOn) },
            { label: t.member.phone, children: or(member.phone) },
            { label: t.member.status, children: member.statusDate ? `${member.status}（${member.statusDate}）` : member.status },
            { label: t.member.notes, children: or(member.notes) },
          ]}
        />
      </Card>
      <MemberAccounts member={member} />
      <MemberCommendations memberId={member.id} />
      <Card title={t.member.history}>
        <AuditTable entity="member" entityId={member.id} version={version} />
      </Card>
      <MemberFormModal open={dialog === 'edit'} member={member} onClose={close} onSaved={done} />
      <MoveMemberModal open={dialog === 'move'} member={member} onClose={close} onDone={done} />
      {member.status === '在册' ? (
        <LeaveMemberModal open={dialog === 'status'} member={member} onClose={close} onDone={done} />
      ) : (
        <ChangeStatusModal open={dialog === 'status'} member={member} onClose={close} onDone={done} />
      )}
    </div>
  );
}
