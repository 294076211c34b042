/** Register an account or group for a member, or edit one; the filing it needs is derived, not chosen. */
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import type { Account } from '../../src/contract/accounts.js';
import { ACCOUNT_KINDS, CAPACITIES, REGIONS } from '../../src/domain/vocabulary.js';
import { call } from '../api.js';
import { useFormSubmit } from '../hooks/useFormSubmit.js';
import { useLedgerSettings } from '../hooks/settings.js';
import { t } from '../strings.js';
import { MemberSelect } from './MemberSelect.js';

interface Props {
  open: boolean;
  account?: Account | null;
  /** Preselected owner when registering from a member's page. */
  owner?: { id: number; name: string; organizationName: string } | null;
  onClose: () => void;
  onSaved: (account: Account) => void;
}

type Values = Omit<Account, 'openedOn' | 'audienceAsOf'> & { openedOn?: dayjs.Dayjs | null; audienceAsOf?: dayjs.Dayjs | null; changedOn?: dayjs.Dayjs | null };

const day = (v: string | null) => (v ? dayjs(v) : null);
const iso = (v: dayjs.Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);
const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

export function AccountFormModal({ open, account, owner, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const settings = useLedgerSettings();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (account) form.setFieldsValue({ ...account, openedOn: day(account.openedOn), audienceAsOf: day(account.audienceAsOf), changedOn: dayjs() } as never);
    else form.setFieldsValue({ memberId: owner?.id, region: '境内', capacity: '个人', kind: '公众账号' } as never);
  }, [open, account, owner, form]);
  const { busy, submit } = useFormSubmit(
    form,
    (v: Values) => {
      const fields = {
        platform: v.platform,
        region: v.region,
        capacity: v.capacity,
        kind: v.kind,
        displayName: v.displayName,
        accountRef: v.accountRef ?? null,
        openedOn: iso(v.openedOn),
        verifiedSubject: v.verifiedSubject ?? null,
        audience: v.audience ?? null,
        audienceAsOf: iso(v.audienceAsOf),
        mainContent: v.mainContent ?? null,
        supervisor: v.supervisor ?? null,
        administrator: v.administrator ?? null,
        notes: v.notes ?? null,
      };
      return account ? call('accounts.update', { ...fields, id: account.id, changedOn: iso(v.changedOn) ?? undefined }) : call('accounts.create', { ...fields, memberId: v.memberId });
    },
    account ? t.account.updated : t.account.created,
    onSaved,
  );
  const required = { required: true, message: t.common.required };
  return (
    <Modal open={open} title={account ? t.account.editTitle : t.account.addTitle} okText={t.common.save} onOk={submit} onCancel={onClose} confirmLoading={busy} width={680} forceRender>
      <Form form={form} labelCol={{ span: 6 }} wrapperCol={{ span: 17 }} onFinish={submit}>
        {!account && (
          <Form.Item name="memberId" label={t.account.owner} rules={[required]}>
            <MemberSelect placeholder={t.account.ownerSearch} initial={owner ? [owner] : []} />
          </Form.Item>
        )}
        <Form.Item name="platform" label={t.account.platform} rules={[required]}>
          <Select showSearch options={options(settings?.platforms ?? [])} />
        </Form.Item>
        <Form.Item name="region" label={t.account.region} rules={[required]}>
          <Select options={options(REGIONS)} />
        </Form.Item>
        <Form.Item name="capacity" label={t.account.capacity} rules={[required]}>
          <Select options={options(CAPACITIES)} />
        </Form.Item>
        <Form.Item name="kind" label={t.account.kind} rules={[required]}>
          <Select options={options(ACCOUNT_KINDS)} />
        </Form.Item>
        <Form.Item name="displayName" label={t.account.displayName} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="accountRef" label={t.account.accountRef}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="openedOn" label={t.account.openedOn}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="audience" label={t.account.audience}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="audienceAsOf" label={t.account.audienceAsOf}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="verifiedSubject" label={t.account.verifiedSubject}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="administrator" label={t.account.administrator}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="supervisor" label={t.account.supervisor}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="mainContent" label={t.account.mainContent}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="notes" label={t.account.notes}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {account && (
          <Form.Item name="changedOn" label={t.account.changedOn} extra={t.account.changedOnHelp}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} />
          </Form.Item>
        )}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
