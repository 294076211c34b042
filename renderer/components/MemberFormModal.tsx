/** New member or edit: validation messages appear next to the field that is wrong. */
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import type { Member } from '../../src/contract/members.js';
import { PARTY_STATUSES, RANKS } from '../../src/domain/vocabulary.js';
import { call } from '../api.js';
import { useFormSubmit } from '../hooks/useFormSubmit.js';
import { t } from '../strings.js';
import { OrgTreeSelect } from './OrgTreeSelect.js';

interface Props {
  open: boolean;
  member?: Member | null;
  defaultOrganizationId?: number;
  onClose: () => void;
  onSaved: (member: Member) => void;
}

interface Values {
  name: string;
  idNumber: string;
  organizationId: number;
  workUnit?: string;
  position?: string;
  rank?: Member['rank'];
  partyStatus: Member['partyStatus'];
  phone?: string;
  joinedOn?: dayjs.Dayjs | null;
  notes?: string;
}

export function MemberFormModal({ open, member, defaultOrganizationId, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      member
        ? { ...member, workUnit: member.workUnit ?? undefined, position: member.position ?? undefined, phone: member.phone ?? undefined, notes: member.notes ?? undefined, joinedOn: member.joinedOn ? dayjs(member.joinedOn) : null }
        : { organizationId: defaultOrganizationId, partyStatus: '正式党员' },
    );
  }, [open, member, defaultOrganizationId, form]);

  const { busy, submit } = useFormSubmit(
    form,
    (values: Values) => {
      const fields = { ...values, joinedOn: values.joinedOn ? values.joinedOn.format('YYYY-MM-DD') : null, rank: values.rank ?? null };
      return member ? call('members.update', { ...fields, id: member.id }) : call('members.create', fields);
    },
    member ? t.member.updated : t.member.created,
    onSaved,
  );

  const required = { required: true, message: t.common.required };
  return (
    <Modal
      open={open}
      title={member ? t.member.editTitle : t.member.addTitle}
      okText={t.common.save}
      cancelText={t.common.cancel}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="horizontal" labelCol={{ span: 5 }} wrapperCol={{ span: 18 }} onFinish={submit}>
        <Form.Item name="name" label={t.member.name} rules={[required]}>
          <Input autoFocus maxLength={30} />
        </Form.Item>
        <Form.Item name="idNumber" label={t.member.idNumber} rules={[required]} extra={t.member.idNumberHelp}>
          <Input maxLength={25} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        {!member && (
          <Form.Item name="organizationId" label={t.member.organization} rules={[required]}>
            <OrgTreeSelect />
          </Form.Item>
        )}
        <Form.Item name="workUnit" label={t.member.workUnit}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="position" label={t.member.position}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="rank" label={t.member.rank}>
          <Select allowClear options={RANKS.map((r) => ({ value: r, label: r }))} />
        </Form.Item>
        <Form.Item name="partyStatus" label={t.member.partyStatus} rules={[required]}>
          <Select options={PARTY_STATUSES.map((r) => ({ value: r, label: r }))} />
        </Form.Item>
        <Form.Item name="phone" label={t.member.phone}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="joinedOn" label={t.member.joinedOn}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="notes" label={t.member.notes}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
