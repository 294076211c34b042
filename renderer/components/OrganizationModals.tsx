/** Create/edit an organization, and move it under another parent. */
import { App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { Organization, OrganizationNode } from '../../src/contract/organizations.js';
import { ORGANIZATION_TYPES } from '../../src/domain/vocabulary.js';
import { call } from '../api.js';
import { showError } from '../formErrors.js';
import { useOrganizations } from '../hooks/organizations.js';
import { t } from '../strings.js';
import { OrgTreeSelect } from './OrgTreeSelect.js';
import { useFormSubmit } from '../hooks/useFormSubmit.js';

interface FormProps {
  open: boolean;
  /** Editing this organization; otherwise creating under `parentId`. */
  editing?: Organization | null;
  parentId?: number | null;
  onClose: () => void;
  onSaved: (org: Organization) => void;
}

interface Values {
  fullName: string;
  shortName?: string;
  type: Organization['type'];
  code?: string;
  secretary?: string;
  contactPhone?: string;
  partyCode?: string;
}

export function OrganizationFormModal({ open, editing, parentId = null, onClose, onSaved }: FormProps) {
  const [form] = Form.useForm<Values>();
  const { byId } = useOrganizations();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        fullName: editing.fullName,
        shortName: editing.shortName ?? undefined,
        type: editing.type,
        secretary: editing.secretary ?? undefined,
        contactPhone: editing.contactPhone ?? undefined,
        partyCode: editing.partyCode ?? undefined,
      });
    } else form.setFieldsValue({ type: parentId === null ? '党委' : '党支部' });
  }, [open, editing, parentId, form]);
  const { busy, submit } = useFormSubmit(
    form,
    (v: Values) => {
      const fields = { ...v, code: v.code || undefined };
      return editing ? call('organizations.update', { ...fields, id: editing.id }) : call('organizations.create', { ...fields, parentId });
    },
    editing ? t.common.saved : t.org.created,
    onSaved,
  );
  const parentName = parentId === null ? null : byId.get(parentId)?.fullName;
  return (
    <Modal
      open={open}
      title={editing ? t.org.edit : parentName ? t.org.newChild : t.org.newRoot}
      okText={t.common.save}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      width={600}
      forceRender
    >
      <Form form={form} labelCol={{ span: 6 }} wrapperCol={{ span: 17 }} onFinish={submit}>
        {!editing && parentName && <Form.Item label={t.org.parent}>{parentName}</Form.Item>}
        <Form.Item name="fullName" label={t.org.fullName} rules={[{ required: true, message: t.common.required }]}>
          <Input autoFocus maxLength={100} placeholder={t.org.fullNamePlaceholder} />
        </Form.Item>
        <Form.Item name="shortName" label={t.org.shortName}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="type" label={t.org.type} rules={[{ required: true, message: t.common.required }]}>
          <Select options={ORGANIZATION_TYPES.map((o) => ({ value: o, label: o }))} />
        </Form.Item>
        {!editing && (
          <Form.Item name="code" label={t.org.code} extra={t.org.codeHelp}>
            <Input maxLength={30} />
          </Form.Item>
        )}
        <Form.Item name="secretary" label={t.org.secretary}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t.org.contactPhone}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="partyCode" label={t.org.partyCode} extra={t.org.partyCodeHelp}>
          <Input maxLength={30} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

interface MoveProps {
  organization: OrganizationNode;
  open: boolean;
  onClose: () => void;
  onMoved: () => void;
}

const TOP = -1;

export function MoveOrganizationModal({ organization, open, onClose, onMoved }: MoveProps) {
  const [target, setTarget] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const { nodes } = useOrganizations();
  // The organization itself and everything below it are not valid targets (no cycles).
  const subtree = new Set<number>([organization.id]);
  for (const n of nodes) if (n.parentId !== null && subtree.has(n.parentId)) subtree.add(n.id);
  const submit = async () => {
    if (target === undefined) return;
    setBusy(true);
    try {
      await call('organizations.move', { id: organization.id, parentId: target === TOP ? null : target });
      void message.success(t.org.moved);
      onMoved();
    } catch (err) {
      showError(err, null, (text) => void message.error(text));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t.org.moveTitle(organization.fullName)}
      onOk={() => void submit()}
      okButtonProps={{ disabled: target === undefined }}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <p>{t.org.moveTarget}</p>
      <OrgTreeSelect value={target === TOP ? undefined : target} onChange={setTarget} disabledIds={subtree} style={{ width: '100%' }} />
      <Checkbox style={{ marginTop: 12 }} checked={target === TOP} onChange={(e) => setTarget(e.target.checked ? TOP : undefined)}>
        {t.org.moveToTop}
      </Checkbox>
    </Modal>
  );
}
