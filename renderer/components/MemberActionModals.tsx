/** Moving a member to another organization and changing their status: small forms with a confirmation. */
import { Alert, DatePicker, Form, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import type { Member } from '../../src/contract/members.js';
import { MEMBER_STATUSES } from '../../src/domain/vocabulary.js';
import { call } from '../api.js';
import { useFormSubmit } from '../hooks/useFormSubmit.js';
import { t } from '../strings.js';
import { OrgTreeSelect } from './OrgTreeSelect.js';

interface Props {
  member: Member;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

export function MoveMemberModal({ member, open, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ organizationId: number; onDate: dayjs.Dayjs }>();
  const { busy, submit } = useFormSubmit(
    form,
    (v) => call('members.move', { id: member.id, organizationId: v.organizationId, onDate: v.onDate.format('YYYY-MM-DD') }),
    t.member.moved,
    onDone,
  );
  return (
    <Modal open={open} title={t.member.moveTitle(member.name)} onOk={submit} onCancel={onClose} confirmLoading={busy} okText={t.common.confirm} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ onDate: dayjs() }}>
        <Form.Item name="organizationId" label={t.member.moveTarget} rules={[{ required: true, message: t.common.required }]}>
          <OrgTreeSelect disabledIds={new Set([member.organizationId])} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="onDate" label={t.member.moveDate} extra={t.member.moveDateHelp} rules={[{ required: true, message: t.common.required }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ChangeStatusModal({ member, open, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ status: Member['status']; date: dayjs.Dayjs }>();
  const { busy, submit } = useFormSubmit(
    form,
    (v) => call('members.changeStatus', { id: member.id, status: v.status, date: v.date.format('YYYY-MM-DD') }),
    t.member.statusChanged,
    onDone,
  );
  return (
    <Modal open={open} title={t.member.changeStatusTitle(member.name)} onOk={submit} onCancel={onClose} confirmLoading={busy} okText={t.common.confirm} destroyOnHidden>
      <Alert type="info" showIcon title={t.member.statusHelp} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ date: dayjs() }}>
        <Form.Item name="status" label={t.member.newStatus} rules={[{ required: true, message: t.common.required }]}>
          <Select options={MEMBER_STATUSES.filter((s) => s !== member.status).map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item name="date" label={t.member.statusDate} extra={t.member.statusDateHelp} rules={[{ required: true, message: t.common.required }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
