/** Moving a member to another organization and changing their status: small forms with a confirmation. */
import { Alert, App, DatePicker, Form, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Member } from '../../src/api/types.js';
import { MEMBER_STATUSES } from '../../src/domain/vocabulary.js';
import { call } from '../api.js';
import { showError } from '../formErrors.js';
import { t } from '../strings.js';
import { OrgTreeSelect } from './OrgTreeSelect.js';

interface Props {
  member: Member;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

function useSubmit<V>(form: ReturnType<typeof Form.useForm<V>>[0], action: (v: V) => Promise<unknown>, done: string, onDone: () => void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await action(values);
      void message.success(done);
      onDone();
    } catch (err) {
      showError(err, form, (text) => void message.error(text));
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit: () => void submit().catch(() => undefined) };
}

export function MoveMemberModal({ member, open, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ organizationId: number }>();
  const { busy, submit } = useSubmit(form, (v) => call('members.move', { id: member.id, organizationId: v.organizationId }), t.member.moved, onDone);
  return (
    <Modal open={open} title={t.member.moveTitle(member.name)} onOk={submit} onCancel={onClose} confirmLoading={busy} okText={t.common.confirm} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="organizationId" label={t.member.moveTarget} rules={[{ required: true, message: t.common.required }]}>
          <OrgTreeSelect disabledIds={new Set([member.organizationId])} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ChangeStatusModal({ member, open, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ status: Member['status']; date: dayjs.Dayjs }>();
  const { busy, submit } = useSubmit(
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
        <Form.Item name="date" label={t.member.statusDate} rules={[{ required: true, message: t.common.required }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
