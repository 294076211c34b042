import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Spin } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { AccountFormModal } from '../components/AccountFormModal.js';
import { FilingHistory } from '../components/FilingHistory.js';
import { CloseAccountModal, ResubmitFilingModal, ReviewFilingModal, SubmitFilingModal } from '../components/FilingModals.js';
import { FilingStateTag } from '../components/FilingStateTag.js';
import { HandoverAccountModal, HandoverHistory } from '../components/HandoverModals.js';
import { AuditTable } from '../components/AuditTable.js';
import { useCall } from '../hooks/useCall.js';
import { useExport } from '../hooks/useExport.js';
import { exportFileName } from '../../src/domain/fileNames.js';
import { msg } from '../../src/i18n/messages.js';
import { useDialog } from '../hooks/useDialog.js';
import { Can } from '../hooks/operator.js';
import { t } from '../strings.js';

type Dialog = { kind: 'edit' | 'close' | 'submit' | 'handover' } | { kind: 'review' | 'resubmit'; filingId: number };

export function AccountDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { data: account, error, reload, version } = useCall('accounts.get', { id });
  const { dialog, setDialog, close, done } = useDialog<Dialog>(reload);
  const exporter = useExport();
  if (error) return <div className="page"><Alert type="error" showIcon title={t.account.notFound} description={error} /></div>;
  if (!account) return <div className="page"><Spin /></div>;
  const or = (v: string | number | null) => (v === null ? t.common.none : String(v));
  const closed = account.status === '已注销';
  return (
    <div className="page" data-testid="account-detail">
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>{t.common.back}</Button>
        <h2 className="page-title">{account.displayName}</h2>
        <span data-testid="account-state"><FilingStateTag state={account.filingState} required={account.requiredFiling} overdue={account.overdue} /></span>
      </Space>
      {account.changedFields.length > 0 && account.filingState === '变更未报' && (
        <Alert type="warning" showIcon title={t.account.changedSince(account.changedFields.map((f) => t.account.filedFields[f] ?? f).join('、'))} />
      )}
      <Card
        size="small"
        title={t.account.detail}
        extra={
          !closed && (
            <Space>
              <Can call="accounts.update"><Button onClick={() => setDialog({ kind: 'edit' })}>{t.common.edit}</Button></Can>
              <Can call="accounts.handover"><Button onClick={() => setDialog({ kind: 'handover' })}>{t.handover.action}</Button></Can>
              <Can call="accounts.close"><Button danger onClick={() => setDialog({ kind: 'close' })}>{t.account.close}</Button></Can>
            </Space>
          )
        }
      >
        <Descriptions
          size="small"
          bordered
          column={3}
          items={[
            { label: t.account.memberName, children: <Link to={`/members/${account.memberId}`}>{account.memberName}</Link> },
            { label: t.account.organization, children: account.organizationName, span: 2 },
            { label: t.account.platform, children: account.platform },
            { label: t.account.region, children: account.region },
            { label: t.account.capacity, children: account.capacity },
            { label: t.account.kind, children: account.kind },
            { label: t.account.accountRef, children: or(account.accountRef) },
            { label: t.account.openedOn, children: or(account.openedOn) },
            { label: t.account.audience, children: account.audience === null ? t.common.none : `${account.audience}${account.audienceAsOf ? `（${account.audienceAsOf}）` : ''}` },
            { label: t.account.verifiedSubject, children: or(account.verifiedSubject) },
            { label: t.account.administrator, children: or(account.administrator) },
            { label: t.account.supervisor, children: or(account.supervisor) },
            { label: t.account.requiredFiling, children: account.requiredFiling === '无' ? t.account.none : account.requiredFiling },
            { label: t.account.dueOn, children: or(account.dueOn) },
            { label: t.account.status, children: closed ? `${account.status}（${account.closedOn}，${account.closedReason}）` : account.status },
            { label: t.account.mainContent, children: or(account.mainContent), span: 3 },
            { label: t.account.notes, children: or(account.notes), span: 3 },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t.filing.history}
        extra={
          <Space>
            {/* The form to sign; its scan is then attached to the filing below. */}
            <Button
              title={t.paper.printFilingHint}
              loading={exporter.job !== null}
              onClick={() => void exporter.run({ type: 'form', form: 'filing', accountId: account.id }, exportFileName(`${msg.paper.forms.fileTitle.filing}_${account.memberName}_${account.displayName}`, account.organizationName, new Date().toISOString().slice(0, 10), '.xlsx'))}
              data-testid="print-filing-form"
            >
              {t.paper.printFiling}
            </Button>
            {account.allowedFilingTypes.length > 0 ? (
              <Can call="filings.submit"><Button type="primary" onClick={() => setDialog({ kind: 'submit' })}>{t.filing.submit}</Button></Can>
            ) : (
              <span className="muted">{t.filing.blocked}{account.filingBlockedReason}</span>
            )}
          </Space>
        }
      >
        <FilingHistory
          filings={account.filings}
          onReview={(filingId) => setDialog({ kind: 'review', filingId })}
          onResubmit={(filingId) => setDialog({ kind: 'resubmit', filingId })}
          onChanged={done}
        />
      </Card>
      {account.handovers.length > 0 && (
        <Card size="small" title={t.handover.history}>
          <HandoverHistory rows={account.handovers} />
        </Card>
      )}
      <Card size="small" title={t.member.history}>
        <AuditTable entity="account" entityId={account.id} version={version} />
      </Card>
      <AccountFormModal open={dialog?.kind === 'edit'} account={account} onClose={close} onSaved={done} />
      <HandoverAccountModal open={dialog?.kind === 'handover'} account={account} onClose={close} onDone={done} />
      <CloseAccountModal open={dialog?.kind === 'close'} accountId={account.id} name={account.displayName} onClose={close} onDone={done} />
      <SubmitFilingModal open={dialog?.kind === 'submit'} accountId={account.id} allowed={account.allowedFilingTypes} onClose={close} onDone={done} />
      {dialog && 'filingId' in dialog && (
        <>
          <ReviewFilingModal open={dialog.kind === 'review'} filingId={dialog.filingId} onClose={close} onDone={done} />
          <ResubmitFilingModal open={dialog.kind === 'resubmit'} filingId={dialog.filingId} onClose={close} onDone={done} />
        </>
      )}
    </div>
  );
}
