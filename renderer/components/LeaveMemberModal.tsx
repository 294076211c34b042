/**
 * A member leaves (转出/退休/去世): the dialog lists the member's open accounts and asks, for each, whether it is
 * handed to another member, closed on a date or kept with a note; the leave and the decisions are one call.
 */
import { Alert, Card, DatePicker, Form, Input, Modal, Radio, Space } from 'antd';
import dayjs from 'dayjs';
import type { Member } from '../../src/contract/members.js';
import { LEAVE_ACTIONS, LEAVING_STATUSES, type AccountDecision, type LeaveAction } from '../../src/contract/handover.js';
import { FILING_STATES } from '../../src/domain/vocabulary.js';
import { call } from '../api.js';
import { useCall } from '../hooks/useCall.js';
import { useFormSubmit } from '../hooks/useFormSubmit.js';
import { t } from '../strings.js';
import { iso, notFuture, required } from './formRules.js';
import { MemberSelect } from './MemberSelect.js';

interface DecisionValues {
  accountId: number;
  action?: LeaveAction;
  toMemberId?: number;
  administrator?: string;
  closedOn?: dayjs.Dayjs;
  reason?: string;
  note?: string;
}

interface LeaveValues {
  status: (typeof LEAVING_STATUSES)[number];
  date: dayjs.Dayjs;
  accounts?: DecisionValues[];
}

const OPEN_STATES = FILING_STATES.filter((s) => s !== '已注销');

function decision(d: DecisionValues): AccountDecision {
  if (d.action === '移交') return { accountId: d.accountId, action: '移交', toMemberId: d.toMemberId!, administrator: d.administrator ?? null };
  if (d.action === '注销') return { accountId: d.accountId, action: '注销', closedOn: iso(d.closedOn!), reason: d.reason ?? '' };
  return { accountId: d.accountId, action: '保留', note: d.note ?? '' };
}

/** What one account needs besides its choice: a receiver, a closing date and reason, or a note. */
function DecisionFields({ index }: { index: number }) {
  const name = <F extends keyof DecisionValues>(field: F): ['accounts', number, F] => ['accounts', index, field];
  return (
    <Form.Item noStyle shouldUpdate={(a: LeaveValues, b: LeaveValues) => a.accounts?.[index]?.action !== b.accounts?.[index]?.action}>
      {(form) => {
        const action = form.getFieldValue(name('action')) as LeaveAction | undefined;
        if (action === '移交')
          return (
            <Space wrap align="start">
              <Form.Item name={name('toMemberId')} label={t.leave.toMember} rules={[required]} style={{ minWidth: 280 }}>
                <MemberSelect placeholder={t.account.ownerSearch} />
              </Form.Item>
              <Form.Item name={name('administrator')} label={t.leave.administrator}>
                <Input maxLength={30} />
              </Form.Item>
            </Space>
          );
        if (action === '注销')
          return (
            <Space wrap align="start">
              <Form.Item name={name('closedOn')} label={t.leave.closedOn} rules={[required]} initialValue={form.getFieldValue('date') as dayjs.Dayjs}>
                <DatePicker disabledDate={notFuture} />
              </Form.Item>
              <Form.Item name={name('reason')} label={t.leave.reason} rules={[required]} style={{ minWidth: 300 }}>
                <Input maxLength={200} />
              </Form.Item>
            </Space>
          );
        if (action === '保留')
          return (
            <Form.Item name={name('note')} label={t.leave.note} rules={[required]}>
              <Input maxLength={500} placeholder={t.leave.notePlaceholder} />
            </Form.Item>
          );
        return null;
      }}
    </Form.Item>
  );
}

export function LeaveMemberModal({ member, open, onClose, onDone }: { member: Member; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<LeaveValues>();
  const accounts = useCall('accounts.search', { memberId: member.id, filingStates: OPEN_STATES, limit: 500 });
  const rows = accounts.data?.rows ?? [];
  const { busy, submit } = useFormSubmit(
    form,
    (v) => call('members.leave', { id: member.id, status: v.status, date: iso(v.date), accounts: (v.accounts ?? []).map(decision) }),
    t.leave.done,
    onDone,
  );
  return (
    <Modal open={open} title={t.leave.title(member.name)} onOk={submit} onCancel={onClose} confirmLoading={busy} okText={t.common.confirm} width={820} destroyOnHidden>
      <Alert type="info" showIcon title={t.leave.help} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ date: dayjs() }}>
        <Space align="start" size="large">
          <Form.Item name="status" label={t.leave.status} rules={[required]}>
            <Radio.Group options={LEAVING_STATUSES.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
          <Form.Item name="date" label={t.leave.date} extra={t.member.statusDateHelp} rules={[required]}>
            <DatePicker disabledDate={notFuture} />
          </Form.Item>
        </Space>
        <h4>{rows.length > 0 ? t.leave.accounts(rows.length) : t.leave.noAccounts}</h4>
        {rows.map((a, i) => (
          <Card key={a.id} size="small" style={{ marginBottom: 8 }} title={`${a.platform}「${a.displayName}」`} extra={<span className="muted">{a.capacity} · {a.kind}</span>} data-testid="leave-account">
            <Form.Item name={['accounts', i, 'accountId']} initialValue={a.id} hidden>
              <Input />
            </Form.Item>
            <Form.Item name={['accounts', i, 'action']} label={t.leave.choice} rules={[required]}>
              <Radio.Group options={LEAVE_ACTIONS.map((x) => ({ value: x, label: t.leave.actions[x] }))} />
            </Form.Item>
            <DecisionFields index={i} />
          </Card>
        ))}
      </Form>
    </Modal>
  );
}
