/** 操作员 (admin only): who may sign in, with which role; a new password or a role change is one dialog. */
import { Form, Input, Modal, Select, Switch, Tag, type TableColumnsType } from 'antd';
import { Button } from 'antd';
import { ROLES, type OperatorRow } from '../../src/contract/operators.js';
import { call } from '../api.js';
import { AddButton } from '../components/PageParts.js';
import { RecordTable } from '../components/RecordTable.js';
import { useCall } from '../hooks/useCall.js';
import { useDialog } from '../hooks/useDialog.js';
import { useFormSubmit } from '../hooks/useFormSubmit.js';
import { t } from '../strings.js';

interface Values {
  name: string;
  role: OperatorRow['role'];
  password?: string;
  active: boolean;
}

function OperatorModal({ editing, onClose, onDone }: { editing: OperatorRow | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useFormSubmit(
    form,
    (v) =>
      editing
        ? call('operators.update', { id: editing.id, role: v.role, active: v.active, password: v.password || undefined })
        : call('operators.create', { name: v.name, role: v.role, password: v.password ?? '' }),
    t.operators.saved,
    onDone,
  );
  return (
    <Modal open title={editing ? `${t.operators.edit} ${editing.name}` : t.operators.add} onCancel={onClose} onOk={submit} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={editing ?? { role: '录入员', active: true }}>
        {!editing && (
          <Form.Item name="name" label={t.operators.name} rules={[{ required: true, message: t.common.required }]}>
            <Input maxLength={20} />
          </Form.Item>
        )}
        <Form.Item name="role" label={t.operators.role}>
          <Select options={ROLES.map((r) => ({ value: r, label: r }))} />
        </Form.Item>
        <Form.Item name="password" label={editing ? t.operators.newPassword : t.auth.password} rules={editing ? [] : [{ required: true, message: t.common.required }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {editing && (
          <Form.Item name="active" label={t.operators.active} valuePropName="checked">
            <Switch checkedChildren={t.operators.activeYes} unCheckedChildren={t.operators.activeNo} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function OperatorsPage() {
  const { data, loading, reload } = useCall('operators.list', {});
  const { dialog, setDialog, close, done } = useDialog<{ editing: OperatorRow | null }>(reload);
  const columns: TableColumnsType<OperatorRow> = [
    { title: t.operators.name, dataIndex: 'name', width: 160 },
    { title: t.operators.role, dataIndex: 'role', width: 100 },
    { title: t.operators.active, dataIndex: 'active', width: 90, render: (v: boolean) => (v ? <Tag color="green">{t.operators.activeYes}</Tag> : <Tag>{t.operators.activeNo}</Tag>) },
    { title: t.operators.createdAt, dataIndex: 'createdAt', width: 180, render: (v: string) => new Date(v).toLocaleString('zh-CN') },
    { title: t.operators.lastSignIn, dataIndex: 'lastSignInAt', width: 180, render: (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN') : t.common.none) },
    { title: '', key: 'edit', width: 80, render: (_, r) => <Button size="small" onClick={() => setDialog({ editing: r })}>{t.operators.edit}</Button> },
  ];
  return (
    <div className="page">
      <div className="toolbar">
        <h2 className="page-title">{t.operators.title}</h2>
        <AddButton needs="operators.create" label={t.operators.add} onClick={() => setDialog({ editing: null })} />
      </div>
      <div className="muted">{t.operators.help}</div>
      <RecordTable<OperatorRow> loading={loading} columns={columns} rows={data} emptyText={t.common.none} />
      {dialog && <OperatorModal editing={dialog.editing} onClose={close} onDone={done} />}
    </div>
  );
}
