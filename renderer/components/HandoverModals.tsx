/** Handing an account to another member or administrator, and the account's handover history. */
import { DatePicker, Form, Input, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Account } from '../../src/contract/accounts.js';
import type { AccountHandover } from '../../src/contract/handover.js';
import { call } from '../api.js';
import { t } from '../strings.js';
import { iso, notFuture, required } from './formRules.js';
import { MemberSelect } from './MemberSelect.js';
import { WorkflowDialog } from './WorkflowDialog.js';

interface HandoverValues {
  toMemberId?: number;
  administrator?: string;
  onDate: dayjs.Dayjs;
  note?: string;
}

export function HandoverAccountModal({ account, ...p }: { account: Account; open: boolean; onClose: () => void; onDone: () => void }) {
  return (
    <WorkflowDialog<HandoverValues>
      {...p}
      title={t.handover.title(account.displayName)}
      done={t.handover.done}
      initialValues={{ administrator: account.administrator ?? undefined, onDate: dayjs() }}
      action={(v) =>
        call('accounts.handover', { id: account.id, onDate: iso(v.onDate), toMemberId: v.toMemberId, administrator: v.administrator ?? null, note: v.note ?? null })
      }
    >
      <p className="muted">{t.handover.help}</p>
      <Form.Item name="toMemberId" label={t.handover.toMember} extra={t.handover.toMemberHint}>
        <MemberSelect placeholder={t.account.ownerSearch} />
      </Form.Item>
      <Form.Item name="administrator" label={t.handover.administrator}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="onDate" label={t.handover.onDate} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
      </Form.Item>
      <Form.Item name="note" label={t.handover.note}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </WorkflowDialog>
  );
}

const columns: TableColumnsType<AccountHandover> = [
  { title: t.handover.onDate, dataIndex: 'onDate', width: 110 },
  {
    title: t.handover.kind,
    dataIndex: 'kind',
    width: 150,
    render: (v: string, r) => (
      <>
        <Tag color={v === '移交' ? 'blue' : 'default'}>{v}</Tag>
        {r.memberLeft && t.handover.memberLeft(r.memberLeft)}
      </>
    ),
  },
  { title: t.handover.from, dataIndex: 'fromMemberName', width: 90 },
  { title: t.handover.to, dataIndex: 'toMemberName', width: 90 },
  {
    title: t.handover.administrators,
    key: 'administrators',
    width: 160,
    render: (_, r) => (r.fromAdministrator === r.toAdministrator ? t.handover.unchanged : `${r.fromAdministrator ?? t.common.none} → ${r.toAdministrator ?? t.common.none}`),
  },
  { title: t.handover.note, dataIndex: 'note', render: (v: string | null) => v ?? t.common.none },
  { title: t.handover.actor, dataIndex: 'actor', width: 100 },
];

export function HandoverHistory({ rows }: { rows: AccountHandover[] }) {
  return <Table size="small" rowKey="id" pagination={false} columns={columns} dataSource={rows} data-testid="handover-history" />;
}
