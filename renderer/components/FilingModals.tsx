/** The filing workflow's dialogs: record a filing, review it (登记 / 退回补正), resubmit, close the account. */
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import type { FilingType } from '../../src/domain/vocabulary.js';
import { call } from '../api.js';
import { t } from '../strings.js';
import { iso, notFuture, required } from './formRules.js';
import { WorkflowDialog } from './WorkflowDialog.js';

interface Common {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

export function SubmitFilingModal({ accountId, allowed, ...p }: Common & { accountId: number; allowed: FilingType[] }) {
  return (
    <WorkflowDialog<{ type: FilingType; submittedOn: dayjs.Dayjs; receivedBy?: string; documentNumber?: string }>
      {...p}
      title={t.filing.submitTitle}
      done={t.filing.submitted}
      initialValues={{ type: allowed[0], submittedOn: dayjs() }}
      action={(v) => call('filings.submit', { accountId, type: v.type, submittedOn: iso(v.submittedOn), receivedBy: v.receivedBy ?? null, documentNumber: v.documentNumber ?? null })}
    >
      <Form.Item name="type" label={t.filing.type} rules={[required]}>
        <Select options={allowed.map((a) => ({ value: a, label: a }))} />
      </Form.Item>
      <Form.Item name="submittedOn" label={t.filing.submittedOn} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
      </Form.Item>
      <Form.Item name="receivedBy" label={t.filing.receivedBy}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="documentNumber" label={t.filing.documentNumber}>
        <Input maxLength={60} />
      </Form.Item>
    </WorkflowDialog>
  );
}

export function ReviewFilingModal({ filingId, ...p }: Common & { filingId: number }) {
  return (
    <WorkflowDialog<{ decision: '登记' | '退回补正'; reviewedOn: dayjs.Dayjs; opinion?: string }>
      {...p}
      title={t.filing.reviewTitle}
      done={t.filing.reviewed}
      initialValues={{ decision: '登记', reviewedOn: dayjs() }}
      action={(v) => call('filings.review', { id: filingId, decision: v.decision, reviewedOn: iso(v.reviewedOn), opinion: v.opinion ?? null })}
    >
      <Form.Item name="decision" label={t.filing.decision} rules={[required]}>
        <Radio.Group options={[{ value: '登记', label: t.filing.accept }, { value: '退回补正', label: t.filing.return }]} />
      </Form.Item>
      <Form.Item name="reviewedOn" label={t.filing.reviewedOn} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
      </Form.Item>
      <Form.Item name="opinion" label={t.filing.opinion}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </WorkflowDialog>
  );
}

export function ResubmitFilingModal({ filingId, ...p }: Common & { filingId: number }) {
  return (
    <WorkflowDialog<{ submittedOn: dayjs.Dayjs; opinion?: string }>
      {...p}
      title={t.filing.resubmitTitle}
      done={t.filing.resubmitted}
      initialValues={{ submittedOn: dayjs() }}
      action={(v) => call('filings.resubmit', { id: filingId, submittedOn: iso(v.submittedOn), opinion: v.opinion ?? null })}
    >
      <Form.Item name="submittedOn" label={t.filing.submittedOn} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
      </Form.Item>
      <Form.Item name="opinion" label={t.member.notes}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </WorkflowDialog>
  );
}

export function CloseAccountModal({ accountId, name, ...p }: Common & { accountId: number; name: string }) {
  return (
    <WorkflowDialog<{ closedOn: dayjs.Dayjs; reason: string }>
      {...p}
      title={t.account.closeTitle(name)}
      done={t.account.closed}
      initialValues={{ closedOn: dayjs() }}
      action={(v) => call('accounts.close', { id: accountId, closedOn: iso(v.closedOn), reason: v.reason })}
    >
      <p className="muted">{t.account.closeConfirm}</p>
      <Form.Item name="closedOn" label={t.account.closedOn} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
      </Form.Item>
      <Form.Item name="reason" label={t.account.closedReason} rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
    </WorkflowDialog>
  );
}
